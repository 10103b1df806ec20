/**
 * Script conversion in the reader's browser, for search only: a Traditional query becomes
 * Simplified before it meets the (Simplified) index, and on the Traditional search page the
 * results' text becomes Traditional. Each OpenCC bundle is a chunk of its own, fetched the first
 * time it is needed: t2cn (about 50 KB gzipped) when a query holds Han characters, cn2t (about
 * 450 KB) on the Traditional page only.
 *
 * The tables match the build's: the Traditional pages are written by src/lib/site/traditional.ts
 * with OpenCC cn → tw, so results read exactly as the pages they link to (tests/unit/
 * search-script-conversion.test.ts checks this), and tw → cn is its inverse.
 */

export type Convert = (text: string) => string;

/** OpenCC locales of the two directions. */
export const TO_SIMPLIFIED = { from: "tw", to: "cn" } as const;
export const TO_TRADITIONAL = { from: "cn", to: "tw" } as const;

let toSimplified: Promise<Convert> | undefined;
let toTraditional: Promise<Convert> | undefined;

/** Traditional (Taiwan standard, variants included) → Simplified. */
export function loadToSimplified(): Promise<Convert> {
  toSimplified ??= import("opencc-js/t2cn").then(({ Converter }) => Converter(TO_SIMPLIFIED));
  return toSimplified;
}

/** Simplified → Traditional, as the Traditional pages are written. */
export function loadToTraditional(): Promise<Convert> {
  toTraditional ??= import("opencc-js/cn2t").then(({ Converter }) => Converter(TO_TRADITIONAL));
  return toTraditional;
}
