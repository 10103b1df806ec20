/**
 * Removes from the build folder what the last build made and this one did not
 * (src/lib/build/stale-output.ts). Runs last, after the Traditional mirror has written its twins.
 */
import type { AstroIntegration } from "astro";
import { statSync } from "node:fs";
import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE_DIRECTORY } from "../lib/search/index-shards.ts";
import { TRADITIONAL_PHRASES_PATH } from "../lib/search/script-conversion.ts";
import { staleFiles } from "../lib/build/stale-output.ts";
import { TRADITIONAL } from "../lib/site/locale.ts";

/** Removes the folders above `file` that are left empty, up to (not including) `root`. */
async function removeEmptyParents(file: string, root: string): Promise<void> {
  for (let dir = path.dirname(file); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) {
    if ((await readdir(dir)).length > 0) return;
    await rmdir(dir);
  }
}

export function staleOutput(): AstroIntegration {
  let startedMs = 0;
  return {
    name: "archive:stale-output",
    hooks: {
      "astro:build:start": () => {
        // File times have coarser steps on some file systems than the clock: a second of margin.
        startedMs = Date.now() - 1000;
      },
      "astro:build:done": async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const routeOutputs = new Set(
          [...assets.values()].flat().map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join("/")),
        );
        const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
        const rules = { startedMs, routeOutputs, mirrorPrefix: TRADITIONAL.prefix.slice(1), ownedElsewhere: [BUNDLE_DIRECTORY, TRADITIONAL_PHRASES_PATH.slice(1)] };
        const stale = staleFiles(paths, rules, (file) => statSync(path.join(root, file)).mtimeMs);
        for (const file of stale) {
          await rm(path.join(root, file), { force: true });
          await removeEmptyParents(path.join(root, file), root);
        }
        const shown = stale.slice(0, 5).join(", ") + (stale.length > 5 ? ", …" : "");
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${paths.length} files checked in ${seconds}s, ${stale.length} no longer built removed${stale.length > 0 ? `: ${shown}` : ""}`);
      },
    },
  };
}
