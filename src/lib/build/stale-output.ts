/**
 * Which files of a build folder an incremental build left behind. The site is built into the
 * same folder every time (Astro does not empty it: pages whose cache key is unchanged are left
 * where they are, see src/lib/site/page-keys.ts), so what a build no longer makes has to be
 * found and removed: the page of an article that was dropped, an old hashed script.
 *
 * A file is current when this build wrote it (modified at or after the build started), when it
 * is the output of a route (Astro lists kept pages there too), when it is the Traditional twin
 * of a current page, or when another step owns it (the search index and its phrase table,
 * written by their own step beside the build; the article downloads, which their integration
 * writes and removes itself).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export interface StaleOutputRules {
  /** When the build started, in ms since the epoch. */
  startedMs: number;
  /** The outputs of every route in this build, relative to the build folder. */
  routeOutputs: ReadonlySet<string>;
  /** The folder of the Traditional twins ("zh-hant"): zh-hant/<path> is current when <path> is. */
  mirrorPrefix: string;
  /** Folders and files left to other steps (the search index writes beside the build). */
  ownedElsewhere: readonly string[];
  /** Files another integration of the build writes and removes itself (the article downloads). */
  writtenElsewhere?: (path: string) => boolean;
}

/**
 * The stale files among `paths` (relative to the build folder, "/" separators). `modifiedMs`
 * is asked only of files no route claims: most of a large site is claimed, and needs no stat.
 */
export function staleFiles(paths: Iterable<string>, rules: StaleOutputRules, modifiedMs: (path: string) => number): string[] {
  const mirror = `${rules.mirrorPrefix}/`;
  const stale: string[] = [];
  for (const path of paths) {
    if (rules.ownedElsewhere.some((owned) => path === owned || path.startsWith(`${owned}/`))) continue;
    if (rules.writtenElsewhere?.(path)) continue;
    const source = path.startsWith(mirror) ? path.slice(mirror.length) : path;
    if (rules.routeOutputs.has(source)) continue;
    if (modifiedMs(path) >= rules.startedMs) continue;
    stale.push(path);
  }
  return stale.sort();
}

/**
 * The time to compare file times with, taken as a build starts: "written by this build" is
 * modified at or after it. A second early, because some file systems keep coarser times than
 * the clock, and a file written in the build's first moments must not look older than it.
 */
export function buildStartedMs(now: number = Date.now()): number {
  return now - 1000;
}

/**
 * True for a missing folder or one that holds nothing a build of the site made: at most what
 * other steps own (`ownedElsewhere`, as in StaleOutputRules), which the search index, started
 * beside the build, may have written already. Into such a folder nothing can be left behind.
 */
export function holdsNoSiteOutput(dir: string, ownedElsewhere: readonly string[], prefix = ""): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  return entries.every((entry) => {
    const relative = prefix + entry.name;
    if (ownedElsewhere.includes(relative)) return true;
    const holdsOwned = entry.isDirectory() && ownedElsewhere.some((owned) => owned.startsWith(`${relative}/`));
    return holdsOwned && holdsNoSiteOutput(join(dir, entry.name), ownedElsewhere, `${relative}/`);
  });
}
