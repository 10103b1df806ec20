// The search index over the seed articles, with one article file broken by hand: the error names
// the file and line, every other article is still indexed, and the broken shard is not cached,
// so the next build reports it again.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";
import { SearchIndexError, buildSearchIndex } from "../../src/lib/search/build-index.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BROKEN = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban.md";

let work = "";
let articles = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "search-build-index-"));
  articles = join(work, "articles");
  runIngest({
    inDir: join(ROOT, "content/issues"),
    outDir: articles,
    correctionsFile: null,
    knowledge: loadPageKnowledge(join(ROOT, "content/data")),
    places: articleLocator,
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

test("indexes every article in a bundle per year, and reuses unchanged bundles", async () => {
  const site = join(work, "site");
  const cache = join(work, "cache");
  const first = await buildSearchIndex(articles, site, { cacheDir: cache });
  assert.deepEqual([first.articles, first.indexedPages, first.shards, first.shardsIndexed], [46, 46, 2, 2]);
  assert.deepEqual(readdirSync(join(site, "pagefind")).sort(), ["2022", "2024"]);
  assert.ok(existsSync(join(site, "search", "traditional-phrases.json")));
  const again = await buildSearchIndex(articles, site, { cacheDir: cache });
  assert.equal(again.shardsIndexed, 0);
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
