/**
 * Builds the search index of a built site with Pagefind's Node API, in the bundles that
 * index-shards.ts plans: the newest year alone, older years in runs. Only the Simplified article pages are indexed (one index serves both
 * scripts: the Traditional search page converts its queries to Simplified), and on each page
 * only the article's body (data-pagefind-body), with its headline, names and places and its
 * filters, metadata and sort key (src/lib/search/search-record.ts).
 *
 * Written: the bundles to <site>/pagefind/<shard>/, where the search page loads them from; and
 * the OpenCC phrases the article pages contain to <site>/search/traditional-phrases.json, with
 * which the Traditional search page shows results as its pages read (script-conversion.ts).
 *
 * Each shard's bundle and phrases are kept in a cache folder under a key made from its article
 * pages (path, size and modification time: an incremental build leaves unchanged pages as they
 * were): a shard whose pages did not change is not indexed again, only hard-linked into the
 * site. Pagefind writes the same bundle for the same pages, so a reused bundle is the one a
 * fresh run would write.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import { BUNDLE_DIRECTORY, planShards, yearOfDate, type Shard } from "./index-shards.ts";
import { phraseSubset } from "./phrase-subset.ts";
import { TRADITIONAL_PHRASES_PATH, type PhraseTables } from "./script-conversion.ts";

/** Bump when what goes into a bundle changes without the pages changing (Pagefind options, this file). */
const SHARD_FORMAT = 1;
/** Files Pagefind writes for its own UIs, which the archive's search page does not use. */
const UNUSED_BUNDLE_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
const KEY_FILE = "key";
const PHRASES_FILE = "phrases.json";
/** Pagefind's version, from its package manifest. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version;

export interface SearchIndexOptions {
  /** Where each bundle is kept between builds; nothing is reused when absent. */
  cacheDir?: string;
}

export interface SearchIndexReport {
  /** Article pages found on disk. */
  articlePages: number;
  /** Pages in the index, over all bundles. */
  indexedPages: number;
  /** Bundles (index-shards.ts). */
  shards: number;
  /** Bundles indexed in this run; the others were reused from the cache. */
  shardsIndexed: number;
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

/** articles/<date>/<slug>/index.html under the site root, relative to it, in path order, by year. */
async function articlePagesByYear(siteDir: string): Promise<Map<string, string[]>> {
  let entries: string[];
  try {
    entries = await readdir(path.join(siteDir, "articles"), { recursive: true });
  } catch {
    entries = [];
  }
  const byYear = new Map<string, string[]>();
  for (const entry of entries.sort()) {
    const parts = entry.split(path.sep);
    if (parts.length !== 3 || parts[2] !== "index.html") continue;
    const year = yearOfDate(parts[0]!);
    let pages = byYear.get(year);
    if (!pages) byYear.set(year, (pages = []));
    pages.push(path.join("articles", entry));
  }
  return byYear;
}

/** The texts of a page that results show: everything in its <article> (headline, names, places, text). */
function articleTexts(html: string): string[] {
  const start = html.indexOf("<article");
  const end = html.lastIndexOf("</article>");
  const article = start !== -1 && end > start ? html.slice(start, end) : html;
  return article.split(/<[^>]*>/).filter((text) => text.trim() !== "");
}

/** The key of a shard's bundle: its pages' paths, sizes and modification times, the format, Pagefind's version. */
async function shardKey(siteDir: string, pages: readonly string[]): Promise<string> {
  const hash = createHash("sha256").update(`${SHARD_FORMAT}\0${PAGEFIND_VERSION}\0`);
  for (let i = 0; i < pages.length; i += 256) {
    const batch = await Promise.all(pages.slice(i, i + 256).map((page) => stat(path.join(siteDir, page))));
    batch.forEach((s, j) => hash.update(`${pages[i + j]}\0${s.size}\0${s.mtimeMs}\0`));
  }
  return hash.digest("hex");
}

/** The OpenCC phrases the pages contain, per table; the pages are read a batch at a time. */
async function traditionalPhrases(siteDir: string, pages: readonly string[]): Promise<PhraseTables> {
  const texts = new Set<string>();
  for (let i = 0; i < pages.length; i += 256) {
    const batch = await Promise.all(pages.slice(i, i + 256).map((page) => readFile(path.join(siteDir, page), "utf8")));
    for (const html of batch) for (const text of articleTexts(html)) texts.add(text);
  }
  return {
    STPhrases: phraseSubset(STPhrases, texts),
    STPhrases_GeneratedFromRegionalPhrases: phraseSubset(STPhrases_GeneratedFromRegionalPhrases, texts),
  };
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

/** Indexes a shard's pages into `bundleDir` (emptied first) and returns how many Pagefind indexed. */
async function indexShard(siteDir: string, shard: Shard, pages: readonly string[], bundleDir: string): Promise<number> {
  await rm(bundleDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new SearchIndexError("Pagefind could not create an index", errors);
  try {
    let indexed = 0;
    for (const year of shard.years) {
      const added = await index.addDirectory({ path: siteDir, glob: `articles/${year}-*/*/index.html` });
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index the article pages of ${year}`, added.errors);
      indexed += added.page_count;
    }
    if (indexed !== pages.length) {
      throw new SearchIndexError(
        `Pagefind indexed ${indexed} pages of ${shard.name} but ${siteDir} holds ${pages.length} article pages of those years ` +
          "(does every article page mark its body with data-pagefind-body?)",
        [],
      );
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new SearchIndexError("Pagefind could not write the index", written.errors);
    for (const file of await readdir(bundleDir)) if (UNUSED_BUNDLE_FILES.test(file)) await rm(path.join(bundleDir, file));
    return indexed;
  } finally {
    // Frees the year's index in Pagefind's process before the next year is read.
    await index.deleteIndex();
  }
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

/**
 * Indexes the article pages of the built site in `siteDir` and writes the bundles to
 * <siteDir>/pagefind/<year>/. Throws SearchIndexError when Pagefind reports an error or when it
 * indexed a different number of pages than there are articles (an article page without
 * data-pagefind-body would silently drop out of search).
 */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const started = performance.now();
  const byYear = await articlePagesByYear(siteDir);
  const shards = planShards(new Map([...byYear].map(([year, pages]) => [year, pages.length])));
  const cacheDir = options.cacheDir ?? (await mkdtemp(path.join(tmpdir(), "archive-search-index-")));
  const outputPath = path.join(siteDir, BUNDLE_DIRECTORY);
  await mkdir(outputPath, { recursive: true });
  // Bundles of shards the plan no longer has (a year that moved into a run of older years).
  const names = new Set(shards.map((shard) => shard.name));
  for (const entry of await readdir(outputPath)) if (!names.has(entry)) await rm(path.join(outputPath, entry), { recursive: true, force: true });
  let indexedPages = 0;
  let shardsIndexed = 0;
  const phraseTables: PhraseTables[] = [];
  try {
    for (const shard of shards) {
      const pages = shard.years.flatMap((year) => byYear.get(year) ?? []);
      const shardDir = path.join(cacheDir, shard.name);
      const bundleDir = path.join(shardDir, "bundle");
      const target = path.join(outputPath, shard.name);
      const key = await shardKey(siteDir, pages);
      const cachedKey = options.cacheDir ? await readFile(path.join(shardDir, KEY_FILE), "utf8").catch(() => null) : null;
      if (cachedKey !== key) {
        await rm(path.join(shardDir, KEY_FILE), { force: true });
        await indexShard(siteDir, shard, pages, bundleDir);
        await writeFile(path.join(shardDir, PHRASES_FILE), JSON.stringify(await traditionalPhrases(siteDir, pages)));
        // Written last: a run stopped half-way leaves no key, and the shard is indexed again.
        await writeFile(path.join(shardDir, KEY_FILE), key);
        shardsIndexed++;
      }
      // The site's copy is a set of hard links to the cached bundle: linked already, nothing to do.
      if (!(await sameFile(path.join(bundleDir, "pagefind-entry.json"), path.join(target, "pagefind-entry.json")))) {
        await rm(target, { recursive: true, force: true });
        await linkTree(bundleDir, target);
      }
      phraseTables.push(JSON.parse(await readFile(path.join(shardDir, PHRASES_FILE), "utf8")) as PhraseTables);
      indexedPages += pages.length;
    }
  } finally {
    await pagefind.close();
  }
  if (options.cacheDir) {
    // Shards no longer planned.
    for (const entry of await readdir(cacheDir).catch(() => [])) {
      if (!names.has(entry)) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
    }
  } else {
    await rm(cacheDir, { recursive: true, force: true });
  }
  const phrases = mergePhrases(phraseTables);
  const phrasesFile = path.join(siteDir, ...TRADITIONAL_PHRASES_PATH.split("/"));
  await mkdir(path.dirname(phrasesFile), { recursive: true });
  await writeFile(phrasesFile, JSON.stringify(phrases));
  return {
    articlePages: [...byYear.values()].reduce((n, pages) => n + pages.length, 0),
    indexedPages,
    shards: shards.length,
    shardsIndexed,
    seconds: (performance.now() - started) / 1000,
    outputPath,
    traditionalPhrases: Object.values(phrases).reduce((n, table) => n + (table === "" ? 0 : table.split("|").length), 0),
  };
}
