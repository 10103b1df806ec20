import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertQuery, matchesText, needsTextCheck, pagefindTerms, parseQuery, type ParsedQuery } from "../../src/lib/search/query-syntax.ts";

const parsed = (partial: Partial<ParsedQuery>): ParsedQuery => ({ words: [], phrases: [], excluded: [], ...partial });

describe("query syntax: reading", () => {
  const cases: [string, ParsedQuery][] = [
    ["议事会", parsed({ words: ["议事会"] })],
    ["板凳 议事会", parsed({ words: ["板凳", "议事会"] })],
    ['"乡村振兴"', parsed({ phrases: ["乡村振兴"] })],
    ["“乡村振兴”", parsed({ phrases: ["乡村振兴"] })],
    ["”乡村振兴”", parsed({ phrases: ["乡村振兴"] })],
    ["「鄉村振興」", parsed({ phrases: ["鄉村振興"] })],
    ["＂乡村振兴＂", parsed({ phrases: ["乡村振兴"] })],
    ['"乡村振兴', parsed({ phrases: ["乡村振兴"] })],
    ["乡村 -党建", parsed({ words: ["乡村"], excluded: ["党建"] })],
    ["乡村 －党建", parsed({ words: ["乡村"], excluded: ["党建"] })],
    ['-"基层党建" 乡村', parsed({ words: ["乡村"], excluded: ["基层党建"] })],
    ['"乡村振兴" 草原 -党建', parsed({ words: ["草原"], phrases: ["乡村振兴"], excluded: ["党建"] })],
    ["COVID-19", parsed({ words: ["COVID-19"] })],
    ["乡村 - 振兴", parsed({ words: ["乡村", "振兴"] })],
    ["乡村“振兴”", parsed({ words: ["乡村"], phrases: ["振兴"] })],
    ['"乡村  振兴"', parsed({ phrases: ["乡村 振兴"] })],
    ["ＡＢＣ", parsed({ words: ["ABC"] })],
    ['"" -', parsed({})],
    ["党建 党建 -党建", parsed({ words: ["党建"], excluded: ["党建"] })],
  ];
  for (const [query, expected] of cases) {
    it(`reads ${query}`, () => assert.deepEqual(parseQuery(query), expected));
  }

  it("asks Pagefind for the words and the phrases' text, never the exclusions", () => {
    assert.equal(pagefindTerms(parseQuery('"乡村振兴" 草原 -党建')), "草原 乡村振兴");
    assert.equal(pagefindTerms(parseQuery("-党建")), "");
    assert.equal(needsTextCheck(parseQuery("乡村振兴")), false);
    assert.equal(needsTextCheck(parseQuery('"乡村振兴"')), true);
    assert.equal(needsTextCheck(parseQuery("-党建")), true);
  });

  it("converts every part", () => {
    const toSimplified = (t: string) => t.replace("鄉", "乡").replace("興", "兴").replace("黨", "党");
    assert.deepEqual(convertQuery(parseQuery("「鄉村振興」 -黨建"), toSimplified), parsed({ phrases: ["乡村振兴"], excluded: ["党建"] }));
  });
});

describe("query syntax: matching text", () => {
  const text = "全面推进乡村振兴，夯实基层党建。ＰＡＲＴＹ building";
  const cases: [string, boolean][] = [
    ['"乡村振兴"', true],
    ['"振兴乡村"', false],
    ['"乡村 振兴"', false],
    ["-党建", false],
    ["-党风", true],
    ['"乡村振兴" -党风', true],
    ['"乡村振兴" -党建', false],
    ['"推进乡村振兴,夯实"', true],
    ['"party building"', true],
    ["-Party", false],
  ];
  for (const [query, expected] of cases) {
    it(`${query} ${expected ? "matches" : "does not match"}`, () => assert.equal(matchesText(text, parseQuery(query)), expected));
  }

  it("ignores Pagefind's zero-width spaces between words", () => {
    assert.equal(matchesText("乡村\u200b振兴", parseQuery('"乡村振兴"')), true);
  });
});
