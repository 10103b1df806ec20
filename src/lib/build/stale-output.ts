/**
 * Which files of a build folder an incremental build left behind. The site is built into the
 * same folder every time (Astro does not empty it: pages whose cache key is unchanged are left
 * where they are, see src/lib/site/page-keys.ts), so what a build no longer makes has to be
 * found and removed: the page of an article that was dropped, an old hashed script.
 *
 * A file is current when this build wrote it (modified at or after the build started), when it
 * is the output of a route (Astro lists kept pages there too), when it is the Traditional twin
 * of a current page, or when it lies in a folder another step owns (the search index, rebuilt
 * by its own step after the build).
 */

export interface BuiltFile {
  /** Relative to the build folder, with "/" separators. */
  path: string;
  mtimeMs: number;
}

export interface StaleOutputRules {
  /** When the build started, in ms since the epoch. */
  startedMs: number;
  /** The outputs of every route in this build, relative to the build folder. */
  routeOutputs: ReadonlySet<string>;
  /** The folder of the Traditional twins ("zh-hant"): zh-hant/<path> is current when <path> is. */
  mirrorPrefix: string;
  /** Top-level folders left to other steps. */
  ownedElsewhere: readonly string[];
}

export function staleFiles(files: Iterable<BuiltFile>, rules: StaleOutputRules): string[] {
  const mirror = `${rules.mirrorPrefix}/`;
  const stale: string[] = [];
  for (const file of files) {
    if (file.mtimeMs >= rules.startedMs) continue;
    if (rules.ownedElsewhere.some((dir) => file.path.startsWith(`${dir}/`))) continue;
    const source = file.path.startsWith(mirror) ? file.path.slice(mirror.length) : file.path;
    if (rules.routeOutputs.has(source)) continue;
    stale.push(file.path);
  }
  return stale.sort();
}
