/**
 * Slugs, the URL segments of the archive, in one place: the one slug function (Chinese text →
 * lowercase pinyin words joined by hyphens: 文明新风拂遍青城大地 →
 * wen-ming-xin-feng-fu-bian-qing-cheng-da-di), and the two ways of keeping slugs distinct: within
 * an issue (article permalinks, uniqueSlugs) and within an index of the site (people, leagues,
 * counties, columns: assignUniqueSlugs), both by claimUnique.
 */
import { pinyin } from "pinyin-pro";

const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const words = pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const slug = words
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/g, "");
}

/**
 * `base`, or the first of `base-2`, `base-3` … that `taken` does not hold; the one it returns is
 * added to `taken`. The first holder of a name keeps it, so later claimants never move it.
 */
export function claimUnique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/**
 * Slugs unique within one issue, in page order: a repeated slug gets -2, -3 …
 * Uniqueness is per issue, so adding or changing other issues never changes a path.
 */
export function uniqueSlugs(titles: string[], fallback = "item"): string[] {
  const taken = new Set<string>();
  return titles.map((title) => claimUnique(slugify(title) || fallback, taken));
}

/**
 * Slugs for a set of names that must not share one URL (the site's index pages: people, leagues,
 * counties, columns). Names are taken in the order given (callers pass them by first appearance
 * in the archive, so adding later articles never moves an existing page); the first holder of a
 * slug keeps it, later ones get "-2", "-3", … `preferred` supplies a slug chosen elsewhere (the
 * gazetteer's, for places).
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
