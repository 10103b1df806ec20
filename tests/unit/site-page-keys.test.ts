import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive } from "../../src/lib/site/archive.ts";
import { listPages, type ListPage } from "../../src/lib/site/list-pages.ts";
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

test("a list page's key changes with its entries, its place and links, its heading, and on the first page only with the list's totals", () => {
  const entries = [sampleEntry("2022-09-20/c"), sampleEntry("2022-09-06/b"), sampleEntry("2022-09-06/a")].map((e, i) => ({ ...e, digest: `d${i}` }));
  const archive = buildArchive(entries);
  const [first, numbered] = listPages(entries, 2, "/sections/x/") as [ListPage<DigestedEntry>, ListPage<DigestedEntry>];
  const key = listPageKey(archive, numbered, "党建", ["counts"]);
  assert.equal(listPageKey(archive, { ...numbered }, "党建", ["counts"]), key);
  assert.notEqual(listPageKey(archive, { ...numbered, data: entries.slice(1, 2) }, "党建", ["counts"]), key, "an entry");
  assert.notEqual(listPageKey(archive, { ...numbered, url: { ...numbered.url, newer: "/sections/x/2/" } }, "党建", ["counts"]), key, "a link");
  assert.notEqual(listPageKey(archive, { ...numbered, number: 2 }, "党建", ["counts"]), key, "its number");
  assert.notEqual(listPageKey(archive, numbered, "基层", ["counts"]), key, "the heading");
  // A numbered page does not show the list's totals: entries added to the list leave it as it was.
  assert.equal(listPageKey(archive, { ...numbered, total: 40 }, "党建", ["more counts"]), key);
  const firstKey = listPageKey(archive, first, "党建", ["counts"]);
  assert.notEqual(listPageKey(archive, { ...first, total: 4 }, "党建", ["counts"]), firstKey, "the first page's total");
  assert.notEqual(listPageKey(archive, first, "党建", ["more counts"]), firstKey, "the first page's overview");
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
  const page: ListPage<IssueReport> = {
    number: null,
    total: 6,
    data: [issue("2022-09-13", null), issue("2022-09-06", "2022-09-06/a")],
    url: { current: "/report/", newer: null, older: "/report/2/" },
  };
  const key = reportPageKey(archive, page, null);
  assert.equal(reportPageKey(buildArchive([...entries, sampleEntry("2022-10-01/d")]), { ...page }, null), key, "an article it does not link to added");
  assert.notEqual(reportPageKey(buildArchive([sampleEntry("2022-09-06/a", { title: "乙" }), entries[1]!]), page, null), key, "a warned article's title");
  assert.notEqual(reportPageKey(archive, { ...page, data: [page.data[0]!, issue("2022-09-14", null)] }, null), key, "an entry");
  assert.notEqual(reportPageKey(buildArchive([sampleEntry("2022-09-06/b"), entries[1]!]), page, null), key, "the warned article is gone, and so is its link");
  assert.notEqual(reportPageKey(buildArchive([entries[0]!, sampleEntry("2022-09-13/e")]), page, null), key, "an issue got its page");
  assert.notEqual(reportPageKey(archive, { ...page, url: { ...page.url, older: "/report/3/" } }, null), key, "the page it links to");
  assert.notEqual(reportPageKey(archive, { ...page, total: 7 }, null), key, "the number of issue files, on the first page");
  const numbered = { ...page, number: 2, url: { current: "/report/2/", newer: "/report/", older: "/report/1/" } };
  assert.equal(reportPageKey(archive, { ...numbered, total: 7 }, ["totals"]), reportPageKey(archive, numbered, null), "a numbered page shows no totals");
  assert.notEqual(reportPageKey(archive, page, ["totals"]), key, "what the page adds");
});
