/**
 * Writes every article's downloads into the build folder (article-downloads.ts, which runs this on
 * a worker thread so that the Traditional mirror's and the sitemap's steps after the build run
 * beside it: at 100,000 articles the check alone, a stat of every article file and a listing of
 * every date folder, took ~4 s of a rebuild while the second core was idle). Runs under Node's
 * own TypeScript support, outside Vite.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { articleFilesByYear } from "../lib/articles/article-files.ts";
import { sitePartHasYear, type SitePart } from "../lib/build/site-parts.ts";
import {
  articleDownloadPaths,
  articleDownloads,
  downloadAt,
  goneArticles,
  isArticleDownload,
  parseManifest,
  serializeManifest,
  sourceDigest,
  unchangedSource,
  type DownloadsManifest,
} from "../lib/site/article-downloads.ts";

/** What the thread is given: the folders, the site the downloads cite, and what the last build left. */
export interface DownloadsJob {
  articlesDir: string;
  /** The build folder. */
  root: string;
  site: string;
  /** The manifest of what the last build wrote, in Astro's cache folder. */
  manifestFile: string;
  /** The code that makes the bytes and the site they cite: another version writes every file again. */
  version: string;
  /** The part of the site this build makes: its years' downloads only (site-parts.ts). */
  part: SitePart;
  /** False when the build folder held no articles at the build's start: no downloads of articles gone can be in it. */
  strayPossible: boolean;
}

export interface DownloadsResult {
  articles: number;
  written: number;
  /** Files of articles no longer in the folder, removed. */
  removed: number;
}

type FromThread = { result: DownloadsResult } | { error: string };

/** A root-relative URL as a file under `root`. */
function fileOf(root: string, url: string): string {
  return path.join(root, ...url.slice(1).split("/"));
}

/**
 * The Markdown download is the article file's own bytes: a hard link to it, where the two folders
 * share a file system, costs the kernel no new file (creating a file costs this project's machine
 * 25–800 µs, a link 15 µs: docs/scale.md). The link is made anew, never written through: the
 * ingest replaces an article file by renaming a new one over it, so the build's link keeps the
 * bytes it was made from until the build links the new file.
 */
function linkOrCopy(source: string, target: string, bytes: Uint8Array | string): void {
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    writeFileSync(target, bytes);
  }
}

/** Removes the folders above `file` that are left empty, up to (not including) `root`. */
function removeEmptyParents(file: string, root: string): void {
  for (let dir = path.dirname(file); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) {
    if (readdirSync(dir).length > 0) return;
    rmdirSync(dir);
  }
}

/** The downloads in the build folder (relative paths) of articles not in `ids`: for a build that has no manifest to go by. */
function strayDownloads(root: string, ids: ReadonlySet<string>): string[] {
  const folder = path.join(root, "articles");
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((relative) => isArticleDownload(relative) && !ids.has(downloadAt(`/${relative}`)!.id))
    .sort();
}

/** Writes the downloads of new and changed article files, removes those of articles gone, and keeps the manifest. */
export async function writeDownloads(job: DownloadsJob): Promise<DownloadsResult> {
  const { articlesDir, root, site, manifestFile, version, part, strayPossible } = job;
  const read = existsSync(manifestFile) ? parseManifest(readFileSync(manifestFile, "utf8")) : null;
  const previous = read?.version === version ? read : null;
  const next: DownloadsManifest = { version, articles: {} };
  // The names in each date folder of the build, read once: a download deleted by hand is written again.
  const folders = new Map<string, Set<string>>();
  const present = (url: string): boolean => {
    const file = fileOf(root, url);
    const folder = path.dirname(file);
    let names = folders.get(folder);
    if (!names) {
      names = new Set(existsSync(folder) ? readdirSync(folder) : []);
      folders.set(folder, names);
    }
    return names.has(path.basename(file));
  };
  const ids = new Set<string>();
  let written = 0;
  const articles = [...(await articleFilesByYear(articlesDir))].flatMap(([year, files]) => (sitePartHasYear(part, Number(year)) ? files : []));
  // One file after another, synchronously: as the collection's loader reads them (docs/scale.md).
  for (const article of articles) {
    ids.add(article.id);
    const source = path.join(articlesDir, article.file);
    const stat = statSync(source);
    const last = previous?.articles[article.id];
    const outputs = Object.values(articleDownloadPaths(article.id));
    const inPlace = last !== undefined && outputs.every(present);
    const state = inPlace ? unchangedSource(last, stat) : "changed";
    if (state === "same") {
      next.articles[article.id] = last!;
      continue;
    }
    const bytes = readFileSync(source);
    const digest = sourceDigest(bytes);
    next.articles[article.id] = { size: stat.size, mtimeMs: stat.mtimeMs, digest };
    if (state === "read" && last!.digest === digest) continue;
    mkdirSync(path.dirname(fileOf(root, outputs[0]!)), { recursive: true });
    for (const download of articleDownloads(article.id, bytes, site, source)) {
      if (download.kind === "md") linkOrCopy(source, fileOf(root, download.path), download.bytes);
      else writeFileSync(fileOf(root, download.path), download.bytes);
    }
    written++;
  }
  // Downloads of articles no longer in the folder, as the last manifest (of any version) lists
  // them; without one, those of other articles the build folder holds.
  const gone = read
    ? goneArticles(read, ids).flatMap((id) => Object.values(articleDownloadPaths(id)).map((url) => url.slice(1)))
    : strayPossible
      ? strayDownloads(root, ids)
      : [];
  for (const relative of gone) {
    const file = path.join(root, relative);
    rmSync(file, { force: true });
    if (existsSync(path.dirname(file))) removeEmptyParents(file, root);
  }
  mkdirSync(path.dirname(manifestFile), { recursive: true });
  writeFileSync(manifestFile, serializeManifest(next));
  return { articles: articles.length, written, removed: gone.length };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  writeDownloads(workerData as DownloadsJob).then(
    (result) => port.postMessage({ result } satisfies FromThread),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromThread),
  );
}

/** writeDownloads on a worker thread of its own. */
export function writeDownloadsInWorker(job: DownloadsJob, execArgv: string[]): Promise<DownloadsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job, execArgv });
    worker.once("message", (message: FromThread) => {
      if ("error" in message) reject(new Error(`article downloads: ${message.error}`));
      else resolve(message.result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`article downloads: the worker exited with code ${code}`)));
  });
}
