/**
 * What a search is: the query as typed, the chosen filter values, the date range and the sort
 * order. The state lives in the search page's URL
 * (/search/?q=议事会&region=包头市&from=2022-09-01&to=2022-12-31&sort=newest), so reload,
 * back/forward and a shared link all restore it; this module converts between the two.
 */
import { hasRange, openRange, parseDateRange, type DateRange } from "./date-range.ts";
import { FILTER_KEYS, type FilterKey } from "./index-schema.ts";

/** relevance: Pagefind's ranking; newest/oldest: by issue date. */
export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Chosen values per filter; values within one filter are alternatives (any), filters combine (all). */
export type FilterSelection = Record<FilterKey, string[]>;

export interface SearchState {
  /** The query as the reader typed it (possibly Traditional); "" lists the latest articles. */
  query: string;
  filters: FilterSelection;
  /** First and last day (ISO), either open; "from" and "to" in the URL. */
  range: DateRange;
  sort: SortOrder;
}

/** Longest query kept from a URL; a pasted paragraph is cut here. */
export const MAX_QUERY_LENGTH = 100;
/** Most values kept per filter from a URL. */
export const MAX_FILTER_VALUES = 20;

export function emptyFilters(): FilterSelection {
  return { person: [], region: [], county: [], page: [], section: [], agency: [], kind: [], year: [] };
}

export function emptySearchState(): SearchState {
  return { query: "", filters: emptyFilters(), range: openRange(), sort: "relevance" };
}

function isSortOrder(value: string | null): value is SortOrder {
  return (SORT_ORDERS as readonly (string | null)[]).includes(value);
}

/** Distinct, non-blank values in code-point order, so one selection has one URL. */
function canonicalValues(values: readonly string[]): string[] {
  const kept = new Set(values.map((value) => value.trim()).filter((value) => value !== ""));
  return [...kept].sort().slice(0, MAX_FILTER_VALUES);
}

/** The state a URL's query string describes; unknown parameters and invalid values are ignored. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) filters[key] = canonicalValues(params.getAll(key));
  const sort = params.get("sort");
  return {
    query: [...(params.get("q") ?? "").trim()].slice(0, MAX_QUERY_LENGTH).join(""),
    filters,
    range: parseDateRange(params.get("from"), params.get("to")),
    sort: isSortOrder(sort) ? sort : "relevance",
  };
}

/** The query string for a state: q first, then filters in FILTER_KEYS order, the range, then sort; defaults omitted. */
export function serialiseSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query !== "") params.set("q", query);
  for (const key of FILTER_KEYS) for (const value of canonicalValues(state.filters[key])) params.append(key, value);
  const range = parseDateRange(state.range.from, state.range.to);
  if (range.from !== null) params.set("from", range.from);
  if (range.to !== null) params.set("to", range.to);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  return params;
}

/** "/search/?q=…" (or the bare path for the empty state). */
export function searchStateUrl(path: string, state: SearchState): string {
  const query = serialiseSearchState(state).toString();
  return query === "" ? path : `${path}?${query}`;
}

/** True when two states would give the same URL. */
export function sameSearchState(a: SearchState, b: SearchState): boolean {
  return serialiseSearchState(a).toString() === serialiseSearchState(b).toString();
}

/** The order results are listed in: an empty query has no relevance, so it lists newest first. */
export function effectiveSort(state: Pick<SearchState, "query" | "sort">): SortOrder {
  return state.sort === "relevance" && state.query.trim() === "" ? "newest" : state.sort;
}

/** Whether any filter value is chosen. */
export function hasFilters(filters: FilterSelection): boolean {
  return FILTER_KEYS.some((key) => filters[key].length > 0);
}

/** Whether the search is narrowed at all: by a filter value or by a date range. */
export function isNarrowed(state: Pick<SearchState, "filters" | "range">): boolean {
  return hasFilters(state.filters) || hasRange(state.range);
}

/** The state with no filter and an open range. */
export function withoutNarrowing(state: SearchState): SearchState {
  return { ...state, filters: emptyFilters(), range: openRange() };
}

/** The state with one filter value added or removed. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: on ? [...current, value] : current } };
}
