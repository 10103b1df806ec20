import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasHan, normaliseQuery } from "../../src/lib/search/search-query.ts";

describe("normaliseQuery", () => {
  const cases: [string, string, string][] = [
    ["trims and collapses whitespace", "  板凳  议事会\n", "板凳 议事会"],
    ["turns the ideographic space into a space", "乡村振兴　包头", "乡村振兴 包头"],
    ["turns full-width Latin letters and digits into ASCII", "ＧＤＰ２０２２", "GDP2022"],
    ["maps compatibility ideographs to their unified form", "\uf900", "豈"],
    ["drops straight quotes around a Chinese phrase (exact mode misses Chinese phrases)", '"板凳议事会"', "板凳议事会"],
    ["keeps straight quotes around a Latin phrase", '"party building"', '"party building"'],
    ["drops zero-width spaces copied from an excerpt", "议事\u200b会", "议事 会"],
    ["leaves an empty query empty", "  \t ", ""],
  ];
  for (const [name, raw, expected] of cases) it(name, () => assert.equal(normaliseQuery(raw), expected));
});

describe("hasHan", () => {
  it("sees Han characters only", () => {
    assert.ok(hasHan("a议b"));
    assert.ok(!hasHan("abc 123 ，。"));
  });
});
