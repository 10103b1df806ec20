/**
 * Every URL of the site is built here, so the URL scheme is written down once: pages, routes and
 * browser code call these functions and write no path of their own. The route files under
 * src/pages/ answer at the same paths (tests/unit/site-paths.test.ts checks that each one here
 * has its route).
 * Page URLs end in "/" (trailingSlash: "always"); files (raw text, Markdown, feeds, data) do not.
 * The Traditional-script mirror relies on that difference: see traditional.ts.
 *
 * URLs are root-relative ("/issues/"): pages are built as if the site were at the root, and the
 * build rebases them onto the config's base path (src/lib/config/base-path.ts). Code that runs in
 * the browser (fetches, search results, links it makes) rebases its URLs itself, with siteUrl.
 */
import { withBase } from "../config/base-path.ts";
import { SITE } from "./site-info.ts";

/** A root-relative URL of the site as the browser must request it: under the base path (/archive/issues/). */
export function siteUrl(rootPath: string): string {
  return withBase(rootPath, SITE.base);
}

/** The Traditional mirror's prefix: every page's twin is at the same path under it. */
export const TRADITIONAL_PREFIX = "/zh-hant";

/** The Traditional mirror's path for a Simplified page path ("/issues/" → "/zh-hant/issues/"). */
export function traditionalPath(path: string): string {
  return `${TRADITIONAL_PREFIX}${path}`;
}

/** True for paths of the Traditional mirror. */
export function isTraditionalPath(path: string): boolean {
  return path === TRADITIONAL_PREFIX || path.startsWith(`${TRADITIONAL_PREFIX}/`);
}

/** The home page. */
export function homePath(): string {
  return "/";
}

/** The list of issues by year and month (paginated: listPagePath). */
export function issuesPath(): string {
  return "/issues/";
}

/** The list of people credited in bylines. */
export function peoplePath(): string {
  return "/reporters/";
}

/** The map and list of leagues. */
export function leaguesPath(): string {
  return "/regions/";
}

/** The list of columns (栏目). */
export function sectionsPath(): string {
  return "/sections/";
}

export function statsPath(): string {
  return "/stats/";
}

/** The parse report for editors. */
export function reportPath(): string {
  return "/report/";
}

export function aboutPath(): string {
  return "/about/";
}

/** The search page; its form sends the query as ?q=. */
export function searchPath(): string {
  return "/search/";
}

/** The feed of the latest articles. */
export function rssPath(): string {
  return "/rss.xml";
}

/** The sitemap index, which lists the sitemap files (sitemapPath). */
export function sitemapIndexPath(): string {
  return "/sitemap-index.xml";
}

/** The `n`th sitemap file, from 0. */
export function sitemapPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** The site's icon (public/favicon.svg). */
export function faviconPath(): string {
  return "/favicon.svg";
}

/** The open-data folder: the data package (datapackage.json) names its files relative to it. */
export function dataFolderPath(): string {
  return "/data/";
}

/** A file of the data folder by its path relative to the folder: "/data/articles.csv" → "articles.csv". */
export function dataFolderRelative(path: string): string {
  const folder = dataFolderPath();
  if (!path.startsWith(folder)) throw new Error(`${path} is not in ${folder}`);
  return path.slice(folder.length);
}

/** Every article's metadata as a JSON array. */
export function articlesJsonPath(): string {
  return `${dataFolderPath()}articles.json`;
}

/** Every article's metadata as CSV (with a BOM, for spreadsheets). */
export function articlesCsvPath(): string {
  return `${dataFolderPath()}articles.csv`;
}

/** The folder of the metadata a year to a file: "/data/articles/". */
export function articlesYearFolderPath(): string {
  return `${dataFolderPath()}articles/`;
}

/** A year's articles' metadata, as articles.json and articles.csv hold it ("2022", or a placeholder such as "<年份>"). */
export function articlesYearPath(year: string, format: "json" | "csv"): string {
  return `${articlesYearFolderPath()}${year}.${format}`;
}

/** The Frictionless Data package describing the data folder's files. */
export function dataPackagePath(): string {
  return `${dataFolderPath()}datapackage.json`;
}

/** A year's articles with their full text, as gzipped JSON Lines ("2022", or a placeholder such as "<年份>"). */
export function fullTextPath(year: string): string {
  return `${dataFolderPath()}text/${year}.jsonl.gz`;
}

/** A month-day's "on this day" picks ("11-08"), which the home page's script fetches. */
export function onThisDayPath(monthDay: string): string {
  return `${dataFolderPath()}on-this-day/${monthDay}.json`;
}

/** "/articles/2022-11-08/wen-ming-xin-feng/" from the article id "2022-11-08/wen-ming-xin-feng". */
export function articlePath(id: string): string {
  return `/articles/${id}/`;
}

/** The article's Markdown source, as written by the ingest. */
export function articleMarkdownPath(id: string): string {
  return `/articles/${id}.md`;
}

/** The article as a RIS reference, for citation managers (citation-export.ts). */
export function articleRisPath(id: string): string {
  return `/articles/${id}.ris`;
}

/** The article as a CSL-JSON reference (citation-export.ts). */
export function articleCslJsonPath(id: string): string {
  return `/articles/${id}.json`;
}

export function issuePath(issue: string): string {
  return `${issuesPath()}${issue}/`;
}

/**
 * The raw page text an issue was parsed from, copied unchanged into the build. The file name is
 * percent-encoded (UTF-8), so names in any script or with spaces (2024-10-15_党建版.txt,
 * 2024-10-15 第5版.txt) make a valid URL, and the Traditional mirror, which converts Chinese
 * characters in its pages, leaves it alone. The extension is written ".txt" whatever its case,
 * as the raw route serves it (src/pages/raw/[name].txt.ts).
 */
export function rawIssuePath(source: string): string {
  return `/raw/${encodeURIComponent(rawFileStem(source))}.txt`;
}

/** The file name without its ".txt" (of any case): the raw route's parameter. */
export function rawFileStem(source: string): string {
  return source.replace(/\.txt$/iu, "");
}

export function personPath(slug: string): string {
  return `${peoplePath()}${slug}/`;
}

export function leaguePath(leagueSlug: string): string {
  return `${leaguesPath()}${leagueSlug}/`;
}

export function countyPath(leagueSlug: string, countySlug: string): string {
  return `${leaguePath(leagueSlug)}${countySlug}/`;
}

export function sectionPath(slug: string): string {
  return `${sectionsPath()}${slug}/`;
}

/**
 * A page of a list whose first page is `firstPage`: the first page itself for null, else page
 * `n`. Lists that grow count their pages from the oldest (list-pages.ts); the lists of columns and
 * of people, ordered by size, count from the first page (Astro's `paginate`), whose page 1 is
 * the first page.
 */
export function listPagePath(firstPage: string, n: number | null): string {
  return n === null ? firstPage : `${firstPage}${n}/`;
}

/** The route parameters of an article id "<date>/<slug>"; throws naming the id if it has another shape. */
export function articleParams(id: string): { date: string; slug: string } {
  const match = /^(\d{4}-\d{2}-\d{2})\/([a-z0-9][a-z0-9-]*)$/.exec(id);
  if (!match) {
    throw new Error(
      `Article id "${id}" is not "<date>/<slug>" (content/articles/${id}.md): the slug must be lower-case pinyin, digits and "-".`,
    );
  }
  return { date: match[1]!, slug: match[2]! };
}
