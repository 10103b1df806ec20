import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive } from "../../src/lib/site/archive.ts";
import { cacheKey, entryKey, listPageKey, withCacheKeys, type DigestedEntry } from "../../src/lib/site/page-keys.ts";
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
