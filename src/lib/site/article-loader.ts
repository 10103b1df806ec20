/**
 * The article collection's loader. Astro's glob loader renders every body during content sync
 * and keeps the HTML in its data store, which Astro holds in memory and writes out whole on
 * every build that changes an entry; its `deferRender` instead makes each article a module of
 * Vite's bundle, which costs more than the memory it saves (docs/scale.md, "Astro's options for
 * large collections"). This loader keeps only each article's frontmatter and a digest of its
 * file: the article page renders its own body from the file (src/lib/articles/article-body.ts),
 * and a page whose file did not change is not rendered again (page-keys.ts).
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
import { FileStats, fileSignature } from "./file-stats.ts";

/** The key under which the loader keeps, in Astro's meta store, the version of the code that filled the store. */
const CODE_VERSION_KEY = "code-version";
/** The key of what the last sync saw of each file it stored (file-stats.ts). */
const FILE_STATS_KEY = "file-stats";

export function articleLoader(dir: string): Loader {
  return {
    name: "archive:articles",
    async load(context) {
      // npm run build starts Astro beside the ingest: the folder is whole once the ingest is done.
      await afterIngest();
      const { store, meta, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, dir);
      // Astro empties the store only when its own config changes; a change to how articles are
      // read or checked (this loader's modules, the libraries) must read every file again too.
      const version = codeVersion([new URL(import.meta.url)]);
      if (meta.get(CODE_VERSION_KEY) !== version) {
        store.clear();
        meta.set(CODE_VERSION_KEY, version);
      }
      const stats = FileStats.parse(meta.get(FILE_STATS_KEY), Date.now());
      if (!existsSync(base)) logger.warn(`the articles folder ${base} does not exist: the site has no articles (run npm run ingest)`);
      const byYear = await articleFilesByYear(base, (file) =>
        logger.warn(`${path.join(base, file)} is not an article file (<date>/<slug>.md): it is not read`),
      );
      const gone = new Set(store.keys());
      const problems: string[] = [];
      // One file after another, synchronously: most are only looked at (stat) or read and
      // digested, which promise-based calls make several times dearer in CPU (docs/scale.md).
      for (const article of [...byYear.values()].flat()) {
        gone.delete(article.id);
        const problem = await loadFile(context, root, base, article.file, stats);
        if (problem) problems.push(problem);
      }
      for (const id of gone) store.delete(id);
      // Set only when it changed: any setting makes Astro write its whole data store again.
      const seen = stats.serialize();
      if (meta.get(FILE_STATS_KEY) !== seen) meta.set(FILE_STATS_KEY, seen);
      // Watched before a bad file stops the build: in `npm run dev`, fixing it loads it.
      if (watcher) watchArticles(context, root, base);
      if (problems.length > 0) {
        throw new Error(`${problems.length} article file${problems.length === 1 ? "" : "s"} could not be read:\n  ${problems.join("\n  ")}`);
      }
    },
  };
}

/** `npm run dev`: an article the ingest (or an editor) writes, adds or removes is loaded again. */
function watchArticles(context: LoaderContext, root: string, base: string): void {
  const { store, logger, watcher } = context;
  if (!watcher) return;
  watcher.add(base);
  const relativeOf = (changed: string): string | null => {
    const relative = path.relative(base, changed).split(path.sep).join("/");
    return isArticleFile(relative) ? relative : null;
  };
  const reload = async (changed: string) => {
    const relative = relativeOf(changed);
    if (relative === null) return;
    const problem = await loadFile(context, root, base, relative);
    if (problem) logger.error(problem);
  };
  watcher.on("change", reload);
  watcher.on("add", reload);
  watcher.on("unlink", (removed) => {
    const relative = relativeOf(removed);
    if (relative !== null) store.delete(relative.slice(0, -".md".length));
  });
}

/**
 * Loads one article file into the store unless it is stored already from the same file, unchanged
 * since the last sync (`stats`) or with the same digest; returns what is wrong with it, if
 * anything (its entry is then removed, so that no page shows frontmatter the file no longer has).
 * Without `stats` (in dev, on a watcher's event) the file is always read.
 */
async function loadFile(
  { store, parseData, generateDigest }: LoaderContext,
  root: string,
  base: string,
  relative: string,
  stats?: FileStats,
): Promise<string | null> {
  const id = relative.slice(0, -".md".length);
  const absolute = path.join(base, relative);
  const filePath = path.relative(root, absolute).split(path.sep).join("/");
  try {
    const stored = store.get(id);
    const signature = stats && fileSignature(statSync(absolute));
    if (stats && stored?.filePath === filePath && stats.unchanged(filePath, signature!)) {
      stats.keep(filePath, signature!);
      return null;
    }
    const text = readFileSync(absolute, "utf8");
    const digest = generateDigest(text);
    if (stored?.digest === digest && stored.filePath === filePath) {
      stats?.keep(filePath, signature!);
      return null;
    }
    const { data } = readArticleFile(absolute, text);
    // Checked here first: Astro's own message names the entry, not the file.
    checkedFrontmatter(absolute, data);
    // The store keeps an entry whose digest is unchanged: one from another folder goes first.
    if (stored) store.delete(id);
    store.set({ id, data: await parseData({ id, data, filePath: absolute }), digest, filePath });
    stats?.keep(filePath, signature!);
    return null;
  } catch (err) {
    store.delete(id);
    return (err as Error).message;
  }
}
