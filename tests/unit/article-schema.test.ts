// The article record has one definition, the zod schema; the types and the key order come from it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FRONTMATTER_KEYS, ITEM_KINDS, type ArticleFrontmatter } from "../../src/lib/article.ts";
import { articleFrontmatterSchema } from "../../src/lib/article-schema.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";

describe("article frontmatter", () => {
  it("is written in the schema's key order, the order README documents", () => {
    assert.deepEqual(FRONTMATTER_KEYS, [
      "title", "subtitle", "kicker", "kind", "section", "series", "reporters", "correspondents", "photographers", "authors",
      "affiliation", "agency", "location", "county", "date", "issue", "page", "order", "source",
    ]);
  });

  it("has the five kinds of item", () => {
    assert.deepEqual(ITEM_KINDS, ["article", "commentary", "photo", "brief", "notice"]);
    assert.deepEqual(articleFrontmatterSchema.shape.kind.options, [...ITEM_KINDS]);
  });

  it("parses a record into the inferred type unchanged, and refuses unknown keys", () => {
    const record: ArticleFrontmatter = sampleFrontmatter("2022-11-08", { title: "晒丰收", series: { name: "五化协同 大抓基层", no: 2 }, page: { no: 5, name: "党建" } });
    assert.deepEqual(articleFrontmatterSchema.parse(record), record);
    assert.equal(articleFrontmatterSchema.safeParse({ ...record, region: "包头市" }).success, false);
    assert.equal(articleFrontmatterSchema.safeParse({ ...record, page: { no: 5, name: "党建", extra: 1 } }).success, false);
  });
});
