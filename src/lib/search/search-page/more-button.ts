/**
 * Results are listed a few at a time: the first RESULTS_PER_PRESS, then as many more at each press
 * of the "more" button, which says how many it adds.
 */

/** Results listed first, and added by each press of "more". */
export const RESULTS_PER_PRESS = 10;

export interface MoreButton {
  hidden: boolean;
  /** How many results a press adds. */
  adds: number;
}

/** The "more" button when `shown` of `total` results are listed. */
export function moreButton(total: number, shown: number): MoreButton {
  const remaining = total - shown;
  return { hidden: remaining <= 0, adds: Math.min(RESULTS_PER_PRESS, Math.max(0, remaining)) };
}
