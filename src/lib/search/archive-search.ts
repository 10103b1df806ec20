/**
 * The search page's one way of asking the index: a SearchState in, the matching articles (as
 * lazy handles), their count and the filter counts out; then ResultViews for a page of them.
 * Pagefind and the OpenCC tables are loaded on first use through the loaders passed in, so the
 * browser test of recall and the page run exactly this code.
 *
 * Filters: values within one filter are alternatives, filters combine (Pagefind's `any` within,
 * all across). A filter's own counts must then ignore its own selection (choosing 包头市 should not
 * make 赤峰市 count 0), so for each filter with a selection the search is run once more without
 * it; these extra runs reuse the index chunks and filter files already loaded.
 */
import { FILTER_KEYS, SORT_KEY, type FilterKey } from "./index-schema.ts";
import { effectiveSort, type FilterSelection, type SearchState } from "./search-state.ts";
import { searchTerm } from "./search-query.ts";
import { resultView, type PagefindFragment, type ResultView } from "./search-results.ts";
import type { Convert } from "./script-conversion.ts";

/** Counts per value of each filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The part of Pagefind's browser API (pagefind.js) the archive uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
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

export interface ArchiveSearchOptions {
  /** Loads and returns Pagefind's browser module. */
  loadPagefind: () => Promise<PagefindApi>;
  /** Loads the Traditional → Simplified converter for queries. */
  loadToSimplified: () => Promise<Convert>;
  /** Loads the converter for displayed text (identity on the Simplified page). */
  loadDisplayConvert: () => Promise<Convert>;
  /** "" or "/zh-hant": prefixed to result URLs. */
  pathPrefix: string;
  /** Pagefind's excerpt length, in words. */
  excerptLength?: number;
}

export interface SearchOutcome {
  state: SearchState;
  /** The term sent to Pagefind (normalised, Simplified), or null for a listing without a query. */
  term: string | null;
  /** All matching articles, in display order; ResultViews are made on demand. */
  hits: PagefindHit[];
  /** Per filter, how many of the matching articles each value would give (see the module note). */
  counts: Record<FilterKey, Record<string, number>>;
}

export interface ArchiveSearch {
  run(state: SearchState): Promise<SearchOutcome>;
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
  const pagefind = (): Promise<PagefindApi> => {
    ready ??= (async () => {
      const api = await options.loadPagefind();
      await api.options({ excerptLength: options.excerptLength ?? 36 });
      await api.init();
      // Loads every filter's file now: Pagefind only counts filters whose file it has loaded.
      await api.filters();
      return api;
    })();
    // A failed load (offline, missing index) may be retried by the next search.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };

  const search = async (api: PagefindApi, term: string | null, opts: PagefindSearchOptions): Promise<PagefindSearch> => {
    const response = await api.search(term, opts);
    return response ?? { results: [], filters: {} };
  };

  return {
    async run(state) {
      const needsTerm = state.query.trim() !== "";
      const [api, toSimplified] = await Promise.all([
        pagefind(),
        needsTerm ? options.loadToSimplified() : Promise.resolve((text: string) => text),
      ]);
      const term = searchTerm(state.query, toSimplified);
      const sort = pagefindSort(state);
      const main = await search(api, term, { filters: pagefindFilters(state.filters), ...(sort ? { sort } : {}) });
      const counts = {} as Record<FilterKey, Record<string, number>>;
      await Promise.all(
        FILTER_KEYS.map(async (key) => {
          if (state.filters[key].length === 0) {
            counts[key] = main.filters[key] ?? {};
            return;
          }
          const other = await search(api, term, { filters: pagefindFilters(state.filters, key) });
          counts[key] = other.filters[key] ?? {};
        }),
      );
      return { state, term, hits: main.results, counts };
    },

    async views(outcome, from, count) {
      const convert = await options.loadDisplayConvert();
      const fragments = await Promise.all(outcome.hits.slice(from, from + count).map((hit) => hit.data()));
      return fragments.map((fragment) => resultView(fragment, { convert, pathPrefix: options.pathPrefix }));
    },

    displayConvert: () => options.loadDisplayConvert(),
  };
}
