import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ITEM_KINDS } from "../../src/lib/article.ts";
import { FILTER_KEYS } from "../../src/lib/search/index-schema.ts";
import { searchLabels, searchLabelsJson } from "../../src/lib/search/search-labels.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";

describe("search labels", () => {
  it("names every filter, the page's name as 版面 and the agency as 来源", () => {
    const { filters } = searchLabels();
    assert.deepEqual(Object.keys(filters), [...FILTER_KEYS]);
    assert.equal(filters.page, "版面");
    assert.equal(filters.agency, "来源");
  });

  it("names every kind, a notice as 公告", () => {
    const { kinds } = searchLabels();
    assert.deepEqual(Object.keys(kinds), [...ITEM_KINDS]);
    assert.equal(kinds["notice"], "公告");
  });

  it("reads in Traditional script once the mirror converts the page", () => {
    const converted = JSON.parse(toTraditional(searchLabelsJson())) as ReturnType<typeof searchLabels>;
    assert.equal(converted.filters.page, "版面");
    assert.equal(converted.filters.agency, "來源");
    assert.equal(converted.kinds["notice"], "公告");
    assert.match(converted.messages.showFilters, /版面、欄目、來源/);
  });

  it("cannot end its <script> early", () => {
    assert.doesNotMatch(searchLabelsJson(), /</);
  });
});
