import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  MAX_FILTER_VALUES,
  MAX_QUERY_LENGTH,
  effectiveSort,
  emptySearchState,
  hasFilters,
  isNarrowed,
  parseSearchState,
  sameSearchState,
  searchStateUrl,
  serialiseSearchState,
  toggleFilter,
  withoutNarrowing,
  type SearchState,
} from "../../src/lib/search/search-state.ts";

const state = (partial: Partial<Omit<SearchState, "filters">> & { filters?: Partial<SearchState["filters"]> }): SearchState => {
  const empty = emptySearchState();
  return { ...empty, ...partial, filters: { ...empty.filters, ...partial.filters } };
};

describe("search state ⇄ URL", () => {
  const cases: { name: string; url: string; state: SearchState }[] = [
    { name: "the empty search", url: "", state: emptySearchState() },
    { name: "a query", url: "q=%E8%AE%AE%E4%BA%8B%E4%BC%9A", state: state({ query: "议事会" }) },
    {
      name: "a query, filters and a sort",
      url: "q=%E8%AE%AE%E4%BA%8B%E4%BC%9A&person=%E5%AE%8B%E7%88%BD&region=%E5%8C%85%E5%A4%B4%E5%B8%82&year=2022&sort=newest",
      state: state({ query: "议事会", filters: { person: ["宋爽"], region: ["包头市"], year: ["2022"] }, sort: "newest" }),
    },
    {
      name: "a page name, an agency and a kind, in filter order",
      url: "page=%E8%A6%81%E9%97%BB&agency=%E6%96%B0%E5%8D%8E%E7%A4%BE&kind=notice",
      state: state({ filters: { page: ["要闻"], agency: ["新华社"], kind: ["notice"] } }),
    },
    {
      name: "several values of one filter, in code-point order",
      url: "kind=article&kind=photo&sort=oldest",
      state: state({ filters: { kind: ["article", "photo"] }, sort: "oldest" }),
    },
  ];
  cases.push(
    {
      name: "a date range with filters and a sort",
      url: "q=%E8%AE%AE%E4%BA%8B%E4%BC%9A&region=%E5%8C%85%E5%A4%B4%E5%B8%82&from=2022-09-01&to=2022-12-31&sort=oldest",
      state: state({ query: "议事会", filters: { region: ["包头市"] }, range: { from: "2022-09-01", to: "2022-12-31" }, sort: "oldest" }),
    },
    { name: "a range open at its start", url: "to=2022-12-31", state: state({ range: { from: null, to: "2022-12-31" } }) },
  );
  for (const { name, url, state: expected } of cases) {
    it(`reads ${name}`, () => assert.deepEqual(parseSearchState(url), expected));
    it(`writes ${name}`, () => assert.equal(serialiseSearchState(expected).toString(), url));
  }

  it("reads a Traditional query as typed (conversion happens when searching)", () => {
    assert.equal(parseSearchState("?q=議事會").query, "議事會");
  });

  it("ignores unknown parameters, blank and repeated values, and an unknown sort", () => {
    assert.deepEqual(
      parseSearchState("q=++&utm_source=x&region=&region=%20包头市%20&region=包头市&sort=random"),
      state({ filters: { region: ["包头市"] } }),
    );
  });

  it("writes values of a filter in one order whatever order they were chosen in", () => {
    const a = state({ filters: { person: ["王五", "宋爽"] } });
    const b = state({ filters: { person: ["宋爽", "王五"] } });
    assert.equal(serialiseSearchState(a).toString(), serialiseSearchState(b).toString());
    assert.ok(sameSearchState(a, b));
    assert.ok(!sameSearchState(a, state({ filters: { person: ["宋爽"] } })));
  });

  it("caps the query and the values per filter", () => {
    const parsed = parseSearchState(
      new URLSearchParams([["q", "议".repeat(300)], ...Array.from({ length: 50 }, (_, i) => ["person", `人${String(i).padStart(2, "0")}`])]),
    );
    assert.equal([...parsed.query].length, MAX_QUERY_LENGTH);
    assert.equal(parsed.filters.person.length, MAX_FILTER_VALUES);
  });

  it("reads a year or a month as a range's ends, swaps ends the wrong way round, drops invalid days", () => {
    assert.deepEqual(parseSearchState("from=2022-09&to=2022").range, { from: "2022-09-01", to: "2022-12-31" });
    assert.deepEqual(parseSearchState("from=2022-12-31&to=2022-09-01").range, { from: "2022-09-01", to: "2022-12-31" });
    assert.deepEqual(parseSearchState("from=2022-02-30&to=soon").range, { from: null, to: null });
    assert.equal(serialiseSearchState(parseSearchState("from=2022")).toString(), "from=2022-01-01");
  });

  it("builds the page URL, bare when there is nothing to say", () => {
    assert.equal(searchStateUrl("/search/", emptySearchState()), "/search/");
    assert.equal(searchStateUrl("/zh-hant/search/", state({ query: "a b" })), "/zh-hant/search/?q=a+b");
  });
});

describe("search state helpers", () => {
  it("lists an empty query newest first, whatever the sort says", () => {
    assert.equal(effectiveSort({ query: "", sort: "relevance" }), "newest");
    assert.equal(effectiveSort({ query: " ", sort: "oldest" }), "oldest");
    assert.equal(effectiveSort({ query: "议事", sort: "relevance" }), "relevance");
  });

  it("adds and removes filter values", () => {
    const on = toggleFilter(emptySearchState(), "county", "白云鄂博矿区", true);
    assert.deepEqual(on.filters.county, ["白云鄂博矿区"]);
    assert.ok(hasFilters(on.filters));
    assert.deepEqual(toggleFilter(on, "county", "白云鄂博矿区", true).filters.county, ["白云鄂博矿区"]);
    const off = toggleFilter(on, "county", "白云鄂博矿区", false);
    assert.deepEqual(off.filters.county, []);
    assert.ok(!hasFilters(off.filters));
  });

  it("tells a search narrowed by a filter or a range, and clears both", () => {
    assert.equal(isNarrowed(state({ range: { from: "2022-01-01", to: null } })), true);
    assert.equal(isNarrowed(state({ filters: { year: ["2022"] } })), true);
    assert.equal(isNarrowed(emptySearchState()), false);
    const cleared = withoutNarrowing(state({ query: "a", filters: { year: ["2022"] }, range: { from: "2022-01-01", to: null }, sort: "oldest" }));
    assert.deepEqual(cleared, state({ query: "a", sort: "oldest" }));
  });
});
