/**
 * The search index is cut into a few Pagefind bundles ("shards"), at /pagefind/<shard>/:
 *
 * - the newest year of the archive alone, where new issues arrive: a new issue re-indexes only
 *   this shard, a year's worth of pages;
 * - the older years in runs of consecutive years, oldest first, each run as many years as fit
 *   in MAX_SHARD_PAGES pages (a year larger than that is a run of its own): the memory Pagefind
 *   needs grows with the pages of one bundle (~0.43 MB a page), not with the archive.
 *
 * Few shards keep searching cheap: the browser loads every shard's metadata once and, for each
 * query, the index chunk holding the term from every shard (~20 KB each; Pagefind cuts chunks at
 * a fixed size), so a query costs about one chunk per shard. A run of old years changes only
 * when one of its years does (a correction) or, once a year, when the newest year becomes old.
 *
 * The plan is a pure function of the pages per year, so the search page (rendered by Astro from
 * the articles) and the indexer (reading the built pages) agree on it.
 */

/** Where the bundles go, relative to the site root. */
export const BUNDLE_DIRECTORY = "pagefind";

/**
 * Pages per shard of older years: ~2.6 GB of Pagefind memory at most. The index is built beside
 * Astro's build (scripts/build.ts), which holds ~4.7 GB at 100,000 articles: the two stay under 8 GB.
 */
export const MAX_SHARD_PAGES = 6_000;

export interface Shard {
  /** The folder name: "2025", or "2005-2016" for a run of years. */
  name: string;
  /** Its years, oldest first. */
  years: string[];
  pages: number;
}

/** The year of an issue date (YYYY-MM-DD). */
export function yearOfDate(date: string): string {
  return date.slice(0, 4);
}

/** The URL path of a shard's bundle, with the trailing slash Pagefind expects of a base path. */
export function shardPath(shard: string): string {
  return `/${BUNDLE_DIRECTORY}/${shard}/`;
}

/** Pages per year, from the issue dates of the archive's articles (one date per article). */
export function pagesPerYear(articleDates: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const date of articleDates) counts.set(yearOfDate(date), (counts.get(yearOfDate(date)) ?? 0) + 1);
  return counts;
}

/** The shards of an archive with these pages per year, newest first: the first is the one the page loads first. */
export function planShards(perYear: ReadonlyMap<string, number>, maxPages: number = MAX_SHARD_PAGES): Shard[] {
  const years = [...perYear.keys()].filter((year) => (perYear.get(year) ?? 0) > 0).sort();
  const newest = years.pop();
  if (newest === undefined) return [];
  const shards: Shard[] = [];
  let run: string[] = [];
  let pages = 0;
  const close = () => {
    if (run.length === 0) return;
    shards.push({ name: run.length === 1 ? run[0]! : `${run[0]}-${run.at(-1)}`, years: run, pages });
    run = [];
    pages = 0;
  };
  for (const year of years) {
    const count = perYear.get(year)!;
    if (run.length > 0 && pages + count > maxPages) close();
    run.push(year);
    pages += count;
  }
  close();
  shards.push({ name: newest, years: [newest], pages: perYear.get(newest)! });
  return shards.reverse();
}
