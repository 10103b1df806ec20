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
 * First results: the first search of a page is run on the newest bundle alone, before the others
 * are merged, and given to the caller as a partial outcome (`complete: false`); only then are the
 * older bundles loaded, so the first results do not share the line with them, and the search is
 * run again on all of them. Pagefind scores each bundle on its own and merges by score, so the
 * partial results keep their order within the complete list. A search whose years (its date range,
 * its year filter) all lie in the newest bundle is complete there, and needs no other bundle.
 *
 * Filters: values within one filter are alternatives, filters combine (Pagefind's `any` within,
 * all across). A filter's own counts must then ignore its own selection (choosing 包头市 should not
 * make 赤峰市 count 0), so for each filter with a selection the search is run once more without
 * it; these extra runs reuse the index chunks and filter files already loaded. Counting needs
 * every filter's file (about 110 KB at 10,000 articles), so counts are made only when asked for:
 * the page asks once its filter panel is open.
 *
 * Dates: a date range is one more filter condition on every run (months whole, days at the cut
 * ends: date-range.ts), and a sorted search runs only the years the range reaches. Every run also
 * loads the months' filter, whose counts are the timeline (timeline.ts); no result is loaded for it.
 *
 * Phrases and exclusions: Pagefind gets the words of the query, quotes and excluded words left
 * out, and each of its results is then checked on its text (query-syntax.ts), at most
 * MAX_TEXT_CHECKS of them; the counts and the timeline are then made from the results kept.
 */
import { MONTH_FILTER, rangeFilter, yearsInRange, type ArchiveSpan } from "./date-range.ts";
import { FILTER_KEYS, SORT_KEY, type FilterKey } from "./index-schema.ts";
import { convertQuery, matchesText, needsTextCheck, pagefindTerms, parseQuery, type ParsedQuery } from "./query-syntax.ts";
import { exportRecord, type ExportRecord } from "./result-export.ts";
import { effectiveSort, type FilterSelection, type SearchState } from "./search-state.ts";
import { hasHan } from "./search-query.ts";
import { resultView, type PagefindFragment, type ResultView } from "./search-results.ts";
import type { Convert } from "../opencc-configs.ts";
import { monthCounts } from "./timeline.ts";

/** Most Pagefind results whose text a phrase or exclusion query checks; a broader query is asked to narrow. */
export const MAX_TEXT_CHECKS = 1000;
/** Results' data loaded at a time (text checks, exports). */
const LOAD_BATCH = 24;

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

/** A filter condition: values of one key (any of them; none of them), or `any` of several conditions. */
export type PagefindFilterValue = { any: string[] } | { none: string[] } | Record<string, { any: string[] }>[];
export type PagefindFilters = Record<string, PagefindFilterValue>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, "asc" | "desc">;
}

/** A result's data as loaded: what a result shows, its whole text and its filter values. */
export interface PagefindResultData extends PagefindFragment {
  /** The page's indexed text. */
  content?: string;
  filters?: Record<string, string[]>;
}

export interface PagefindHit {
  id: string;
  data(): Promise<PagefindResultData>;
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
  /** The archive's first and last issue dates; null for an empty archive. */
  span?: ArchiveSpan | null;
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
  /** The query taken apart (converted to Simplified when it was). */
  query: ParsedQuery;
  /** True when the query was converted to Simplified before the search. */
  converted: boolean;
  /** All matching articles, in display order; ResultViews are made on demand. */
  hits: PagefindHit[];
  /** Matching articles per month ("YYYY-MM"): the timeline's counts. */
  months: Record<string, number>;
  /** True when the results were checked on their text (a phrase or an exclusion). */
  textChecked: boolean;
  /** Set when the text check was not made: the number of Pagefind results, over MAX_TEXT_CHECKS. */
  tooBroad?: number;
  /**
   * False for first results from the bundles loaded so far (the newest): the hits, months and
   * counts of those bundles alone, while the others load. True once every bundle the search reaches
   * was searched.
   */
  complete: boolean;
  /** The years of the bundles searched, newest first: every year of the archive once complete. */
  searchedYears: string[];
}

/** Per filter, how many of the matching articles each value would give (see the module note). */
export type FacetCounts = Record<FilterKey, Record<string, number>>;

/** Receives a search's first results; the older bundles are loaded once the promise it returns settles. */
export type PartialResults = (outcome: SearchOutcome) => Promise<void> | void;

export interface ArchiveSearch {
  /**
   * The outcome of a search, complete. While the older bundles are not yet loaded, the outcome
   * on the newest bundle alone is first given to `onPartial` (see the module note).
   */
  run(state: SearchState, onPartial?: PartialResults): Promise<SearchOutcome>;
  /** The filter counts of a complete outcome (loads every filter's file the first time). */
  counts(outcome: SearchOutcome): Promise<FacetCounts>;
  /** Views of hits[from, from + count). */
  views(outcome: SearchOutcome, from: number, count: number): Promise<ResultView[]>;
  /** Export records of the first `max` hits, in order. */
  exportRecords(outcome: SearchOutcome, max: number, siteRoot: string): Promise<ExportRecord[]>;
  /** The display converter (loads it if needed). */
  displayConvert(): Promise<Convert>;
}

/** Pagefind's filter option for a selection: empty filters left out. */
export function pagefindFilters(filters: FilterSelection, without?: FilterKey): PagefindFilters {
  const out: PagefindFilters = {};
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

/**
 * The years of `years` a shard's bundle holds: its name is a year ("2025") or a run of years
 * ("2005-2016"), as index-shards.ts names them.
 */
export function shardYears(name: string, years: readonly string[]): string[] {
  const [first = "", last = first] = name.split("-");
  return years.filter((year) => year >= first && year <= last);
}

/** The years of `years` (in their order) a search reaches: those of its date range, within its year filter. */
export function reachedYears(state: Pick<SearchState, "filters" | "range">, years: readonly string[]): string[] {
  const chosen = state.filters.year;
  return yearsInRange(years, state.range).filter((year) => chosen.length === 0 || chosen.includes(year));
}

const NO_RESULTS: PagefindSearch = { results: [], filters: {} };

export function createArchiveSearch(options: ArchiveSearchOptions): ArchiveSearch {
  const { shards, years: allYears } = options;
  const [newestShard, ...olderShards] = shards;
  const newestYears = newestShard === undefined ? [] : shardYears(newestShard, allYears);
  // Result URLs as indexed, root-relative: the page adds the base path and the script's prefix (pathPrefix).
  const instanceOptions = { excerptLength: options.excerptLength ?? 36, baseUrl: "/" };
  // A failed load (offline, missing index) is forgotten, so the next search tries again.
  const retried = <T>(load: Promise<T>, forget: () => void): Promise<T> => {
    load.catch(forget);
    return load;
  };

  let newestLoad: Promise<PagefindApi> | undefined;
  /** Pagefind with the newest bundle loaded. */
  const newest = (): Promise<PagefindApi> =>
    (newestLoad ??= retried(
      (async () => {
        const api = await options.loadPagefind(newestShard!);
        await api.options(instanceOptions);
        await api.init();
        return api;
      })(),
      () => (newestLoad = undefined),
    ));

  let wholeLoad: Promise<PagefindApi> | undefined;
  /** Pagefind with every bundle: the older ones merged into the newest. */
  const whole = (): Promise<PagefindApi> =>
    (wholeLoad ??= retried(
      (async () => {
        const api = await newest();
        // All at once: each bundle's metadata is its own request, and Pagefind keeps the bundles
        // in the order of the calls, not of their arrival.
        await Promise.all(olderShards.map((shard) => api.mergeIndex(options.shardPath(shard), instanceOptions)));
        return api;
      })(),
      () => (wholeLoad = undefined),
    ));

  let allFilters: Promise<FilterCounts> | undefined;
  const span = options.span ?? null;
  /**
   * One Pagefind search, on the bundles `api` holds (none for an empty archive). Sent at once, in
   * the caller's turn: a search sees the bundles merged by the time it is sent.
   */
  const searchIn = (api: PagefindApi | null, term: string | null, opts: PagefindSearchOptions): Promise<PagefindSearch> =>
    api ? api.search(term, opts).then((response) => response ?? NO_RESULTS) : Promise.resolve(NO_RESULTS);
  /** One search on every bundle. */
  const search = async (term: string | null, opts: PagefindSearchOptions): Promise<PagefindSearch> =>
    searchIn(shards.length === 0 ? null : await whole(), term, opts);

  /** Pagefind's filters for a state: the chosen values (but those of `without`) and the date range. */
  const filtersOf = (state: SearchState, without?: FilterKey): PagefindFilters => ({
    ...pagefindFilters(state.filters, without),
    ...(span ? rangeFilter(state.range, span) : {}),
  });

  /**
   * The hits in display order, by score or under a sort year by year (see the module note), and
   * their counts per month, from the bundles `api` holds, whose years are `searchable`.
   */
  const hitsIn = async (
    api: PagefindApi | null,
    searchable: readonly string[],
    term: string | null,
    opts: PagefindSearchOptions,
    state: SearchState,
  ): Promise<{ hits: PagefindHit[]; months: Record<string, number> }> => {
    const direction = opts.sort?.[SORT_KEY];
    let runs: PagefindSearch[];
    if (direction === undefined || shards.length < 2) {
      runs = [await searchIn(api, term, opts)];
    } else {
      const years = reachedYears(state, direction === "desc" ? allYears : allYears.toReversed()).filter((year) => searchable.includes(year));
      runs = await Promise.all(years.map((year) => searchIn(api, term, { ...opts, filters: { ...opts.filters, year: { any: [year] } } })));
    }
    const months: Record<string, number> = {};
    for (const run of runs) {
      for (const [month, count] of Object.entries(run.filters[MONTH_FILTER] ?? {})) if (count > 0) months[month] = (months[month] ?? 0) + count;
    }
    return { hits: runs.flatMap((run) => run.results), months };
  };
  /** The hits of a search on every bundle. */
  const hits = async (term: string | null, opts: PagefindSearchOptions, state: SearchState) =>
    hitsIn(shards.length === 0 ? null : await whole(), allYears, term, opts, state);

  /** Each hit's data, loaded a batch at a time, in order. */
  const loadData = async (list: readonly PagefindHit[]): Promise<PagefindResultData[]> => {
    const out: PagefindResultData[] = [];
    for (let i = 0; i < list.length; i += LOAD_BATCH) out.push(...(await Promise.all(list.slice(i, i + LOAD_BATCH).map((hit) => hit.data()))));
    return out;
  };

  // Whether a result's text passes a query's phrases and exclusions, by query and result id.
  const checked = new Map<string, Map<string, boolean>>();
  /** The hits whose text passes the query, with their data; null when there are too many to check. */
  const textCheck = async (list: readonly PagefindHit[], query: ParsedQuery): Promise<{ hits: PagefindHit[]; data: PagefindResultData[] } | null> => {
    if (list.length > MAX_TEXT_CHECKS) return null;
    const key = JSON.stringify([query.phrases, query.excluded]);
    let known = checked.get(key);
    if (!known) checked.set(key, (known = new Map()));
    const data = await loadData(list);
    const kept: { hits: PagefindHit[]; data: PagefindResultData[] } = { hits: [], data: [] };
    list.forEach((hit, i) => {
      const fragment = data[i]!;
      let ok = known.get(hit.id);
      if (ok === undefined) known.set(hit.id, (ok = matchesText(`${fragment.meta["title"] ?? ""} ${fragment.content ?? ""}`, query)));
      if (ok) {
        kept.hits.push(hit);
        kept.data.push(fragment);
      }
    });
    return kept;
  };

  /** The query as searched: taken apart, and converted to Simplified when needed (see the module note). */
  const searchedQuery = async (typed: string): Promise<{ query: ParsedQuery; converted: boolean }> => {
    const query = parseQuery(typed);
    const all = [...query.words, ...query.phrases, ...query.excluded].join(" ");
    const convert =
      hasHan(all) && (options.queryConversion === "always" || (await import("./traditional-characters.ts")).hasTraditionalCharacters(all));
    if (!convert) return { query, converted: false };
    const [toSimplified] = await Promise.all([options.loadToSimplified(), shards.length > 0 ? newest() : undefined]);
    const converted = convertQuery(query, toSimplified);
    return { query: converted, converted: JSON.stringify(converted) !== JSON.stringify(query) };
  };

  return {
    async run(state, onPartial) {
      const { query, converted } = await searchedQuery(state.query);
      const term = pagefindTerms(query) || null;
      const sort = pagefindSort(state);
      const opts: PagefindSearchOptions = { filters: filtersOf(state), ...(sort ? { sort } : {}) };
      /** The outcome on the bundles `api` holds, whose years are `searchable`. */
      const outcomeIn = async (api: PagefindApi | null, searchable: readonly string[], complete: boolean): Promise<SearchOutcome> => {
        const found = await hitsIn(api, searchable, term, opts, state);
        const outcome: SearchOutcome = { state, term, query, converted, ...found, textChecked: false, complete, searchedYears: [...searchable] };
        if (!needsTextCheck(query)) return outcome;
        const kept = await textCheck(found.hits, query);
        if (!kept) return { ...outcome, hits: [], months: {}, textChecked: true, tooBroad: found.hits.length };
        return { ...outcome, hits: kept.hits, months: monthCounts(kept.data.map((d) => d.meta["date"] ?? "")), textChecked: true };
      };

      if (shards.length === 0) return outcomeIn(null, allYears, true);
      if (wholeLoad === undefined) {
        const api = await newest();
        // Checked again after the wait: once a merge has begun, every search sees that bundle too.
        if (wholeLoad === undefined) {
          const reached = reachedYears(state, allYears);
          const held = reached.filter((year) => newestYears.includes(year));
          if (held.length === reached.length) return outcomeIn(api, newestYears, true);
          if (onPartial && held.length > 0) await onPartial(await outcomeIn(api, newestYears, false));
        }
      }
      return outcomeIn(await whole(), allYears, true);
    },

    async counts(outcome) {
      const { term, state } = outcome;
      const counts = {} as FacetCounts;
      if (outcome.textChecked) {
        // Counted on the results kept, each filter's on those of the search without its own selection.
        await Promise.all(
          FILTER_KEYS.map(async (key) => {
            let list = outcome.hits;
            if (state.filters[key].length > 0) {
              list = (await textCheck((await hits(term, { filters: filtersOf(state, key) }, state)).hits, outcome.query))?.hits ?? [];
            }
            const tally: Record<string, number> = {};
            for (const data of await loadData(list)) for (const value of data.filters?.[key] ?? []) tally[value] = (tally[value] ?? 0) + 1;
            counts[key] = tally;
          }),
        );
        return counts;
      }
      // Pagefind counts only the filters whose files it has loaded; filters() loads them all.
      if (shards.length > 0) await (allFilters ??= whole().then((api) => api.filters()));
      const main = await search(term, { filters: filtersOf(state) });
      await Promise.all(
        FILTER_KEYS.map(async (key) => {
          const source = state.filters[key].length === 0 ? main : await search(term, { filters: filtersOf(state, key) });
          counts[key] = source.filters[key] ?? {};
        }),
      );
      return counts;
    },

    async exportRecords(outcome, max, siteRoot) {
      return (await loadData(outcome.hits.slice(0, max))).map((data) => exportRecord(data, siteRoot));
    },

    async views(outcome, from, count) {
      const convert = await options.loadDisplayConvert();
      const fragments = await Promise.all(outcome.hits.slice(from, from + count).map((hit) => hit.data()));
      return fragments.map((fragment) => resultView(fragment, { convert, pathPrefix: options.pathPrefix, term: outcome.term }));
    },

    displayConvert: () => options.loadDisplayConvert(),
  };
}
