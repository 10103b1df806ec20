import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import {
  articleFilters,
  bylineText,
  pagefindAttribute,
  printedPageLabel,
  searchRecordFields,
  searchableLabels,
} from "../../src/lib/search/search-record.ts";

// The frontmatter of content/articles/2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban.md.
const BAN_DENG: ArticleFrontmatter = {
  title: "“板凳议事会” 问题现场办",
  subtitle: null,
  kicker: null,
  kind: "article",
  section: null,
  series: null,
  reporters: ["宋爽"],
  correspondents: [],
  photographers: [],
  authors: [],
  affiliation: null,
  agency: null,
  location: "包头市",
  county: "白云鄂博矿区",
  date: "2022-11-08",
  issue: "2022-11-08",
  page: { no: null, name: null },
  order: 4,
  source: "2022-11-08_000_0e8d57b71d93ccd5.txt",
};

describe("search record", () => {
  it("files an article under its people, places, column, kind and year", () => {
    assert.deepEqual(articleFilters(BAN_DENG), {
      person: ["宋爽"],
      region: ["包头市"],
      county: ["白云鄂博矿区"],
      page: [],
      section: [],
      agency: [],
      kind: ["article"],
      year: ["2022"],
    });
  });

  it("files an article under its page's name and its agency when they are known, and under no made-up value otherwise", () => {
    const wire = { ...BAN_DENG, page: { no: 2, name: "要闻" }, agency: "新华社" };
    assert.deepEqual(articleFilters(wire).page, ["要闻"]);
    assert.deepEqual(articleFilters(wire).agency, ["新华社"]);
    assert.deepEqual(articleFilters({ ...BAN_DENG, page: { no: 5, name: null } }).page, []);
  });

  it("files a notice under its kind", () => {
    assert.deepEqual(articleFilters({ ...BAN_DENG, kind: "notice" }).kind, ["notice"]);
  });

  it("files everyone credited under person once, in byline order", () => {
    const data = { ...BAN_DENG, reporters: ["宋爽", "王五"], correspondents: ["李四"], photographers: ["宋爽"], authors: ["赵六"] };
    assert.deepEqual(articleFilters(data).person, ["宋爽", "王五", "李四", "赵六"]);
    assert.equal(bylineText(data), "记者 宋爽 王五；通讯员 李四；摄影 宋爽；作者 赵六");
  });

  it("writes filters (with the month and day a date range narrows by), then metadata, then the date sort key; nothing for missing values", () => {
    assert.deepEqual(searchRecordFields({ ...BAN_DENG, section: "观潮", page: { no: 5, name: "党建" }, agency: "新华社" }), [
      { kind: "filter", key: "person", value: "宋爽" },
      { kind: "filter", key: "region", value: "包头市" },
      { kind: "filter", key: "county", value: "白云鄂博矿区" },
      { kind: "filter", key: "page", value: "党建" },
      { kind: "filter", key: "section", value: "观潮" },
      { kind: "filter", key: "agency", value: "新华社" },
      { kind: "filter", key: "kind", value: "article" },
      { kind: "filter", key: "year", value: "2022" },
      { kind: "filter", key: "month", value: "2022-11" },
      { kind: "filter", key: "day", value: "2022-11-08" },
      { kind: "meta", key: "date", value: "2022-11-08" },
      { kind: "meta", key: "kind", value: "article" },
      { kind: "meta", key: "page", value: "第5版 党建" },
      { kind: "meta", key: "section", value: "观潮" },
      { kind: "meta", key: "agency", value: "新华社" },
      { kind: "meta", key: "byline", value: "记者 宋爽" },
      { kind: "meta", key: "location", value: "包头市" },
      { kind: "meta", key: "county", value: "白云鄂博矿区" },
      { kind: "sort", key: "date", value: "2022-11-08" },
    ]);
    const bare = { ...BAN_DENG, reporters: [], location: null, county: null };
    assert.deepEqual(
      searchRecordFields(bare).map((f) => `${f.kind}:${f.key}`),
      ["filter:kind", "filter:year", "filter:month", "filter:day", "meta:date", "meta:kind", "sort:date"],
    );
  });

  it("labels the printed page as a citation does, with what the page says", () => {
    assert.equal(printedPageLabel({ no: 5, name: "党建" }), "第5版 党建");
    assert.equal(printedPageLabel({ no: 12, name: null }), "第12版");
    assert.equal(printedPageLabel({ no: null, name: "要闻" }), "要闻");
    assert.equal(printedPageLabel({ no: null, name: null }), null);
  });

  it("indexes the agency as text, and the page's name only as a filter", () => {
    const labels = searchableLabels({ ...BAN_DENG, page: { no: 1, name: "要闻" }, agency: "新华社" });
    assert.ok(labels.includes("新华社"));
    assert.ok(!labels.includes("要闻"));
  });

  it("reads each value from an attribute, so commas in a value stay in it", () => {
    assert.deepEqual(pagefindAttribute({ kind: "filter", key: "person", value: "甲, 乙" }), {
      "data-pagefind-filter": "person[value]",
      value: "甲, 乙",
    });
  });
});
