/**
 * The filter panel: for each filter with values among the results, its name and its values with
 * their counts (the first FACET_PREVIEW and any chosen one, or all once the reader asks), and a
 * button to clear every filter while any narrows the search.
 */
import type { FacetCounts } from "../archive-search.ts";
import { FILTER_KEYS, type FilterKey } from "../index-schema.ts";
import type { SearchLabels } from "../search-labels.ts";
import { facetValues } from "../search-results.ts";
import { isNarrowed, type SearchState } from "../search-state.ts";
import type { Convert } from "../../opencc-configs.ts";
import type { Message } from "./messages.ts";

/** Values of a filter shown before "show all". */
export const FACET_PREVIEW = 8;

export interface FacetOption {
  /** The value as indexed (Simplified): the checkbox's value, what goes into the URL. */
  value: string;
  /** The value as the page shows it (a kind's name; other values in the page's script). */
  label: string;
  /** The count as shown: "（3）". */
  count: string;
  selected: boolean;
}

export interface FacetGroup {
  key: FilterKey;
  /** The filter's name. */
  legend: string;
  options: FacetOption[];
  /** The "show all" / "show fewer" button, when the filter has more values than the preview. */
  toggle: { expanded: boolean; text: string } | null;
}

export interface FacetPanel {
  groups: FacetGroup[];
  /** True while a filter or a date range narrows the search: the panel offers to clear them. */
  offerClear: boolean;
}

export interface FacetPanelContext {
  labels: Pick<SearchLabels, "filters" | "kinds">;
  message: Message;
  /** The display converter (values are indexed in Simplified). */
  convert: Convert;
  /** The filters whose every value the reader asked to see. */
  expanded: ReadonlySet<FilterKey>;
}

/** The panel for the counts of a search in `state`. */
export function facetPanel(counts: FacetCounts, state: SearchState, { labels, message, convert, expanded }: FacetPanelContext): FacetPanel {
  const groups: FacetGroup[] = [];
  for (const key of FILTER_KEYS) {
    const values = facetValues(key, counts[key], state.filters[key], Object.keys(labels.kinds));
    if (values.length === 0) continue;
    const all = expanded.has(key);
    const visible = all ? values : values.filter((v, i) => i < FACET_PREVIEW || v.selected);
    const options = visible.map((v) => ({
      value: v.value,
      label: key === "kind" ? (labels.kinds[v.value] ?? v.value) : convert(v.value),
      count: message("count", { count: v.count }),
      selected: v.selected,
    }));
    const toggle =
      values.length > visible.length || all
        ? { expanded: all, text: all ? message("showFewer") : message("showAll", { count: values.length }) }
        : null;
    groups.push({ key, legend: labels.filters[key], options, toggle });
  }
  return { groups, offerClear: isNarrowed(state) };
}
