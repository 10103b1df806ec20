/**
 * Every URL the site links to is built here, so the URL scheme is written down once.
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
  return `/issues/${issue}/`;
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
  return `/reporters/${slug}/`;
}

export function regionPath(leagueSlug: string): string {
  return `/regions/${leagueSlug}/`;
}

export function countyPath(leagueSlug: string, countySlug: string): string {
  return `/regions/${leagueSlug}/${countySlug}/`;
}

export function sectionPath(slug: string): string {
  return `/sections/${slug}/`;
}

/** Page `n` (1-based) of a paginated list whose first page is `firstPage`. */
export function listPagePath(firstPage: string, n: number): string {
  return n <= 1 ? firstPage : `${firstPage}${n}/`;
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
