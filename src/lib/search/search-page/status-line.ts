/**
 * What the page says about a search's outcome: the status line (the live region: how many were
 * found and shown, or why none were) and the note under it (the query as converted to
 * Simplified, and an offer to clear the filters when they left nothing). First results from the
 * newest bundles (a partial outcome, archive-search.ts) say which years they come from and that
 * earlier years are still loading.
 */
import { MAX_TEXT_CHECKS, type SearchOutcome } from "../archive-search.ts";
import { normaliseQuery } from "../search-query.ts";
import { hasFilters, isNarrowed } from "../search-state.ts";
import type { Message } from "./messages.ts";

/** "2024年", or "2022—2024年": the years a partial outcome searched (newest first). */
export function periodOf(years: readonly string[], message: Message): string {
  const newest = years[0] ?? "";
  const oldest = years.at(-1) ?? "";
  return newest === oldest ? message("timelineYear", { year: newest }) : message("yearSpan", { from: oldest, to: newest });
}

/** The status line for an outcome of which `shown` results are listed. */
export function statusLine(outcome: SearchOutcome, shown: number, message: Message): string {
  const count = outcome.hits.length;
  if (outcome.tooBroad !== undefined) return message("tooBroad", { max: MAX_TEXT_CHECKS, count: outcome.tooBroad });
  if (!outcome.complete) {
    const period = periodOf(outcome.searchedYears, message);
    if (count === 0) return message("partialNone", { period });
    return outcome.term === null ? message("partialLatest", { period, count }) : message("partialFound", { period, count });
  }
  if (count === 0) {
    const query = normaliseQuery(outcome.state.query);
    if (!isNarrowed(outcome.state)) return message("none", { query });
    const listing = outcome.term === null && !outcome.textChecked;
    if (listing && !hasFilters(outcome.state.filters)) return message("noneInRange");
    const none = listing ? message("noneListed") : message("noneFiltered", { query });
    return `${none}${message("removeFilters")}`;
  }
  const total = outcome.term === null ? message("latest", { count }) : message("found", { count });
  return shown < count ? `${total}${message("shown", { shown })}` : total;
}

export interface SearchNote {
  /** The Simplified term searched for, when the query was converted to it; else null. */
  converted: string | null;
  /** True when the filters or the date range left no result (in the whole archive): the note offers to clear them. */
  offerClear: boolean;
}

export function searchNote(outcome: SearchOutcome): SearchNote {
  return {
    converted: outcome.converted && outcome.term !== null ? outcome.term : null,
    offerClear: outcome.complete && outcome.hits.length === 0 && isNarrowed(outcome.state),
  };
}
