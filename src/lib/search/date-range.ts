/**
 * A search's date range: from and to, each an ISO day or open. Pagefind has no range filter, so
 * the index gives every article two filters besides its year (search-record.ts): its month
 * ("2022-09") and its day ("2022-09-06"). A range becomes one compound filter, "any of": the
 * months it covers whole, and the days of the months it cuts at either end. Pagefind then counts
 * and sorts within it as within any filter, so the result count, the filter counts and the
 * timeline (month counts) are exact, and no result's data is loaded to check a date. The months'
 * filter file is the size of the years' one; the days' file is loaded only when a range cuts a month.
 */

export interface DateRange {
  /** First day included (ISO), or null for open. */
  from: string | null;
  /** Last day included (ISO), or null for open. */
  to: string | null;
}

/** The filter keys the range is expressed in (indexed for every article, never shown as facets). */
export const MONTH_FILTER = "month";
export const DAY_FILTER = "day";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function openRange(): DateRange {
  return { from: null, to: null };
}

export function hasRange(range: DateRange): boolean {
  return range.from !== null || range.to !== null;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A bound as typed in a URL, as an ISO day: "2022-09-06" as it is; "2022-09" and "2022" as
 * their first day (a start) or last day (an end). Anything else, or a day that does not exist
 * (2022-02-30), is null.
 */
export function parseDateBound(value: string | null | undefined, end: "from" | "to"): string | null {
  const text = (value ?? "").trim();
  let match = DAY.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : null;
  }
  match = MONTH.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return end === "from" ? isoDay(year, month, 1) : isoDay(year, month, daysInMonth(year, month));
  }
  match = YEAR.exec(text);
  if (match) return end === "from" ? `${match[1]}-01-01` : `${match[1]}-12-31`;
  return null;
}

/** A range from two bounds as typed; an end before its start is taken as the two swapped. */
export function parseDateRange(from: string | null | undefined, to: string | null | undefined): DateRange {
  let start = parseDateBound(from, "from");
  let end = parseDateBound(to, "to");
  if (start !== null && end !== null && end < start) {
    // Swapped, each read as the other end: from=2023&to=2022 is 2022-01-01 … 2023-12-31.
    [start, end] = [parseDateBound(to, "from"), parseDateBound(from, "to")];
  }
  return { from: start, to: end };
}

/** True when an ISO date lies in the range (ends included). */
export function inRange(date: string, range: DateRange): boolean {
  const day = date.slice(0, 10);
  return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}

/** The intersection of two ranges (null when they do not meet). */
export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  const later = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  const earlier = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);
  const out = { from: later(a.from, b.from), to: earlier(a.to, b.to) };
  return out.from !== null && out.to !== null && out.to < out.from ? null : out;
}

/** "2022-09" for 2022 and 9. */
export function monthKey(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** The months from `first` to `last` ("YYYY-MM", both included), in order. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let key = monthKey(year, month); key <= last.slice(0, 7); key = monthKey(year, month)) {
    out.push(key);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

/** The archive's extent: its first and last issue dates (ISO). */
export interface ArchiveSpan {
  first: string;
  last: string;
}

/** The values a range is narrowed by in the index (see the module note). */
export interface RangeValues {
  /** Months covered whole. */
  months: string[];
  /** Days of the months cut by either end. */
  days: string[];
}

/**
 * The month and day values that make up `range` within the archive's span: an open end is the
 * span's end; months and days outside the span are left out (they hold no article).
 */
export function rangeValues(range: DateRange, span: ArchiveSpan): RangeValues {
  const start = range.from !== null && range.from > span.first ? range.from : span.first;
  const end = range.to !== null && range.to < span.last ? range.to : span.last;
  if (end < start) return { months: [], days: [] };
  const months: string[] = [];
  const days: string[] = [];
  for (const month of monthsBetween(start, end)) {
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const first = `${month}-01`;
    const last = `${month}-${pad(daysInMonth(year, m))}`;
    // A month the span itself cuts is whole as far as the archive goes.
    const from = first < span.first ? span.first : first;
    const to = last > span.last ? span.last : last;
    if (start <= from && end >= to) {
      months.push(month);
    } else {
      const lo = Number((start > first ? start : first).slice(8, 10));
      const hi = Number((end < last ? end : last).slice(8, 10));
      for (let d = lo; d <= hi; d++) days.push(`${month}-${pad(d)}`);
    }
  }
  return { months, days };
}

/** Pagefind's compound filter for a range: months whole or days cut (Pagefind's `any` of the two). */
export type RangeFilter = { any: Record<string, { any: string[] }>[] };

/**
 * The filter for a range, or, for an open range, a condition every article meets that still
 * loads the months' filter file, whose counts the timeline draws (Pagefind counts only the
 * filters whose files it has loaded).
 */
export function rangeFilter(range: DateRange, span: ArchiveSpan): RangeFilter | Record<string, { none: string[] }> {
  if (!hasRange(range)) return { [MONTH_FILTER]: { none: [] } };
  const { months, days } = rangeValues(range, span);
  const parts: Record<string, { any: string[] }>[] = [];
  if (months.length > 0) parts.push({ [MONTH_FILTER]: { any: months } });
  if (days.length > 0) parts.push({ [DAY_FILTER]: { any: days } });
  // A range outside the archive: a month value no article has, so nothing matches.
  if (parts.length === 0) parts.push({ [MONTH_FILTER]: { any: ["0000-00"] } });
  return { any: parts };
}

/** The years (of `years`) a range reaches. */
export function yearsInRange(years: readonly string[], range: DateRange): string[] {
  return years.filter((year) => (range.from === null || year >= range.from.slice(0, 4)) && (range.to === null || year <= range.to.slice(0, 4)));
}
