/**
 * The sitemap (sitemaps.org 0.9): every page in both scripts, each with hreflang links to its two
 * versions, in files of at most SITEMAP_URLS_PER_FILE URLs under one sitemap-index.xml.
 *
 * Written here rather than with @astrojs/sitemap, whose stream serialiser took a tenth of a
 * rebuild; a string per file takes a fraction of that (docs/scale.md).
 */
import { escapeMarkup } from "../escape-markup.ts";
import { SIMPLIFIED, TRADITIONAL } from "./locale.ts";
import { isTraditionalPath, sitemapIndexPath, sitemapPath, traditionalPath } from "./paths.ts";

/** Below the protocol's 50,000, as @astrojs/sitemap did. */
export const SITEMAP_URLS_PER_FILE = 45_000;
/** The index's file name in the output folder. */
export const SITEMAP_INDEX = sitemapIndexPath().slice(1);

/** Whether a built path is a page the sitemap lists: pages end in "/"; not the 404 page, feeds, raw text or Markdown. */
export function isSitemapPage(pathname: string): boolean {
  return pathname.endsWith("/") && !/(^|\/)404\/$/.test(pathname);
}

/** The built pages' paths (Astro's list: "/", "/issues/", "/404.html") the sitemap lists, Traditional twins aside. */
export function sitemapPagePaths(pathnames: Iterable<string>): string[] {
  return [...pathnames].map((pathname) => `/${pathname.replace(/^\//, "")}`).filter((p) => isSitemapPage(p) && !isTraditionalPath(p));
}

/**
 * The sitemap files (file name in the output folder → XML) for the Simplified pages at `paths` ("/issues/", "/"), on the
 * site at `origin`: each page and its Traditional twin (unless `traditional` is false: the mirror
 * is turned off), in URL order, `perFile` URLs a file.
 */
export function sitemapFiles(origin: string, paths: Iterable<string>, perFile: number = SITEMAP_URLS_PER_FILE, traditional = true): Map<string, string> {
  const entries: [string, string][] = [];
  for (const simplified of new Set(paths)) {
    const links = traditional
      ? `<xhtml:link rel="alternate" hreflang="${SIMPLIFIED.lang}" href="${escapeMarkup(origin + simplified)}"/>` +
        `<xhtml:link rel="alternate" hreflang="${TRADITIONAL.lang}" href="${escapeMarkup(origin + traditionalPath(simplified))}"/>`
      : "";
    for (const url of traditional ? [origin + simplified, origin + traditionalPath(simplified)] : [origin + simplified]) {
      entries.push([url, `<url><loc>${escapeMarkup(url)}</loc>${links}</url>`]);
    }
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const files = new Map<string, string>();
  const index: string[] = [];
  const header = '<?xml version="1.0" encoding="UTF-8"?>';
  for (let i = 0; i * perFile < Math.max(1, entries.length); i++) {
    const urls = entries.slice(i * perFile, (i + 1) * perFile).map(([, xml]) => xml);
    const file = sitemapPath(i);
    files.set(
      file.slice(1),
      `${header}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join("")}</urlset>\n`,
    );
    index.push(`<sitemap><loc>${escapeMarkup(origin + file)}</loc></sitemap>`);
  }
  files.set(SITEMAP_INDEX, `${header}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index.join("")}</sitemapindex>\n`);
  return files;
}
