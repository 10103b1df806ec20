/**
 * Builds the search index with Pagefind (its command line, or its Node API: index-shard.ts), in
 * the bundles that index-shards.ts plans: the newest year alone, older years in runs. It reads
 * the articles' Markdown, not the built site (search-document.ts makes each article's
 * document), so it runs while Astro renders the pages (scripts/build.ts). One index serves both
 * scripts: the Traditional search page converts its queries to Simplified.
 *
 * Written: the bundles to <site>/pagefind/<shard>/, where the search page loads them from; and
 * the OpenCC phrases the articles contain to <site>/search/traditional-phrases.json, with which
 * the Traditional search page shows results as its pages read (script-conversion.ts).
 *
 * Each shard's bundle and phrases are kept in a cache folder under a key made from its article
 * files (ids and digests of their bytes, each file known by its signature while it stays the same:
 * shard-digests.ts) and the version of the code that indexes them: a shard none of whose
 * articles changed is not indexed again, only hard-linked into the site. Pagefind writes the same
 * bundle for the same documents, so a reused bundle is the one a fresh run would write.
 */
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import { codeVersion } from "../build/code-version.ts";
import { articleFilesByYear, type ArticleFile } from "../articles/article-files.ts";
import { closeIndexer, indexShard, indexStagedShard, stageShard, type ShardJob, type ShardOutcome, type StagedShard } from "./index-shard.ts";
import type { ShardReply } from "./index-shard-worker.ts";
import type { BundlePlacement } from "../build/bundle-placement.ts";
import { BUNDLE_DIRECTORY, bundlePlan, shardsAtOnce, shardsToAddAfterSite, type Shard } from "./index-shards.ts";
import { phraseSubset } from "./phrase-subset.ts";
import { DIGESTS_FILE, UnreadableArticleError, digestArticles, parseDigests, readArticles, sameDigests, serializeDigests, shardKey, type FileDigest } from "./shard-digests.ts";
import type { PhraseTables } from "../opencc-configs.ts";
import { TRADITIONAL_PHRASES_PATH } from "./script-conversion.ts";

const KEY_FILE = "key";
const PHRASES_FILE = "phrases.json";

export interface SearchIndexOptions {
  /** Where each bundle is kept between builds; nothing is reused when absent. */
  cacheDir?: string;
  /**
   * Index this one shard of the plan and nothing else: no other bundle is removed, and the
   * phrase table, which needs every shard, is not written. One job of a CI matrix each builds
   * a shard into its own cache folder; a last run over the folders put together indexes
   * nothing again and writes the whole.
   */
  onlyShard?: string;
  /**
   * Shards indexed at once, each by a Pagefind process of its own; by default as many as the
   * cores and the memory beside Astro allow (index-shards.ts, shardsAtOnce).
   */
  jobs?: number;
  /**
   * Resolves when the site, built beside the index, is done (scripts/build.ts): shards still
   * waiting may then start in more lanes, with the memory and the core Astro held
   * (index-shards.ts, shardsToAddAfterSite). Ignored when `jobs` is given.
   */
  siteDone?: Promise<void> | null;
  /** Told how many bundles are to be indexed, and in how many lanes at first, before the first starts. */
  onPlanned?: (bundlesToIndex: number, lanes: number) => void;
  /** Where the bundles are built, which sizes them (src/lib/build/bundle-placement.ts); "beside-site" by default. */
  placement?: BundlePlacement;
  /** Where documents may be staged for Pagefind's command line (pagefind-cli.ts, STAGING_ROOTS by default); none: its Node API. */
  stagingRoots?: readonly string[];
}

/** The shards `buildSearchIndex` would make of these articles, newest first. */
export async function searchIndexPlan(articlesDir: string, placement: BundlePlacement = "beside-site"): Promise<Shard[]> {
  return bundlePlan(perYearOf(await articleFilesByYear(articlesDir)), placement);
}

function perYearOf(byYear: ReadonlyMap<string, readonly ArticleFile[]>): Map<string, number> {
  return new Map([...byYear].map(([year, files]) => [year, files.length]));
}

export interface SearchIndexReport {
  /** Article files found. */
  articles: number;
  /** Pages in the index, over all bundles. */
  indexedPages: number;
  /** Bundles (index-shards.ts). */
  shards: number;
  /** Bundles indexed in this run; the others were reused from the cache. */
  shardsIndexed: number;
  /** Of those, the bundles Pagefind's command line wrote (index-shard.ts); its Node API wrote the others. */
  byCommandLine: number;
  /** Bundles started in a lane added once the site was done (SearchIndexOptions.siteDone). */
  shardsAfterSite: string[];
  /** Worker threads started for lanes beside this thread's: one for each lane the service wrote a bundle in. */
  workerThreads: number;
  /** Wall time of indexing and writing, in seconds. */
  seconds: number;
  outputPath: string;
  /** Phrases kept for the Traditional search page. */
  traditionalPhrases: number;
  /** Markdown files under the articles folder that are not <date>/<slug>.md: neither the site nor the index reads them. */
  ignoredFiles: string[];
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

/** An article file that cannot be read fails the index as Pagefind's problems do. */
function asIndexError(err: unknown): unknown {
  return err instanceof UnreadableArticleError ? new SearchIndexError(err.message, []) : err;
}

/**
 * The union of per-year phrase tables, as phraseSubset of all pages would give it: every phrase
 * found in some year is one of the pages' texts, and a phrase inside it is found in that year too.
 */
function mergePhrases(tables: readonly PhraseTables[]): PhraseTables {
  const keys = (name: keyof PhraseTables) =>
    tables.flatMap((table) => (table[name] === "" ? [] : table[name].split("|").map((entry) => entry.slice(0, entry.indexOf(" ")))));
  return {
    STPhrases: phraseSubset(STPhrases, keys("STPhrases")),
    STPhrases_GeneratedFromRegionalPhrases: phraseSubset(STPhrases_GeneratedFromRegionalPhrases, keys("STPhrases_GeneratedFromRegionalPhrases")),
  };
}

/** True when `a` and `b` are the same file (one a hard link of the other). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return x !== null && y !== null && x.ino === y.ino && x.dev === y.dev;
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

function countArticles(byYear: ReadonlyMap<string, readonly ArticleFile[]>): number {
  let n = 0;
  for (const files of byYear.values()) n += files.length;
  return n;
}

/** A shard's article files as read, and its documents staged for Pagefind's command line (null: they could not be). */
interface ReadyShard {
  /** Each file as it was read, for the key and the memo written with the bundle. */
  seen: FileDigest[];
  texts: string[];
  staged: StagedShard | null;
}

/** Where shards are indexed, each lane with a Pagefind process of its own: this thread's, or a lane beside it (workerLane). */
interface Lane {
  index(job: ShardJob): Promise<ShardOutcome>;
  close(): Promise<unknown>;
}

function mainLane(): Lane {
  return { index: indexShard, close: closeIndexer };
}

/**
 * A lane of its own beside the main one. A shard staged for Pagefind's command line is written
 * from this thread, since the command line is a process of its own; a worker thread
 * (index-shard-worker.ts), whose loading of the indexer costs about half a second of a core, is
 * started only when a shard goes to the service (not staged, or the command line failed).
 */
function workerLane(onThreadStarted: () => void): Lane {
  let worker: { thread: Worker; exited: Promise<unknown> } | null = null;
  const inWorker = (job: ShardJob): Promise<ShardOutcome> => {
    if (!worker) {
      const thread = new Worker(new URL("./index-shard-worker.ts", import.meta.url));
      onThreadStarted();
      worker = { thread, exited: new Promise((resolve) => thread.once("exit", resolve)) };
    }
    const { thread } = worker;
    return new Promise((resolve, reject) => {
      const fail = (err: Error) => reject(err);
      const exit = (code: number) => reject(new Error(`the index's worker thread stopped (exit code ${code})`));
      thread.once("error", fail);
      thread.once("exit", exit);
      thread.once("message", (reply: ShardReply) => {
        thread.off("error", fail);
        thread.off("exit", exit);
        if ("error" in reply) reject(new Error(reply.error));
        else resolve(reply.outcome);
      });
      thread.postMessage(job);
    });
  };
  return {
    async index(job) {
      const { staged } = job;
      const outcome = staged ? await indexStagedShard({ ...job, staged }) : null;
      // The staged documents are gone either way: the service is sent them afresh.
      return outcome ?? inWorker({ ...job, staged: null });
    },
    async close() {
      if (!worker) return;
      worker.thread.postMessage(null);
      await worker.exited;
    },
  };
}

/**
 * Indexes the articles under `articlesDir` (content/articles) and writes the bundles to
 * <siteDir>/pagefind/<shard>/ and the Traditional phrase table beside the search page. Throws
 * SearchIndexError when Pagefind reports an error or an article file cannot be read; every other
 * article is indexed and written first, and a shard with such a file is not cached, so the
 * error is reported again by every build until the file is fixed.
 */
export async function buildSearchIndex(articlesDir: string, siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const started = performance.now();
  const ignoredFiles: string[] = [];
  const byYear = await articleFilesByYear(articlesDir, (file) => ignoredFiles.push(file));
  const plan = bundlePlan(perYearOf(byYear), options.placement ?? "beside-site");
  const { onlyShard } = options;
  const shards = onlyShard === undefined ? plan : plan.filter((shard) => shard.name === onlyShard);
  if (shards.length === 0 && onlyShard !== undefined) {
    throw new SearchIndexError(`no bundle "${onlyShard}" in the plan of ${articlesDir}`, plan.map((shard) => `${shard.name}: ${shard.pages} articles`));
  }
  const cacheDir = options.cacheDir ?? (await mkdtemp(path.join(tmpdir(), "archive-search-index-")));
  const outputPath = path.join(siteDir, BUNDLE_DIRECTORY);
  await mkdir(outputPath, { recursive: true });
  // Bundles of shards the plan no longer has (a year that moved into a run of older years).
  const names = new Set(plan.map((shard) => shard.name));
  if (onlyShard === undefined) {
    for (const entry of await readdir(outputPath)) if (!names.has(entry)) await rm(path.join(outputPath, entry), { recursive: true, force: true });
  }
  // The index is redone only for the code that makes it: this module, the article renderer, what they import.
  const version = codeVersion([new URL(import.meta.url)]);
  const problems: string[] = [];
  const shardsIndexed: string[] = [];
  /** Articles left out of each shard indexed. */
  const leftOut = new Map<string, number>();
  let indexedPages = 0;
  let byCommandLine = 0;
  const shardDirOf = (shard: Shard) => path.join(cacheDir, shard.name);
  const filesOf = (shard: Shard) => shard.years.flatMap((year) => byYear.get(year) ?? []);
  // The shards whose articles or code changed since their bundle was kept.
  const stale: Shard[] = [];
  // Files last modified a margin before this are known by their signature (shard-digests.ts).
  const now = Date.now();
  for (const shard of shards) {
    const shardDir = shardDirOf(shard);
    const cachedKey = options.cacheDir ? await readFile(path.join(shardDir, KEY_FILE), "utf8").catch(() => null) : null;
    // Without a kept bundle there is nothing to compare: its articles are read once, by its lane.
    if (cachedKey === null) {
      stale.push(shard);
      continue;
    }
    const files = filesOf(shard);
    const known = parseDigests(await readFile(path.join(shardDir, DIGESTS_FILE), "utf8").catch(() => null));
    const seen = await digestArticles(articlesDir, files, known, now).catch((err: unknown) => {
      throw asIndexError(err);
    });
    if (cachedKey !== shardKey(version, files, seen)) stale.push(shard);
    // Files read afresh (new here, or too new to be known last time) are known by their signature next time.
    else if (!sameDigests(files, seen, known)) await writeFile(path.join(shardDir, DIGESTS_FILE), serializeDigests(files, seen));
  }
  // Largest first, so that the last to finish is a small one.
  stale.sort((a, b) => b.pages - a.pages);
  const articles = countArticles(byYear);
  const cores = availableParallelism();
  const jobs = Math.max(1, Math.min(stale.length, options.jobs ?? shardsAtOnce(articles, stale.map((shard) => shard.pages), cores)));
  options.onPlanned?.(stale.length, jobs);
  let workerThreads = 0;
  const newLane = () => workerLane(() => workerThreads++);
  const lanes: Lane[] = [mainLane(), ...Array.from({ length: jobs - 1 }, newLane)];
  /** The shard each lane is indexing. */
  const indexing = new Map<Lane, Shard>();
  const shardsAfterSite: string[] = [];
  /**
   * Shards read, rendered and staged in this thread ahead of their lane (index-shard.ts,
   * stageShard): the next shard waiting is made ready while Pagefind writes the one before, so a
   * lane goes from one Pagefind process to the next without waiting for its documents.
   */
  const ahead = new Map<Shard, Promise<ReadyShard>>();
  const ready = async (shard: Shard): Promise<ReadyShard> => {
    // Read again for the key written: the bundle is of these bytes.
    const read = await readArticles(articlesDir, filesOf(shard), Date.now()).catch((err: unknown) => {
      throw asIndexError(err);
    });
    const texts = read.map(({ bytes }) => bytes.toString("utf8"));
    const staging = options.stagingRoots === undefined ? {} : { stagingRoots: options.stagingRoots };
    return { seen: read.map((article) => article.seen), texts, staged: await stageShard({ articlesDir, files: filesOf(shard), texts, ...staging }) };
  };
  /** Puts a shard's bundle into the site as hard links to its cached files; linked already, nothing to do. */
  const linkBundle = async (shard: Shard): Promise<void> => {
    const bundleDir = path.join(shardDirOf(shard), "bundle");
    const target = path.join(outputPath, shard.name);
    if (await sameFile(path.join(bundleDir, "pagefind-entry.json"), path.join(target, "pagefind-entry.json"))) return;
    await rm(target, { recursive: true, force: true });
    await linkTree(bundleDir, target);
  };
  const runLane = async (lane: Lane, afterSite = false): Promise<void> => {
    for (let shard = stale.shift(); shard; shard = stale.shift()) {
      indexing.set(lane, shard);
      if (afterSite) shardsAfterSite.push(shard.name);
      const shardDir = shardDirOf(shard);
      await rm(path.join(shardDir, KEY_FILE), { force: true });
      await rm(path.join(shardDir, DIGESTS_FILE), { force: true });
      const files = filesOf(shard);
      const readying = ahead.get(shard) ?? ready(shard);
      ahead.delete(shard);
      const { seen, texts, staged } = await readying;
      const next = stale[0];
      if (next && !ahead.has(next)) {
        const readyNext = ready(next);
        // Its failure (an unreadable file) is the lane's to report when it takes the shard, not the process's now.
        readyNext.catch(() => undefined);
        ahead.set(next, readyNext);
      }
      const job: ShardJob = { articlesDir, files, texts, bundleDir: path.join(shardDir, "bundle"), staged };
      const outcome = await lane.index(job);
      if (outcome.failed) throw new SearchIndexError(`Pagefind ${outcome.failed[0]}`, outcome.failed.slice(1));
      problems.push(...outcome.problems);
      leftOut.set(shard.name, outcome.problems.length);
      await writeFile(path.join(shardDir, PHRASES_FILE), JSON.stringify(outcome.phrases));
      // Written last: a run stopped half-way leaves no key, and the shard is indexed again.
      if (outcome.problems.length === 0) {
        await writeFile(path.join(shardDir, DIGESTS_FILE), serializeDigests(files, seen));
        await writeFile(path.join(shardDir, KEY_FILE), shardKey(version, files, seen));
      }
      // Linked now, while the other lanes write: only the last bundle's links are left for the end.
      await linkBundle(shard);
      shardsIndexed.push(shard.name);
      if (outcome.writer === "command line") byCommandLine++;
      indexing.delete(lane);
    }
    // A lane with nothing left lets its Pagefind process go, rather than hold its memory while another writes.
    await lane.close();
  };
  const running = lanes.map((lane) => runLane(lane));
  // Lanes started once the site is done; the index waits for them as for the first.
  const added: Promise<void>[] = [];
  let finished = false;
  if (options.jobs === undefined && options.siteDone) {
    void options.siteDone.then(() => {
      if (finished) return;
      const more = shardsToAddAfterSite(articles, [...indexing.values()].map((shard) => shard.pages), stale.map((shard) => shard.pages), cores);
      for (let i = 0; i < more; i++) {
        const lane = newLane();
        lanes.push(lane);
        added.push(runLane(lane, true));
      }
    });
  }
  try {
    await Promise.all(running);
    await Promise.all(added);
  } finally {
    finished = true;
    await Promise.all(lanes.map((lane) => lane.close()));
    // Shards made ready that no lane took (a lane failed): their staged documents go.
    for (const readying of ahead.values()) {
      const { staged } = await readying.catch(() => ({ staged: null }));
      if (staged) await rm(staged.site, { recursive: true, force: true });
    }
  }
  const phraseTables: PhraseTables[] = [];
  for (const shard of shards) {
    await linkBundle(shard);
    phraseTables.push(JSON.parse(await readFile(path.join(shardDirOf(shard), PHRASES_FILE), "utf8")) as PhraseTables);
    indexedPages += shard.pages - (leftOut.get(shard.name) ?? 0);
  }
  if (options.cacheDir) {
    // Shards no longer planned.
    for (const entry of onlyShard === undefined ? await readdir(cacheDir).catch(() => []) : []) {
      if (!names.has(entry)) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
    }
  } else {
    await rm(cacheDir, { recursive: true, force: true });
  }
  const phrases = mergePhrases(phraseTables);
  if (onlyShard === undefined) {
    const phrasesFile = path.join(siteDir, ...TRADITIONAL_PHRASES_PATH.split("/"));
    await mkdir(path.dirname(phrasesFile), { recursive: true });
    await writeFile(phrasesFile, JSON.stringify(phrases));
  }
  if (problems.length > 0) throw new SearchIndexError(`${problems.length} article${problems.length === 1 ? "" : "s"} left out of the search index`, problems);
  return {
    articles,
    indexedPages,
    shards: shards.length,
    shardsIndexed: shardsIndexed.length,
    byCommandLine,
    shardsAfterSite,
    workerThreads,
    seconds: (performance.now() - started) / 1000,
    outputPath,
    traditionalPhrases: Object.values(phrases).reduce((n, table) => n + (table === "" ? 0 : table.split("|").length), 0),
    ignoredFiles,
  };
}
