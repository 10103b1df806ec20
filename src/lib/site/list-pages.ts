/**
 * The pages of a list that grows at its newest end (a column's articles, a reporter's, a
 * place's, the issues, the parse report), numbered so that a page keeps its entries as the list
 * grows. The list's first page shows the newest entries; the older ones are cut into pages
 * counted from the oldest: page 1 holds the 50 oldest entries for good, page 2 the next 50, and
 * only the newest numbered page, between them and the first page, is short and fills up.
 *
 * Numbered from the newest end instead (as Astro's `paginate` does), every page of a list moves
 * by one entry whenever an entry is added: a new issue of ten articles made every page of each
 * list it joined new, ~300 pages of 10,000 articles and ~2,300 of 100,000, all rendered and
 * converted again in a rebuild. Counted from the oldest, a new issue changes the first page, the
 * short page and at most one page before it in each list. An address such as /sections/x/3/ then
 * shows the same entries tomorrow as today, so it can be cited.
 */
import { listPagePath } from "./paths.ts";

export interface ListPage<T> {
  /** The page's number counted from the oldest page (1); null for the list's first page, its newest entries. */
  number: number | null;
  /** The entries shown, newest first. */
  data: T[];
  /** Entries in the whole list. Only the first page shows it: a numbered page would change with every entry added. */
  total: number;
  /** Root-relative addresses: this page, the page of newer entries and the page of older ones (null at either end). */
  url: { current: string; newer: string | null; older: string | null };
}

/** The numbered pages of a list of `total` entries: pages of `pageSize`, the first page's entries not among them. */
function numberedPageCount(total: number, pageSize: number): number {
  return Math.max(0, Math.ceil((total - pageSize) / pageSize));
}

/**
 * The list's pages, its first page first, then the numbered pages from the newest to the oldest.
 * `newestFirst` is the whole list in the order it is shown; `firstPage` is the list's address.
 */
export function listPages<T>(newestFirst: readonly T[], pageSize: number, firstPage: string): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`a list page holds a whole number of entries, at least 1, not ${pageSize}`);
  const total = newestFirst.length;
  const numbered = numberedPageCount(total, pageSize);
  const address = (number: number | null) => listPagePath(firstPage, number);
  // Page n (counted from the oldest) holds the entries at oldest-first positions [(n - 1) * size, n * size) that are not on the first page.
  const older = total - Math.min(total, pageSize);
  const pages: ListPage<T>[] = [
    {
      number: null,
      data: newestFirst.slice(0, total - older),
      total,
      url: { current: address(null), newer: null, older: numbered > 0 ? address(numbered) : null },
    },
  ];
  for (let number = numbered; number >= 1; number--) {
    const from = total - Math.min(number * pageSize, older);
    const to = total - (number - 1) * pageSize;
    pages.push({
      number,
      data: newestFirst.slice(from, to),
      total,
      url: { current: address(number), newer: address(number === numbered ? null : number + 1), older: number > 1 ? address(number - 1) : null },
    });
  }
  return pages;
}

/** The page that shows the entry at `index` (newest first) of a list of `total` entries: null for the first page, else its number. */
export function listPageOf(index: number, total: number, pageSize: number): number | null {
  if (index < pageSize) return null;
  return Math.floor((total - 1 - index) / pageSize) + 1;
}

/** Astro's static paths for the pages of a list whose route is `[...page]`: the first page has no parameter, page n has "n". */
export function listPagePaths<T, P extends Record<string, string>, Q extends object>(
  pages: ListPage<T>[],
  params: P,
  props: Q,
): { params: P & { page: string | undefined }; props: Q & { page: ListPage<T> } }[] {
  return pages.map((page) => ({ params: { ...params, page: page.number === null ? undefined : String(page.number) }, props: { ...props, page } }));
}
