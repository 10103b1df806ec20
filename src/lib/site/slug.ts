import { pinyin } from "pinyin-pro";

/**
 * The one slug function of the site: a name or title written in Han characters becomes
 * toneless pinyin syllables joined by "-" (文明新风 → wen-ming-xin-feng), lower case,
 * only [a-z0-9-]. Latin letters and digits that stand together stay together (2022年 → 2022-nian),
 * ü is written v (绿 → lv), as in URLs of Chinese sites.
 */
export function slugify(text: string): string {
  const syllables = pinyin(text.normalize("NFKC"), {
    toneType: "none",
    type: "array",
    nonZh: "consecutive",
    v: true,
  });
  const slug = syllables
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // A name with nothing pronounceable (only punctuation or rare glyphs) still needs a stable,
  // distinct URL segment: fall back to its code points.
  return slug || fallbackSlug(text);
}

function fallbackSlug(text: string): string {
  const codePoints = [...text.trim()].map((ch) => ch.codePointAt(0)!.toString(16));
  return codePoints.length > 0 ? `u${codePoints.join("-")}` : "untitled";
}

/**
 * Slugs for a set of names that must not share one URL. Names are taken in the order given
 * (callers pass them by first appearance in the archive, so adding later articles never moves
 * an existing page); the first holder of a slug keeps it, later ones get "-2", "-3", …
 */
export function assignUniqueSlugs(names: Iterable<string>): Map<string, string> {
  const slugByName = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (slugByName.has(name)) continue;
    const base = slugify(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugByName.set(name, slug);
  }
  return slugByName;
}
