/**
 * One bundle of the search index (index-shards.ts): a shard's articles handed to Pagefind and
 * written to a folder, with the OpenCC phrases its results can show. build-index.ts runs it in
 * its own thread, or in a worker thread (index-shard-worker.ts) so that two shards are indexed at
 * once, each by a Pagefind process of its own: Pagefind indexes one bundle's documents one after
 * another, so a second bundle can only use the second core in a second process.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import { articleBodyHtml } from "../articles/article-body.ts";
import { ArticleFileError, parseArticleFile, type ArticleFile } from "../articles/article-files.ts";
import { articlePath } from "../site/paths.ts";
import { preparePagefindEnvironment } from "./pagefind-process.ts";
import { phraseSubset } from "./phrase-subset.ts";
import type { PhraseTables } from "./script-conversion.ts";
import { searchDocument, searchDocumentTexts } from "./search-document.ts";

/** Files Pagefind writes for its own UIs, which the archive's search page does not use. */
const UNUSED_BUNDLE_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** Articles rendered and handed to Pagefind at a time. */
const BATCH = 128;

export interface ShardJob {
  articlesDir: string;
  files: readonly ArticleFile[];
  /** The files' text, as read for the shard's key. */
  texts: readonly string[];
  /** Emptied, then the bundle is written here. */
  bundleDir: string;
}

export interface ShardOutcome {
  /** The OpenCC phrases in the texts the shard's results can show. */
  phrases: PhraseTables;
  /** One line per article left out (unreadable, or refused by Pagefind). */
  problems: string[];
  /** Pagefind could not index or write the bundle at all: its messages. */
  failed: string[] | null;
}

/** The OpenCC phrases found in these texts, per table. */
function phraseTablesOf(texts: Iterable<string>): PhraseTables {
  const all = [...texts];
  return {
    STPhrases: phraseSubset(STPhrases, all),
    STPhrases_GeneratedFromRegionalPhrases: phraseSubset(STPhrases_GeneratedFromRegionalPhrases, all),
  };
}

/**
 * Indexes a shard's articles into its bundle folder. An article that cannot be read is reported
 * and left out; the others are indexed all the same.
 */
export async function indexShard(job: ShardJob): Promise<ShardOutcome> {
  const { articlesDir, files, texts, bundleDir } = job;
  await rm(bundleDir, { recursive: true, force: true });
  preparePagefindEnvironment();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return { phrases: phraseTablesOf([]), problems: [], failed: ["could not create an index", ...errors] };
  const shown = new Set<string>();
  const problems: string[] = [];
  try {
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      // Pagefind reads each document while the next are rendered: the calls are not awaited one by one.
      const added = await Promise.all(
        batch.map(async (article, j) => {
          const where = path.join(articlesDir, article.file);
          let document: string;
          try {
            const { data, body } = parseArticleFile(where, texts[i + j]!);
            const bodyHtml = await articleBodyHtml(body);
            for (const text of searchDocumentTexts(data, bodyHtml)) shown.add(text);
            document = searchDocument(data, bodyHtml);
          } catch (err) {
            problems.push(err instanceof ArticleFileError ? err.message : `${where}: ${(err as Error).message}`);
            return null;
          }
          return index.addHTMLFile({ url: articlePath(article.id), content: document });
        }),
      );
      for (const [j, response] of added.entries()) {
        if (response && response.errors.length > 0) problems.push(`${path.join(articlesDir, batch[j]!.file)}: Pagefind: ${response.errors.join("; ")}`);
      }
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) return { phrases: phraseTablesOf([]), problems, failed: ["could not write the index", ...written.errors] };
    for (const file of await readdir(bundleDir)) if (UNUSED_BUNDLE_FILES.test(file)) await rm(path.join(bundleDir, file));
    return { phrases: phraseTablesOf(shown), problems, failed: null };
  } finally {
    // Frees the shard's index in Pagefind's process before the next shard is read.
    await index.deleteIndex();
  }
}

/** Ends this thread's Pagefind process. */
export function closeIndexer(): Promise<null> {
  return pagefind.close();
}
