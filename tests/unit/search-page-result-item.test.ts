// A result as the list shows it (src/lib/search/search-page/result-item.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchLabels } from "../../src/lib/search/search-labels.ts";
import type { ResultView } from "../../src/lib/search/search-results.ts";
import { resultItem } from "../../src/lib/search/search-page/result-item.ts";

const { kinds } = searchLabels();
const VIEW: ResultView = {
  url: "/articles/2022-11-08/ban-deng/",
  title: "板凳议事会",
  excerpt: [{ text: "议事会", mark: true }],
  date: "2022-11-08",
  kind: "article",
  page: "第5版 党建",
  section: "",
  agency: "",
  byline: "记者 宋爽",
  location: "包头市",
  county: "白云鄂博矿区",
};

describe("result item", () => {
  it("leads its metadata with the date, then kind, page, byline and place", () => {
    const item = resultItem(VIEW, kinds);
    assert.deepEqual(item.meta, [{ date: "2022-11-08", text: "2022年11月8日" }, "报道", "第5版 党建", "记者 宋爽", "包头市 白云鄂博矿区"]);
    assert.equal(item.tag, null);
    assert.deepEqual([item.url, item.title, item.kind], [VIEW.url, VIEW.title, "article"]);
    assert.deepEqual(item.excerpt, VIEW.excerpt);
  });

  it("tags a notice beside its headline instead of naming its kind in the metadata; no date, no date part", () => {
    const item = resultItem({ ...VIEW, kind: "notice", date: "", byline: "", location: "", county: "" }, kinds);
    assert.equal(item.tag, "公告");
    assert.deepEqual(item.meta, ["第5版 党建"]);
  });
});
