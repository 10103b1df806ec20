// The version of the code that the build caches are keyed on: a checkout at another path (another
// CI machine) has the same version, so bundles built there are reused; a change to a module is a
// new version.
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { codeVersion } from "../../src/lib/build/code-version.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const elsewhere = mkdtempSync(join(tmpdir(), "code-version-"));
after(() => rmSync(elsewhere, { recursive: true, force: true }));

async function versionAt(root: string, data: string[]): Promise<string> {
  const module = (await import(join(root, "src/lib/build/code-version.ts"))) as typeof import("../../src/lib/build/code-version.ts");
  return module.codeVersion(data);
}

test("the same code and data at another path have the same version; a changed module does not", async () => {
  cpSync(join(ROOT, "src/lib"), join(elsewhere, "a/src/lib"), { recursive: true });
  cpSync(join(ROOT, "package-lock.json"), join(elsewhere, "a/package-lock.json"));
  cpSync(join(ROOT, "content/data"), join(elsewhere, "a/data"), { recursive: true });
  const here = codeVersion([join(ROOT, "content/data")]);
  assert.equal(await versionAt(join(elsewhere, "a"), [join(elsewhere, "a/data")]), here);

  cpSync(join(elsewhere, "a"), join(elsewhere, "b"), { recursive: true });
  appendFileSync(join(elsewhere, "b/src/lib/slug.ts"), "\n// changed\n");
  assert.notEqual(await versionAt(join(elsewhere, "b"), [join(elsewhere, "b/data")]), here);
});
