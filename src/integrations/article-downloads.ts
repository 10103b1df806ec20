/**
 * Writes every article's downloads (.md, .ris, .json: src/lib/site/article-downloads.ts) into the
 * build folder after the build, from the articles folder the collection reads, and serves them in
 * `npm run dev`. A rebuild writes only those of new and changed article files and removes those of
 * articles gone; the manifest of what was written is kept in Astro's cache folder. Runs before
 * base-path, which rebases the references' URLs in the files written here, and before
 * stale-output, which leaves these files to this integration.
 */
import type { AstroIntegration } from "astro";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { articleFilesByYear } from "../lib/articles/article-files.ts";
import { codeVersion } from "../lib/build/code-version.ts";
import { WHOLE_SITE, sitePartHasYear, type SitePart } from "../lib/build/site-parts.ts";
import {
  DOWNLOAD_TYPES,
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
import { SITE } from "../lib/site/site-info.ts";

const MANIFEST_FILE = "article-downloads.json";

/** A root-relative URL as a file under `root`. */
function fileOf(root: string, url: string): string {
  return path.join(root, ...url.slice(1).split("/"));
}

/** The decoded path of a request's URL ("" when it cannot be decoded). */
function requestPath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return "";
  }
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

/**
 * `articles`: the articles folder, relative to the project (the config's folders.articles).
 * `part`: the part of the site this build makes; its years' downloads only (site-parts.ts).
 */
export function articleDownloadFiles(options: { articles: string; part?: SitePart }): AstroIntegration {
  const part = options.part ?? WHOLE_SITE;
  let articlesDir = "";
  let site = "";
  let manifestFile = "";
  let outDir = "";
  let strayPossible = true;
  return {
    name: "archive:article-downloads",
    hooks: {
      "astro:config:done": ({ config }) => {
        articlesDir = path.resolve(fileURLToPath(config.root), options.articles);
        site = config.site ?? "http://localhost/";
        manifestFile = path.join(fileURLToPath(config.cacheDir), MANIFEST_FILE);
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:start": () => {
        // A build folder without articles holds no downloads of articles gone.
        strayPossible = existsSync(path.join(outDir, "articles"));
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const download = downloadAt(requestPath(req.url));
          const file = download && path.join(articlesDir, `${download.id}.md`);
          if (!download || !file || !existsSync(file)) return next();
          try {
            const bytes = articleDownloads(download.id, readFileSync(file), site, file).find((d) => d.kind === download.kind)!.bytes;
            res.setHeader("Content-Type", DOWNLOAD_TYPES[download.kind]);
            res.end(bytes);
          } catch (err) {
            next(err);
          }
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        // The code that makes the bytes and the site they cite: either changed, every file is written again.
        const version = `${codeVersion([new URL("../lib/site/article-downloads.ts", import.meta.url)])} ${JSON.stringify(SITE)} ${site}`;
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
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`downloads of ${articles.length} articles in ${seconds}s: ${written} written, ${gone.length} files of articles gone removed`);
      },
    },
  };
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
