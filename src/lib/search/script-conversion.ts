/**
 * Script conversion in the reader's browser, for search only: a Traditional query becomes
 * Simplified before it meets the (Simplified) index, and on the Traditional search page the
 * results' text becomes Traditional. Each is fetched the first time it is needed.
 *
 * The conversions are the build's (src/lib/site/traditional.ts writes the Traditional pages with
 * OpenCC cn → tw), so results read exactly as the pages they link to; tw → cn is its inverse.
 * - To Simplified: OpenCC's t2cn bundle (about 50 KB gzipped).
 * - To Traditional: OpenCC's cn → tw configuration built from its tables, except that the
 *   phrase tables (450 KB gzipped whole) are cut to the phrases the site's pages contain
 *   (phrase-subset.ts), written by the index step to TRADITIONAL_PHRASES_PATH. Every text the
 *   page converts (titles, excerpts, names, places) comes from those pages, so the cut tables
 *   convert it exactly as the whole ones (tests/unit/search-script-conversion.test.ts).
 */
import type { DictGroup, DictLike } from "opencc-js/core";

export type Convert = (text: string) => string;

/** OpenCC locales of the two directions. */
export const TO_SIMPLIFIED = { from: "tw", to: "cn" } as const;
export const TO_TRADITIONAL = { from: "cn", to: "tw" } as const;

/** The phrase tables of OpenCC's cn → tw configuration, which the index step cuts to the site's text. */
export const PHRASE_TABLES = ["STPhrases", "STPhrases_GeneratedFromRegionalPhrases"] as const;
export type PhraseTables = Record<(typeof PHRASE_TABLES)[number], string>;

/** Where the cut phrase tables are served (JSON: PhraseTables). */
export const TRADITIONAL_PHRASES_PATH = "/search/traditional-phrases.json";

export interface TraditionalTables extends PhraseTables {
  STCharacters: string;
  CJK_Compatibility_Ideographs: string;
  TWVariants: string;
  TWVariantsPhrases: string;
}

/**
 * OpenCC's s2tw configuration (opencc-js preset "cn2t": configs.s2tw) over the given tables:
 * normalise compatibility ideographs, segment by phrases, convert phrases then characters, then
 * apply Taiwan's variant forms.
 */
export function traditionalConfig(tables: TraditionalTables): {
  normalizationChain: DictGroup[];
  segmentation: DictGroup;
  conversionChain: DictGroup[];
} {
  const phrases: DictLike[] = [tables.STPhrases, tables.STPhrases_GeneratedFromRegionalPhrases];
  return {
    normalizationChain: [[tables.CJK_Compatibility_Ideographs]],
    segmentation: phrases,
    conversionChain: [
      [...phrases, tables.STCharacters],
      [tables.TWVariantsPhrases, tables.TWVariants],
    ],
  };
}

/** The Simplified → Traditional converter over the given tables. */
export async function traditionalConverter(tables: TraditionalTables): Promise<Convert> {
  const { ConverterBuilder } = await import("opencc-js/core");
  const preset = { from: { cn: [] }, to: { tw: [] }, configs: { s2tw: traditionalConfig(tables) } };
  return ConverterBuilder(preset)(TO_TRADITIONAL);
}

let toSimplified: Promise<Convert> | undefined;
let toTraditional: Promise<Convert> | undefined;

/** Traditional (Taiwan standard, variants included) → Simplified. */
export function loadToSimplified(): Promise<Convert> {
  toSimplified ??= import("opencc-js/t2cn").then(({ Converter }) => Converter(TO_SIMPLIFIED));
  return toSimplified;
}

/** Simplified → Traditional, as the Traditional pages are written; the phrase tables from TRADITIONAL_PHRASES_PATH. */
export function loadToTraditional(): Promise<Convert> {
  toTraditional ??= (async () => {
    const [phrases, characters, compatibility, variants, variantPhrases] = await Promise.all([
      fetch(TRADITIONAL_PHRASES_PATH).then((response) => {
        if (!response.ok) throw new Error(`${TRADITIONAL_PHRASES_PATH}: ${response.status}`);
        return response.json() as Promise<PhraseTables>;
      }),
      import("opencc-js/dict/STCharacters"),
      import("opencc-js/dict/CJK_Compatibility_Ideographs"),
      import("opencc-js/dict/TWVariants"),
      import("opencc-js/dict/TWVariantsPhrases"),
    ]);
    return traditionalConverter({
      ...phrases,
      STCharacters: characters.default,
      CJK_Compatibility_Ideographs: compatibility.default,
      TWVariants: variants.default,
      TWVariantsPhrases: variantPhrases.default,
    });
  })();
  toTraditional.catch(() => {
    toTraditional = undefined;
  });
  return toTraditional;
}
