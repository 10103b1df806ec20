/**
 * Script conversion in the reader's browser, for search only: a Traditional query becomes
 * Simplified before it meets the (Simplified) index, and on the Traditional search page the
 * results' text becomes Traditional. Each is fetched the first time it is needed.
 *
 * The conversions are the build's (src/lib/site/traditional.ts writes the Traditional pages with
 * OpenCC cn → tw), so results read exactly as the pages they link to; tw → cn is its inverse.
 * Both are OpenCC's own configurations (opencc-js presets t2cn: tw2s, cn2t: s2tw) assembled from
 * its core and only the tables they use, which share the core and the compatibility table, rather
 * than its ready bundles, which carry every regional variant:
 * - To Simplified: about 35 KB gzipped (the t2cn bundle: 52 KB).
 * - To Traditional: about 35 KB, because the phrase tables (450 KB gzipped whole) are cut to the
 *   phrases the site's pages contain (phrase-subset.ts), written by the index step to
 *   TRADITIONAL_PHRASES_PATH. Every text the page converts (titles, excerpts, names, places)
 *   comes from those pages, so the cut tables convert it exactly as the whole ones.
 * tests/unit/search-script-conversion.test.ts checks both against OpenCC's bundles and the build.
 */
import type { DictGroup, DictLike } from "opencc-js/core";
import { siteUrl } from "../site/paths.ts";

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
  // A table cut to a small archive's text may hold no phrase at all; OpenCC refuses an empty table.
  const phrases: DictLike[] = [tables.STPhrases, tables.STPhrases_GeneratedFromRegionalPhrases].filter((table) => table !== "");
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

export interface SimplifiedTables {
  CJK_Compatibility_Ideographs: string;
  TSPhrases: string;
  TSCharacters: string;
  TWVariantsRev: string;
  TWVariantsRevPhrases: string;
}

/**
 * OpenCC's tw2s configuration (opencc-js preset "t2cn": configs.tw2s): normalise compatibility
 * ideographs, segment by Traditional phrases, undo Taiwan's variant forms, then convert phrases
 * and characters.
 */
export function simplifiedConfig(tables: SimplifiedTables): {
  normalizationChain: DictGroup[];
  segmentation: DictGroup;
  conversionChain: DictGroup[];
} {
  return {
    normalizationChain: [[tables.CJK_Compatibility_Ideographs]],
    segmentation: [tables.TSPhrases],
    conversionChain: [
      [tables.TWVariantsRevPhrases, tables.TWVariantsRev],
      [tables.TSPhrases, tables.TSCharacters],
    ],
  };
}

/** The Traditional → Simplified converter over the given tables. */
export async function simplifiedConverter(tables: SimplifiedTables): Promise<Convert> {
  const { ConverterBuilder } = await import("opencc-js/core");
  const preset = { from: { tw: [] }, to: { cn: [] }, configs: { tw2s: simplifiedConfig(tables) } };
  return ConverterBuilder(preset)(TO_SIMPLIFIED);
}

let toSimplified: Promise<Convert> | undefined;
let toTraditional: Promise<Convert> | undefined;

/** Traditional (Taiwan standard, variants included) → Simplified. */
export function loadToSimplified(): Promise<Convert> {
  toSimplified ??= (async () => {
    const [compatibility, phrases, characters, variants, variantPhrases] = await Promise.all([
      import("opencc-js/dict/CJK_Compatibility_Ideographs"),
      import("opencc-js/dict/TSPhrases"),
      import("opencc-js/dict/TSCharacters"),
      import("opencc-js/dict/TWVariantsRev"),
      import("opencc-js/dict/TWVariantsRevPhrases"),
    ]);
    return simplifiedConverter({
      CJK_Compatibility_Ideographs: compatibility.default,
      TSPhrases: phrases.default,
      TSCharacters: characters.default,
      TWVariantsRev: variants.default,
      TWVariantsRevPhrases: variantPhrases.default,
    });
  })();
  toSimplified.catch(() => {
    toSimplified = undefined;
  });
  return toSimplified;
}

/** Simplified → Traditional, as the Traditional pages are written; the phrase tables from TRADITIONAL_PHRASES_PATH. */
export function loadToTraditional(): Promise<Convert> {
  toTraditional ??= (async () => {
    const [phrases, characters, compatibility, variants, variantPhrases] = await Promise.all([
      fetch(siteUrl(TRADITIONAL_PHRASES_PATH)).then((response) => {
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
