/**
 * The timeline of matches above the results: matching articles per year, or per month when the
 * period shown is within two years (24 months). The counts come per month, either from Pagefind's
 * counts of the months' filter (date-range.ts) or, when the results' text was checked
 * (query-syntax.ts), from the dates of the results kept; a year's bar is the sum of its months,
 * so the bars add up to the result count.
 *
 * The period shown is the date range where it is set and the months with matches where it is
 * open, within the archive's span; months and years without a match inside it get an empty bar,
 * so gaps show as gaps. Each bar narrows the range to its year or month (within the range).
 */
import { daysInMonth, intersectRanges, monthsBetween, type ArchiveSpan, type DateRange } from "./date-range.ts";

/** Most months drawn one bar each; a longer period is drawn by year. */
export const MAX_MONTH_BARS = 24;

export type TimelineUnit = "year" | "month";

export interface TimelineBucket {
  /** "2022" or "2022-09". */
  key: string;
  count: number;
  /** The range a click on the bar narrows to: the bucket within the current range. */
  range: DateRange;
}

export interface Timeline {
  unit: TimelineUnit;
  buckets: TimelineBucket[];
  /** The sum of the counts: the number of results. */
  total: number;
}

/** Counts per month ("YYYY-MM") of a list of ISO dates. */
export function monthCounts(dates: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const date of dates) {
    const month = date.slice(0, 7);
    if (/^\d{4}-\d{2}$/.test(month)) counts[month] = (counts[month] ?? 0) + 1;
  }
  return counts;
}

function monthRange(month: string): DateRange {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, "0")}` };
}

function yearRange(year: string): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The timeline of month counts under a range, within the archive's span (see the module note). */
export function buildTimeline(counts: Readonly<Record<string, number>>, range: DateRange, span: ArchiveSpan | null): Timeline {
  const matched = Object.keys(counts)
    .filter((month) => (counts[month] ?? 0) > 0)
    .sort();
  const total = matched.reduce((sum, month) => sum + counts[month]!, 0);
  const firstMatch = matched[0];
  const lastMatch = matched.at(-1);
  const clamp = (month: string, bound: "first" | "last") => {
    if (!span) return month;
    const edge = span[bound].slice(0, 7);
    return bound === "first" ? (month < edge ? edge : month) : month > edge ? edge : month;
  };
  const first = range.from !== null ? clamp(range.from.slice(0, 7), "first") : firstMatch;
  const last = range.to !== null ? clamp(range.to.slice(0, 7), "last") : lastMatch;
  if (first === undefined || last === undefined || last < first) return { unit: "year", buckets: [], total };
  const months = monthsBetween(first, last);
  if (months.length <= MAX_MONTH_BARS) {
    const buckets = months.map((month) => ({ key: month, count: counts[month] ?? 0, range: intersectRanges(range, monthRange(month)) ?? monthRange(month) }));
    return { unit: "month", buckets, total };
  }
  const years = [...new Set(months.map((month) => month.slice(0, 4)))];
  const perYear = new Map<string, number>();
  for (const month of matched) perYear.set(month.slice(0, 4), (perYear.get(month.slice(0, 4)) ?? 0) + counts[month]!);
  const buckets = years.map((year) => ({ key: year, count: perYear.get(year) ?? 0, range: intersectRanges(range, yearRange(year)) ?? yearRange(year) }));
  return { unit: "year", buckets, total };
}

export interface TimelineBar {
  bucket: TimelineBucket;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartSize {
  width: number;
  /** Height of the bars' area (labels go below it). */
  height: number;
  /** Gap between bars, as a share of each bar's slot. */
  gap?: number;
  /** Smallest height of a bar with a count, so a single match stays visible. */
  minHeight?: number;
  /** Widest a bar is drawn (a few buckets would otherwise give slabs), centred in its slot. */
  maxBarWidth?: number;
}

/** Where each bar stands in an SVG of `size`: slots of equal width, heights proportional to the counts. */
export function timelineBars(timeline: Timeline, size: ChartSize): TimelineBar[] {
  const { width, height, gap = 0.2, minHeight = 2, maxBarWidth = 48 } = size;
  const n = timeline.buckets.length;
  if (n === 0) return [];
  const max = Math.max(1, ...timeline.buckets.map((bucket) => bucket.count));
  const slot = width / n;
  const round = (v: number) => Math.round(v * 100) / 100;
  return timeline.buckets.map((bucket, i) => {
    const h = bucket.count === 0 ? 0 : Math.max(minHeight, (bucket.count / max) * height);
    const w = Math.min(slot * (1 - gap), maxBarWidth);
    return { bucket, x: round(i * slot + (slot - w) / 2), y: round(height - h), width: round(w), height: round(h) };
  });
}

/**
 * Which buckets get an axis label: all when they fit (`maxLabels`), else every k-th from the
 * first, and the last when it does not crowd the one before.
 */
export function labelledBuckets(timeline: Timeline, maxLabels: number): Set<number> {
  const n = timeline.buckets.length;
  const out = new Set<number>();
  if (n === 0) return out;
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxLabels)));
  for (let i = 0; i < n; i += step) out.add(i);
  if ((n - 1) % step >= Math.ceil(step / 2) || step === 1) out.add(n - 1);
  return out;
}
