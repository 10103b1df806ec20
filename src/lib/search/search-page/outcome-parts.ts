/**
 * Which parts of the results area an outcome fills. A complete outcome fills them all. First
 * results from the newest bundles (a partial outcome, archive-search.ts) fill only the list and
 * the status line, which says that earlier years are still loading; the rest waits for the
 * complete outcome, because each would mislead a reader while it covered part of the archive:
 *
 * - the timeline would draw the years not yet loaded as years without a match;
 * - an export must hold the ranked list it names, not the part of it loaded so far;
 * - "more" would add to a list about to be replaced (a press waits for the complete list);
 * - the filter counts would count part of the matches, then change under the reader's pointer,
 *   and counting loads every filter's file, which the first results should not wait for;
 * - the offer to clear the filters would be made while earlier years may still hold matches.
 */
import type { SearchOutcome } from "../archive-search.ts";
import { exportCount } from "./export-offer.ts";
import { moreButton, type MoreButton } from "./more-button.ts";

export interface OutcomeParts {
  /** Draw the timeline of matches. */
  timeline: boolean;
  /** Results the export buttons offer; 0 hides them. */
  exportCount: number;
  more: MoreButton;
  /** Count the filters (when the panel is open). */
  counts: boolean;
}

/** The parts an outcome fills, `shown` of its results listed. */
export function outcomeParts(outcome: SearchOutcome, shown: number): OutcomeParts {
  if (!outcome.complete) return { timeline: false, exportCount: 0, more: { hidden: true, adds: 0 }, counts: false };
  return { timeline: true, exportCount: exportCount(outcome.hits.length), more: moreButton(outcome.hits.length, shown), counts: true };
}
