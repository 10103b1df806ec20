/**
 * Which pages the Traditional mirror (src/integrations/traditional-mirror.ts) has to convert in
 * a build, and where a page Astro renders is written. A page's twin is <prefix>/<file> beside it.
 */
import path from "node:path";

/** What the last build mirrored: under which converter and site, and which pages. */
export interface MirrorManifest {
  version: string;
  pages: string[];
}

/**
 * The file Astro writes for the page at a URL path, relative to the build folder, in the
 * `directory` build format: /issues/ → issues/index.html; the status pages /404 and /500 →
 * 404.html and 500.html. `base` is the config's base path, which the request URLs start with.
 * Null for a URL path outside the base.
 */
export function builtPageFile(urlPath: string, base: string = "/"): string | null {
  const under = base.endsWith("/") ? base : `${base}/`;
  if (!urlPath.startsWith(under) && urlPath !== base) return null;
  const local = decodeURIComponent(urlPath.slice(under.length - 1)) || "/";
  const bare = local.replace(/\/$/, "");
  if (bare === "/404" || bare === "/500") return `${bare.slice(1)}.html`;
  return path.join(local.slice(1), "index.html");
}

export interface KeptTwinRules {
  /** The last build's manifest, if it wrote one. */
  previous: MirrorManifest | null;
  /** This build's converter and site (MirrorManifest.version). */
  version: string;
  /** When this build started, in ms since the epoch (src/lib/build/stale-output.ts, buildStartedMs). */
  startedMs: number;
  /** The mirror's folder in the build folder ("zh-hant"). */
  prefix: string;
}

/**
 * The pages (relative to the build folder) whose twins from the last build stay: the last build
 * mirrored the page with the same converter and site, this build did not write the page (an
 * incremental build left it in place), and the twin is at least as new as the page. `modifiedMs`
 * gives a file's modification time, null when it is missing.
 */
export function keptTwins(pages: Iterable<string>, rules: KeptTwinRules, modifiedMs: (file: string) => number | null): Set<string> {
  const kept = new Set<string>();
  const { previous } = rules;
  if (previous?.version !== rules.version || !Array.isArray(previous.pages)) return kept;
  const mirrored = new Set(previous.pages);
  for (const file of pages) {
    if (!mirrored.has(file)) continue;
    const source = modifiedMs(file);
    if (source === null || source >= rules.startedMs) continue;
    const twin = modifiedMs(path.join(rules.prefix, file));
    if (twin !== null && twin >= source) kept.add(file);
  }
  return kept;
}
