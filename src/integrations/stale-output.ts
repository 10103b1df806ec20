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
        const root = fileURLToPath(dir);
        const routeOutputs = new Set(
          [...assets.values()].flat().map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join("/")),
        );
        const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
        const rules = { startedMs, routeOutputs, mirrorPrefix: TRADITIONAL.prefix.slice(1), ownedElsewhere: [BUNDLE_DIRECTORY] };
        const stale = staleFiles(paths, rules, (file) => statSync(path.join(root, file)).mtimeMs);
        for (const file of stale) {
          await rm(path.join(root, file), { force: true });
          await removeEmptyParents(path.join(root, file), root);
        }
        if (stale.length > 0) {
          const shown = stale.slice(0, 5).join(", ");
          logger.info(`${stale.length} files no longer built removed: ${shown}${stale.length > 5 ? ", …" : ""}`);
        }
      },
    },
  };
}
