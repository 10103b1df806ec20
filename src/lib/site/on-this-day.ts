/**
 * "On this day" on the home page: a few items printed on today's month and day in earlier years.
 * The build picks them for the day it runs (in the paper's time zone) and writes, for each of the
 * 366 days of a year, a small JSON file of that day's picks (/data/on-this-day/<MM-DD>.json,
 * titles in both scripts); when a reader opens the page on another day, a deferred script fetches
 * that day's file and swaps the list, and the page is never held up for it.
 */
import { compareArticles, isNotice, type ArchiveEntry } from "./archive.ts";

/** How many items the home page shows. */
export const ON_THIS_DAY_SHOWN = 5;

/**
 * How many items a day's file holds: more than are shown, because the reader's browser drops
 * those of the current year and later (they are not "earlier years" for the reader).
 */
export const ON_THIS_DAY_KEPT = 8;

/** The time zone the paper's dates are in: a build "today" is the paper's today. */
export const PAPER_TIME_ZONE = "Asia/Shanghai";

/** "2022-11-08" → "11-08". */
export function monthDayOf(date: string): string {
  return date.slice(5, 10);
}

/** Every month-day of a leap year, "01-01" … "12-31", with "02-29". */
export const MONTH_DAYS: readonly string[] = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(5, 10));

/** The calendar date in `timeZone` at `now`: year and month-day. */
export function calendarDay(now: Date, timeZone: string = PAPER_TIME_ZONE): { year: number; monthDay: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { year: Number(part("year")), monthDay: `${part("month")}-${part("day")}` };
}

/**
 * Each month-day's picks, newest year first: the first item in page order of each year's issue
 * on that day (the page's lead), then the second of each year, and so on, up to `kept`. Notices
 * are not picked. Days without items are absent.
 */
export function onThisDayPicks<E extends ArchiveEntry>(entries: readonly E[], kept: number = ON_THIS_DAY_KEPT): Map<string, E[]> {
  const byDay = new Map<string, Map<string, E[]>>();
  for (const entry of [...entries].sort(compareArticles)) {
    if (isNotice(entry)) continue;
    const day = monthDayOf(entry.data.date);
    const year = entry.data.date.slice(0, 4);
    let years = byDay.get(day);
    if (!years) byDay.set(day, (years = new Map()));
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(entry);
  }
  const picks = new Map<string, E[]>();
  for (const [day, years] of byDay) {
    const lists = [...years.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, list]) => list);
    const chosen: E[] = [];
    for (let round = 0; chosen.length < kept && lists.some((list) => list.length > round); round++) {
      for (const list of lists) {
        const entry = list[round];
        if (entry && chosen.length < kept) chosen.push(entry);
      }
    }
    picks.set(day, chosen);
  }
  return picks;
}

/** What the home page shows on `day`: that day's picks from years before `day.year`. */
export function onThisDay<E extends ArchiveEntry>(picks: Map<string, E[]>, day: { year: number; monthDay: string }, shown: number = ON_THIS_DAY_SHOWN): E[] {
  return (picks.get(day.monthDay) ?? []).filter((entry) => Number(entry.data.date.slice(0, 4)) < day.year).slice(0, shown);
}

/** An item of a day's file: what the list shows of it. */
export interface OnThisDayItem {
  /** The article page, Simplified; the script points it into /zh-hant/ on the Traditional page. */
  url: string;
  date: string;
  title: string;
  /** The title in Traditional characters. */
  titleHant: string;
}

/** A day's file: its month-day and its items, newest year first. */
export interface OnThisDayFile {
  day: string;
  articles: OnThisDayItem[];
}
