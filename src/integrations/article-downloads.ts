/**
 * Writes every article's downloads (.md, .ris, .json: src/lib/site/article-downloads.ts) into the
 * build folder, from the articles folder the collection reads, and serves them in `npm run dev`.
 * A rebuild writes only those of new and changed article files and removes those of articles
 * gone; the manifest of what was written is kept in Astro's cache folder
 * (article-downloads-job.ts). They depend on no page, so a worker thread writes them while Astro
 * renders: after the build, the check of every article (100,000 at a time) and the writing
 * (30,000 files for 10,000 articles) held up the build's end, on one core, while the other
 * waited. The build's end waits for the thread. Runs before base-path, which rebases the
 * references' URLs in the files written here, and before stale-output, which leaves these files
 * to this integration.
 */
import type { AstroIntegration } from "astro";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { codeVersion } from "../lib/build/code-version.ts";
import { WHOLE_SITE, type SitePart } from "../lib/build/site-parts.ts";
import { DOWNLOAD_TYPES, articleDownloads, downloadAt } from "../lib/site/article-downloads.ts";
import { SITE } from "../lib/site/site-info.ts";
import type { DownloadsJob, DownloadsWritten } from "./article-downloads-job.ts";
import type { DownloadsReport } from "./article-downloads-worker.ts";
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
 * `articles`: the articles folder, relative to the project (the config's folders.articles).
 * `part`: the part of the site this build makes; its years' downloads only (site-parts.ts).
 */
export function articleDownloadFiles(options: { articles: string; part?: SitePart }): AstroIntegration {
  const part = options.part ?? WHOLE_SITE;
  let articlesDir = "";
  let site = "";
  let manifestFile = "";
  let outDir = "";
  let writing: Promise<DownloadsWritten> | null = null;
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
        // Astro's build starts once the content is synced: the articles folder is whole by then.
        const job: DownloadsJob = {
          root: outDir,
          articlesDir,
          site,
          manifestFile,
          // The code that makes the bytes and the site they cite: either changed, every file is written again.
          version: `${codeVersion([new URL("../lib/site/article-downloads.ts", import.meta.url)])} ${JSON.stringify(SITE)} ${site}`,
          part,
          // A build folder without articles holds no downloads of articles gone.
          strayPossible: existsSync(path.join(outDir, "articles")),
        };
        writing = writeInThread(job);
        // Failed: reported when the build ends, which waits for it.
        writing.catch(() => undefined);
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
      "astro:build:done": async ({ logger }) => {
        if (!writing) return;
        const waitStarted = performance.now();
        const { articles, written, removed, seconds } = await writing;
        writing = null;
        const waited = (performance.now() - waitStarted) / 1000;
        logger.info(
          `downloads of ${articles} articles in ${seconds.toFixed(2)}s beside the rendering (the build waited ${waited.toFixed(2)}s for them): ${written} written, ${removed} files of articles gone removed`,
        );
      },
    },
  };
}

/** Runs the job in a worker thread: its report, or its error as the build's. */
function writeInThread(job: DownloadsJob): Promise<DownloadsWritten> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./article-downloads-worker.ts", import.meta.url), { workerData: job, execArgv: workerExecArgv() });
    let settled = false;
    worker.once("message", (report: DownloadsReport) => {
      settled = true;
      if ("error" in report) reject(new Error(`the article downloads could not be written: ${report.error}`));
      else resolve(report.written);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the article downloads' thread stopped (exit code ${code}) before it reported`));
    });
  });
}
