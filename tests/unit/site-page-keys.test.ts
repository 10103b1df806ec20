import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive } from "../../src/lib/site/archive.ts";
import { cacheKey, entryKey, listPageKey, reportPageKey, withCacheKeys, type DigestedEntry } from "../../src/lib/site/page-keys.ts";
import type { IssueReport } from "../../src/lib/site/parse-report.ts";
import { sampleEntry } from "../support/sample-entries.ts";

test("a cache key is a fixed-length digest of its parts, in order", () => {
  assert.equal(cacheKey("a", 1, [true]), cacheKey("a", 1, [true]));
  assert.notEqual(cacheKey("a", "b"), cacheKey("b", "a"));
  assert.notEqual(cacheKey("ab"), cacheKey("a", "b"));
  assert.match(cacheKey({ x: 1 }), /^[\w-]{22}$/);
});

test("an entry's key follows its file and the addresses it links to", () => {
  const entry = (digest: string, data: Partial<ArticleFrontmatter> = {}): DigestedEntry => ({ ...sampleEntry("2022-09-06/a", data), digest });
  const first = entry("d1", { reporters: ["宋爽"] });
  const archive = buildArchive([first]);
  const key = entryKey(archive, first);
  assert.equal(entryKey(archive, entry("d1", { reporters: ["宋爽"] })), key, "same file, same links");
  assert.notEqual(entryKey(archive, entry("d2", { reporters: ["宋爽"] })), key, "the file changed");
  // The same file in an archive where an earlier 宋双 (same pinyin) took 宋爽's address first.
  const twin = entry("d1", { reporters: ["宋爽"] });
  const other = buildArchive([sampleEntry("2020-01-01/b", { reporters: ["宋双"] }), twin]);
  assert.notEqual(other.personSlug("宋爽"), archive.personSlug("宋爽"));
  assert.notEqual(entryKey(other, twin), key, "a link changed");
});

test("a list page's key changes with its entries, its place in the list and what the list adds", () => {
  const entries = [sampleEntry("2022-09-06/a"), sampleEntry("2022-09-06/b"), sampleEntry("2022-09-20/c")].map((e, i) => ({ ...e, digest: `d${i}` }));
  const archive = buildArchive(entries);
  const page = { currentPage: 1, lastPage: 2, total: 3, data: entries.slice(0, 2) };
  const key = listPageKey(archive, page, "党建");
  assert.equal(listPageKey(archive, { ...page }, "党建"), key);
  assert.notEqual(listPageKey(archive, { ...page, data: entries.slice(1, 3) }, "党建"), key);
  assert.notEqual(listPageKey(archive, { ...page, lastPage: 3, total: 4 }, "党建"), key);
  assert.notEqual(listPageKey(archive, page, "基层"), key);
});

test("withCacheKeys keys each path from its own props", () => {
  const paths = withCacheKeys([{ params: { n: "1" }, props: { n: 1 } }, { params: { n: "2" }, props: { n: 2 } }], ({ n }) => cacheKey(n));
  assert.deepEqual(paths.map((p) => p.cacheKey), [cacheKey(1), cacheKey(2)]);
  assert.deepEqual(paths[0]!.params, { n: "1" });
});

test("a parse report page's key changes with its entries, the links they make and its place, not with articles it does not link to", () => {
  const issue = (date: string, article: string | null): IssueReport => ({
    issue: date,
    date,
    source: `${date}_p1.txt`,
    page: { no: 1, name: null, staff: [], teasers: [] },
    articles: [],
    warnings: article === null ? [] : [{ code: "missing-byline", message: "没有署名", line: 3, article }],
    coverage: { lines: 10, covered: 10, ratio: 1, uncovered: [] },
  });
  const entries = [sampleEntry("2022-09-06/a", { title: "甲" }), sampleEntry("2022-09-20/c")];
  const archive = buildArchive(entries);
  const page = { currentPage: 2, lastPage: 3, total: 6, data: [issue("2022-09-06", "2022-09-06/a"), issue("2022-09-13", null)] };
  const key = reportPageKey(archive, page, null);
  assert.equal(reportPageKey(buildArchive([...entries, sampleEntry("2022-10-01/d")]), { ...page }, null), key, "an article it does not link to added");
  assert.notEqual(reportPageKey(buildArchive([sampleEntry("2022-09-06/a", { title: "乙" }), entries[1]!]), page, null), key, "a warned article's title");
  assert.notEqual(reportPageKey(archive, { ...page, data: [page.data[0]!, issue("2022-09-14", null)] }, null), key, "an entry");
  assert.notEqual(reportPageKey(buildArchive([sampleEntry("2022-09-06/b"), entries[1]!]), page, null), key, "the warned article is gone, and so is its link");
  assert.notEqual(reportPageKey(buildArchive([entries[0]!, sampleEntry("2022-09-13/e")]), page, null), key, "an issue got its page");
  assert.notEqual(reportPageKey(archive, { ...page, lastPage: 4 }, null), key, "the number of pages");
  assert.notEqual(reportPageKey(archive, { ...page, total: 7 }, null), key, "the number of issue files");
  assert.notEqual(reportPageKey(archive, page, ["totals"]), key, "what the page adds");
});
