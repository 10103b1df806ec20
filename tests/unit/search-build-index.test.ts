// The search index over the seed articles, with one article file broken by hand: the error names
// the file and line, every other article is still indexed, and the broken shard is not cached,
// so the next build reports it again.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SearchIndexError, buildSearchIndex, searchIndexPlan } from "../../src/lib/search/build-index.ts";
import { DIGESTS_FILE } from "../../src/lib/search/shard-digests.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

const BROKEN = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban.md";

let work = "";
let articles = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "search-build-index-"));
  articles = join(work, "articles");
  ingestSeedArticles(articles);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("indexes every article in a bundle per year, and reuses unchanged bundles", async () => {
  const site = join(work, "site");
  const cache = join(work, "cache");
  // What the index is told before it starts (npm run build: the site yields to a chain of
  // bundles): how many, in how many lanes, and before any bundle is in the site.
  const planned: [number, number, boolean][] = [];
  const onPlanned = (bundles: number, lanes: number) => void planned.push([bundles, lanes, existsSync(join(site, "pagefind", "2022"))]);
  const first = await buildSearchIndex(articles, site, { cacheDir: cache, onPlanned });
  assert.deepEqual([first.articles, first.indexedPages, first.shards, first.shardsIndexed], [46, 46, 2, 2]);
  assert.deepEqual(readdirSync(join(site, "pagefind")).sort(), ["2022", "2024"]);
  assert.ok(existsSync(join(site, "search", "traditional-phrases.json")));
  const again = await buildSearchIndex(articles, site, { cacheDir: cache, onPlanned });
  assert.equal(again.shardsIndexed, 0);
  assert.equal(planned.length, 2);
  const [[bundles, lanes, linked], [bundlesAgain]] = planned as [[number, number, boolean], [number, number, boolean]];
  assert.deepEqual([bundles, linked, bundlesAgain], [2, false, 0]);
  assert.ok(lanes >= 1 && lanes <= 2, String(lanes));
});

test("an unreadable article is named with its line, the rest indexed, and its bundle not kept", async () => {
  const site = join(work, "site-broken");
  const cache = join(work, "cache-broken");
  const file = join(articles, BROKEN);
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace(/^title: .*$/m, 'title: "unclosed'));
  try {
    for (let run = 0; run < 2; run++) {
      await assert.rejects(buildSearchIndex(articles, site, { cacheDir: cache }), (err: unknown) => {
        assert.ok(err instanceof SearchIndexError);
        assert.equal(err.details.length, 1);
        assert.match(err.details[0]!, new RegExp(`${BROKEN.replace(/[.]/g, "\\.")}:\\d+: bad frontmatter YAML`));
        return true;
      });
      assert.ok(existsSync(join(site, "pagefind", "2022", "pagefind-entry.json")), "the year's other articles are indexed");
      assert.ok(existsSync(join(site, "pagefind", "2024", "pagefind-entry.json")));
      assert.equal(existsSync(join(cache, "2022", "key")), false, "the broken shard is indexed again next time");
      assert.equal(existsSync(join(cache, "2024", "key")), true);
    }
  } finally {
    writeFileSync(file, good);
  }
});

test("an article that cannot be read at all, in a shard made ready ahead of its lane, fails the index with an error naming it", async () => {
  // Largest first: the smaller shard is read while Pagefind writes the larger, and its failure must wait for its lane.
  const [first, second] = (await searchIndexPlan(articles)).sort((a, b) => b.pages - a.pages);
  assert.ok(first && second && first.pages > second.pages);
  const unreadable = join(articles, `${second.years[0]}-12-31`, "zzz-not-a-file.md");
  mkdirSync(unreadable, { recursive: true });
  try {
    await assert.rejects(buildSearchIndex(articles, join(work, "site-unreadable"), { cacheDir: join(work, "cache-unreadable"), jobs: 1 }), (err: unknown) => {
      assert.ok(err instanceof SearchIndexError);
      assert.equal(err.message, `${unreadable}: cannot be read (EISDIR)`);
      return true;
    });
    assert.ok(existsSync(join(work, "site-unreadable", "pagefind", first.name, "pagefind-entry.json")), "the first shard is indexed");
  } finally {
    rmSync(join(articles, `${second.years[0]}-12-31`), { recursive: true, force: true });
  }
});

test("bundles built one by one in separate caches, put together, are the whole index with nothing indexed again", async () => {
  const plan = await searchIndexPlan(articles);
  assert.deepEqual(plan.map((shard) => shard.name), ["2024", "2022"]);
  const together = join(work, "cache-together");
  for (const shard of plan) {
    const report = await buildSearchIndex(articles, join(work, `site-${shard.name}`), { cacheDir: join(work, `cache-${shard.name}`), onlyShard: shard.name });
    assert.deepEqual([report.shards, report.shardsIndexed, report.indexedPages], [1, 1, shard.pages]);
    assert.deepEqual(readdirSync(join(work, `site-${shard.name}`, "pagefind")), [shard.name]);
    assert.equal(existsSync(join(work, `site-${shard.name}`, "search", "traditional-phrases.json")), false, "the phrase table needs every bundle");
    cpSync(join(work, `cache-${shard.name}`), together, { recursive: true });
  }
  const site = join(work, "site-together");
  const merged = await buildSearchIndex(articles, site, { cacheDir: together });
  assert.deepEqual([merged.shards, merged.shardsIndexed, merged.indexedPages], [2, 0, 46]);
  const direct = join(work, "site-direct");
  await buildSearchIndex(articles, direct);
  assert.deepEqual(treeBytes(site), treeBytes(direct));
  await assert.rejects(buildSearchIndex(articles, join(work, "site-none"), { onlyShard: "1999" }), /no bundle "1999" in the plan/);

  // One bundle built again into a site and cache that hold others, and a bundle no plan has:
  // a job of the matrix removes nothing it was not asked to build.
  mkdirSync(join(site, "pagefind", "1999"));
  mkdirSync(join(together, "1999"));
  const phrases = readFileSync(join(site, "search", "traditional-phrases.json"));
  await buildSearchIndex(articles, site, { cacheDir: together, onlyShard: "2022" });
  assert.deepEqual(readdirSync(join(site, "pagefind")).sort(), ["1999", "2022", "2024"]);
  assert.deepEqual(readdirSync(together).sort(), ["1999", "2022", "2024"]);
  assert.deepEqual(readFileSync(join(site, "search", "traditional-phrases.json")), phrases);
});

test("an index told the site is done while it indexes writes the same bundles; the seed archive's bundles do not fit two at once in its memory", async () => {
  const told = join(work, "site-told");
  const report = await buildSearchIndex(articles, told, { siteDone: Promise.resolve() });
  assert.deepEqual([report.shards, report.shardsIndexed, report.indexedPages], [2, 2, 46]);
  // 46 articles: the build may take what Pagefind's CLI needs for 46 pages, one Pagefind process.
  assert.deepEqual(report.shardsAfterSite, []);
  const untold = join(work, "site-untold");
  await buildSearchIndex(articles, untold);
  assert.deepEqual(treeBytes(told), treeBytes(untold));
});

test("articles settled since the last run are known by their signatures; one changed since re-indexes its bundle alone", async () => {
  const own = join(work, "articles-settled");
  cpSync(articles, own, { recursive: true });
  const site = join(work, "site-settled");
  const cache = join(work, "cache-settled");
  const setTime = (file: string, ageMs: number) => {
    const when = new Date(Date.now() - ageMs);
    utimesSync(file, when, when);
  };
  const articleFiles = readdirSync(own, { recursive: true }).map(String).filter((file) => file.endsWith(".md"));
  // Just written, as by an ingest a moment ago: too new to be known by signature, so no memo lines.
  const first = await buildSearchIndex(own, site, { cacheDir: cache });
  assert.equal(first.shardsIndexed, 2);
  assert.equal(readFileSync(join(cache, "2024", DIGESTS_FILE), "utf8"), "");
  // Older now: the next run reads them once more and keeps their signatures.
  for (const file of articleFiles) setTime(join(own, file), 60_000);
  assert.equal((await buildSearchIndex(own, site, { cacheDir: cache })).shardsIndexed, 0);
  const memo = readFileSync(join(cache, "2022", DIGESTS_FILE), "utf8").trim().split("\n");
  assert.equal(memo.length, articleFiles.filter((file) => file.startsWith("2022")).length);
  // An article of 2022 corrected: its new time tells, and only its bundle is indexed again.
  const corrected = join(own, BROKEN);
  writeFileSync(corrected, readFileSync(corrected, "utf8").replace(/^title: (.*)$/m, "title: $1（更正）"));
  setTime(corrected, 30_000);
  const after = await buildSearchIndex(own, site, { cacheDir: cache });
  assert.equal(after.shardsIndexed, 1);
  assert.deepEqual(
    readFileSync(join(cache, "2022", DIGESTS_FILE), "utf8").split("\n").filter((line) => line.startsWith(BROKEN.slice(0, -3))).length,
    1,
  );
});

/** Every file under `dir`, relative path → bytes (base64). */
function treeBytes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(full.slice(dir.length), readFileSync(full).toString("base64"));
  }
  return files;
}
