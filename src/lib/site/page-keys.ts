/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied from that build instead of rendered
 * again. A key must therefore change whenever anything the page shows changes: each route
 * builds its key from the entries it shows (their digests and the links made from them), its
 * position in a paginated list, and whatever else it prints. The incremental build test
 * (tests/build/incremental-build.test.ts) checks that an archive rebuilt after a new issue
 * equals one built from nothing.
 */
import { createHash } from "node:crypto";
import type { ArticleFrontmatter } from "../article.ts";
import { articleLinks } from "./article-view.ts";
import type { Archive, ArchiveEntry } from "./archive.ts";
import type { ListPage } from "./list-pages.ts";
import type { IssueReport } from "./parse-report.ts";

/** A digest of the parts, in order: 22 base64url characters (132 bits). */
export function cacheKey(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 22);
}

/** An entry as the content layer hands it over: `digest` hashes the Markdown file it came from. */
export interface DigestedEntry extends ArchiveEntry {
  digest?: string | number;
  body?: string;
}

type Lookups = Pick<Archive<ArchiveEntry>, "personSlug" | "leagueSlug" | "countySlug" | "sectionSlug">;

const entryKeys = new WeakMap<object, string>();

/**
 * What a page that shows or links to this entry takes from it: its file (frontmatter and text)
 * and the addresses of its issue, column, places and people. Memoised per entry object.
 */
export function entryKey(archive: Lookups, entry: DigestedEntry): string {
  let key = entryKeys.get(entry);
  if (key === undefined) {
    const source = entry.digest ?? cacheKey(entry.data, entry.body ?? null);
    key = cacheKey(entry.id, source, articleLinks(archive, entry.data as ArticleFrontmatter));
    entryKeys.set(entry, key);
  }
  return key;
}

/** `paths` with a cache key on each, made from the path's own props. */
export function withCacheKeys<P extends { props: unknown }>(paths: P[], keyOf: (props: P["props"]) => string): (P & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: keyOf(path.props) }));
}

/**
 * Where a page of a list is and what it links to (list-pages.ts), and on the list's first page
 * the list's total and `overview` (counts, a timeline): numbered pages do not show these, so that
 * they stay as they were while the list grows.
 */
function listPagePlace(page: ListPage<unknown>, overview: unknown): unknown[] {
  return [page.number, page.url.newer, page.url.older, page.number === null ? [page.total, overview] : null];
}

/** The key of one page of a list of entries: what every page of the list prints (`heading`), the page's place, and its entries. */
export function listPageKey(archive: Lookups, page: ListPage<DigestedEntry>, heading: unknown, overview: unknown = null): string {
  return cacheKey(heading, listPagePlace(page, overview), page.data.map((entry) => entryKey(archive, entry)));
}

/**
 * The key of a page of the parse report: its issues' entries, the links it makes from them (an
 * issue page when the issue has one, each warned article's title), its place, and on the first
 * page the report's totals and errors (`overview`). The report lists issue files newest first and
 * counts its pages from the oldest: a new issue changes the first page and the newest numbered
 * one, and a build that changes no issue file keeps them all (at 100,000 articles, its 211 pages
 * took 6-7 s of such a build).
 */
export function reportPageKey(
  archive: Pick<Archive<ArchiveEntry>, "issueById" | "articleById">,
  page: ListPage<IssueReport>,
  overview: unknown,
): string {
  const links = page.data.map((issue) => [
    archive.issueById.has(issue.issue),
    issue.warnings.map((warning) => (warning.article === null ? null : (archive.articleById.get(warning.article)?.data.title ?? null))),
  ]);
  return cacheKey(listPagePlace(page, overview), page.data, links);
}
