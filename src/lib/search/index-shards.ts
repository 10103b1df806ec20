/**
 * The search index is cut into a few Pagefind bundles ("shards"), at /pagefind/<shard>/:
 *
 * - the newest year of the archive alone, where new issues arrive: a new issue re-indexes only
 *   this shard, a year's worth of pages;
 * - the older years in runs of consecutive years, oldest first, each run as many years as fit
 *   in maxShardPages() pages (a year larger than that is a run of its own): the memory Pagefind
 *   needs grows with the pages of one bundle (~0.3 MB a page), and what it may use is what
 *   Astro, building beside it, leaves of the build's budget (buildMemoryMb), less the larger
 *   the archive.
 *
 * Few shards keep searching cheap: the browser loads every shard's metadata once and, for each
 * query, the index chunk holding the term from every shard (~20 KB each; Pagefind cuts chunks at
 * a fixed size), so a query costs about one chunk per shard. A run of old years changes only
 * when one of its years does (a correction) or, once a year, when the newest year becomes old.
 *
 * The plan is a pure function of the pages per year, so the search page (rendered by Astro from
 * the collection) and the indexer (reading the same Markdown files, src/lib/site/paths.ts) agree
 * on it.
 */
import type { BundlePlacement } from "../build/bundle-placement.ts";
import { siteUrl } from "../site/paths.ts";

/** Where the bundles go, relative to the site root. */
export const BUNDLE_DIRECTORY = "pagefind";

/**
 * Memory the whole build may take at its peak, in MB: under 8 GB, with room for the benchmark's
 * own process and for a slower machine's larger heaps.
 */
export const BUILD_MEMORY_MB = 7_500;
/**
 * What the build may take at its peak for an archive of `articles`: BUILD_MEMORY_MB, and never
 * more than the Pagefind CLI needs to index the same articles' pages as one bundle, so that the
 * archive, Astro and the index together, needs no more memory than indexing a plain site of its
 * articles would (at 10,000 articles, the older years' bundles hold 4,000 pages rather than
 * 12,000, and are indexed one at a time).
 */
export function buildMemoryMb(articles: number): number {
  return Math.min(BUILD_MEMORY_MB, indexMemoryMb(articles));
}
/**
 * The index's peak while it writes a bundle of `pages` pages (Pagefind and the process feeding
 * it), measured: 2.6 GB with bundles of 4,762 pages, 4.0 GB with one of 9,524.
 */
export function indexMemoryMb(pages: number): number {
  return 1_250 + 0.29 * pages;
}
/**
 * Astro's peak with an archive of this many articles, the frontmatter of each held once
 * (src/lib/site/article-loader.ts); measured: 1.4 GB at 10,000, 3.4 GB at 100,000.
 */
export function astroMemoryMb(articles: number): number {
  return 1_200 + 0.022 * articles;
}

/** Bundle sizes come in steps, so that the plan of older years changes only when the archive crosses one. */
const SHARD_PAGES_STEP = 2_000;
/** A correction to an old year indexes its whole bundle again: 12,000 pages take about a minute. */
const SHARD_PAGES_LIMIT = 12_000;

/**
 * Pages per shard of older years for an archive of `articles`: as many as Pagefind can hold in
 * what Astro leaves of buildMemoryMb ("beside-site"), or in all of it when each bundle is built
 * by a job of its own ("apart": src/lib/build/bundle-placement.ts), in steps of 2,000, from
 * 2,000 to 12,000. Fewer bundles make every query cheaper; each change of size indexes the older
 * years again, once (the sizes by archive size: docs/scale.md). Past ~200,000 articles even
 * 2,000-page bundles exceed the budget beside Astro: build them apart (scripts/index-search.ts --shard).
 */
export function maxShardPages(articles: number, placement: BundlePlacement = "beside-site"): number {
  const beside = placement === "apart" ? 0 : astroMemoryMb(articles);
  const fits = (buildMemoryMb(articles) - beside - indexMemoryMb(0)) / (indexMemoryMb(1) - indexMemoryMb(0));
  return Math.min(SHARD_PAGES_LIMIT, Math.max(SHARD_PAGES_STEP, Math.floor(fits / SHARD_PAGES_STEP) * SHARD_PAGES_STEP));
}

/**
 * The build's expected peak for an archive of `articles`: Astro beside the index writing its
 * largest bundle; "apart", a job indexing its bundle alone.
 */
export function buildPeakMb(articles: number, placement: BundlePlacement = "beside-site"): number {
  return (placement === "apart" ? 0 : astroMemoryMb(articles)) + indexMemoryMb(maxShardPages(articles, placement));
}

/**
 * What each lane after the first adds to the index's peak while it writes a bundle of `pages`:
 * its Pagefind process (and a worker thread, where the service writes it), not the index's own
 * process, which the lanes share. Measured at 10,000 articles, the index alone: one lane writing 3,800 pages peaked at
 * 1.9 GB, two at 3.2 GB; indexMemoryMb says 2.4 GB a lane.
 */
export function laneMemoryMb(pages: number): number {
  return indexMemoryMb(pages) - SHARED_INDEX_PROCESS_MB;
}
/** The part of indexMemoryMb that the lanes of one index share (its Node process, its texts), rounded down from the 1.0 GB measured. */
const SHARED_INDEX_PROCESS_MB = 900;

/**
 * How many of the `waiting` shards (their pages) to start beside `running` ones, largest first,
 * each in a Pagefind process of its own: one per core in all, as long as their peaks together
 * (indexMemoryMb for the first lane, laneMemoryMb for each other), with `usedMb` of others, fit
 * in buildMemoryMb.
 */
function shardsToStart(articles: number, usedMb: number, running: readonly number[], waiting: readonly number[], cores: number): number {
  const largest = [...waiting].sort((a, b) => b - a);
  const laneCost = (pages: number, lane: number) => (lane === 0 ? indexMemoryMb(pages) : laneMemoryMb(pages));
  let memory = usedMb + running.reduce((sum, pages, lane) => sum + laneCost(pages, lane), 0);
  let started = 0;
  while (running.length + started < cores && started < largest.length) {
    const cost = laneCost(largest[started]!, running.length + started);
    if (memory + cost > buildMemoryMb(articles)) break;
    memory += cost;
    started++;
  }
  return started;
}

/**
 * How many of these shards (their pages, largest first) to index at once beside Astro: one per
 * core, as long as the largest of them together, beside Astro, fit in buildMemoryMb; at least one.
 */
export function shardsAtOnce(articles: number, pages: readonly number[], cores: number): number {
  const [largest, ...others] = [...pages].sort((a, b) => b - a);
  if (largest === undefined) return 1;
  return 1 + shardsToStart(articles, astroMemoryMb(articles), [largest], others, cores);
}

/**
 * How many more of the `waiting` shards to start once the site is built, beside the `running`
 * ones: Astro's memory is free then, and so is its core.
 */
export function shardsToAddAfterSite(articles: number, running: readonly number[], waiting: readonly number[], cores: number): number {
  return shardsToStart(articles, 0, running, waiting, cores);
}

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

/** The URL path of a shard's bundle, with the trailing slash Pagefind expects of a base path; under the site's base path. */
export function shardPath(shard: string): string {
  return siteUrl(`/${BUNDLE_DIRECTORY}/${shard}/`);
}

/** Pages per year, from the issue dates of the archive's articles (one date per article). */
export function pagesPerYear(articleDates: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const date of articleDates) counts.set(yearOfDate(date), (counts.get(yearOfDate(date)) ?? 0) + 1);
  return counts;
}

function totalPages(perYear: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const pages of perYear.values()) total += pages;
  return total;
}

/** The bundles of an archive with these pages per year built where `placement` says, newest first. */
export function bundlePlan(perYear: ReadonlyMap<string, number>, placement: BundlePlacement): Shard[] {
  return planShards(perYear, maxShardPages(totalPages(perYear), placement));
}

/** The shards of an archive with these pages per year, newest first: the first is the one the page loads first. */
export function planShards(perYear: ReadonlyMap<string, number>, maxPages: number = maxShardPages(totalPages(perYear))): Shard[] {
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
