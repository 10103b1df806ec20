/** The issue list's calendar: issues grouped by year and month, and on which list page each month is. */
import type { Issue } from "./archive.ts";
import { listPageOf } from "./list-pages.ts";
import { listPagePath } from "./paths.ts";

export interface IssueMonth<E> {
  /** "2022-11", also the month's anchor id on the list page ("m-2022-11"). */
  key: string;
  year: number;
  month: number;
  /** Newest first. */
  issues: Issue<E>[];
}

export interface IssueYear<E> {
  year: number;
  /** Newest first. */
  months: IssueMonth<E>[];
}

/** Issues (given newest first) grouped by year and month, keeping that order. */
export function groupIssuesByMonth<E>(issues: readonly Issue<E>[]): IssueYear<E>[] {
  const years: IssueYear<E>[] = [];
  for (const issue of issues) {
    const key = issue.date.slice(0, 7);
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, months: [] };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (!m || m.key !== key) {
      m = { key, year, month, issues: [] };
      y.months.push(m);
    }
    m.issues.push(issue);
  }
  return years;
}

export interface MonthLink {
  month: number;
  count: number;
  /** The list page (list-pages.ts, of `perListPage` issues) where the month begins, its newest issue, with its anchor. */
  href: string;
}

export interface YearDirectory {
  year: number;
  count: number;
  /** Newest first. */
  months: MonthLink[];
}

export function monthAnchor(key: string): string {
  return `m-${key}`;
}

/** For every month with issues: how many, and a link to where the paginated list shows it. */
export function issueDirectory<E>(issues: readonly Issue<E>[], perListPage: number, firstPage: string): YearDirectory[] {
  const years: YearDirectory[] = [];
  issues.forEach((issue, index) => {
    const key = issue.date.slice(0, 7);
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, count: 0, months: [] };
      years.push(y);
    }
    y.count++;
    const m = y.months.at(-1);
    if (m && m.month === month) {
      m.count++;
    } else {
      const listPage = listPageOf(index, issues.length, perListPage);
      y.months.push({ month, count: 1, href: `${listPagePath(firstPage, listPage)}#${monthAnchor(key)}` });
    }
  });
  return years;
}
