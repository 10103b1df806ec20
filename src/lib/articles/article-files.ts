/**
 * The article files the search index reads: content/articles/<date>/<slug>.md as the ingest
 * writes them. The id of an article is its path without ".md", as the site's collection gives it
 * (src/content.config.ts), so an indexed result links to the article's page.
 */
import matter from "gray-matter";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ArticleFrontmatter } from "../article.ts";
import { articleFrontmatterSchema } from "../article-schema.ts";
import { FRONTMATTER_ENGINES, yamlErrorLine, yamlErrorReason } from "../yaml.ts";
import { plainFrontmatterBlock, readPlainFrontmatter } from "./plain-frontmatter.ts";

export interface ArticleFile {
  /** "2022-11-08/wen-ming-xin-feng". */
  id: string;
  /** The file, relative to the articles folder. */
  file: string;
}

/** An article file read: its checked frontmatter and Markdown body. */
export interface ArticleContent {
  data: ArticleFrontmatter;
  /** The Markdown body. */
  body: string;
}

/** An article file the index cannot read: names the file, and the line where YAML knows it. */
export class ArticleFileError extends Error {
  readonly file: string;
  readonly line: number | null;

  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line === null ? "" : `:${line}`}: ${reason}`);
    this.name = "ArticleFileError";
    this.file = file;
    this.line = line;
  }
}

/**
 * The article files under `dir` (<date>/<slug>.md, src/lib/site/paths.ts), by year of their date
 * folder, each year in path order. Other Markdown files, which neither the site nor the index
 * reads, are passed to `onIgnored` so that they can be named rather than silently left out.
 */
export async function articleFilesByYear(dir: string, onIgnored?: (file: string) => void): Promise<Map<string, ArticleFile[]>> {
  let entries: string[];
  try {
    // With the entries' types, the listing needs no stat per file to tell folders from files:
    // 0.3 s instead of 1.1 s for the 100,000 files of 100,000 articles.
    entries = (await readdir(dir, { recursive: true, withFileTypes: true })).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  } catch {
    entries = [];
  }
  const byYear = new Map<string, ArticleFile[]>();
  for (const entry of entries.map((e) => e.split(path.sep).join("/")).sort()) {
    if (!isArticleFile(entry)) {
      if (entry.endsWith(".md")) onIgnored?.(entry);
      continue;
    }
    const year = entry.slice(0, 4);
    let files = byYear.get(year);
    if (!files) byYear.set(year, (files = []));
    files.push({ id: entry.slice(0, -".md".length), file: entry });
  }
  return byYear;
}

/**
 * The frontmatter (as YAML gives it, not yet checked against the schema) and the body of an
 * article file's text; `file` names it in errors, with the line of a YAML error.
 */
export function readArticleFile(file: string, text: string): { data: Record<string, unknown>; body: string } {
  // Most files are as the ingest wrote them: read those without the YAML library's cost.
  const block = plainFrontmatterBlock(text);
  const plain = block === null ? null : readPlainFrontmatter(block);
  if (plain) return { data: plain, body: articleFileBody(text) };
  try {
    // Options disable gray-matter's cache by input; the core schema keeps dates strings. Its
    // JavaScript engine ("---js") would run the file's code: articles are data, never code.
    const parsed = matter(text, {
      engines: {
        ...FRONTMATTER_ENGINES.engines,
        js: notCode,
        javascript: notCode,
      },
    });
    return { data: parsed.data, body: parsed.content };
  } catch (err) {
    // js-yaml counts lines within the text after the opening "---" on line 1.
    const line = yamlErrorLine(err);
    throw new ArticleFileError(file, line === null ? null : line + 1, `bad frontmatter YAML: ${yamlErrorReason(err)}`);
  }
}

/**
 * The body of an article file's text, exactly as readArticleFile gives it (gray-matter's
 * `content`), without reading the frontmatter: for a page whose frontmatter the content sync has
 * read and checked already, the YAML is most of the cost of reading the file.
 */
export function articleFileBody(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!unmarked.startsWith(DELIMITER) || unmarked.charAt(DELIMITER.length) === "-") return unmarked;
  let rest = unmarked.slice(DELIMITER.length);
  // A language named after the opening delimiter ("---yaml") is not part of the frontmatter.
  const language = rest.slice(0, rest.search(/\r?\n/));
  if (language.trim() !== "") rest = rest.slice(language.length);
  const close = rest.indexOf(`\n${DELIMITER}`);
  if (close === -1) return "";
  let body = rest.slice(close + 1 + DELIMITER.length);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return body;
}

/** What opens and closes the frontmatter. */
const DELIMITER = "---";

function notCode(): never {
  throw new Error("the frontmatter is code (---js): an article's frontmatter is YAML");
}

/** Frontmatter as YAML gave it, checked against the schema; throws naming `file` and every field at fault. */
export function checkedFrontmatter(file: string, data: Record<string, unknown>): ArticleFrontmatter {
  const result = articleFrontmatterSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "frontmatter"}: ${issue.message}`);
    throw new ArticleFileError(file, null, `bad frontmatter: ${problems.join("; ")}`);
  }
  return result.data;
}

/** Frontmatter, checked against the schema, and body of an article file's text; `file` names it in errors. */
export function parseArticleFile(file: string, text: string): ArticleContent {
  const parsed = readArticleFile(file, text);
  return { data: checkedFrontmatter(file, parsed.data), body: parsed.body };
}

/**
 * True for the path (relative to the articles folder, forward slashes) of an article
 * file: <date>/<slug>.md, as the ingest writes them; names beginning with "." (editor and OS
 * debris) are not. The site's collection and the search index both read exactly these.
 */
export function isArticleFile(relative: string): boolean {
  return /^\d{4}-\d{2}-\d{2}\/[^./][^/]*\.md$/.test(relative);
}
