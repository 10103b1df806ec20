/**
 * The search page's one way of asking the index: a SearchState in, the matching articles (as
 * lazy handles) out, and on request the filter counts; then ResultViews for a page of them.
 * Pagefind and the OpenCC tables are loaded on first use through the loaders passed in, so the
 * browser test of recall and the page run exactly this code.
 *
 * Script: the index holds Simplified text, so a Traditional query is converted to Simplified
 * before it is searched. On the Traditional page every query with Han characters is; on the
 * Simplified page a query is when it holds a character that exists only in Traditional script
 * (traditional-characters.ts): Simplified queries stay as typed, and their readers never
 * download the conversion tables (about 35 KB).
 *
 * Shards: the index is a few Pagefind bundles, each of whole years (index-shards.ts). The
 * newest bundle is loaded and the others merged into it (mergeIndex), so one search covers the
 * archive and filter counts add up across bundles. Pagefind orders merged results by score, and
 * under a sort a page's score is its place in its own bundle's order, so a search sorted by date
 * is run once per year (year filter, newest or oldest year first: each year's results come from
 * one bundle, in order) and the runs are concatenated.
 *
 * Filters: values within one filter are alternatives, filters combine (Pagefind's `any` within,
 * all across). A filter's own counts must then ignore its own selection (choosing 包头市 should not
 * make 赤峰市 count 0), so for each filter with a selection the search is run once more without
 * it; these extra runs reuse the index chunks and filter files already loaded. Counting needs
 * every filter's file (about 110 KB at 10,000 articles), so counts are made only when asked for:
 * the page asks once its filter panel is open.
 */
import { FILTER_KEYS, SORT_KEY, type FilterKey } from "./index-schema.ts";
import { effectiveSort, type FilterSelection, type SearchState } from "./search-state.ts";
import { hasHan, normaliseQuery } from "./search-query.ts";
import { resultView, type PagefindFragment, type ResultView } from "./search-results.ts";
import type { Convert } from "./script-conversion.ts";

/** Counts per value of each filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The part of Pagefind's browser API (pagefind.js) the archive uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(basePath: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindHit {
  id: string;
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearch {
  results: PagefindHit[];
  filters: FilterCounts;
}

/**
 * When a query is converted to Simplified: always (the Traditional page), or when it holds a
 * Traditional-only character (the Simplified page).
 */
export type QueryConversion = "always" | "traditional-characters";

export interface ArchiveSearchOptions {
  /** The index's shards (bundle names), newest first; none for an empty archive. */
  shards: readonly string[];
  /** The archive's years, newest first. */
  years: readonly string[];
  /** Loads and returns Pagefind's browser module from the bundle of `shard`. */
  loadPagefind: (shard: string) => Promise<PagefindApi>;
  /** The base path of a shard's bundle, for mergeIndex. */
  shardPath: (shard: string) => string;
  /** Loads the Traditional → Simplified converter for queries. */
  loadToSimplified: () => Promise<Convert>;
  queryConversion: QueryConversion;
  /** Loads the converter for displayed text (identity on the Simplified page). */
  loadDisplayConvert: () => Promise<Convert>;
  /** "" or "/zh-hant": prefixed to result URLs. */
  pathPrefix: string;
  /** Pagefind's excerpt length, in words. */
  excerptLength?: number;
}

export interface SearchOutcome {
  state: SearchState;
  /** The term sent to Pagefind (normalised, converted when needed), or null for a listing without a query. */
  term: string | null;
  /** All matching articles, in display order; ResultViews are made on demand. */
  hits: PagefindHit[];
}

/** Per filter, how many of the matching articles each value would give (see the module note). */
export type FacetCounts = Record<FilterKey, Record<string, number>>;

export interface ArchiveSearch {
  run(state: SearchState): Promise<SearchOutcome>;
  /** The filter counts of an outcome (loads every filter's file the first time). */
  counts(outcome: SearchOutcome): Promise<FacetCounts>;
  /** Views of hits[from, from + count). */
  views(outcome: SearchOutcome, from: number, count: number): Promise<ResultView[]>;
  /** The display converter (loads it if needed). */
  displayConvert(): Promise<Convert>;
}

/** Pagefind's filter option for a selection: empty filters left out. */
export function pagefindFilters(filters: FilterSelection, without?: FilterKey): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    if (key !== without && filters[key].length > 0) out[key] = { any: [...filters[key]] };
  }
  return out;
}

/** Pagefind's sort option for a state: none for relevance. */
export function pagefindSort(state: SearchState): Record<string, "asc" | "desc"> | undefined {
  const sort = effectiveSort(state);
  if (sort === "relevance") return undefined;
  return { [SORT_KEY]: sort === "newest" ? "desc" : "asc" };
}

export function createArchiveSearch(options: ArchiveSearchOptions): ArchiveSearch {
  let ready: Promise<PagefindApi> | undefined;
  let allFilters: Promise<FilterCounts> | undefined;
  const { shards, years: allYears } = options;
  const instanceOptions = { excerptLength: options.excerptLength ?? 36 };
  const pagefind = (): Promise<PagefindApi> => {
    ready ??= (async () => {
      const [primary, ...merged] = shards;
      const api = await options.loadPagefind(primary!);
      await api.options(instanceOptions);
      await api.init();
      // All at once: each bundle's metadata is its own request, and Pagefind keeps the bundles
      // in the order of the calls, not of their arrival.
      await Promise.all(merged.map((shard) => api.mergeIndex(options.shardPath(shard), instanceOptions)));
      return api;
    })();
    // A failed load (offline, missing index) may be retried by the next search.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };

  const search = async (term: string | null, opts: PagefindSearchOptions): Promise<PagefindSearch> => {
    if (shards.length === 0) return { results: [], filters: {} };
    const response = await (await pagefind()).search(term, opts);
    return response ?? { results: [], filters: {} };
  };

  /** The hits in display order: by score, or under a sort year by year (see the module note). */
  const hits = async (term: string | null, opts: PagefindSearchOptions): Promise<PagefindHit[]> => {
    const direction = opts.sort?.[SORT_KEY];
    if (direction === undefined || shards.length < 2) return (await search(term, opts)).results;
    const chosen = opts.filters?.["year"]?.any;
    const years = (direction === "desc" ? allYears : allYears.toReversed()).filter((year) => !chosen || chosen.includes(year));
    const runs = await Promise.all(years.map((year) => search(term, { ...opts, filters: { ...opts.filters, year: { any: [year] } } })));
    return runs.flatMap((run) => run.results);
  };

  return {
    async run(state) {
      const typed = normaliseQuery(state.query);
      const sort = pagefindSort(state);
      const opts: PagefindSearchOptions = { filters: pagefindFilters(state.filters), ...(sort ? { sort } : {}) };
      if (typed === "") return { state, term: null, hits: await hits(null, opts) };
      const convert =
        hasHan(typed) &&
        (options.queryConversion === "always" || (await import("./traditional-characters.ts")).hasTraditionalCharacters(typed));
      if (!convert) return { state, term: typed, hits: await hits(typed, opts) };
      const [toSimplified] = await Promise.all([options.loadToSimplified(), pagefind()]);
      const term = toSimplified(typed);
      return { state, term, hits: await hits(term, opts) };
    },

    async counts(outcome) {
      const { term, state } = outcome;
      // Pagefind counts only the filters whose files it has loaded; filters() loads them all.
      allFilters ??= pagefind().then((api) => api.filters());
      await allFilters;
      const main = await search(term, { filters: pagefindFilters(state.filters) });
      const counts = {} as FacetCounts;
      await Promise.all(
        FILTER_KEYS.map(async (key) => {
          const source = state.filters[key].length === 0 ? main : await search(term, { filters: pagefindFilters(state.filters, key) });
          counts[key] = source.filters[key] ?? {};
        }),
      );
      return counts;
    },

    async views(outcome, from, count) {
      const convert = await options.loadDisplayConvert();
      const fragments = await Promise.all(outcome.hits.slice(from, from + count).map((hit) => hit.data()));
      return fragments.map((fragment) => resultView(fragment, { convert, pathPrefix: options.pathPrefix, term: outcome.term }));
    },

    displayConvert: () => options.loadDisplayConvert(),
  };
}
