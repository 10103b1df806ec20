// How the index runs its Pagefind processes: one thread each and jemalloc keeping its memory
// (src/lib/search/pagefind-process.ts). The settings change the CPU a bundle costs, never the
// bundle: the seed articles indexed with them and with Pagefind's own defaults give the same files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { buildSearchIndex } from "../../src/lib/search/build-index.ts";
import { PAGEFIND_PROCESS_ENV, preparePagefindEnvironment } from "../../src/lib/search/pagefind-process.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let work = "";
let articles = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "search-pagefind-process-"));
  articles = join(work, "articles");
  ingestSeedArticles(articles);
});

after(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const where = join(entry.parentPath, entry.name);
    files.set(relative(dir, where), readFileSync(where));
  }
  return files;
}

/** `npm run index` over the seed articles in a process of its own, with `env` added to its environment. */
function indexSeedArticles(name: string, env: Record<string, string>): Map<string, Buffer> {
  const site = join(work, name, "site");
  const run = spawnSync(
    process.execPath,
    ["scripts/index-search.ts", "--articles", articles, "--site", site, "--cache", join(work, name, "cache")],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } },
  );
  assert.equal(run.status, 0, run.stderr);
  return filesUnder(join(site, "pagefind"));
}

test("fills in only what the environment does not already say", () => {
  const env: NodeJS.ProcessEnv = { RAYON_NUM_THREADS: "4", PATH: "/usr/bin" };
  preparePagefindEnvironment(env);
  assert.equal(env.RAYON_NUM_THREADS, "4");
  assert.equal(env.TOKIO_WORKER_THREADS, PAGEFIND_PROCESS_ENV.TOKIO_WORKER_THREADS);
  assert.equal(env._RJEM_MALLOC_CONF, PAGEFIND_PROCESS_ENV._RJEM_MALLOC_CONF);
  assert.equal(env.PATH, "/usr/bin");
});

test("the bundles are the same files, byte for byte, as with Pagefind's own defaults", () => {
  const tuned = indexSeedArticles("tuned", {});
  // Pagefind's defaults: a pool as large as the machine, jemalloc's own decay, no huge pages.
  const defaults = indexSeedArticles("defaults", { RAYON_NUM_THREADS: "0", TOKIO_WORKER_THREADS: "2", _RJEM_MALLOC_CONF: "thp:default" });
  assert.ok(tuned.size > 10, `only ${tuned.size} files written`);
  assert.deepEqual([...tuned.keys()].sort(), [...defaults.keys()].sort());
  for (const [file, bytes] of tuned) assert.ok(bytes.equals(defaults.get(file)!), `${file} differs`);
});

test("the index starts its Pagefind process with the settings", async () => {
  for (const name of Object.keys(PAGEFIND_PROCESS_ENV)) delete process.env[name];
  // One lane: the bundles are indexed in this thread, whose environment Pagefind inherits.
  await buildSearchIndex(articles, join(work, "in-thread", "site"), { jobs: 1 });
  for (const [name, value] of Object.entries(PAGEFIND_PROCESS_ENV)) assert.equal(process.env[name], value, name);
});
