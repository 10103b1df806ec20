/**
 * Script conversion in the reader's browser, for search only: a Traditional query becomes
 * Simplified before it meets the (Simplified) index, and on the Traditional search page the
 * results' text becomes Traditional. Each is fetched the first time it is needed.
 *
 * The conversions are the build's (src/lib/site/traditional.ts writes the Traditional pages with
 * OpenCC cn → tw), so results read exactly as the pages they link to; tw → cn is its inverse.
 * Both are OpenCC's own configurations (opencc-js presets t2cn: tw2s, cn2t: s2tw) assembled from
 * its core and only the tables they use (src/lib/opencc-configs.ts), which share the core and the
 * compatibility table, rather than its ready bundles, which carry every regional variant:
 * - To Simplified: about 35 KB gzipped (the t2cn bundle: 52 KB).
 * - To Traditional: about 35 KB, because the phrase tables (450 KB gzipped whole) are cut to the
 *   phrases the site's pages contain (phrase-subset.ts), written by the index step to
 *   TRADITIONAL_PHRASES_PATH. Every text the page converts (titles, excerpts, names, places)
 *   comes from those pages, so the cut tables convert it exactly as the whole ones.
 * tests/unit/search-script-conversion.test.ts checks both against OpenCC's bundles and the build.
 */
import {
  simplifiedConverter,
  traditionalConverter,
  type Convert,
  type PhraseTables,
} from "../opencc-configs.ts";
import { siteUrl } from "../site/paths.ts";

/** Where the cut phrase tables are served (JSON: PhraseTables). */
export const TRADITIONAL_PHRASES_PATH = "/search/traditional-phrases.json";

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
