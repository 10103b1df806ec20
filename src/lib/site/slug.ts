/**
 * URL segments for the site's index pages (people, regions, counties, columns), made with the
 * archive's one slug function (src/lib/slug.ts) and kept distinct within each index.
 */
import { claimUnique, slugify } from "../slug.ts";

/**
 * Slugs for a set of names that must not share one URL. Names are taken in the order given
 * (callers pass them by first appearance in the archive, so adding later articles never moves
 * an existing page); the first holder of a slug keeps it, later ones get "-2", "-3", …
 * `preferred` supplies a slug chosen elsewhere (the gazetteer's, for places).
 */
export function assignUniqueSlugs(
  names: Iterable<string>,
  preferred: (name: string) => string | undefined = () => undefined,
): Map<string, string> {
  const slugByName = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (slugByName.has(name)) continue;
    slugByName.set(name, claimUnique(preferred(name) || slugify(name) || codePointSlug(name), taken));
  }
  return slugByName;
}

/** A name with nothing pronounceable (only punctuation or rare glyphs) still needs a stable segment. */
function codePointSlug(name: string): string {
  const codePoints = [...name.trim()].map((ch) => ch.codePointAt(0)!.toString(16));
  return codePoints.length > 0 ? `u${codePoints.join("-")}` : "unnamed";
}
