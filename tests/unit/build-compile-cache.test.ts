import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { compileCacheDir, withCompileCache } from "../../src/lib/build/compile-cache.ts";

test("a build step's environment turns Node's compile cache on, unless the caller chose otherwise", () => {
  const root = "/srv/archive";
  assert.equal(withCompileCache({ PATH: "/bin" }, root).NODE_COMPILE_CACHE, path.join(root, "node_modules", ".cache", "node-compile-cache"));
  assert.equal(withCompileCache({ PATH: "/bin" }, root).PATH, "/bin");
  assert.equal(withCompileCache({ NODE_COMPILE_CACHE: "/tmp/mine" }, root).NODE_COMPILE_CACHE, "/tmp/mine");
  assert.equal(withCompileCache({ NODE_DISABLE_COMPILE_CACHE: "1" }, root).NODE_COMPILE_CACHE, undefined);
});

test("a Node process started with that environment writes its compiled code there", () => {
  const root = mkdtempSync(path.join(tmpdir(), "compile-cache-"));
  try {
    const script = path.join(root, "step.mjs");
    writeFileSync(script, "export const answer = 42;\nconsole.log(answer);\n");
    const env = withCompileCache({ PATH: process.env.PATH }, root);
    assert.equal(execFileSync(process.execPath, [script], { env, encoding: "utf8" }).trim(), "42");
    const cached = readdirSync(compileCacheDir(root), { recursive: true });
    assert.ok(cached.length > 0, "the compile cache folder holds the step's compiled code");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
