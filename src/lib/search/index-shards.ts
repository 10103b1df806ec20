/**
 * The search index is cut by year: one Pagefind bundle per year of issues, at /pagefind/<year>/.
 * A new issue then re-indexes its own year only, no bundle outgrows the memory of one machine,
 * and the search page merges the bundles in the browser (Pagefind's mergeIndex), newest year
 * first. Shared by the indexer (build-index.ts), the search page and the benchmark.
 */

/** Where the bundles go, relative to the site root. */
export const BUNDLE_DIRECTORY = "pagefind";

/** The shard an issue date (YYYY-MM-DD) belongs to: its year. */
export function shardOfDate(date: string): string {
  return date.slice(0, 4);
}

/** The URL path of a shard's bundle, with the trailing slash Pagefind expects of a base path. */
export function shardPath(shard: string): string {
  return `/${BUNDLE_DIRECTORY}/${shard}/`;
}

/** The shards of an archive from its issue dates, newest first: the first is the one the page loads first. */
export function shardsOfDates(dates: Iterable<string>): string[] {
  return [...new Set([...dates].map(shardOfDate))].sort().reverse();
}
