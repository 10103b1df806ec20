/**
 * Writes every article's downloads (.md, .ris, .json: src/lib/site/article-downloads.ts) into the
 * build folder after the build, from the articles folder the collection reads, on a worker thread
 * (article-downloads-worker.ts), and serves them in `npm run dev`. A rebuild writes only those of
 * new and changed article files and removes those of articles gone; the manifest of what was
 * written is kept in Astro's cache folder. Done before base-path, which rebases the references'
 * URLs in the files written here, and before stale-output, which leaves these files to this
 * integration.
 */
import type { AstroIntegration } from "astro";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion } from "../lib/build/code-version.ts";
import { WHOLE_SITE, type SitePart } from "../lib/build/site-parts.ts";
import { DOWNLOAD_TYPES, articleDownloads, downloadAt } from "../lib/site/article-downloads.ts";
import { SITE } from "../lib/site/site-info.ts";
import { writeDownloadsInWorker, type DownloadsJob, type DownloadsResult } from "./article-downloads-worker.ts";
import { workerExecArgv } from "./worker-exec-argv.ts";

const MANIFEST_FILE = "article-downloads.json";

/** The decoded path of a request's URL ("" when it cannot be decoded). */
function requestPath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return "";
  }
}



/**
 * Two integrations: `start`, which serves the downloads in `npm run dev` and, once Astro has built
 * the pages, starts writing them on a worker thread, and `finish`, which waits for them. The
 * integrations between the two (the Traditional mirror, the sitemap) run meanwhile: they touch
 * no download. `finish` goes before any that reads or removes them (base-path, stale-output).
 * `articles`: the articles folder, relative to the project (the config's folders.articles).
 * `part`: the part of the site this build makes; its years' downloads only (site-parts.ts).
 */
export function articleDownloadFiles(options: { articles: string; part?: SitePart }): { start: AstroIntegration; finish: AstroIntegration } {
  const part = options.part ?? WHOLE_SITE;
  let articlesDir = "";
  let site = "";
  let manifestFile = "";
  let outDir = "";
  let strayPossible = true;
  let running: { started: number; result: Promise<DownloadsResult> } | null = null;
  const start: AstroIntegration = {
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
      "astro:build:done": ({ dir }) => {
        const job: DownloadsJob = {
          articlesDir,
          root: fileURLToPath(dir),
          site,
          manifestFile,
          // The code that makes the bytes and the site they cite: either changed, every file is written again.
          version: `${codeVersion([new URL("../lib/site/article-downloads.ts", import.meta.url)])} ${JSON.stringify(SITE)} ${site}`,
          part,
          strayPossible,
        };
        running = { started: performance.now(), result: writeDownloadsInWorker(job, workerExecArgv()) };
        running.result.catch(() => {}); // Reported by `finish`, which awaits it.
      },
    },
  };
  const finish: AstroIntegration = {
    name: "archive:article-downloads-written",
    hooks: {
      "astro:build:done": async ({ logger }) => {
        if (!running) return;
        const { started, result } = running;
        running = null;
        const { articles, written, removed } = await result;
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`downloads of ${articles} articles in ${seconds}s: ${written} written, ${removed} files of articles gone removed`);
      },
    },
  };
  return { start, finish };
}

