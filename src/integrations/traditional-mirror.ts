/**
 * After the build, writes the Traditional-script twin of every HTML page under dist/zh-hant/
 * (see src/lib/site/traditional.ts for what changes on a page). Rendering each page once and
 * converting the output is far cheaper than rendering every route twice.
 * In `astro dev`, /zh-hant/… is served the same way, converting the Simplified page on request.
 */
import type { AstroIntegration } from "astro";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TRADITIONAL, isTraditionalPath } from "../lib/site/locale.ts";
import { toTraditional, toTraditionalPage } from "../lib/site/traditional.ts";

/** Pages converted between awaits on file I/O; bounds memory, keeps the disk busy. */
const BATCH = 64;

export function traditionalMirror(): AstroIntegration {
  let site = "";
  return {
    name: "archive:traditional-mirror",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = (config.site ?? "").replace(/\/$/, "");
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
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const prefix = TRADITIONAL.prefix.slice(1);
        const files = (await readdir(root, { recursive: true })).filter(
          (file) => file.endsWith(".html") && file.split(path.sep)[0] !== prefix,
        );
        const started = performance.now();
        toTraditional(""); // load the dictionaries outside the per-page timing
        const loaded = performance.now();
        let converting = 0;
        for (let i = 0; i < files.length; i += BATCH) {
          const batch = files.slice(i, i + BATCH);
          const pages = await Promise.all(batch.map((file) => readFile(path.join(root, file), "utf8")));
          const t = performance.now();
          const converted = pages.map((html) => toTraditionalPage(html, { site }));
          converting += performance.now() - t;
          await Promise.all(
            batch.map(async (file, j) => {
              const target = path.join(root, prefix, file);
              await mkdir(path.dirname(target), { recursive: true });
              await writeFile(target, converted[j]!);
            }),
          );
        }
        const total = performance.now() - started;
        const perPage = files.length > 0 ? converting / files.length : 0;
        logger.info(
          `${files.length} pages mirrored to /${prefix}/ in ${(total / 1000).toFixed(2)}s ` +
            `(dictionaries ${(loaded - started).toFixed(0)}ms, conversion ${perPage.toFixed(2)}ms/page)`,
        );
      },
    },
  };
}
