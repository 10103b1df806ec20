/**
 * Writes the Traditional-script twin of every HTML page under dist/zh-hant/ (see
 * src/lib/site/traditional.ts for what changes on a page). Rendering each page once and
 * converting the output is far cheaper than rendering every route twice.
 * The twins are written by worker threads (traditional-mirror-pool.ts) while Astro renders: the
 * integration wraps Astro's prerenderer and hands each page's bytes to a thread as Astro receives
 * them, so the conversion runs beside the rendering instead of after it. After the build, the
 * threads convert what is left: pages a thread had no room for, pages Astro restored from its
 * cache, and pages whose twin is missing or older than the page.
 * Between builds: a page that this build did not write again (its cache key was unchanged, so
 * Astro left it in place) keeps its twin as well (src/lib/build/traditional-twins.ts).
 * In `astro dev`, /zh-hant/… is served the same way, converting the Simplified page on request.
 */
import type { AstroIntegration } from "astro";
import { statSync, utimesSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion, stageModules } from "../lib/build/code-version.ts";
import { buildStartedMs } from "../lib/build/stale-output.ts";
import { builtPageFile, keptTwins, type MirrorManifest } from "../lib/build/traditional-twins.ts";
import { TRADITIONAL } from "../lib/site/locale.ts";
import { isTraditionalPath } from "../lib/site/paths.ts";
import { toTraditionalPage } from "../lib/site/traditional.ts";
import { MirrorPool } from "./traditional-mirror-pool.ts";

/** Pages left after the build for each further thread: below this, its start-up (loading the OpenCC tables again) does not pay. */
const PAGES_PER_WORKER = 2000;

type Prerenderer = Parameters<Parameters<NonNullable<AstroIntegration["hooks"]["astro:build:start"]>>[0]["setPrerenderer"]>[0];
type AstroPrerenderer = Exclude<Prerenderer, (...args: never[]) => unknown>;

/**
 * Astro's prerenderer, handing every HTML page it renders to `page` (its URL path and bytes)
 * before Astro writes those bytes.
 */
function handingPagesTo(prerenderer: AstroPrerenderer, page: (urlPath: string, bytes: Uint8Array) => void): AstroPrerenderer {
  return {
    name: prerenderer.name,
    setup: prerenderer.setup && (() => prerenderer.setup!()),
    getStaticPaths: () => prerenderer.getStaticPaths(),
    render: async (request, options) => {
      const result = await prerenderer.render(request, options);
      const response = result instanceof Response ? result : result.response;
      const redirect = response.status >= 300 && response.status < 400;
      if (options.routeData.type !== "page" || redirect || !response.body || !response.headers.get("content-type")?.startsWith("text/html")) return result;
      const bytes = new Uint8Array(await response.arrayBuffer());
      page(new URL(request.url).pathname, bytes);
      const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? same : { ...result, response: same };
    },
    collectStaticImages: prerenderer.collectStaticImages && (() => prerenderer.collectStaticImages!()),
    teardown: prerenderer.teardown && (() => prerenderer.teardown!()),
  };
}

/** The module that converts a page (src/lib/site/traditional.ts). */
const CONVERTER = new URL("../lib/site/traditional.ts", import.meta.url);

/** The modules the converter's version covers: the converter and every module it imports. */
export function converterModules(): string[] {
  return stageModules([CONVERTER]);
}

/**
 * The converter's version for the manifest: the code that converts a page, everything it imports
 * and the lockfile (the OpenCC package and its tables). A change to any converts every page again.
 */
function converterVersion(): string {
  return codeVersion([CONVERTER]);
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
  let outDir = "";
  let base = "/";
  let directoryFormat = false;
  let startedMs = 0;
  const prefix = TRADITIONAL.prefix.slice(1);
  let pool: MirrorPool | null = null;
  return {
    name: "archive:traditional-mirror",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = (config.site ?? "").replace(/\/$/, "");
        cacheDir = path.join(fileURLToPath(config.cacheDir), "traditional-mirror");
        outDir = fileURLToPath(config.outDir);
        base = config.base;
        directoryFormat = config.build.format === "directory";
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
      "astro:build:start": ({ setPrerenderer }) => {
        startedMs = buildStartedMs();
        const threads = new MirrorPool({ root: outDir, prefix, site });
        pool = threads;
        if (!directoryFormat) return;
        setPrerenderer((prerenderer) =>
          handingPagesTo(prerenderer, (urlPath, bytes) => {
            const file = builtPageFile(urlPath, base);
            if (file === null || file.split(path.sep)[0] === prefix) return;
            // A copy goes to the thread (moved, not cloned); Astro writes the original.
            threads.offer({ file, bytes: bytes.slice().buffer });
          }),
        );
      },
      "astro:build:done": async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        // The threads Astro's pages went to, which wrote under config.outDir: the same folder.
        const threads = pool ?? new MirrorPool({ root, prefix, site });
        pool = null;
        try {
          await threads.drain();
          // Every page of this build, kept or rendered: Astro lists them by route.
          const pages = [...assets.values()]
            .flat()
            .map((url) => path.relative(root, fileURLToPath(url)))
            .filter((file) => file.endsWith(".html") && file.split(path.sep)[0] !== prefix)
            .sort();
          const listed = new Set(pages);
          for (const file of threads.written) {
            if (listed.has(file)) {
              // Astro may write a page after its twin: the twin must not look older than the page
              // to the next build (keptTwins).
              const source = modified(path.join(root, file));
              const twin = path.join(root, prefix, file);
              if (source !== null && (modified(twin) ?? Infinity) < source) {
                const time = Math.max(Date.now(), Math.ceil(source) + 1) / 1000;
                utimesSync(twin, time, time);
              }
            } else {
              // Not a page Astro lists (a URL path read wrongly): its twin would be a stray file.
              await rm(path.join(root, prefix, file), { force: true });
              threads.written.delete(file);
            }
          }
          await mkdir(cacheDir, { recursive: true });
          const version = `${converterVersion()} ${site}`;
          const manifestFile = path.join(cacheDir, MANIFEST_FILE);
          const rest = pages.filter((file) => !threads.written.has(file));
          const kept = keptTwins(rest, { previous: await readManifest(manifestFile), version, startedMs, prefix }, (file) => modified(path.join(root, file)));
          const left = rest.filter((file) => !kept.has(file));
          if (left.length > 0) threads.grow(Math.min(availableParallelism(), Math.max(1, Math.floor(left.length / PAGES_PER_WORKER))));
          const alongside = threads.written.size;
          await threads.mirror(left);
          await writeFile(manifestFile, JSON.stringify({ version, pages } satisfies MirrorManifest));
          // Only the manifest stays in the cache folder (earlier versions kept converted pages there).
          const stale = (await readdir(cacheDir)).filter((name) => name !== MANIFEST_FILE);
          await Promise.all(stale.map((name) => rm(path.join(cacheDir, name), { force: true, recursive: true })));
          const seconds = (performance.now() - started) / 1000;
          const converted = threads.written.size;
          logger.info(
            `${pages.length} pages mirrored to /${prefix}/ in ${seconds.toFixed(2)}s after the build, ${kept.size} unchanged since the last build` +
              ` (${alongside} converted while Astro rendered, ${left.length} after; ${threads.size} thread${threads.size === 1 ? "" : "s"};` +
              ` conversion ${(threads.converting / Math.max(1, converted)).toFixed(2)}ms/page, ${(threads.converting / 1000).toFixed(2)}s in all)`,
          );
        } finally {
          await threads.close();
        }
      },
    },
  };
}
