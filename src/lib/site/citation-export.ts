/**
 * An article as a reference for citation managers, in the two formats they all import: RIS
 * (EndNote, Zotero, Mendeley, NoteExpress) and CSL-JSON (Zotero, Pandoc, citeproc). Both say
 * what the printed citations say (citation.ts): the same authors, title, newspaper, date and page.
 * Output depends only on the article and its URL, never on the clock: no access date, so a
 * rebuild writes the same bytes.
 */
import type { ArchiveEntry } from "./archive.ts";
import { bibtexKey, citedAuthors, citedTitle } from "./citation.ts";
import { SIMPLIFIED } from "./locale.ts";
import { SITE } from "./site-info.ts";

export interface ReferenceOptions {
  /** Absolute URL of the article page. */
  url: string;
}

/**
 * Where a newspaper is published, for RIS `CY` and CSL `publisher-place`; a paper not listed gets
 * neither field rather than a wrong one.
 */
export const NEWSPAPER_PLACE: Readonly<Record<string, string>> = {
  内蒙古日报: "呼和浩特",
};

function publisherPlace(): string | null {
  return NEWSPAPER_PLACE[SITE.newspaper] ?? null;
}

/** The reference's id in both formats: the BibTeX key, so that one article has one key everywhere. */
export function referenceId(article: ArchiveEntry): string {
  return bibtexKey(article);
}

/** A value on one RIS line: a line break (with the spaces around it) becomes one space; nothing else changes. */
function risValue(text: string): string {
  return text.replace(/[^\S\r\n]*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}

/**
 * One RIS record of type NEWS (RIS specification, 2011). Tags in the order the specification lists
 * them: TY first, ER last, each "XX  - value" on a CRLF-ended line. PY holds the year alone and DA
 * the full date (YYYY/MM/DD), as the specification defines them for NEWS; SP the page number (版次),
 * SE the page's name (版名, the paper's section), T2 the newspaper, CY where it is published. An
 * institutional byline (本报评论员) is an AU like any name, as in the printed citations.
 */
export function articleRis(article: ArchiveEntry, options: ReferenceOptions): string {
  const d = article.data;
  const place = publisherPlace();
  const lines: [string, string | null][] = [
    ["TY", "NEWS"],
    ["ID", referenceId(article)],
    ["TI", citedTitle(article)],
    ...citedAuthors(article).map((name): [string, string] => ["AU", name]),
    ["PY", d.date.slice(0, 4)],
    ["DA", d.date.replaceAll("-", "/")],
    ["T2", SITE.newspaper],
    ["SP", d.page.no === null ? null : String(d.page.no)],
    ["SE", d.page.name],
    ["CY", place],
    ["LA", SIMPLIFIED.lang],
    ["UR", new URL(options.url).href],
    ["ER", ""],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== null)
    .map(([tag, value]) => `${tag}  - ${risValue(value)}`.trimEnd() + (tag === "ER" ? " " : ""))
    .map((line) => `${line}\r\n`)
    .join("");
}

/** A CSL-JSON name. Chinese names are not split into family and given name (复姓 such as 欧阳, Mongolian names such as 孟和朝鲁 would be split wrong), so each is a literal. */
export interface CslName {
  literal: string;
}

/** The CSL-JSON item (CSL 1.0.2 schema, csl-data.json) of one article. */
export interface CslItem {
  id: string;
  type: "article-newspaper";
  title: string;
  author?: CslName[];
  "container-title": string;
  issued: { "date-parts": [[number, number, number]] };
  page?: string;
  section?: string;
  "publisher-place"?: string;
  language: string;
  URL: string;
  archive: string;
}

/**
 * The article as a CSL-JSON item of type article-newspaper: page (版次), section (版名),
 * publisher-place, the archive it was read in; no `accessed`, which would change every build.
 */
export function articleCsl(article: ArchiveEntry, options: ReferenceOptions): CslItem {
  const d = article.data;
  const [year, month, day] = d.date.split("-").map(Number) as [number, number, number];
  const authors = citedAuthors(article);
  const place = publisherPlace();
  return {
    id: referenceId(article),
    type: "article-newspaper",
    title: citedTitle(article),
    ...(authors.length > 0 ? { author: authors.map((literal) => ({ literal })) } : {}),
    "container-title": SITE.newspaper,
    issued: { "date-parts": [[year, month, day]] },
    ...(d.page.no === null ? {} : { page: String(d.page.no) }),
    ...(d.page.name === null ? {} : { section: d.page.name }),
    ...(place === null ? {} : { "publisher-place": place }),
    language: SIMPLIFIED.lang,
    URL: new URL(options.url).href,
    archive: SITE.name,
  };
}

/** The download: a CSL-JSON file is an array of items, here the one article's. */
export function articleCslJson(article: ArchiveEntry, options: ReferenceOptions): string {
  return `${JSON.stringify([articleCsl(article, options)], null, 2)}\n`;
}
