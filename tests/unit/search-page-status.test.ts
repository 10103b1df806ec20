// What the search page says of an outcome: the status line, the note, the "more" button, and the
// messages they are made of (src/lib/search/search-page/).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PagefindHit, SearchOutcome } from "../../src/lib/search/archive-search.ts";
import { parseQuery } from "../../src/lib/search/query-syntax.ts";
import { searchLabels } from "../../src/lib/search/search-labels.ts";
import { emptySearchState, type SearchState } from "../../src/lib/search/search-state.ts";
import { fillMessage, messageOf } from "../../src/lib/search/search-page/messages.ts";
import { RESULTS_PER_PRESS, moreButton } from "../../src/lib/search/search-page/more-button.ts";
import { outcomeParts } from "../../src/lib/search/search-page/outcome-parts.ts";
import { periodOf, searchNote, statusLine } from "../../src/lib/search/search-page/status-line.ts";

const message = messageOf(searchLabels());

const hits = (n: number): PagefindHit[] =>
  Array.from({ length: n }, (_, i) => ({ id: `/a/${i}/`, data: () => Promise.reject(new Error("not loaded in this test")) }));

/** An outcome of `n` hits for a state; the term is the query as typed, null when empty. */
function outcome(n: number, state: Partial<SearchState> = {}, extra: Partial<SearchOutcome> = {}): SearchOutcome {
  const full = { ...emptySearchState(), ...state };
  return {
    state: full,
    term: full.query === "" ? null : full.query,
    query: parseQuery(full.query),
    converted: false,
    hits: hits(n),
    months: {},
    textChecked: false,
    complete: true,
    searchedYears: ["2024", "2022"],
    ...extra,
  };
}

const filtered = (query: string): Partial<SearchState> => ({ query, filters: { ...emptySearchState().filters, region: ["包头市"] } });

describe("messages", () => {
  it("fills placeholders and leaves unknown ones as written", () => {
    assert.equal(fillMessage("找到 {count} 篇，{other}", { count: 3 }), "找到 3 篇，{other}");
    assert.equal(message("more", { n: 10 }), "再显示 10 篇");
  });
});

describe("status line", () => {
  it("counts what a query found, and how many are listed while not all are", () => {
    assert.equal(statusLine(outcome(3, { query: "议事会" }), 3, message), "找到 3 篇文章。");
    assert.equal(statusLine(outcome(25, { query: "议事会" }), 10, message), "找到 25 篇文章。已显示 10 篇。");
  });

  it("counts a listing without a query as the latest articles", () => {
    assert.equal(statusLine(outcome(46), 46, message), "共 46 篇文章，按日期排列。");
  });

  it("says why nothing was found: the query, the filters, or the date range alone", () => {
    assert.equal(statusLine(outcome(0, { query: "量子" }), 0, message), "没有找到含“量子”的文章。");
    assert.equal(statusLine(outcome(0, filtered("量子")), 0, message), "在所选的筛选条件下没有找到含“量子”的文章。可以去掉一些筛选条件再试。");
    assert.equal(statusLine(outcome(0, filtered("")), 0, message), "所选的筛选条件下没有文章。可以去掉一些筛选条件再试。");
    assert.equal(statusLine(outcome(0, { range: { from: "1990-01-01", to: "1990-12-31" } }), 0, message), "所选的日期范围内没有文章。");
  });

  it("asks to narrow a phrase query with too many candidates to check", () => {
    assert.match(statusLine(outcome(0, { query: '"乡村"' }, { tooBroad: 1500, textChecked: true }), 0, message), /最多核对 1000 篇，这次有 1500 篇候选/);
  });
});

describe("the note under the status line", () => {
  it("names the Simplified term a converted query was searched as", () => {
    assert.deepEqual(searchNote(outcome(2, { query: "議事會" }, { term: "议事会", converted: true })), { converted: "议事会", offerClear: false });
    assert.deepEqual(searchNote(outcome(2, { query: "议事会" })), { converted: null, offerClear: false });
  });

  it("offers to clear the filters only when they left nothing", () => {
    assert.equal(searchNote(outcome(0, filtered("量子"))).offerClear, true);
    assert.equal(searchNote(outcome(1, filtered("量子"))).offerClear, false);
    assert.equal(searchNote(outcome(0, { query: "量子" })).offerClear, false);
  });
});

describe("the more button", () => {
  it("adds RESULTS_PER_PRESS at a time, the rest at the last press, and hides when all are listed", () => {
    assert.equal(RESULTS_PER_PRESS, 10);
    assert.deepEqual(moreButton(25, 10), { hidden: false, adds: 10 });
    assert.deepEqual(moreButton(25, 20), { hidden: false, adds: 5 });
    assert.deepEqual(moreButton(25, 25), { hidden: true, adds: 0 });
    assert.deepEqual(moreButton(0, 0), { hidden: true, adds: 0 });
  });
});

describe("first results, from the newest bundle while the older ones load", () => {
  const partial = (n: number, state: Partial<SearchState> = {}, years = ["2024"]) => outcome(n, state, { complete: false, searchedYears: years });

  it("say which years they come from and that earlier years are loading", () => {
    assert.equal(statusLine(partial(12, { query: "党建" }), 10, message), "2024年的文章中找到 12 篇，正在载入更早年份……");
    assert.equal(statusLine(partial(300), 10, message), "2024年共 300 篇文章，正在载入更早年份……");
    assert.equal(statusLine(partial(0, filtered("量子")), 0, message), "2024年的文章中没有找到，正在载入更早年份……");
    assert.equal(periodOf(["2024", "2023", "2022"], message), "2022—2024年");
  });

  it("fill the list and the status line only: no timeline, export, more, counts, nor offer to clear the filters", () => {
    assert.deepEqual(outcomeParts(partial(25, { query: "党建" }), 10), { timeline: false, exportCount: 0, more: { hidden: true, adds: 0 }, counts: false });
    assert.equal(searchNote(partial(0, filtered("量子"))).offerClear, false);
    assert.deepEqual(outcomeParts(outcome(25, { query: "党建" }), 10), { timeline: true, exportCount: 25, more: { hidden: false, adds: 10 }, counts: true });
  });
});
