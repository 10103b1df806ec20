/**
 * The metadata a citation manager's "save this page" reads from an article page's <head>:
 * Highwire Press `citation_*` tags (Zotero's and Google Scholar's embedded-metadata readers) and
 * Dublin Core `DC.*` tags. Both name the same authors as the printed citations (citedAuthors in
 * citation.ts): the byline's reporters and correspondents, else the signed authors, else the
 * photographers. An institutional byline (本报评论员) is kept as printed, one author like any
 * other, as the GB/T 7714 and BibTeX citations do: it is who the paper says wrote the piece.
 */
import type { ArchiveEntry } from "./archive.ts";
import { citedAuthors, citedTitle } from "./citation.ts";
import { formatPrintedPage } from "./format.ts";
import { SIMPLIFIED } from "./locale.ts";
import { SITE } from "./site-info.ts";

/** One <meta name content> element. */
export interface MetaTag {
  name: string;
  content: string;
}

export interface CitationMetaOptions {
  /** Absolute URL of the article page. */
  url: string;
}

/** "2024-10-15" → "2024/10/15", the date form Highwire Press and Google Scholar ask for. */
export function highwireDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(iso)}`);
  return iso.replaceAll("-", "/");
}

/**
 * Highwire Press tags: title (with the deck, as the printed citations give it), one
 * citation_author per author in byline order, the issue date, the newspaper as the journal title,
 * the printed page number (版次) when known, the language ("zh", the ISO 639-1 code Google Scholar
 * expects) and the page's own URL as both the public and the full-text URL (the text is on it).
 */
export function highwireTags(article: ArchiveEntry, options: CitationMetaOptions): MetaTag[] {
  const d = article.data;
  return [
    { name: "citation_title", content: citedTitle(article) },
    ...citedAuthors(article).map((name) => ({ name: "citation_author", content: name })),
    { name: "citation_publication_date", content: highwireDate(d.date) },
    { name: "citation_journal_title", content: SITE.newspaper },
    ...(d.page.no === null ? [] : [{ name: "citation_firstpage", content: String(d.page.no) }]),
    { name: "citation_language", content: "zh" },
    { name: "citation_public_url", content: options.url },
    { name: "citation_fulltext_html_url", content: options.url },
  ];
}

/**
 * Dublin Core elements: DC.type is "Text" from the DCMI Type Vocabulary; DC.source names the
 * printed original (《内蒙古日报》2024-10-15 第5版 党建), DC.identifier the page's URL.
 */
export function dublinCoreTags(article: ArchiveEntry, options: CitationMetaOptions): MetaTag[] {
  const d = article.data;
  const page = formatPrintedPage(d.page);
  return [
    { name: "DC.title", content: citedTitle(article) },
    ...citedAuthors(article).map((name) => ({ name: "DC.creator", content: name })),
    { name: "DC.date", content: d.date },
    { name: "DC.type", content: "Text" },
    { name: "DC.publisher", content: SITE.newspaper },
    { name: "DC.language", content: SIMPLIFIED.lang },
    { name: "DC.identifier", content: options.url },
    { name: "DC.source", content: [`《${SITE.newspaper}》${d.date}`, page].filter(Boolean).join(" ") },
  ];
}

/** Every citation tag of an article page: Highwire Press first, then Dublin Core. */
export function citationMetaTags(article: ArchiveEntry, options: CitationMetaOptions): MetaTag[] {
  return [...highwireTags(article, options), ...dublinCoreTags(article, options)];
}
