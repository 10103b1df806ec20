/**
 * Removes from the build folder what the last build made and this one did not
 * (src/lib/build/stale-output.ts). Runs after the Traditional mirror has written its twins.
 * The route outputs of each build are kept in Astro's cache folder, so that the next build reads
 * only the few folders where other files land, not the whole site.
 */
import type { AstroIntegration } from "astro";
import { statSync } from "node:fs";
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE_DIRECTORY } from "../lib/search/index-shards.ts";
import { TRADITIONAL_PHRASES_PATH } from "../lib/search/script-conversion.ts";
import { buildStartedMs, holdsNoSiteOutput, staleFiles } from "../lib/build/stale-output.ts";
import { isArticleDownload } from "../lib/site/article-downloads.ts";
import { TRADITIONAL } from "../lib/site/locale.ts";

/** Removes the folders above `file` that are left empty, up to (not including) `root`. */
async function removeEmptyParents(file: string, root: string): Promise<void> {
  for (let dir = path.dirname(file); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) {
    if ((await readdir(dir)).length > 0) return;
    await rmdir(dir);
  }
}

/** Files under `dir` (all of them, or only its own with `recursive` false), relative to `root` with "/" separators. */
async function listFiles(root: string, dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** What the search index writes into the build folder (scripts/index-search.ts), beside Astro's build. */
const OWNED_ELSEWHERE = [BUNDLE_DIRECTORY, TRADITIONAL_PHRASES_PATH.slice(1)];

/** What the last build made, kept in Astro's cache folder for the next one. */
interface OutputManifest {
  routeOutputs: string[];
}

export function staleOutput(): AstroIntegration {
  let startedMs = 0;
  let manifestFile = "";
  let publicDir = "";
  let outDir = "";
  let emptyAtStart = false;
  return {
    name: "archive:stale-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        manifestFile = path.join(fileURLToPath(config.cacheDir), "stale-output.json");
        publicDir = fileURLToPath(config.publicDir);
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:start": () => {
        startedMs = buildStartedMs();
        // Into an empty folder nothing can be left behind, and there is nothing to read.
        emptyAtStart = holdsNoSiteOutput(outDir, OWNED_ELSEWHERE);
      },
      "astro:build:done": async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const mirrorPrefix = TRADITIONAL.prefix.slice(1);
        const routeOutputs = [...assets.values()].flat().map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join("/"));
        const previous = await readFile(manifestFile, "utf8").then(
          (text) => JSON.parse(text) as OutputManifest,
          () => null,
        );
        // With the last build's outputs known, a stale file is one of them (or its twin) or lies
        // where files other than route outputs land: the top level, Vite's assets, the public
        // folder's folders. Without, the whole folder is read.
        let paths: string[];
        if (emptyAtStart) {
          paths = [];
        } else if (previous) {
          const publicFolders = (await readdir(publicDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name);
          const twins = previous.routeOutputs.filter((file) => file.endsWith(".html")).map((file) => `${mirrorPrefix}/${file}`);
          const loose = await Promise.all([listFiles(root, ".", false), ...["_astro", ...publicFolders].map((folder) => listFiles(root, folder, true))]);
          paths = [...new Set([...previous.routeOutputs, ...twins, ...loose.flat()])];
        } else {
          paths = await listFiles(root, ".", true);
        }
        const rules = {
          startedMs,
          routeOutputs: new Set(routeOutputs),
          mirrorPrefix,
          ownedElsewhere: OWNED_ELSEWHERE,
          // Written and removed by src/integrations/article-downloads.ts, beside the routes.
          writtenElsewhere: isArticleDownload,
        };
        // A file already gone counts as current: there is nothing to remove.
        const stale = staleFiles(paths, rules, (file) => statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity);
        for (const file of stale) {
          await rm(path.join(root, file), { force: true });
          await removeEmptyParents(path.join(root, file), root);
        }
        await mkdir(path.dirname(manifestFile), { recursive: true });
        await writeFile(manifestFile, JSON.stringify({ routeOutputs: routeOutputs.sort() } satisfies OutputManifest));
        const shown = stale.slice(0, 5).join(", ") + (stale.length > 5 ? ", …" : "");
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${paths.length} files checked in ${seconds}s, ${stale.length} no longer built removed${stale.length > 0 ? `: ${shown}` : ""}`);
      },
    },
  };
}
