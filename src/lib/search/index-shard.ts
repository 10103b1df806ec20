/**
 * One bundle of the search index (index-shards.ts): a shard's articles made into documents
 * (search-document.ts), handed to Pagefind and written to a folder, with the OpenCC phrases its
 * results can show. build-index.ts indexes two shards at once, each by a Pagefind process of its
 * own: Pagefind indexes one bundle's documents one after another, so a second bundle can only use
 * the second core in a second process. Its command line is such a process, started from any
 * thread (indexStagedShard); its service is one process a thread, so a second lane that needs it
 * runs in a worker thread (index-shard-worker.ts).
 *
 * Pagefind writes the bundle from the documents staged as a folder of pages, by its command line
 * (pagefind-cli.ts), where the file system lets them be walked in the shard's order; elsewhere
 * through its Node API, sent the documents in that order. The bundle is the same either way.
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
import type { PhraseTables } from "../opencc-configs.ts";
import { searchDocument, searchDocumentTexts } from "./search-document.ts";
import { STAGING_ROOTS, canStage, runPagefindCli, stageDocuments, type StagedDocument } from "./pagefind-cli.ts";

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
  /** Where the documents may be staged for Pagefind's command line (pagefind-cli.ts); none: its Node API. */
  stagingRoots?: readonly string[];
  /** The documents, staged ahead (stageShard) and removed once indexed; null: they could not be staged, the service indexes them. */
  staged?: StagedShard | null;
}

export interface ShardOutcome {
  /** The OpenCC phrases in the texts the shard's results can show. */
  phrases: PhraseTables;
  /** One line per article left out (unreadable, or refused by Pagefind). */
  problems: string[];
  /** Pagefind could not index or write the bundle at all: its messages. */
  failed: string[] | null;
  /** Which of Pagefind's ways wrote the bundle: its command line over the staged documents, or its Node API. */
  writer: "command line" | "service";
}

/** The OpenCC phrases found in these texts, per table. */
function phraseTablesOf(texts: Iterable<string>): PhraseTables {
  const all = [...texts];
  return {
    STPhrases: phraseSubset(STPhrases, all),
    STPhrases_GeneratedFromRegionalPhrases: phraseSubset(STPhrases_GeneratedFromRegionalPhrases, all),
  };
}

/** An article's document, and its file, which names it in Pagefind's complaints. */
interface ShardDocument extends StagedDocument {
  file: string;
}

/** A shard's documents, in its order, with what its results can show and the articles left out. */
interface ShardDocuments {
  documents: ShardDocument[];
  shown: Set<string>;
  problems: string[];
}

async function shardDocuments({ articlesDir, files, texts }: Pick<ShardJob, "articlesDir" | "files" | "texts">): Promise<ShardDocuments> {
  const documents: ShardDocument[] = [];
  const shown = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    // Bodies that need the unified processor are rendered side by side; the order stays the files'.
    const rendered = await Promise.all(
      batch.map(async (article, j) => {
        const where = path.join(articlesDir, article.file);
        try {
          const { data, body } = parseArticleFile(where, texts[i + j]!);
          const bodyHtml = await articleBodyHtml(body);
          return { data, bodyHtml };
        } catch (err) {
          problems.push(err instanceof ArticleFileError ? err.message : `${where}: ${(err as Error).message}`);
          return null;
        }
      }),
    );
    for (const [j, page] of rendered.entries()) {
      if (!page) continue;
      for (const text of searchDocumentTexts(page.data, page.bodyHtml)) shown.add(text);
      documents.push({ url: articlePath(batch[j]!.id), html: searchDocument(page.data, page.bodyHtml), file: path.join(articlesDir, batch[j]!.file) });
    }
  }
  return { documents, shown, problems };
}

/** A shard's documents rendered and staged for Pagefind's command line ahead of its lane (build-index.ts). */
export interface StagedShard {
  /** The staging folder (pagefind-cli.ts), removed once Pagefind has read it. */
  site: string;
  /** The OpenCC phrases in the texts the shard's results can show. */
  phrases: PhraseTables;
  /** One line per article left out. */
  problems: string[];
}

/**
 * Renders a shard's documents and stages them for Pagefind's command line; null where they
 * cannot be staged in their order (or there are none: the command line refuses an empty site),
 * and indexShard then hands them to the service.
 */
export async function stageShard(job: Omit<ShardJob, "bundleDir" | "staged">): Promise<StagedShard | null> {
  if (!canStage(job.stagingRoots ?? STAGING_ROOTS)) return null;
  const { documents, shown, problems } = await shardDocuments(job);
  const site = documents.length === 0 ? null : stageDocuments(documents, job.stagingRoots ?? STAGING_ROOTS);
  return site ? { site, phrases: phraseTablesOf(shown), problems } : null;
}

/**
 * Indexes a shard's articles into its bundle folder. An article that cannot be read is reported
 * and left out; the others are indexed all the same. Pagefind's command line writes the bundle
 * where the documents can be staged in their order (pagefind-cli.ts; `job.staged` when they were
 * staged ahead), its Node API elsewhere: the same bundle, byte for byte.
 */
export async function indexShard(job: ShardJob): Promise<ShardOutcome> {
  const staged = job.staged === undefined ? await stageShard(job) : job.staged;
  const outcome = staged ? await indexStagedShard({ ...job, staged }) : null;
  if (outcome) return outcome;
  await rm(job.bundleDir, { recursive: true, force: true });
  preparePagefindEnvironment();
  const { documents, shown, problems } = await shardDocuments(job);
  return indexWithService(documents, shown, problems, job.bundleDir);
}

/**
 * The bundle of a shard staged ahead, by Pagefind's command line; null when the command line
 * failed (its messages printed), and the shard is then the service's. The command line is a
 * process of its own, so any thread may run several at once: a lane needs a thread of its own
 * (index-shard-worker.ts) only for the service, one per thread.
 */
export async function indexStagedShard(job: ShardJob & { staged: StagedShard }): Promise<ShardOutcome | null> {
  await rm(job.bundleDir, { recursive: true, force: true });
  preparePagefindEnvironment();
  return writeWithCommandLine(job.staged, job.bundleDir);
}

/** The bundle of the staged documents, by Pagefind's command line; null when it failed (its messages printed). */
async function writeWithCommandLine(staged: StagedShard, bundleDir: string): Promise<ShardOutcome | null> {
  let failed: string[] | null;
  try {
    failed = await runPagefindCli(staged.site, bundleDir, process.env);
  } finally {
    await rm(staged.site, { recursive: true, force: true });
  }
  if (!failed) {
    await removeUnusedFiles(bundleDir);
    return { phrases: staged.phrases, problems: staged.problems, failed: null, writer: "command line" };
  }
  // The service reports a failing document by name; the command line does not.
  console.error(`index: Pagefind's command line failed (${failed.join("; ")}); indexing ${bundleDir} with its Node API instead`);
  await rm(bundleDir, { recursive: true, force: true });
  return null;
}

async function removeUnusedFiles(bundleDir: string): Promise<void> {
  for (const file of await readdir(bundleDir)) if (UNUSED_BUNDLE_FILES.test(file)) await rm(path.join(bundleDir, file));
}

/** The documents handed to Pagefind's service, in their order, and the bundle written by it. */
async function indexWithService(documents: readonly ShardDocument[], shown: Set<string>, problems: string[], bundleDir: string): Promise<ShardOutcome> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return { phrases: phraseTablesOf([]), problems, failed: ["could not create an index", ...errors], writer: "service" };
  try {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      // Sent in order, answered together: Pagefind numbers the pages in the order it is sent them.
      const added = await Promise.all(batch.map((document) => index.addHTMLFile({ url: document.url, content: document.html })));
      for (const [j, response] of added.entries()) {
        if (response.errors.length > 0) problems.push(`${batch[j]!.file}: Pagefind: ${response.errors.join("; ")}`);
      }
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) return { phrases: phraseTablesOf([]), problems, failed: ["could not write the index", ...written.errors], writer: "service" };
    await removeUnusedFiles(bundleDir);
    return { phrases: phraseTablesOf(shown), problems, failed: null, writer: "service" };
  } finally {
    // Frees the shard's index in Pagefind's process before the next shard is read.
    await index.deleteIndex();
  }
}

/** Ends this thread's Pagefind process. */
export function closeIndexer(): Promise<null> {
  return pagefind.close();
}
