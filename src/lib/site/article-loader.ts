/**
 * The article collection's loader. Astro's glob loader renders every body during content sync
 * and keeps the HTML in its data store, which Astro holds in memory and writes out whole on
 * every build that changes an entry; its `deferRender` instead makes each article a module of
 * Vite's bundle, which costs more than the memory it saves (docs/scale.md, "Astro's options for
 * large collections"). This loader keeps each article's frontmatter and a digest of its file in
 * a records file of its own (article-records.ts), and in Astro's store one entry only, which
 * names that file and changes when a record does (so `npm run dev` reloads the pages then): the
 * article page renders its own body from the file (src/lib/articles/article-body.ts), and a page
 * whose file did not change is not rendered again (page-keys.ts).
 *
 * A file whose size, modification time and inode are those the last sync saw is not read at all
 * (file-stats.ts): a rebuild reads only the new issue's files.
 *
 * It reads the files the search index reads (articleFilesByYear: <date>/<slug>.md), so the
 * search page and the index plan the same bundles. An unreadable file is named (with its line
 * for a YAML error), every other file is loaded, and the build fails listing all of them.
 */
import type { Loader, LoaderContext } from "astro/loaders";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterIngest } from "../build/build-signals.ts";
import { codeVersion } from "../build/code-version.ts";
import { articleFilesByYear, checkedFrontmatter, isArticleFile, readArticleFile } from "../articles/article-files.ts";
import { ARTICLE_RECORDS_FILE, ArticleRecordSet, RECORDS_ENTRY_ID, handOverArticleRecords } from "./article-records.ts";
import { FileStats, fileSignature } from "../file-stats.ts";

/** Where the loader and the pages find the records: the project's files, and the records file. */
interface Places {
  root: string;
  base: string;
  recordsFile: string;
}

export function articleLoader(dir: string): Loader {
  return {
    name: "archive:articles",
    async load(context) {
      // npm run build starts Astro beside the ingest: the folder is whole once the ingest is done.
      await afterIngest();
      const { config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const places: Places = { root, base: path.resolve(root, dir), recordsFile: path.join(fileURLToPath(config.cacheDir), ARTICLE_RECORDS_FILE) };
      const { base } = places;
      // A change to how articles are read or checked (this loader's modules, the libraries)
      // reads every file again: the records of other code are not used.
      const records = ArticleRecordSet.read(places.recordsFile, codeVersion([new URL(import.meta.url)]));
      const stats = FileStats.parse(records.previousFileStats, Date.now());
      if (!existsSync(base)) logger.warn(`the articles folder ${base} does not exist: the site has no articles (run npm run ingest)`);
      const byYear = await articleFilesByYear(base, (file) =>
        logger.warn(`${path.join(base, file)} is not an article file (<date>/<slug>.md): it is not read`),
      );
      const problems: string[] = [];
      // One file after another, synchronously: most are only looked at (stat) or read and
      // digested, which promise-based calls make several times dearer in CPU (docs/scale.md).
      for (const article of [...byYear.values()].flat()) {
        const problem = loadFile(context, records, places, article.file, stats);
        if (problem) problems.push(problem);
      }
      const seen = stats.serialize();
      if (records.changed() || records.previousFileStats !== seen) records.write(places.recordsFile, seen);
      publishRecords(context, records, places);
      // Watched before a bad file stops the build: in `npm run dev`, fixing it loads it.
      if (watcher) watchArticles(context, records, places, stats);
      if (problems.length > 0) {
        throw new Error(`${problems.length} article file${problems.length === 1 ? "" : "s"} could not be read:\n  ${problems.join("\n  ")}`);
      }
    },
  };
}

/**
 * Hands the records over to the pages of this process (article-records.ts), and keeps Astro's
 * store at one entry that names the records file, with the records' digest: set
 * only when that changed, since any setting makes Astro write its data store again. Entries of
 * anything else (the per-article entries of earlier versions) leave.
 */
function publishRecords({ store }: LoaderContext, records: ArticleRecordSet, places: Places): void {
  handOverArticleRecords(places.recordsFile, records.list());
  for (const id of store.keys()) if (id !== RECORDS_ENTRY_ID) store.delete(id);
  const digest = records.digest();
  const entry = store.get(RECORDS_ENTRY_ID);
  if (entry?.digest === digest && entry.data["file"] === places.recordsFile) return;
  store.set({ id: RECORDS_ENTRY_ID, data: { file: places.recordsFile }, digest });
}

/** An article file's path relative to the project's root, with "/" (a record's `filePath`, the key of its signature). */
function projectPath({ root, base }: Places, relative: string): string {
  return path.relative(root, path.join(base, relative)).split(path.sep).join("/");
}

/** How long `npm run dev` gathers changed articles before it writes the records once for all of them. */
const DEV_WRITE_DELAY_MS = 150;

/**
 * `npm run dev`: an article the ingest (or an editor) writes, adds or removes is loaded again. The
 * records are written and published once the changes pause: an ingest rewrites hundreds of files
 * at once, and each write is the whole archive's records (0.9 s at 100,000 articles).
 */
function watchArticles(context: LoaderContext, records: ArticleRecordSet, places: Places, stats: FileStats): void {
  const { logger, watcher } = context;
  if (!watcher) return;
  const { base } = places;
  watcher.add(base);
  const relativeOf = (changed: string): string | null => {
    const relative = path.relative(base, changed).split(path.sep).join("/");
    return isArticleFile(relative) ? relative : null;
  };
  let pending: NodeJS.Timeout | null = null;
  const republish = () => {
    pending = null;
    records.write(places.recordsFile, stats.serialize());
    publishRecords(context, records, places);
  };
  const changed = (relative: string) => {
    // What the first sync saw of the file no longer vouches for its record: the next build reads it.
    stats.forget(projectPath(places, relative));
    pending ??= setTimeout(republish, DEV_WRITE_DELAY_MS);
  };
  const reload = (file: string) => {
    const relative = relativeOf(file);
    if (relative === null) return;
    const problem = loadFile(context, records, places, relative);
    if (problem) logger.error(problem);
    changed(relative);
  };
  watcher.on("change", reload);
  watcher.on("add", reload);
  watcher.on("unlink", (removed) => {
    const relative = relativeOf(removed);
    if (relative === null) return;
    records.delete(relative.slice(0, -".md".length));
    changed(relative);
  });
}

/**
 * Keeps one article file's record: the last sync's when the file is unchanged since (`stats`) or
 * has the same digest, else a new one from the file; returns what is wrong with it, if anything
 * (its record is then dropped, so that no page shows frontmatter the file no longer has).
 * Without `stats` (in dev, on a watcher's event) the file is always read.
 */
function loadFile(
  { generateDigest }: LoaderContext,
  records: ArticleRecordSet,
  places: Places,
  relative: string,
  stats?: FileStats,
): string | null {
  const id = relative.slice(0, -".md".length);
  const absolute = path.join(places.base, relative);
  const filePath = projectPath(places, relative);
  try {
    const stored = records.get(id);
    const signature = stats && fileSignature(statSync(absolute));
    if (stats && stored?.filePath === filePath && stats.unchanged(filePath, signature!)) {
      records.set(stored);
      stats.keep(filePath, signature!);
      return null;
    }
    const text = readFileSync(absolute, "utf8");
    const digest = generateDigest(text);
    if (stored?.digest === digest && stored.filePath === filePath) {
      records.set(stored);
      stats?.keep(filePath, signature!);
      return null;
    }
    const { data } = readArticleFile(absolute, text);
    records.set({ id, data: checkedFrontmatter(absolute, data), digest, filePath });
    stats?.keep(filePath, signature!);
    return null;
  } catch (err) {
    records.delete(id);
    return (err as Error).message;
  }
}
