/**
 * OpenCC's two conversions as the archive uses them, each assembled from opencc-js's core and
 * only the tables it needs rather than its ready bundles, which carry every regional variant:
 * Simplified → Traditional (Taiwan), cn → tw, which writes the Traditional pages
 * (site/taiwan-characters.ts gives its output at a fraction of its cost) and shows results on
 * the Traditional search page; and Traditional → Simplified, tw → cn, its inverse, which turns a
 * Traditional query into the Simplified the index holds (search/script-conversion.ts loads both
 * in the reader's browser). The tables are given, not imported, so that the browser fetches
 * only what it needs and the build can cut the phrase tables to the site's own text.
 */
import type { DictGroup, DictLike } from "opencc-js/core";

export type Convert = (text: string) => string;

/** OpenCC locales of the two directions. */
export const TO_SIMPLIFIED = { from: "tw", to: "cn" } as const;
export const TO_TRADITIONAL = { from: "cn", to: "tw" } as const;

/** The phrase tables of OpenCC's cn → tw configuration, which the index step cuts to the site's text. */
export type PhraseTables = Record<"STPhrases" | "STPhrases_GeneratedFromRegionalPhrases", string>;

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
