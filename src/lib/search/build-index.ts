/**
 * Builds the search index of a built site with Pagefind's Node API. Only the Simplified article
 * pages are indexed (one index serves both scripts: the Traditional search page converts its
 * queries to Simplified), and on each page only the article's body (data-pagefind-body), with
 * its headline, names and places and its filters, metadata and sort key
 * (src/lib/search/search-record.ts).
 *
 * Written: the index to <site>/pagefind/, where the search page loads it from; and the OpenCC
 * phrases the article pages contain to <site>/search/traditional-phrases.json, with which the
 * Traditional search page shows results as its pages read (script-conversion.ts).
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import { phraseSubset } from "./phrase-subset.ts";
import { TRADITIONAL_PHRASES_PATH, type PhraseTables } from "./script-conversion.ts";

/** The article pages, relative to the site root: articles/<date>/<slug>/index.html. */
export const ARTICLE_PAGES = "articles/*/*/index.html";
/** Where the bundle goes, relative to the site root; the search page imports /pagefind/pagefind.js. */
export const BUNDLE_DIRECTORY = "pagefind";

export interface SearchIndexReport {
  /** Article pages found on disk. */
  articlePages: number;
  /** Pages Pagefind indexed. */
  indexedPages: number;
  /** Wall time of indexing and writing, in seconds. */
  seconds: number;
  outputPath: string;
  /** Phrases kept for the Traditional search page. */
  traditionalPhrases: number;
}

export class SearchIndexError extends Error {
  /** Pagefind's own messages, one per problem. */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[]) {
    super(details.length > 0 ? `${message}:\n  ${details.join("\n  ")}` : message);
    this.name = "SearchIndexError";
    this.details = details;
  }
}

/** articles/<date>/<slug>/index.html under the site root, relative to it, in path order. */
async function articlePages(siteDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(path.join(siteDir, "articles"), { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => {
      const parts = entry.split(path.sep);
      return parts.length === 3 && parts[2] === "index.html";
    })
    .sort()
    .map((entry) => path.join("articles", entry));
}

/** The OpenCC phrases the pages contain, per table; the pages are read a batch at a time. */
async function traditionalPhrases(siteDir: string, pages: readonly string[]): Promise<PhraseTables> {
  const texts = new Set<string>();
  for (let i = 0; i < pages.length; i += 256) {
    const batch = await Promise.all(pages.slice(i, i + 256).map((page) => readFile(path.join(siteDir, page), "utf8")));
    for (const html of batch) {
      // Everything a result shows comes from the <article>: headline, names, places, text.
      const start = html.indexOf("<article");
      const end = html.lastIndexOf("</article>");
      const article = start !== -1 && end > start ? html.slice(start, end) : html;
      for (const text of article.split(/<[^>]*>/)) if (text.trim() !== "") texts.add(text);
    }
  }
  return {
    STPhrases: phraseSubset(STPhrases, texts),
    STPhrases_GeneratedFromRegionalPhrases: phraseSubset(STPhrases_GeneratedFromRegionalPhrases, texts),
  };
}

/**
 * Indexes the article pages of the built site in `siteDir` and writes the bundle to
 * <siteDir>/pagefind/. Throws SearchIndexError when Pagefind reports an error or when it indexed
 * a different number of pages than there are articles (an article page without
 * data-pagefind-body would silently drop out of search).
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const pages = await articlePages(siteDir);
  const outputPath = path.join(siteDir, BUNDLE_DIRECTORY);
  let indexedPages: number;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new SearchIndexError("Pagefind could not create an index", errors);
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new SearchIndexError("Pagefind could not index the article pages", added.errors);
    if (added.page_count !== pages.length) {
      throw new SearchIndexError(
        `Pagefind indexed ${added.page_count} pages but ${siteDir} holds ${pages.length} article pages ` +
          "(does every article page mark its body with data-pagefind-body?)",
        [],
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError("Pagefind could not write the index", written.errors);
    indexedPages = added.page_count;
  } finally {
    await pagefind.close();
  }
  const phrases = await traditionalPhrases(siteDir, pages);
  const phrasesFile = path.join(siteDir, ...TRADITIONAL_PHRASES_PATH.split("/"));
  await mkdir(path.dirname(phrasesFile), { recursive: true });
  await writeFile(phrasesFile, JSON.stringify(phrases));
  return {
    articlePages: pages.length,
    indexedPages,
    seconds: (performance.now() - started) / 1000,
    outputPath,
    traditionalPhrases: Object.values(phrases).reduce((n, table) => n + (table === "" ? 0 : table.split("|").length), 0),
  };
}
