/**
 * The archive's text as data: one JSON Lines file per year (/data/text/<year>.jsonl.gz), each
 * line an article of articles.json with its body as plain text added (`text`). Per year, so a
 * corpus of 100,000 articles comes in files a laptop opens, and a new issue rewrites one file.
 * Gzipped at a fixed level with Node's zlib, which writes no time or name into the header: the same
 * articles give the same bytes on every build.
 */
import { gzipSync } from "node:zlib";
import type { ArchiveEntry } from "./archive.ts";
import { compareArticles } from "./archive.ts";
import { renderedBodyHtml } from "../articles/article-body.ts";
import { plainBlocks, plainBodyText } from "../articles/plain-body.ts";
import { articleJsonRecord } from "./data-export.ts";

/** zlib's best compression: the files are written once per build and read many times. */
export const GZIP_LEVEL = 9;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

/** The text of rendered HTML: a block per paragraph or heading, a line per <br>. */
export function htmlPlainText(html: string): string {
  return html
    .replace(/<br\s*\/?>\n?/g, "\n")
    .replace(/<\/(?:p|h[1-6]|li|blockquote)>\s*/g, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&(amp|lt|gt|quot);/g, (_m, name: string) => ENTITIES[name]!)
    .trim();
}

/**
 * An article's Markdown body as plain text: paragraphs and subheads separated by a blank line, the
 * lines of a poem by a line break. The ingest's plain text is read directly (plain-body.ts); a body
 * with escapes goes through the site's renderer (src/lib/articles/article-body.ts), so the data
 * says what the page shows.
 */
export async function markdownPlainText(markdown: string): Promise<string> {
  const blocks = plainBlocks(markdown);
  return blocks === null ? htmlPlainText(await renderedBodyHtml(markdown)) : plainBodyText(blocks);
}

/** The field the full-text files add to an articles.json record. */
export const TEXT_FIELD = "text";

/** The year of an article's date: the file it goes in. */
export function fullTextYear(entry: ArchiveEntry): string {
  return entry.data.date.slice(0, 4);
}

/** The years with articles, oldest first. */
export function fullTextYears(entries: Iterable<ArchiveEntry>): string[] {
  return [...fullTextByYear(entries).keys()];
}

/** The entries of each year with articles, oldest year first, each in the order given: one pass, not one per year. */
export function fullTextByYear<E extends ArchiveEntry>(entries: Iterable<E>): Map<string, E[]> {
  const byYear = new Map<string, E[]>();
  for (const entry of entries) {
    const year = fullTextYear(entry);
    const list = byYear.get(year);
    if (list) list.push(entry);
    else byYear.set(year, [entry]);
  }
  return new Map([...byYear].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * JSON Lines: one article per line in newspaper order (date, issue, page, position), keys in
 * the order of articles.json then `text`; UTF-8, "\n" after every line.
 */
export function fullTextJsonLines(articles: Iterable<{ entry: ArchiveEntry; text: string }>, origin: string): string {
  return [...articles]
    .sort((a, b) => compareArticles(a.entry, b.entry))
    .map(({ entry, text }) => `${JSON.stringify({ ...articleJsonRecord(entry, origin), [TEXT_FIELD]: text })}\n`)
    .join("");
}

/** gzip with a fixed level and zlib's header (no file name, modification time 0): same input, same bytes. */
export function gzipDeterministic(text: string): Uint8Array<ArrayBuffer> {
  const gzipped = gzipSync(Buffer.from(text, "utf8"), { level: GZIP_LEVEL });
  return new Uint8Array(gzipped.buffer.slice(gzipped.byteOffset, gzipped.byteOffset + gzipped.byteLength) as ArrayBuffer);
}
