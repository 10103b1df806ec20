import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createArchiveSearch,
  pagefindFilters,
  pagefindSort,
  type PagefindApi,
  type PagefindSearchOptions,
} from "../../src/lib/search/archive-search.ts";
import { emptySearchState, type SearchState } from "../../src/lib/search/search-state.ts";

interface Doc {
  url: string;
  text: string;
  date: string;
  filters: Record<string, string[]>;
}

const DOCS: Doc[] = [
  { url: "/a/", text: "板凳议事会", date: "2022-11-08", filters: { region: ["包头市"], person: ["宋爽"] } },
  { url: "/b/", text: "议事会", date: "2023-01-01", filters: { region: ["赤峰市"], person: ["王五", "宋爽"] } },
  { url: "/c/", text: "乡村振兴", date: "2021-05-01", filters: { region: ["包头市"], person: ["李四"] } },
];

/** Pagefind over DOCS: substring match, `any` filters, date sort, counts of the filtered results. */
function fakePagefind(calls: { term: string | null; options: PagefindSearchOptions }[]): PagefindApi {
  return {
    options: async () => {},
    init: async () => {},
    filters: async () => ({}),
    search: async (term, options = {}) => {
      calls.push({ term, options });
      let docs = DOCS.filter((d) => term === null || d.text.includes(term));
      for (const [key, { any }] of Object.entries(options.filters ?? {})) {
        docs = docs.filter((d) => (d.filters[key] ?? []).some((v) => any.includes(v)));
      }
      if (options.sort) docs.sort((a, b) => (options.sort!["date"] === "asc" ? 1 : -1) * a.date.localeCompare(b.date));
      const counts: Record<string, Record<string, number>> = {};
      for (const doc of DOCS) for (const [key, values] of Object.entries(doc.filters)) for (const v of values) (counts[key] ??= {})[v] = 0;
      for (const doc of docs) for (const [key, values] of Object.entries(doc.filters)) for (const v of values) counts[key]![v]! += 1;
      return {
        results: docs.map((d) => ({ id: d.url, data: async () => ({ url: d.url, excerpt: d.text, meta: { title: d.text, date: d.date } }) })),
        filters: counts,
      };
    },
  };
}

function setup(pathPrefix = "", display = (t: string) => t) {
  const calls: { term: string | null; options: PagefindSearchOptions }[] = [];
  const loads = { simplified: 0 };
  const search = createArchiveSearch({
    loadPagefind: async () => fakePagefind(calls),
    loadToSimplified: async () => {
      loads.simplified++;
      return (t: string) => t.replace("議", "议").replace("會", "会");
    },
    loadDisplayConvert: async () => display,
    pathPrefix,
  });
  return { search, calls, loads };
}

const withFilters = (query: string, filters: Partial<SearchState["filters"]>, sort: SearchState["sort"] = "relevance"): SearchState => ({
  ...emptySearchState(),
  query,
  sort,
  filters: { ...emptySearchState().filters, ...filters },
});

describe("archive search", () => {
  it("finds Simplified articles for a Traditional query", async () => {
    const { search, calls } = setup();
    const outcome = await search.run(withFilters("議事會", {}));
    assert.equal(outcome.term, "议事会");
    assert.equal(calls[0]!.term, "议事会");
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/", "/b/"]);
  });

  it("lists the latest articles for an empty query, without loading the converter", async () => {
    const { search, calls, loads } = setup();
    const outcome = await search.run(emptySearchState());
    assert.equal(outcome.term, null);
    assert.deepEqual(calls[0]!.options.sort, { date: "desc" });
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/", "/a/", "/c/"]);
    assert.equal(loads.simplified, 0);
  });

  it("combines filters, and counts each filter's values without its own selection", async () => {
    const { search } = setup();
    const outcome = await search.run(withFilters("", { region: ["包头市"], person: ["宋爽"] }, "oldest"));
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/"]);
    // Regions for 宋爽's articles, whichever region is chosen; people in 包头市, whoever is chosen.
    assert.deepEqual(outcome.counts.region, { 包头市: 1, 赤峰市: 1 });
    assert.deepEqual(outcome.counts.person, { 宋爽: 1, 王五: 0, 李四: 1 });
  });

  it("treats values of one filter as alternatives", async () => {
    const { search } = setup();
    const outcome = await search.run(withFilters("", { region: ["包头市", "赤峰市"] }));
    assert.equal(outcome.hits.length, 3);
  });

  it("makes views of one page of results, converted and prefixed", async () => {
    const { search } = setup("/zh-hant", (t) => t.replace("议", "議"));
    const outcome = await search.run(withFilters("议事会", {}));
    const views = await search.views(outcome, 1, 10);
    assert.deepEqual(views.map((v) => [v.url, v.title]), [["/zh-hant/b/", "議事会"]]);
  });

  it("translates state into Pagefind's options", () => {
    const state = withFilters("x", { kind: ["photo"], year: ["2022", "2023"] }, "newest");
    assert.deepEqual(pagefindFilters(state.filters), { kind: { any: ["photo"] }, year: { any: ["2022", "2023"] } });
    assert.deepEqual(pagefindFilters(state.filters, "year"), { kind: { any: ["photo"] } });
    assert.deepEqual(pagefindSort(state), { date: "desc" });
    assert.equal(pagefindSort({ ...state, sort: "relevance" }), undefined);
  });
});
