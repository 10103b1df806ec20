// A build's article downloads written into its folder from the seed articles, and what the next
// build writes again from the manifest (src/integrations/article-downloads-job.ts).
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { writeArticleDownloadFiles, type DownloadsJob } from "../../src/integrations/article-downloads-job.ts";
import { WHOLE_SITE } from "../../src/lib/build/site-parts.ts";
import { articleDownloads } from "../../src/lib/site/article-downloads.ts";

const SEED = fileURLToPath(new URL("../fixtures/seed-articles/", import.meta.url));
const SITE = "https://archive.example.org/";
const work = mkdtempSync(path.join(tmpdir(), "article-downloads-job-"));
after(() => rmSync(work, { recursive: true, force: true }));

const articlesDir = path.join(work, "articles");
cpSync(SEED, articlesDir, { recursive: true });
const job: DownloadsJob = {
  root: path.join(work, "dist"),
  articlesDir,
  site: SITE,
  manifestFile: path.join(work, "cache", "article-downloads.json"),
  version: "v1",
  part: WHOLE_SITE,
  strayPossible: false,
};
const ids = readdirSync(articlesDir, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith(".md"))
  .map((file) => file.slice(0, -".md".length).split(path.sep).join("/"))
  .sort();
const ID = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban";
const downloadFile = (id: string, extension: string) => path.join(job.root, "articles", `${id}${extension}`);

test("a first build writes the three downloads of every article, as articleDownloads makes them", async () => {
  const written = await writeArticleDownloadFiles(job);
  assert.deepEqual({ articles: written.articles, written: written.written, removed: written.removed }, { articles: ids.length, written: ids.length, removed: 0 });
  const source = path.join(articlesDir, `${ID}.md`);
  for (const download of articleDownloads(ID, readFileSync(source), SITE, source)) {
    assert.deepEqual(readFileSync(path.join(job.root, ...download.path.slice(1).split("/"))), Buffer.from(download.bytes), download.path);
  }
  // The Markdown is the article file itself, linked.
  assert.equal(statSync(downloadFile(ID, ".md")).ino, statSync(source).ino);
});

test("the next build writes nothing but what changed, what was deleted by hand, and removes what is gone", async () => {
  assert.equal((await writeArticleDownloadFiles(job)).written, 0);
  rmSync(downloadFile(ID, ".ris"));
  const gone = ids.find((id) => id !== ID)!;
  rmSync(path.join(articlesDir, `${gone}.md`));
  const written = await writeArticleDownloadFiles(job);
  assert.deepEqual({ written: written.written, removed: written.removed, articles: written.articles }, { written: 1, removed: 3, articles: ids.length - 1 });
  assert.ok(existsSync(downloadFile(ID, ".ris")));
  assert.ok(!existsSync(downloadFile(gone, ".json")));
});

test("a manifest of another version is not trusted: every download is written again", async () => {
  assert.equal((await writeArticleDownloadFiles({ ...job, version: "v2" })).written, ids.length - 1);
});
