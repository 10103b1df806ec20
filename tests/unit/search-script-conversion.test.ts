import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadToSimplified, loadToTraditional } from "../../src/lib/search/script-conversion.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";

// Text of seed articles where the two scripts differ by phrase, not just by character
// (发 → 發/髮, 干 → 幹/乾, 里 → 裡/里, 坐标 → 座標).
const SAMPLE = "板凳议事会 乡村振兴 头发 干部 乾坤 公里 村里 精神坐标 白云鄂博矿区 宋爽 内蒙古日报 党建引领";

describe("script conversion in the browser matches the build's", () => {
  it("shows results as the Traditional pages read", async () => {
    const convert = await loadToTraditional();
    assert.equal(convert(SAMPLE), toTraditional(SAMPLE));
  });

  it("turns Traditional queries into the Simplified the index holds", async () => {
    const convert = await loadToSimplified();
    assert.equal(convert("議事會"), "议事会");
    assert.equal(convert("鄉村振興"), "乡村振兴");
    assert.equal(convert("板凳議事會　問題現場辦"), "板凳议事会　问题现场办");
  });

  it("leaves Simplified queries alone", async () => {
    const convert = await loadToSimplified();
    assert.equal(convert(SAMPLE), SAMPLE);
  });
});
