/**
 * Builds the search index of a built site with Pagefind's Node API. Only the Simplified article
 * pages are indexed (one index serves both scripts: the Traditional search page converts its
 * queries to Simplified), and on each page only the article (data-pagefind-body on <article>),
 * with its filters, metadata and sort key (src/lib/search/search-record.ts).
 *
 * The index is written to <site>/pagefind/, where the search page loads it from.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

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

/** Counts articles/<date>/<slug>/index.html under the site root. */
async function countArticlePages(siteDir: string): Promise<number> {
  const root = path.join(siteDir, "articles");
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch {
    return 0;
  }
  return entries.filter((entry) => {
    const parts = entry.split(path.sep);
    return parts.length === 3 && parts[2] === "index.html";
  }).length;
}

/**
 * Indexes the article pages of the built site in `siteDir` and writes the bundle to
 * <siteDir>/pagefind/. Throws SearchIndexError when Pagefind reports an error or when it indexed
 * a different number of pages than there are articles (an article page without
 * data-pagefind-body would silently drop out of search).
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const articlePages = await countArticlePages(siteDir);
  const outputPath = path.join(siteDir, BUNDLE_DIRECTORY);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new SearchIndexError("Pagefind could not create an index", errors);
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new SearchIndexError("Pagefind could not index the article pages", added.errors);
    if (added.page_count !== articlePages) {
      throw new SearchIndexError(
        `Pagefind indexed ${added.page_count} pages but ${siteDir} holds ${articlePages} article pages ` +
          "(does every article page mark its <article> with data-pagefind-body?)",
        [],
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError("Pagefind could not write the index", written.errors);
    return {
      articlePages,
      indexedPages: added.page_count,
      seconds: (performance.now() - started) / 1000,
      outputPath: written.outputPath,
    };
  } finally {
    await pagefind.close();
  }
}
