// The version of the code that the build caches are keyed on: a checkout at another path (another
// CI machine) has the same version, so bundles built there are reused; a change to one of a stage's
// modules is a new version of that stage only.
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { stageModules } from "../../src/lib/build/code-version.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const elsewhere = mkdtempSync(join(tmpdir(), "code-version-"));
after(() => rmSync(elsewhere, { recursive: true, force: true }));

/** Each stage's entry modules, relative to src/lib, as the stages key their caches. */
const STAGES = {
  ingest: ["ingest/run-ingest.ts", "ingest/ingest-workers.ts", "places/article-locator.ts"],
  index: ["search/build-index.ts"],
  articleStore: ["site/article-loader.ts"],
} as const;

async function versionAt(root: string, stage: keyof typeof STAGES, data: string[] = []): Promise<string> {
  const module = (await import(join(root, "src/lib/build/code-version.ts"))) as typeof import("../../src/lib/build/code-version.ts");
  return module.codeVersion(
    STAGES[stage].map((entry) => join(root, "src/lib", entry)),
    data,
  );
}

const copy = (name: string) => {
  cpSync(join(ROOT, "src/lib"), join(elsewhere, name, "src/lib"), { recursive: true });
  cpSync(join(ROOT, "package-lock.json"), join(elsewhere, name, "package-lock.json"));
  cpSync(join(ROOT, "content/data"), join(elsewhere, name, "data"), { recursive: true });
  return join(elsewhere, name);
};

test("the same code and data at another path have the same version; a changed module does not", async () => {
  const a = copy("a");
  const here = await versionAt(ROOT, "ingest", [join(ROOT, "content/data")]);
  assert.equal(await versionAt(a, "ingest", [join(a, "data")]), here);
  const b = copy("b");
  appendFileSync(join(b, "src/lib/ingest/repair.ts"), "\n// changed\n");
  assert.notEqual(await versionAt(b, "ingest", [join(b, "data")]), here);
});

test("a change to one stage's code is a new version of that stage only", async () => {
  const base = copy("base");
  const before = { ingest: await versionAt(base, "ingest"), index: await versionAt(base, "index"), articleStore: await versionAt(base, "articleStore") };

  const chart = copy("chart");
  appendFileSync(join(chart, "src/lib/site/charts.ts"), "\n// a chart changed\n");
  assert.deepEqual(
    { ingest: await versionAt(chart, "ingest"), index: await versionAt(chart, "index"), articleStore: await versionAt(chart, "articleStore") },
    before,
    "a chart is no stage's code: nothing is parsed, loaded or indexed again",
  );

  const parser = copy("parser");
  appendFileSync(join(parser, "src/lib/ingest/repair.ts"), "\n// a repair changed\n");
  assert.notEqual(await versionAt(parser, "ingest"), before.ingest, "the parser's change re-parses");
  assert.equal(await versionAt(parser, "index"), before.index, "but does not re-index");
  assert.equal(await versionAt(parser, "articleStore"), before.articleStore, "nor reload the article store");

  const renderer = copy("renderer");
  appendFileSync(join(renderer, "src/lib/articles/article-body.ts"), "\n// the article renderer changed\n");
  assert.notEqual(await versionAt(renderer, "index"), before.index, "the index renders bodies as the site does: it is redone");
  assert.equal(await versionAt(renderer, "ingest"), before.ingest, "the parse is not");
});

test("a stage's modules are found by following its relative imports", () => {
  const modules = stageModules(STAGES.ingest.map((entry) => join(ROOT, "src/lib", entry))).map((file) => file.slice(join(ROOT, "src/lib").length + 1));
  for (const module of ["ingest/repair.ts", "ingest/dateline.ts", "places/locate.ts", "article-schema.ts"]) assert.ok(modules.includes(module), module);
  for (const module of ["site/charts.ts", "search/build-index.ts"]) assert.ok(!modules.includes(module), module);
});
