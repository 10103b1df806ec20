/**
 * Removes from the build folder what the last build made and this one did not
 * (src/lib/build/stale-output.ts). Runs last, after the Traditional mirror has written its twins.
 */
import type { AstroIntegration } from "astro";
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE_DIRECTORY } from "../lib/search/index-shards.ts";
import { staleFiles, type BuiltFile } from "../lib/build/stale-output.ts";
import { TRADITIONAL } from "../lib/site/locale.ts";

/** Removes the empty folders under `dir` (not `dir` itself), deepest first. */
async function removeEmptyFolders(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    await removeEmptyFolders(child);
    if ((await readdir(child)).length === 0) await rmdir(child);
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
        const files: BuiltFile[] = [];
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const full = path.join(entry.parentPath, entry.name);
          files.push({ path: path.relative(root, full).split(path.sep).join("/"), mtimeMs: (await stat(full)).mtimeMs });
        }
        const stale = staleFiles(files, { startedMs, routeOutputs, mirrorPrefix: TRADITIONAL.prefix.slice(1), ownedElsewhere: [BUNDLE_DIRECTORY] });
        await Promise.all(stale.map((file) => rm(path.join(root, file), { force: true })));
        await removeEmptyFolders(root);
        if (stale.length > 0) logger.info(`${stale.length} files no longer built removed`);
      },
    },
  };
}
