/**
 * Which files of a build folder an incremental build left behind. The site is built into the
 * same folder every time (Astro does not empty it: pages whose cache key is unchanged are left
 * where they are, see src/lib/site/page-keys.ts), so what a build no longer makes has to be
 * found and removed: the page of an article that was dropped, an old hashed script.
 *
 * A file is current when this build wrote it (modified at or after the build started), when it
 * is the output of a route (Astro lists kept pages there too), when it is the Traditional twin
 * of a current page, or when another step owns it (the search index and its phrase table,
 * written by their own step after the build).
 */

export interface StaleOutputRules {
  /** When the build started, in ms since the epoch. */
  startedMs: number;
  /** The outputs of every route in this build, relative to the build folder. */
  routeOutputs: ReadonlySet<string>;
  /** The folder of the Traditional twins ("zh-hant"): zh-hant/<path> is current when <path> is. */
  mirrorPrefix: string;
  /** Folders and files left to other steps (the search index writes after the build). */
  ownedElsewhere: readonly string[];
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
