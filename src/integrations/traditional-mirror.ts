/**
 * After the build, writes the Traditional-script twin of every HTML page under dist/zh-hant/
 * (see src/lib/site/traditional.ts for what changes on a page). Rendering each page once and
 * converting the output is far cheaper than rendering every route twice. Large sites are
 * converted by one worker thread per CPU (traditional-mirror-worker.ts).
 * Between builds: a page that this build did not write again (its cache key was unchanged, so
 * Astro left it in place) keeps its twin as well, and a page written again whose bytes are those
 * of a page converted before takes that conversion from the cache.
 * In `astro dev`, /zh-hant/… is served the same way, converting the Simplified page on request.
 */
import type { AstroIntegration } from "astro";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildStartedMs } from "../lib/build/stale-output.ts";
import { TRADITIONAL } from "../lib/site/locale.ts";
import { isTraditionalPath } from "../lib/site/paths.ts";
import { toTraditionalPage } from "../lib/site/traditional.ts";
import { mirrorPages, type MirrorJob, type MirrorResult } from "./traditional-mirror-worker.ts";

/** Below this many pages a worker's start-up (loading the OpenCC tables again) does not pay. */
const PAGES_PER_WORKER = 2000;

function runWorker(job: MirrorJob): Promise<MirrorResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./traditional-mirror-worker.ts", import.meta.url), { workerData: job });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`Traditional mirror worker exited with code ${code}`));
    });
  });
}

/**
 * The converter's version for the page cache: the code that converts a page and the OpenCC
 * package it uses. A change to either converts every page again.
 */
function converterVersion(): string {
  const hash = createHash("sha256");
  for (const file of ["../lib/site/traditional.ts", "../lib/site/locale.ts", "../lib/site/paths.ts"]) hash.update(readFileSync(new URL(file, import.meta.url)));
  // The package's entry holds its conversion tables.
  hash.update(readFileSync(new URL(import.meta.resolve("opencc-js"))));
  return hash.digest("hex");
}

/** What the last build mirrored: under which converter and site, and each page's cache file. */
interface MirrorManifest {
  version: string;
  cacheFiles: Record<string, string>;
}

const MANIFEST_FILE = "manifest.json";

async function readManifest(file: string): Promise<MirrorManifest | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as MirrorManifest;
  } catch {
    return null;
  }
}

/**
 * The modification time of a file in ms, or null when it is missing. Synchronous: the check runs
 * over every page, and promises made it several times slower (docs/scale.md).
 */
function modified(file: string): number | null {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

export function traditionalMirror(): AstroIntegration {
  let site = "";
  let cacheDir = "";
  let startedMs = 0;
  return {
    name: "archive:traditional-mirror",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = (config.site ?? "").replace(/\/$/, "");
        cacheDir = path.join(fileURLToPath(config.cacheDir), "traditional-mirror");
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? "/";
          if (!isTraditionalPath(url.split(/[?#]/)[0]!)) return next();
          const port = (server.httpServer?.address() as { port?: number } | null)?.port;
          const simplified = url.slice(TRADITIONAL.prefix.length) || "/";
          fetch(`http://localhost:${port}${simplified}`, { headers: { accept: "text/html" } })
            .then(async (response) => {
              const type = response.headers.get("content-type") ?? "";
              const body = await response.text();
              res.statusCode = response.status;
              res.setHeader("content-type", type);
              res.end(type.startsWith("text/html") ? toTraditionalPage(body, { site }) : body);
            })
            .catch(next);
        });
      },
      "astro:build:start": () => {
        startedMs = buildStartedMs();
      },
      "astro:build:done": async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const prefix = TRADITIONAL.prefix.slice(1);
        // Every page of this build, kept or rendered: Astro lists them by route.
        const pages = [...assets.values()]
          .flat()
          .map((url) => path.relative(root, fileURLToPath(url)))
          .filter((file) => file.endsWith(".html") && file.split(path.sep)[0] !== prefix)
          .sort();
        await mkdir(cacheDir, { recursive: true });
        const cache = { dir: cacheDir, converterVersion: converterVersion() };
        const version = `${cache.converterVersion} ${site}`;
        const manifestFile = path.join(cacheDir, MANIFEST_FILE);
        const previous = await readManifest(manifestFile);
        // Pages left in place by this build, whose twins are there from the last one.
        const kept = new Map<string, string>();
        if (previous?.version === version) {
          for (const file of pages) {
            const cacheFile = previous.cacheFiles[file];
            if (cacheFile === undefined) continue;
            const source = modified(path.join(root, file));
            const twin = modified(path.join(root, prefix, file));
            if (source !== null && twin !== null && source < startedMs && twin >= source) kept.set(file, cacheFile);
          }
        }
        const files = pages.filter((file) => !kept.has(file));
        const workers = Math.min(availableParallelism(), Math.floor(files.length / PAGES_PER_WORKER));
        let results: MirrorResult[];
        if (workers < 2) {
          results = [await mirrorPages({ root, prefix, site, files, cache })];
        } else {
          // Every worker gets every n-th page, so each has a similar mix of long and short ones.
          const shares = Array.from({ length: workers }, (_, w) => files.filter((_file, i) => i % workers === w));
          results = await Promise.all(shares.map((share) => runWorker({ root, prefix, site, files: share, cache })));
        }
        const cacheFiles: Record<string, string> = Object.fromEntries(kept);
        for (const result of results) result.files.forEach((file, i) => (cacheFiles[file] = result.cacheKeys[i]!));
        await writeFile(manifestFile, JSON.stringify({ version, cacheFiles } satisfies MirrorManifest));
        // Pages no longer built leave the cache, so it stays the size of one site.
        const used = new Set([...Object.values(cacheFiles), MANIFEST_FILE]);
        const stale = (await readdir(cacheDir)).filter((name) => !used.has(name));
        await Promise.all(stale.map((name) => rm(path.join(cacheDir, name), { force: true })));
        const reused = kept.size + results.reduce((sum, r) => sum + r.reused, 0);
        const seconds = (performance.now() - started) / 1000;
        const converting = results.reduce((sum, r) => sum + r.converting, 0);
        logger.info(
          `${pages.length} pages mirrored to /${prefix}/ in ${seconds.toFixed(2)}s, ${reused} unchanged since the last build` +
            ` (${Math.max(1, workers)} thread${workers > 1 ? "s" : ""}; conversion ${(converting / Math.max(1, files.length)).toFixed(2)}ms/page)`,
        );
      },
    },
  };
}
