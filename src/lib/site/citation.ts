/**
 * "How to cite this article": a GB/T 7714-2015 reference (the Chinese national standard that
 * Chinese journals and theses require) and a BibTeX entry. Output depends only on the article and
 * the options, never on the clock, so a rebuild gives the same page.
 */
import type { ArchiveEntry } from "./archive.ts";
import { isInstitutionalByline } from "./institutional-byline.ts";
import { SITE } from "./site-info.ts";

export interface CitationOptions {
  /** Absolute URL of the article page in the archive. */
  url: string;
  /** Date the reader accessed the page (YYYY-MM-DD); GB/T 7714 writes it as "[引用日期]". */
  accessed?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Who is named as the article's author: the byline's reporters and correspondents in byline order
 * (本报记者 许敬 通讯员 王筱瑜 → 许敬, 王筱瑜; CNKI's newspaper database credits both), else
 * the signed authors of a commentary, else the photographers of a photo item.
 */
export function citedAuthors(article: ArchiveEntry): string[] {
  const d = article.data;
  const byline = [...d.reporters, ...d.correspondents];
  if (byline.length > 0) return unique(byline);
  if (d.authors.length > 0) return unique(d.authors);
  return unique(d.photographers);
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/**
 * Title with its subtitle as "other title information", which GB/T 7714 joins with a colon; every
 * citation format that has no field of its own for the subtitle (RIS, CSL-JSON, the page's
 * citation tags) cites this too.
 */
export function citedTitle(article: ArchiveEntry): string {
  const { title, subtitle } = article.data;
  return subtitle ? `${title}：${subtitle}` : title;
}

/**
 * GB/T 7714-2015 §8 reference for a newspaper article read online (§4.4, §8.1.2):
 *
 *   许敬, 王筱瑜. 汇聚非公领域发展“红色动能”[N/OL]. 内蒙古日报, 2024-10-15(5)[2025-01-15]. URL
 *
 * More than three authors: the first three, then ", 等". No author: the entry starts with the
 * title. An institutional byline (本报评论员) is cited as printed, as the standard's examples do.
 * "[N/OL]" rather than "[N]" because the reference points to an online copy; the page number
 * "(版次)" follows the date, left out when the item does not say it. The URL ends the entry
 * without a full stop, so that copying it copies a working link.
 */
export function formatGbt7714(article: ArchiveEntry, options: CitationOptions): string {
  const authors = citedAuthors(article);
  const names = authors.length > 3 ? `${authors.slice(0, 3).join(", ")}, 等` : authors.join(", ");
  const accessed = options.accessed === undefined ? "" : `[${checkDate(options.accessed)}]`;
  const head = names ? `${names}. ` : "";
  const page = article.data.page.no === null ? "" : `(${article.data.page.no})`;
  return `${head}${citedTitle(article)}[N/OL]. ${SITE.newspaper}, ${checkDate(article.data.date)}${page}${accessed}. ${options.url}`;
}

function checkDate(date: string): string {
  if (!ISO_DATE.test(date)) throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  return date;
}

/**
 * A stable, ASCII-only BibTeX key: "nmgrb-<date>-<slug>" from the article id
 * ("2022-11-08/wen-ming-xin-feng" → "nmgrb-2022-11-08-wen-ming-xin-feng"). Slugs are pinyin
 * already; should one carry anything outside [a-z0-9-], those characters are dropped and a hash
 * of the original slug is appended so two such slugs cannot collide.
 */
export function bibtexKey(article: ArchiveEntry): string {
  const slash = article.id.indexOf("/");
  const slug = slash === -1 ? article.id : article.id.slice(slash + 1);
  const ascii = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  const safe = ascii === slug ? ascii : [ascii, fnv1a(slug)].filter(Boolean).join("-");
  return `nmgrb-${article.data.date}-${safe}`;
}

/** 32-bit FNV-1a over UTF-16 code units, in base 36: short, stable, no dependency. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const BIBTEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes the characters TeX treats specially, in one pass so no escape is escaped again. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (ch) => BIBTEX_ESCAPES[ch]!);
}

/**
 * A BibTeX entry that both BibTeX and biblatex read. Fields: title, subtitle (when the article
 * has one), author ("A and B"; an institutional byline in braces, so that no style splits it into
 * first and last names), journal, year, month, day, date, pages (the page number, when known),
 * url, urldate (with `accessed`), language. The URL is written as given, unescaped, because `url`
 * is a verbatim field; it is normalised with the URL parser, so any brace or space in it is
 * already percent-encoded.
 */
export function formatBibtex(article: ArchiveEntry, options: CitationOptions): string {
  const d = article.data;
  const [, year, month, day] = ISO_DATE.exec(checkDate(d.date))!;
  const author = citedAuthors(article)
    .map((name) => (name.includes(",") || isInstitutionalByline(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name)))
    .join(" and ");
  const fields: [string, string | null][] = [
    ["title", escapeBibtex(d.title)],
    ["subtitle", d.subtitle ? escapeBibtex(d.subtitle) : null],
    ["author", author || null],
    ["journal", SITE.newspaper],
    ["year", year!],
    ["month", String(Number(month))],
    ["day", String(Number(day))],
    ["date", d.date],
    ["pages", d.page.no === null ? null : String(d.page.no)],
    ["url", new URL(options.url).href],
    ["urldate", options.accessed === undefined ? null : checkDate(options.accessed)],
    ["language", "chinese"],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(",\n");
  return `@article{${bibtexKey(article)},\n${body}\n}`;
}
