/**
 * A site built in parts, one CI job each, then joined (docs/scale.md, "Growing past one machine"):
 * each run of years builds the pages that belong to one date (articles, their downloads and
 * Traditional twins, issue pages, raw page files, a year's full text), and one more job builds the
 * pages that span years (home, lists, people, places, columns, statistics, feeds, exports, search).
 * Every job reads the whole collection, which the content store holds as frontmatter only, so a
 * page shows what a whole build would: its neighbours, related articles and list entries from
 * other years included. The join (site-join.ts) takes each file from the one part that owns it.
 *
 * Which part owns a file follows from its path alone, so a part's build, its clean-up and the join
 * all agree without a list of files between them.
 */

export type SitePart =
  /** Every page: `npm run build`. */
  | { kind: "whole" }
  /** The dated pages of the years first..last. */
  | { kind: "years"; first: number; last: number }
  /** The pages that span years. */
  | { kind: "spanning" };

export const WHOLE_SITE: SitePart = { kind: "whole" };

/** The spanning part's name, as `ARCHIVE_SITE_PART` and the plan write it. */
export const SPANNING_PART = "spanning";

/** A part named in `ARCHIVE_SITE_PART` or on a command line was not one. */
export class SitePartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SitePartError";
  }
}

/** "2024", "2005-2016" or "spanning"; "" (or nothing) is the whole site. Throws SitePartError naming the text. */
export function parseSitePart(text: string | undefined): SitePart {
  const name = (text ?? "").trim();
  if (name === "") return WHOLE_SITE;
  if (name === SPANNING_PART) return { kind: "spanning" };
  const match = /^(\d{4})(?:-(\d{4}))?$/u.exec(name);
  if (match) {
    const first = Number(match[1]);
    const last = Number(match[2] ?? match[1]);
    if (first <= last) return { kind: "years", first, last };
  }
  throw new SitePartError(`"${name}" is not a part of the site: give a year (2024), a run of years, oldest first (2005-2016), or "${SPANNING_PART}"`);
}

/** The name parseSitePart reads back: "2024", "2005-2016", "spanning", or "" for the whole site. */
export function sitePartName(part: SitePart): string {
  if (part.kind === "whole") return "";
  if (part.kind === "spanning") return SPANNING_PART;
  return part.first === part.last ? String(part.first) : `${part.first}-${part.last}`;
}

/**
 * The year of a file that belongs to one date, from its path relative to the output folder
 * ("articles/2024-10-15/slug/index.html", "zh-hant/issues/2024-10-15/index.html",
 * "raw/2024-10-15_001.txt", "data/text/2024.jsonl.gz", "data/articles/2024.csv"); null for any
 * other file.
 */
export function datedOutputYear(relative: string): number | null {
  const match = /^(?:zh-hant\/)?(?:(?:articles|issues|raw)\/(\d{4})-\d{2}-\d{2}|data\/(?:text\/(\d{4})\.jsonl\.gz|articles\/(\d{4})\.(?:json|csv))$)/u.exec(relative);
  if (!match) return null;
  return Number(match[1] ?? match[2] ?? match[3]);
}

/**
 * The years that have dated pages: those of the articles (their folders' "2024-…" names) and
 * those of the raw issue files named by a date, which are published even when the ingest took no
 * article from them. A plan or a join that missed one would lose its files.
 */
export function outputYears(articleYears: Iterable<string>, rawFileNames: Iterable<string>): number[] {
  const years = new Set([...articleYears].map(Number));
  for (const name of rawFileNames) {
    const year = datedOutputYear(`raw/${name}`);
    if (year !== null) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The bundled scripts and styles: every part writes the same bytes under the same names. */
export function isSharedOutput(relative: string): boolean {
  return relative.startsWith("_astro/");
}

/** Whether the part makes the dated pages of `year`. */
export function sitePartHasYear(part: SitePart, year: number): boolean {
  return part.kind === "whole" || (part.kind === "years" && part.first <= year && year <= part.last);
}

/** Whether the part makes the pages that span years. */
export function sitePartHasSpanning(part: SitePart): boolean {
  return part.kind !== "years";
}

/** Whether the part keeps the file at `relative` (relative to the output folder, "/"-separated). */
export function sitePartOwns(part: SitePart, relative: string): boolean {
  if (part.kind === "whole" || isSharedOutput(relative)) return true;
  const year = datedOutputYear(relative);
  return year === null ? part.kind === "spanning" : sitePartHasYear(part, year);
}

/** Whether a page's URL path ("/articles/2024-10-15/slug/") belongs to the part. */
export function sitePartOwnsPath(part: SitePart, urlPath: string): boolean {
  return sitePartOwns(part, urlPath.replace(/^\/+/u, ""));
}

/**
 * The first of `parts` that overlaps another, as a message, or null: two parts must never make
 * the same year, and exactly one must make the pages that span years.
 */
export function sitePartsProblem(parts: readonly SitePart[]): string | null {
  const spanning = parts.filter((part) => part.kind === "spanning").length;
  if (parts.some((part) => part.kind === "whole")) return "a whole site cannot be joined with parts";
  if (spanning !== 1) return `${spanning} parts make the pages that span years; exactly one must ("${SPANNING_PART}")`;
  const runs = parts.filter((part): part is Extract<SitePart, { kind: "years" }> => part.kind === "years").sort((a, b) => a.first - b.first);
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]!.first <= runs[i - 1]!.last) return `parts ${sitePartName(runs[i - 1]!)} and ${sitePartName(runs[i]!)} both make ${runs[i]!.first}`;
  }
  return null;
}
