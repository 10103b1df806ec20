/**
 * The article downloads of one build, written (article-downloads.ts runs this in a worker thread
 * beside the rendering): every article's .md, .ris and .json in the build folder, from the
 * articles folder the collection reads. Only those of new and changed article files are
 * written, as the last build's manifest tells, and those of articles gone are removed.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
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

/** One build's downloads to write: where from, where to, and what the last build left. */
export interface DownloadsJob {
  /** The build folder. */
  root: string;
  articlesDir: string;
  /** The site the references cite. */
  site: string;
  /** The manifest of what the last build wrote, rewritten by this one. */
  manifestFile: string;
  /** The code and settings that make the bytes: a manifest of another version is not trusted. */
  version: string;
  part: SitePart;
  /** Whether the build folder may hold downloads no manifest knows of (it has articles already). */
  strayPossible: boolean;
}

export interface DownloadsWritten {
  articles: number;
  written: number;
  removed: number;
  /** How long the job took. */
  seconds: number;
}

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

export async function writeArticleDownloadFiles(job: DownloadsJob): Promise<DownloadsWritten> {
  const started = performance.now();
  const { root, articlesDir, site, manifestFile, version, part } = job;
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
    : job.strayPossible
      ? strayDownloads(root, ids)
      : [];
  for (const relative of gone) {
    const file = path.join(root, relative);
    rmSync(file, { force: true });
    if (existsSync(path.dirname(file))) removeEmptyParents(file, root);
  }
  mkdirSync(path.dirname(manifestFile), { recursive: true });
  writeFileSync(manifestFile, serializeManifest(next));
  return { articles: articles.length, written, removed: gone.length, seconds: (performance.now() - started) / 1000 };
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
