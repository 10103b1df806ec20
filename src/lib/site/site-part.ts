/**
 * What this build's part of the site makes (src/lib/build/site-parts.ts): routes pass their paths
 * through here, so a job of a CI matrix renders only its own pages. A whole build keeps them all.
 */
import { sitePartHasSpanning, sitePartOwnsPath } from "../build/site-parts.ts";
import { ARCHIVE } from "../config/archive-config.ts";

/** The paths of a route whose pages each belong to one date, kept when this part owns the page's URL. */
export function datedPaths<T>(paths: readonly T[], urlOf: (path: T) => string): T[] {
  return paths.filter((path) => sitePartOwnsPath(ARCHIVE.sitePart, urlOf(path)));
}

/** The paths of a route whose pages span years, made (and so computed) only in a part that has them. */
export async function spanningPaths<T>(make: () => T[] | Promise<T[]>): Promise<T[]> {
  return sitePartHasSpanning(ARCHIVE.sitePart) ? make() : [];
}
