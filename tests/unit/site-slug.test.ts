import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignUniqueSlugs } from "../../src/lib/site/slug.ts";

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
