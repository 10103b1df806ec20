/**
 * The one slug function of the archive: Chinese text → lowercase pinyin words joined
 * by hyphens (文明新风拂遍青城大地 → wen-ming-xin-feng-fu-bian-qing-cheng-da-di).
 * Used for article permalinks and for the pages of people, regions and sections.
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
