/**
 * Rebases the built site onto the config's base path (src/lib/config/base-path.ts says how): the
 * files this build wrote (modified since it started: a page kept from the last build was rebased
 * then), after the Traditional mirror, the sitemap and the cache headers have been written. Does
 * nothing for a site at the root.
 */
import type { AstroIntegration } from "astro";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildStartedMs } from "../lib/build/stale-output.ts";
import { rebaseAbsolute, rebaseHtml } from "../lib/config/base-path.ts";

/** Files with absolute site URLs; raw page text (raw/*.txt) and article Markdown are never touched. */
function rebasing(relative: string): "html" | "text" | null {
  if (relative.endsWith(".html")) return "html";
  if (relative === "robots.txt" || /\.(?:xml|json|csv|ris)$/u.test(relative)) return relative.startsWith("pagefind/") ? null : "text";
  return null;
}

export function basePath(options: { origin: string; base: string }): AstroIntegration {
  let startedMs = 0;
  return {
    name: "archive:base-path",
    hooks: {
      "astro:build:start": () => {
        startedMs = buildStartedMs();
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (options.base === "/") return;
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        let rebased = 0;
        await Promise.all(
          entries
            .filter((entry) => entry.isFile())
            .map(async (entry) => {
              const file = path.join(entry.parentPath, entry.name);
              const kind = rebasing(path.relative(root, file).split(path.sep).join("/"));
              if (kind === null || (await stat(file)).mtimeMs < startedMs) return;
              const text = await readFile(file, "utf8");
              const out = kind === "html" ? rebaseHtml(text, options.origin, options.base) : rebaseAbsolute(text, options.origin, options.base);
              if (out !== text) {
                await writeFile(file, out);
                rebased++;
              }
            }),
        );
        logger.info(`${rebased} files rebased onto ${options.base}`);
      },
    },
  };
}
