// Pagefind's command line over staged documents (src/lib/search/pagefind-cli.ts): the documents are
// staged only where Pagefind will walk them in their order, and the bundle it writes from them is
// the service's, byte for byte.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { articleFilesByYear } from "../../src/lib/articles/article-files.ts";
import { buildSearchIndex } from "../../src/lib/search/build-index.ts";
import { closeIndexer, indexShard } from "../../src/lib/search/index-shard.ts";
import { STAGING_ROOTS, listedEntries, runPagefindCli, stageDocuments, type StagedDocument } from "../../src/lib/search/pagefind-cli.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";
import { assertSameSite, siteDigests } from "../support/site-digests.ts";

let work = "";
let articles = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "search-pagefind-cli-"));
  articles = join(work, "articles");
  ingestSeedArticles(articles);
});

after(async () => {
  await closeIndexer();
  rmSync(work, { recursive: true, force: true });
});

/** A staging root on this machine where the order can be made, or null. */
function orderedRoot(): string | null {
  const probe: StagedDocument[] = [{ url: "/x/", html: "<html></html>" }];
  for (const root of STAGING_ROOTS) {
    const site = stageDocuments(probe, [root]);
    if (site) {
      rmSync(site, { recursive: true, force: true });
      return root;
    }
  }
  return null;
}

/** The files under `dir` in the order a walk that lists each folder as the file system does meets them. */
function walkOrder(dir: string, prefix = ""): string[] {
  return listedEntries(dir).flatMap((name) => {
    const where = join(dir, name);
    return statSync(where).isDirectory() ? walkOrder(where, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

const page = (url: string): StagedDocument => ({ url, html: `<!doctype html><html lang="zh-cn"><body><p>${url}</p></body></html>` });

test("refuses documents a walk cannot meet in their order: a folder's documents apart, or two at one URL", () => {
  const roots = [work];
  assert.equal(stageDocuments([page("/articles/2022-01-01/a/"), page("/articles/2022-01-02/b/"), page("/articles/2022-01-01/c/")], roots), null);
  assert.equal(stageDocuments([page("/articles/2022-01-01/a/"), page("/articles/2022-01-01/a/")], roots), null);
  assert.equal(stageDocuments([page("/articles/../a/")], roots), null);
});

test("tries the next root when one is missing or lists its entries in an order that cannot be made", (t) => {
  const root = orderedRoot();
  if (!root) return t.skip("no staging root on this machine lists entries in an order that can be made");
  const site = stageDocuments([page("/a/")], [join(work, "missing"), root]);
  assert.ok(site?.startsWith(root), `staged at ${site}`);
  rmSync(site!, { recursive: true, force: true });
  // A file where a root should be is no root.
  writeFileSync(join(work, "not-a-folder"), "");
  assert.equal(stageDocuments([page("/a/")], [join(work, "not-a-folder")]), null);
});

test("stages the documents so that every folder lists its entries in the documents' order", (t) => {
  const root = orderedRoot();
  if (!root) return t.skip("no staging root on this machine lists entries in an order that can be made");
  // Out of name order on purpose, at several depths.
  const documents = ["/articles/2024-03-01/zhu/", "/articles/2024-03-01/an/", "/articles/2022-11-08/mo/", "/articles/2022-11-08/bei/", "/articles/2023-01-01/ce/", "/about/"].map(page);
  const site = stageDocuments(documents, [root]);
  assert.ok(site, "not staged");
  try {
    assert.deepEqual(
      walkOrder(site),
      documents.map((document) => `${document.url}index.html`),
    );
    assert.equal(readFileSync(join(site, "about", "index.html"), "utf8"), documents[5]!.html);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test("the command line's bundle of the seed articles is the service's, byte for byte", async (t) => {
  if (!orderedRoot()) return t.skip("no staging root on this machine lists entries in an order that can be made");
  const files = [...(await articleFilesByYear(articles)).values()].flat();
  const texts = files.map((file) => readFileSync(join(articles, file.file), "utf8"));
  const job = { articlesDir: articles, files, texts };
  const cli = await indexShard({ ...job, bundleDir: join(work, "cli") });
  const service = await indexShard({ ...job, bundleDir: join(work, "service"), stagingRoots: [] });
  assert.equal(cli.writer, "command line");
  assert.equal(service.writer, "service");
  assert.deepEqual({ ...cli, writer: null }, { ...service, writer: null });
  const written = [...siteDigests(join(work, "cli")).keys()];
  assert.ok(written.length > 10 && written.some((file) => file.startsWith("fragment/")), `only ${written.length} files written`);
  assertSameSite(join(work, "cli"), join(work, "service"));
});

test("the whole index, its shards staged ahead of two lanes, is the index the service writes", async (t) => {
  if (!orderedRoot()) return t.skip("no staging root on this machine lists entries in an order that can be made");
  // Two lanes, the shards' documents staged by this thread: both command lines run from it. The
  // service is one process per thread, so its second lane is a worker thread.
  const staged = await buildSearchIndex(articles, join(work, "index-cli"), { jobs: 2 });
  const service = await buildSearchIndex(articles, join(work, "index-service"), { jobs: 2, stagingRoots: [] });
  assert.equal(staged.shards, 2);
  assert.equal(staged.byCommandLine, 2);
  assert.equal(staged.workerThreads, 0);
  assert.equal(service.byCommandLine, 0);
  assert.equal(service.workerThreads, 1);
  assert.equal(staged.indexedPages, service.indexedPages);
  const written = [...siteDigests(join(work, "index-cli")).keys()];
  assert.equal(written.filter((file) => file.endsWith("pagefind-entry.json")).length, 2, written.join(" "));
  assertSameSite(join(work, "index-cli"), join(work, "index-service"));
});

test("reports what Pagefind's command line says when it fails", async () => {
  const empty = mkdtempSync(join(work, "empty-site-"));
  const failed = await runPagefindCli(empty, join(work, "no-bundle"), process.env);
  assert.ok(failed, "an empty site gave a bundle");
  assert.match(failed[0]!, /pagefind\S* exited with code [1-9]/);
  assert.ok(failed.some((line) => /not able to build an index/.test(line)), failed.join("\n"));
  const missing = await runPagefindCli(join(work, "no-such-site"), join(work, "no-bundle"), process.env);
  assert.match(missing?.[0] ?? "", /could not start/);
});
