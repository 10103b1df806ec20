/**
 * The worker-thread ingest writes exactly what the single-thread ingest writes, and both
 * refuse a missing input folder with a message naming it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest, runIngestParallel } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const root = join(import.meta.dirname, "../..");
const dataDir = join(root, "content/data");
const work = mkdtempSync(join(tmpdir(), "ingest-parallel-"));
after(() => rmSync(work, { recursive: true, force: true }));

const options = (outDir: string, inDir = join(root, "content/issues")) => ({
  inDir,
  outDir,
  correctionsFile: null,
  knowledge: loadPageKnowledge(dataDir),
  places: articleLocator,
});

function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".md") || p.endsWith(".json"));
  return new Map(files.sort().map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

test("parsing on worker threads gives the same articles, report and manifest as one thread", async () => {
  const single = runIngest(options(join(work, "single")));
  const parallel = await runIngestParallel({ ...options(join(work, "parallel")), dataDir, workers: 2 });
  assert.equal(parallel.articles, single.articles);
  assert.deepEqual(parallel.byKind, single.byKind);
  assert.deepEqual(parallel.errors, []);
  const expected = tree(join(work, "single"));
  const actual = tree(join(work, "parallel"));
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  for (const [path, text] of expected) assert.equal(actual.get(path), text, path);
});

test("a missing input folder is an error that names it", async () => {
  const missing = join(work, "no-such-folder");
  assert.throws(() => runIngest(options(join(work, "out"), missing)), new RegExp(`input folder not found: ${missing}`));
  await assert.rejects(runIngestParallel({ ...options(join(work, "out"), missing), dataDir, workers: 2 }), /input folder not found/);
});
