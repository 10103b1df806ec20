import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignUniqueSlugs, claimUnique, slugify, uniqueSlugs } from "../../src/lib/slug.ts";

describe("assignUniqueSlugs", () => {
  it("slugs names with the archive's slug function", () => {
    assert.deepEqual([...assignUniqueSlugs(["白丹", "孟和朝鲁", "阿布都加帕尔·猛德"])], [
      ["白丹", "bai-dan"],
      ["孟和朝鲁", "meng-he-chao-lu"],
      ["阿布都加帕尔·猛德", "a-bu-dou-jia-pa-er-meng-de"],
    ]);
  });

  it("numbers later names that read alike, in the order given", () => {
    assert.deepEqual([...assignUniqueSlugs(["王维", "王伟", "王维", "汪伟"]).values()], ["wang-wei", "wang-wei-2", "wang-wei-3"]);
  });

  it("prefers a slug chosen elsewhere", () => {
    const slugs = assignUniqueSlugs(["元宝山区", "新区"], (name) => (name === "新区" ? "xin-qu-chifeng" : undefined));
    assert.deepEqual([...slugs.values()], ["yuan-bao-shan-qu", "xin-qu-chifeng"]);
  });

  it("falls back to code points for a name with nothing pronounceable", () => {
    assert.deepEqual([...assignUniqueSlugs(["·", "……"]).values()], ["ub7", "u2026-2026"]);
  });
});

describe("slugify", () => {
  const cases: [string, string][] = [
    ["文明新风拂遍青城大地", "wen-ming-xin-feng-fu-bian-qing-cheng-da-di"],
    ["“五化协同”大抓基层②", "wu-hua-xie-tong-da-zhua-ji-ceng"],
    ["2024年GDP增长5.2%", "2024-nian-gdp-zeng-zhang-5-2"],
    ["", ""],
  ];
  for (const [text, slug] of cases) it(JSON.stringify(text), () => assert.equal(slugify(text), slug));

  it("cuts a long title at a word, within 80 characters", () => {
    const slug = slugify("为进一步发挥基层党组织战斗堡垒作用形成强大合力推动经济社会高质量发展而不懈奋斗的新时代新征程");
    assert.ok(slug.length <= 80, slug);
    assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("claimUnique and uniqueSlugs", () => {
  it("the first holder keeps a name; later ones get -2, -3", () => {
    const taken = new Set<string>(["a"]);
    assert.deepEqual([claimUnique("a", taken), claimUnique("a", taken), claimUnique("b", taken)], ["a-2", "a-3", "b"]);
  });

  it("slugs an issue's titles in page order, with a fallback for a title with no letters", () => {
    assert.deepEqual(uniqueSlugs(["晒丰收", "晒丰收", "……"]), ["shai-feng-shou", "shai-feng-shou-2", "item"]);
  });
});
