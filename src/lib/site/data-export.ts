/**
 * The archive's open-data downloads: every article's metadata as JSON and as CSV, notices
 * included (the data is the whole paper; feeds and statistics are what leave notices out).
 * Both list articles in newspaper order (date, issue, page, order on the page, id) with the same
 * columns, so a diff between two builds shows only what changed.
 *
 * Each year's articles are a file of their own too (/data/articles/<year>.json and .csv), which
 * a rebuild renders again only for the years that changed; the whole files are those years'
 * files joined (joinJsonExports, joinCsvExports), byte for byte what articlesToJson and
 * articlesToCsv make of every article. At 100,000 articles the whole JSON is 73 MB: rendered as
 * one page it took ~10 s of every rebuild.
 */
import { FRONTMATTER_KEYS } from "../article.ts";
import type { ArchiveEntry } from "./archive.ts";
import { compareArticles } from "./archive.ts";
import { articlePath } from "./paths.ts";

/** An article as pages hold it: the archive's entry, `id` = `<date>/<slug>` plus its frontmatter. */
export type ArticleRecord = ArchiveEntry;

export interface ExportOptions {
  /** The site's origin, e.g. "https://archive.example.org"; article URLs are made absolute with it. */
  origin: string;
}

/**
 * Joins a list field (reporters, correspondents, photographers, authors) in one CSV cell.
 * "、" is the enumeration comma Chinese readers expect between names, it never occurs inside a
 * personal name, and unlike ";" or "," no spreadsheet treats it as a column separator.
 */
export const CSV_LIST_SEPARATOR = "、";

/** The CSV columns a structured frontmatter field is split into, since a cell holds one value. */
const SPLIT_COLUMNS: Partial<Record<(typeof FRONTMATTER_KEYS)[number], string[]>> = {
  series: ["series", "series_no"],
  page: ["page_no", "page_name"],
};

/** CSV header, one column per frontmatter field; `series` is split into its name and number, `page` into its number and name. */
export const CSV_COLUMNS: readonly string[] = ["id", "url", ...FRONTMATTER_KEYS.flatMap((key) => SPLIT_COLUMNS[key] ?? [key])];

export function articleUrl(id: string, origin: string): string {
  return new URL(articlePath(id), origin).href;
}

/**
 * One object per article: `id`, `url`, then every frontmatter field in the order the ingest
 * writes them (FRONTMATTER_KEYS). Keys are copied one by one so fields the content layer
 * may add never leak into the download and the key order never depends on the input.
 */
export function articlesToJson(records: Iterable<ArchiveEntry>, options: ExportOptions): string {
  const articles = [...records].sort(compareArticles).map((record) => articleJsonRecord(record, options.origin));
  return `${JSON.stringify(articles, null, 2)}\n`;
}

/** One article of articles.json (and of the full-text files, which add its text): see articlesToJson. */
export function articleJsonRecord(record: ArchiveEntry, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id, url: articleUrl(record.id, origin) };
  const { series, page } = record.data;
  for (const key of FRONTMATTER_KEYS) out[key] = record.data[key];
  out["series"] = series ? { name: series.name, no: series.no } : null;
  out["page"] = { no: page.no, name: page.name };
  return out;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a quote, comma or line break.
 * A UTF-8 byte order mark comes first, without which Excel reads the file as the ANSI code page
 * and shows the Chinese as mojibake. Empty cells stand for null.
 */
export function articlesToCsv(records: Iterable<ArchiveEntry>, options: ExportOptions): string {
  const rows = [...records].sort(compareArticles).map((record) => {
    const cells = csvCells(record, options.origin);
    return CSV_COLUMNS.map((column) => csvCell(cells[column] ?? ""));
  });
  const lines = [CSV_COLUMNS.map(csvCell), ...rows].map((cells) => cells.join(","));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join("")}`;
}

/**
 * An article's cells by column: lists joined with CSV_LIST_SEPARATOR, null as an empty cell,
 * numbers as decimal text, series and page split into their parts.
 */
function csvCells(record: ArchiveEntry, origin: string): Record<string, string> {
  const d = record.data;
  const cells: Record<string, string> = { id: record.id, url: articleUrl(record.id, origin) };
  for (const key of FRONTMATTER_KEYS) {
    const value: unknown = d[key];
    if (Array.isArray(value)) cells[key] = value.join(CSV_LIST_SEPARATOR);
    else if (typeof value === "string" || typeof value === "number") cells[key] = String(value);
    else cells[key] = "";
  }
  cells["series"] = d.series?.name ?? "";
  cells["series_no"] = d.series?.no == null ? "" : String(d.series.no);
  cells["page_no"] = d.page.no === null ? "" : String(d.page.no);
  cells["page_name"] = d.page.name ?? "";
  return cells;
}

/**
 * One CSV field. A cell that starts with = + - @ (or a tab or CR, which some programs skip
 * before reading a formula) is prefixed with ' so that a spreadsheet shows it as text instead of
 * running it: the OWASP "CSV injection" guard. Titles are printed text from the wild, and a
 * headline such as "-10℃" or "+1" would otherwise be evaluated.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const UTF8 = new TextEncoder();
const JSON_OPEN = UTF8.encode("[\n");
const JSON_CLOSE = UTF8.encode("\n]\n");
const JSON_BETWEEN = UTF8.encode(",\n");
const JSON_EMPTY = UTF8.encode("[]\n");

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.byteLength >= prefix.byteLength && prefix.every((byte, i) => bytes[i] === byte);
}

function endsWith(bytes: Uint8Array, suffix: Uint8Array): boolean {
  const from = bytes.byteLength - suffix.byteLength;
  return from >= 0 && suffix.every((byte, i) => bytes[from + i] === byte);
}

/** A year's file that cannot be joined into the whole export; the message names it. */
export class ExportPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportPartError";
  }
}

function notAnExport(name: string, format: string): ExportPartError {
  return new ExportPartError(`${name}: not the ${format} of a year's articles as the build writes it (cut short, or changed by hand)`);
}

/**
 * articles.json from the years' files (articlesToJson of each year's articles, oldest year
 * first), as chunks to write one after the other: the records of each, between one "[" and "]".
 */
export function* joinJsonExports(years: Iterable<{ name: string; bytes: Uint8Array }>): Generator<Uint8Array> {
  let first = true;
  for (const { name, bytes } of years) {
    if (startsWith(bytes, JSON_EMPTY) && bytes.byteLength === JSON_EMPTY.byteLength) continue;
    if (!startsWith(bytes, JSON_OPEN) || !endsWith(bytes, JSON_CLOSE)) throw notAnExport(name, "JSON");
    yield first ? JSON_OPEN : JSON_BETWEEN;
    yield bytes.subarray(JSON_OPEN.byteLength, bytes.byteLength - JSON_CLOSE.byteLength);
    first = false;
  }
  yield first ? JSON_EMPTY : JSON_CLOSE;
}

/** articles.csv from the years' files (articlesToCsv of each year's articles, oldest year first): one BOM and header, then every year's rows. */
export function* joinCsvExports(years: Iterable<{ name: string; bytes: Uint8Array }>): Generator<Uint8Array> {
  const head = UTF8.encode(articlesToCsv([], { origin: "http://localhost" }));
  yield head;
  for (const { name, bytes } of years) {
    if (!startsWith(bytes, head)) throw notAnExport(name, "CSV");
    yield bytes.subarray(head.byteLength);
  }
}
