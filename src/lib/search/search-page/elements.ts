/**
 * The search page's parts, as the page renders them (src/pages/search/index.astro), and the data
 * it gives the script: its words, the index's bundles, the archive's years and span.
 */
import type { ArchiveSpan } from "../date-range.ts";
import type { SearchLabels } from "../search-labels.ts";
import { required } from "./dom.ts";

export interface SearchPageElements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sortSelect: HTMLSelectElement;
  fromInput: HTMLInputElement;
  toInput: HTMLInputElement;
  clearRange: HTMLButtonElement;
  /** The status line: the live region. */
  status: HTMLElement;
  note: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  filtersToggle: HTMLButtonElement;
  facets: HTMLElement;
  timeline: HTMLElement;
  exportBox: HTMLElement;
}

export function searchPageElements(root: HTMLElement): SearchPageElements {
  const form = required<HTMLFormElement>(root, "[data-search-form]");
  return {
    root,
    form,
    input: required<HTMLInputElement>(form, "input[name=q]"),
    sortSelect: required<HTMLSelectElement>(form, "select[name=sort]"),
    fromInput: required<HTMLInputElement>(form, "input[name=from]"),
    toInput: required<HTMLInputElement>(form, "input[name=to]"),
    clearRange: required<HTMLButtonElement>(root, "[data-clear-range]"),
    status: required<HTMLElement>(root, "[data-search-status]"),
    note: required<HTMLElement>(root, "[data-search-note]"),
    list: required<HTMLOListElement>(root, "[data-search-results]"),
    more: required<HTMLButtonElement>(root, "[data-search-more]"),
    filtersToggle: required<HTMLButtonElement>(root, "[data-filters-toggle]"),
    facets: required<HTMLElement>(root, "[data-search-facets]"),
    timeline: required<HTMLElement>(root, "[data-search-timeline]"),
    exportBox: required<HTMLElement>(root, "[data-search-export]"),
  };
}

export interface SearchPageData {
  labels: SearchLabels;
  /** The index's bundles, newest first. */
  shards: string[];
  /** The archive's years, newest first. */
  years: string[];
  span: ArchiveSpan | null;
}

/** What the page tells its script, in its root's data attributes and its labels' JSON. */
export function searchPageData(root: HTMLElement): SearchPageData {
  return {
    labels: JSON.parse(required<HTMLScriptElement>(root, "[data-search-labels]").textContent ?? "{}") as SearchLabels,
    shards: JSON.parse(root.dataset["searchShards"] ?? "[]") as string[],
    years: JSON.parse(root.dataset["searchYears"] ?? "[]") as string[],
    span: JSON.parse(root.dataset["searchSpan"] ?? "null") as ArchiveSpan | null,
  };
}
