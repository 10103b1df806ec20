import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createArchiveSearch,
  pagefindFilters,
  pagefindSort,
  reachedYears,
  shardYears,
  type PagefindApi,
  type PagefindSearchOptions,
  type QueryConversion,
} from "../../src/lib/search/archive-search.ts";
import { emptySearchState, type SearchState } from "../../src/lib/search/search-state.ts";
import type { PagefindFilterValue } from "../../src/lib/search/archive-search.ts";

interface Doc {
  url: string;
  text: string;
  date: string;
  filters: Record<string, string[]>;
  /** Its relevance score, as Pagefind would give it within its bundle. */
  score: number;
}

const DOCS: Doc[] = [
  { url: "/a/", text: "板凳议事会", date: "2022-11-08", filters: { region: ["包头市"], person: ["宋爽"], year: ["2022"] }, score: 3 },
  { url: "/b/", text: "议事会", date: "2023-01-01", filters: { region: ["赤峰市"], person: ["王五", "宋爽"], year: ["2023"] }, score: 2 },
  { url: "/c/", text: "乡村振兴", date: "2021-05-01", filters: { region: ["包头市"], person: ["李四"], year: ["2021"] }, score: 1 },
].map((doc) => ({ ...doc, filters: { ...doc.filters, month: [doc.date.slice(0, 7)], day: [doc.date] } }));

/** Whether a doc meets a filter condition as Pagefind reads it: `any` of values, `none` of values, or `any` of conditions. */
function meets(doc: Doc, key: string, condition: PagefindFilterValue): boolean {
  if (Array.isArray(condition)) return condition.some((part) => Object.entries(part).some(([k, c]) => meets(doc, k, c)));
  const values = doc.filters[key] ?? [];
  if ("none" in condition) return !values.some((v) => (condition.none as string[]).includes(v));
  return values.some((v) => (condition.any as string[]).includes(v));
}

interface Log {
  searches: { term: string | null; options: PagefindSearchOptions }[];
  merged: string[];
  filtersLoaded: number;
  converterLoaded: number;
  /** Results whose data was loaded. */
  loaded: string[];
}

/** The index bundles over DOCS, newest first, and its years. */
const SHARDS = ["2023", "2021-2022"];
const YEARS = ["2023", "2022", "2021"];
const yearOf = (doc: Doc) => doc.date.slice(0, 4);
/** The bundle holding a doc: the shard whose years ("2023" or "2021-2022") include its year. */
const bundleOf = (doc: Doc) =>
  SHARDS.find((name) => {
    const [first, last = first] = name.split("-");
    return yearOf(doc) >= first! && yearOf(doc) <= last!;
  });

/**
 * Pagefind over DOCS, its bundles merged as in the browser: substring match, `any` filters,
 * counts of the filtered results. A search covers the bundles loaded when it is sent: the newest
 * once loaded, and each merged one from its mergeIndex call on. Each bundle is searched on its own
 * and the results merged by score, as Pagefind does: by relevance a doc's own score; under a sort
 * its place in its own bundle's date order.
 */
function fakePagefind(log: Log, loaded: string[]): PagefindApi {
  return {
    options: async () => {},
    init: async () => {},
    mergeIndex: async (basePath) => {
      log.merged.push(basePath);
      loaded.push(basePath.split("/").at(-2)!);
    },
    filters: async () => {
      log.filtersLoaded++;
      return {};
    },
    search: (term, options = {}) => {
      log.searches.push({ term, options });
      const bundles = [...loaded];
      const place = (doc: Doc) =>
        DOCS.filter((other) => bundleOf(other) === bundleOf(doc))
          .sort((x, y) => x.date.localeCompare(y.date))
          .indexOf(doc);
      const score = (doc: Doc) => (options.sort ? (options.sort["date"] === "asc" ? -place(doc) : place(doc)) : doc.score);
      let docs = bundles.flatMap((bundle) => DOCS.filter((d) => bundleOf(d) === bundle).sort((a, b) => score(b) - score(a)));
      docs = docs.filter((d) => term === null || term.split(" ").every((word) => d.text.includes(word)));
      for (const [key, condition] of Object.entries(options.filters ?? {})) docs = docs.filter((d) => meets(d, key, condition));
      docs = docs.sort((a, b) => score(b) - score(a));
      const counts: Record<string, Record<string, number>> = {};
      for (const doc of DOCS) for (const [key, values] of Object.entries(doc.filters)) for (const v of values) (counts[key] ??= {})[v] = 0;
      for (const doc of docs) for (const [key, values] of Object.entries(doc.filters)) for (const v of values) counts[key]![v]! += 1;
      return Promise.resolve({
        results: docs.map((d) => ({
          id: d.url,
          data: async () => {
            log.loaded.push(d.url);
            return { url: d.url, excerpt: d.text, content: d.text, filters: d.filters, meta: { title: d.text, date: d.date } };
          },
        })),
        filters: counts,
      });
    },
  };
}

function setup(queryConversion: QueryConversion = "traditional-characters", pathPrefix = "", display = (t: string) => t) {
  const log: Log = { searches: [], merged: [], filtersLoaded: 0, converterLoaded: 0, loaded: [] };
  const search = createArchiveSearch({
    shards: SHARDS,
    years: YEARS,
    span: { first: "2021-05-01", last: "2023-01-01" },
    loadPagefind: async (shard) => {
      log.merged.push(`primary ${shard}`);
      return fakePagefind(log, [shard]);
    },
    shardPath: (shard) => `/pagefind/${shard}/`,
    loadToSimplified: async () => {
      log.converterLoaded++;
      return (t: string) => t.replace("議", "议").replace("會", "会");
    },
    queryConversion,
    loadDisplayConvert: async () => display,
    pathPrefix,
  });
  return { search, log };
}

const yearOfFilter = (options: PagefindSearchOptions) => {
  const year = options.filters?.["year"];
  return year && "any" in year ? year.any : undefined;
};

const withFilters = (query: string, filters: Partial<SearchState["filters"]>, sort: SearchState["sort"] = "relevance"): SearchState => ({
  ...emptySearchState(),
  query,
  sort,
  filters: { ...emptySearchState().filters, ...filters },
});

describe("archive search: script", () => {
  it("on the Simplified page, searches a Simplified query as typed, without loading the converter", async () => {
    const { search, log } = setup();
    const outcome = await search.run(withFilters("议事会", {}));
    assert.equal(outcome.term, "议事会");
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/", "/b/"]);
    assert.equal(log.converterLoaded, 0);
  });

  it("on the Simplified page, converts a query holding Traditional-only characters before searching", async () => {
    const { search, log } = setup();
    const outcome = await search.run(withFilters("議事會", { region: ["赤峰市"] }));
    assert.equal(outcome.term, "议事会");
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/"]);
    assert.deepEqual(log.searches.map((s) => s.term), ["议事会"]);
  });

  it("on the Traditional page, converts every Han query before searching", async () => {
    const { search, log } = setup("always");
    const outcome = await search.run(withFilters("議事會", {}));
    assert.equal(outcome.term, "议事会");
    assert.deepEqual(log.searches.map((s) => s.term), ["议事会"]);
  });
});

describe("archive search: listing, filters and views", () => {
  it("lists every article newest first for an empty query", async () => {
    const { search, log } = setup();
    const outcome = await search.run(emptySearchState());
    assert.equal(outcome.term, null);
    assert.deepEqual(log.searches[0]!.options.sort, { date: "desc" });
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/", "/a/", "/c/"]);
  });

  it("loads the newest year's bundle and merges the others into it, once", async () => {
    const { search, log } = setup();
    await search.run(withFilters("议事会", {}));
    await search.run(withFilters("乡村", {}));
    assert.deepEqual(log.merged, ["primary 2023", "/pagefind/2021-2022/"]);
  });

  it("sorts by date across years by searching year by year, within a chosen year filter", async () => {
    const { search, log } = setup();
    const oldest = await search.run(withFilters("", {}, "oldest"));
    assert.deepEqual(oldest.hits.map((h) => h.id), ["/c/", "/a/", "/b/"]);
    assert.deepEqual(
      log.searches.map((s) => yearOfFilter(s.options)),
      [["2021"], ["2022"], ["2023"]],
    );
    log.searches.length = 0;
    const chosen = await search.run(withFilters("", { year: ["2023", "2021"] }, "newest"));
    assert.deepEqual(chosen.hits.map((h) => h.id), ["/b/", "/c/"]);
    assert.deepEqual(log.searches.map((s) => yearOfFilter(s.options)), [["2023"], ["2021"]]);
  });

  it("searches nothing in an archive without articles", async () => {
    const search = createArchiveSearch({
      shards: [],
      years: [],
      loadPagefind: () => Promise.reject(new Error("no bundle to load")),
      shardPath: (shard) => `/pagefind/${shard}/`,
      loadToSimplified: async () => (t: string) => t,
      queryConversion: "traditional-characters",
      loadDisplayConvert: async () => (t: string) => t,
      pathPrefix: "",
    });
    assert.deepEqual((await search.run(withFilters("议事会", {}))).hits, []);
  });

  it("combines filters, values within one filter as alternatives", async () => {
    const { search } = setup();
    assert.deepEqual((await search.run(withFilters("", { region: ["包头市"], person: ["宋爽"] }))).hits.map((h) => h.id), ["/a/"]);
    assert.equal((await search.run(withFilters("", { region: ["包头市", "赤峰市"] }))).hits.length, 3);
  });

  it("counts only when asked, each filter without its own selection", async () => {
    const { search, log } = setup();
    const outcome = await search.run(withFilters("", { region: ["包头市"], person: ["宋爽"] }, "oldest"));
    assert.equal(log.filtersLoaded, 0);
    const counts = await search.counts(outcome);
    assert.equal(log.filtersLoaded, 1);
    // Regions for 宋爽's articles, whichever region is chosen; people in 包头市, whoever is chosen.
    assert.deepEqual(counts.region, { 包头市: 1, 赤峰市: 1 });
    assert.deepEqual(counts.person, { 宋爽: 1, 王五: 0, 李四: 1 });
    await search.counts(outcome);
    assert.equal(log.filtersLoaded, 1);
  });

  it("makes views of one page of results, converted and prefixed", async () => {
    const { search } = setup("always", "/zh-hant", (t) => t.replace("议", "議"));
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

describe("archive search: date ranges", () => {
  const ranged = (query: string, from: string | null, to: string | null, sort: SearchState["sort"] = "relevance", filters: Partial<SearchState["filters"]> = {}): SearchState => ({
    ...withFilters(query, filters, sort),
    range: { from, to },
  });

  it("narrows by the range, with filters and sorts, loading no result to do it", async () => {
    const { search, log } = setup();
    assert.deepEqual((await search.run(ranged("议事会", "2022-11-08", "2022-12-31"))).hits.map((h) => h.id), ["/a/"]);
    assert.deepEqual((await search.run(ranged("", "2021-06-01", null, "oldest"))).hits.map((h) => h.id), ["/a/", "/b/"]);
    assert.deepEqual((await search.run(ranged("", null, "2022-11-07", "newest", { region: ["包头市"] }))).hits.map((h) => h.id), ["/c/"]);
    assert.deepEqual(log.loaded, []);
  });

  it("searches by date only the years the range reaches", async () => {
    const { search, log } = setup();
    await search.run(ranged("", "2022-01-01", "2022-12-31", "newest"));
    assert.deepEqual(log.searches.map((s) => yearOfFilter(s.options)), [["2022"]]);
  });

  it("counts the matches per month, the timeline's counts, within the range", async () => {
    const { search } = setup();
    assert.deepEqual((await search.run(ranged("", null, null))).months, { "2021-05": 1, "2022-11": 1, "2023-01": 1 });
    assert.deepEqual((await search.run(ranged("议事会", "2022-01-01", null))).months, { "2022-11": 1, "2023-01": 1 });
  });

  it("counts filters within the range", async () => {
    const { search } = setup();
    const outcome = await search.run(ranged("", "2022-01-01", null, "relevance", { region: ["包头市"] }));
    const counts = await search.counts(outcome);
    assert.deepEqual(counts.region, { 包头市: 1, 赤峰市: 1 });
  });
});

describe("archive search: phrases and exclusions", () => {
  it("keeps the results whose text holds the phrase, after asking Pagefind for its words", async () => {
    const { search, log } = setup();
    const outcome = await search.run(withFilters('"板凳议事"', {}));
    assert.equal(outcome.term, "板凳议事");
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/"]);
    assert.equal(outcome.textChecked, true);
    assert.deepEqual(log.loaded, ["/a/"]);
  });

  it("drops results holding an excluded word, and counts months and filters on what is kept", async () => {
    const { search } = setup();
    const outcome = await search.run(withFilters("议事会 -板凳", {}));
    assert.equal(outcome.term, "议事会");
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/"]);
    assert.deepEqual(outcome.months, { "2023-01": 1 });
    const counts = await search.counts(outcome);
    assert.deepEqual(counts.region, { 赤峰市: 1 });
    assert.deepEqual(counts.person, { 王五: 1, 宋爽: 1 });
  });

  it("lists every article but those excluded for a query that only excludes", async () => {
    const { search } = setup();
    const outcome = await search.run(withFilters("-议事会", {}));
    assert.equal(outcome.term, null);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/c/"]);
  });

  it("converts a Traditional phrase before matching it", async () => {
    const { search } = setup("always");
    const outcome = await search.run(withFilters("「議事會」", {}));
    assert.deepEqual(outcome.hits.map((h) => h.id).sort(), ["/a/", "/b/"]);
    assert.equal(outcome.converted, true);
  });

  it("gives export records of the first results, in order", async () => {
    const { search } = setup();
    const outcome = await search.run(withFilters("", {}));
    const records = await search.exportRecords(outcome, 2, "https://archive.example");
    assert.deepEqual(records.map((r) => r.url), ["https://archive.example/b/", "https://archive.example/a/"]);
  });
});

describe("archive search: first results from the newest bundle", () => {
  /** Runs `state`, keeping the partial outcomes given and what was merged when each came. */
  async function runWithPartials(search: ReturnType<typeof setup>["search"], log: Log, state: SearchState) {
    const partials: { ids: string[]; complete: boolean; years: string[]; mergedThen: string[] }[] = [];
    const outcome = await search.run(state, (partial) => {
      partials.push({ ids: partial.hits.map((h) => h.id), complete: partial.complete, years: partial.searchedYears, mergedThen: [...log.merged] });
    });
    return { outcome, partials };
  }

  it("gives the newest bundle's results first, marked partial, before any older bundle loads; then the complete list", async () => {
    const { search, log } = setup();
    const { outcome, partials } = await runWithPartials(search, log, withFilters("议事会", {}));
    assert.deepEqual(partials, [{ ids: ["/b/"], complete: false, years: ["2023"], mergedThen: ["primary 2023"] }]);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/", "/b/"]);
    assert.equal(outcome.complete, true);
    assert.deepEqual(outcome.searchedYears, YEARS);
    assert.deepEqual(log.merged, ["primary 2023", "/pagefind/2021-2022/"]);
  });

  it("keeps the partial results in their order within the complete list; newest first, they lead it", async () => {
    const { search, log } = setup();
    const { outcome, partials } = await runWithPartials(search, log, withFilters("", {}, "newest"));
    assert.deepEqual(partials[0]!.ids, ["/b/"]);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/", "/a/", "/c/"]);
    // Sorted by date, the partial search runs only the newest bundle's years.
    assert.deepEqual(log.searches.slice(0, 1).map((s) => yearOfFilter(s.options)), [["2023"]]);
  });

  it("counts the timeline's months of the newest bundle alone in the partial outcome", async () => {
    const { search } = setup();
    let months: Record<string, number> = {};
    const outcome = await search.run(withFilters("", {}), (partial) => void (months = partial.months));
    assert.deepEqual(months, { "2023-01": 1 });
    assert.deepEqual(outcome.months, { "2021-05": 1, "2022-11": 1, "2023-01": 1 });
  });

  it("checks phrases on the partial results too", async () => {
    const { search, log } = setup();
    const { outcome, partials } = await runWithPartials(search, log, withFilters('"议事会" -板凳', {}));
    assert.deepEqual(partials.map((p) => p.ids), [["/b/"]]);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/"]);
  });

  it("is complete on the newest bundle alone when the search reaches only its years, and merges nothing", async () => {
    const { search, log } = setup();
    for (const state of [withFilters("", { year: ["2023"] }), { ...withFilters("议事会", {}), range: { from: "2023-01-01", to: null } }]) {
      const { outcome, partials } = await runWithPartials(search, log, state);
      assert.deepEqual(partials, []);
      assert.equal(outcome.complete, true);
      assert.deepEqual(outcome.hits.map((h) => h.id), ["/b/"]);
    }
    assert.deepEqual(log.merged, ["primary 2023"]);
  });

  it("gives no partial results for a search reaching none of the newest bundle's years", async () => {
    const { search, log } = setup();
    const { outcome, partials } = await runWithPartials(search, log, { ...withFilters("", {}), range: { from: null, to: "2022-12-31" } });
    assert.deepEqual(partials, []);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/a/", "/c/"]);
  });

  it("gives no partial results once the older bundles are merged", async () => {
    const { search, log } = setup();
    await search.run(withFilters("议事会", {}));
    const { outcome, partials } = await runWithPartials(search, log, withFilters("乡村", {}));
    assert.deepEqual(partials, []);
    assert.deepEqual(outcome.hits.map((h) => h.id), ["/c/"]);
  });

  it("reads a bundle's years from its name, and the years a search reaches from its range and year filter", () => {
    assert.deepEqual(shardYears("2023", YEARS), ["2023"]);
    assert.deepEqual(shardYears("2021-2022", YEARS), ["2022", "2021"]);
    assert.deepEqual(shardYears("2005-2016", ["2017", "2016", "2012", "2005", "2004"]), ["2016", "2012", "2005"]);
    assert.deepEqual(reachedYears(withFilters("", {}), YEARS), YEARS);
    assert.deepEqual(reachedYears(withFilters("", { year: ["2021", "2023"] }), YEARS), ["2023", "2021"]);
    assert.deepEqual(reachedYears({ ...withFilters("", { year: ["2021", "2023"] }), range: { from: "2022-06-01", to: null } }, YEARS), ["2023"]);
  });
});
