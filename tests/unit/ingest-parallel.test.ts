/**
 * The worker-thread ingest writes exactly what the single-thread ingest writes, first run and
 * rerun alike, and both refuse a missing input folder with a message naming it.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { ParseCache } from "../../src/lib/ingest/parse-cache.ts";
import { IngestWorkers } from "../../src/lib/ingest/ingest-workers.ts";
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
  const workers = new IngestWorkers(2, { dataDir });
  const parallel = await runIngestParallel({ ...options(join(work, "parallel")), workers });
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
  await assert.rejects(runIngestParallel({ ...options(join(work, "out"), missing), workers: new IngestWorkers(2, { dataDir }) }), /input folder not found/);
});

test("a rerun on workers after an issue is deleted and one is added writes what one thread writes", async () => {
  const inDir = join(work, "rerun-in");
  mkdirSync(inDir);
  const seeds = readdirSync(join(root, "content/issues")).filter((f) => f.endsWith(".txt")).sort();
  for (const f of seeds.slice(0, 4)) copyFileSync(join(root, "content/issues", f), join(inDir, f));
  const single = join(work, "rerun-single");
  const parallel = join(work, "rerun-parallel");
  const onWorkers = () => runIngestParallel({ ...options(parallel, inDir), workers: new IngestWorkers(1, { dataDir }) });
  runIngest(options(single, inDir));
  await onWorkers();
  unlinkSync(join(inDir, seeds[0]!));
  copyFileSync(join(root, "content/issues", seeds[4]!), join(inDir, seeds[4]!));
  const expected = runIngest(options(single, inDir));
  const actual = await onWorkers();
  assert.ok(actual.removed > 0 && actual.written > 0);
  assert.deepEqual({ ...actual, seconds: 0 }, { ...expected, seconds: 0 });
  assert.deepEqual([...tree(parallel)], [...tree(single)]);
});

test("parses made on workers are kept in the cache as a run on one thread keeps them, and reused", async () => {
  const inDir = join(root, "content/issues");
  const single = join(work, "cache-single");
  const parallel = join(work, "cache-parallel");
  const withCache = (outDir: string) => ({ ...options(outDir), parserVersion: "v1" });
  runIngest(withCache(single));
  await runIngestParallel({ ...withCache(parallel), workers: new IngestWorkers(1, { dataDir }) });
  // The same parses under the same keys, read as the next run reads them.
  for (const source of readdirSync(inDir).filter((f) => f.endsWith(".txt"))) {
    const key = ParseCache.key(source, readFileSync(join(inDir, source)));
    assert.deepEqual(new ParseCache(parallel, "v1").get(key), new ParseCache(single, "v1").get(key), source);
  }
  const rerun = await runIngestParallel({ ...withCache(parallel), workers: new IngestWorkers(1, { dataDir }) });
  assert.equal(rerun.reusedParses, rerun.files);
  assert.equal(rerun.written, 0);
  assert.deepEqual([...tree(parallel)], [...tree(single)]);
});

test("workers that only write (the run's thread parses) write what one thread writes", async () => {
  const single = join(work, "writers-single");
  const parallel = join(work, "writers-parallel");
  runIngest(options(single));
  const summary = await runIngestParallel({ ...options(parallel), workers: new IngestWorkers(1, null) });
  assert.deepEqual(summary.errors, []);
  assert.deepEqual([...tree(parallel)], [...tree(single)]);
});
