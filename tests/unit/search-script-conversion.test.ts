import assert from "node:assert/strict";
import { describe, it } from "node:test";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import STCharacters from "opencc-js/dict/STCharacters";
import CJK_Compatibility_Ideographs from "opencc-js/dict/CJK_Compatibility_Ideographs";
import TWVariants from "opencc-js/dict/TWVariants";
import TWVariantsPhrases from "opencc-js/dict/TWVariantsPhrases";
import TSPhrases from "opencc-js/dict/TSPhrases";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import TWVariantsRevPhrases from "opencc-js/dict/TWVariantsRevPhrases";
import { Converter as BundledToSimplified } from "opencc-js/t2cn";
import { phraseSubset } from "../../src/lib/search/phrase-subset.ts";
import {
  TO_SIMPLIFIED,
  simplifiedConverter,
  traditionalConverter,
  type TraditionalTables,
} from "../../src/lib/opencc-configs.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";

// Unit tests run before the build: read the reviewed seed articles, not content/articles.
const SEED_ARTICLES = new URL("../fixtures/seed-articles/", import.meta.url).pathname;
import { readArticleBodies } from "../support/search-page.ts";

function tables(texts: readonly string[], cut = true): TraditionalTables {
  return {
    STPhrases: cut ? phraseSubset(STPhrases, texts) : STPhrases,
    STPhrases_GeneratedFromRegionalPhrases: cut ? phraseSubset(STPhrases_GeneratedFromRegionalPhrases, texts) : STPhrases_GeneratedFromRegionalPhrases,
    STCharacters,
    CJK_Compatibility_Ideographs,
    TWVariants,
    TWVariantsPhrases,
  };
}

// Where the two scripts differ by phrase, not by character: 发 → 發/髮, 干 → 幹/乾, 里 → 裡/里, 坐标 → 座標.
const SAMPLE = "头发 理发店 干部 乾坤 干净 公里 村里 精神坐标 白云鄂博矿区 宋爽 内蒙古日报 党建引领 SQL注入";

describe("script conversion in the browser matches the build's", () => {
  it("with OpenCC's whole tables, converts as the Traditional pages are written", async () => {
    const convert = await traditionalConverter(tables([], false));
    assert.equal(convert(SAMPLE), toTraditional(SAMPLE));
  });

  it("with the phrases cut to the text, converts that text and every stretch of it the same", async () => {
    const convert = await traditionalConverter(tables([SAMPLE]));
    assert.equal(convert(SAMPLE), toTraditional(SAMPLE));
    for (const word of SAMPLE.split(" ")) assert.equal(convert(word), toTraditional(word), word);
  });

  it("with the phrases cut to the seed articles, converts every article as the build does", async () => {
    const texts = readArticleBodies(SEED_ARTICLES).map((a) => a.body);
    const convert = await traditionalConverter(tables(texts));
    for (const text of texts) assert.equal(convert(text), toTraditional(text));
  });

  it("with the phrases cut to a text that holds none of them, converts it by characters", async () => {
    const texts = ["草原"];
    assert.equal(phraseSubset(STPhrases_GeneratedFromRegionalPhrases, texts), "");
    const convert = await traditionalConverter(tables(texts));
    assert.equal(convert("草原乳业"), toTraditional("草原乳业"));
  });

  it("turns Traditional queries into the Simplified the index holds, as OpenCC's t2cn bundle does", async () => {
    const convert = await simplifiedConverter({ CJK_Compatibility_Ideographs, TSPhrases, TSCharacters, TWVariantsRev, TWVariantsRevPhrases });
    const bundled = BundledToSimplified(TO_SIMPLIFIED);
    assert.equal(convert("議事會"), "议事会");
    assert.equal(convert("鄉村振興"), "乡村振兴");
    assert.equal(convert("板凳議事會　問題現場辦"), "板凳议事会　问题现场办");
    assert.equal(convert(SAMPLE), SAMPLE);
    // The seed articles as the Traditional pages print them, back to Simplified.
    for (const text of readArticleBodies(SEED_ARTICLES).map((a) => toTraditional(a.body))) assert.equal(convert(text), bundled(text));
    for (const query of ["著名", "裏面", "裡面", "著急", "乾淨", "頭髮", "後來", "甚麼", "\uf900"]) assert.equal(convert(query), bundled(query), query);
  });
});
