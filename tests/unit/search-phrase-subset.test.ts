import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { phraseSubset } from "../../src/lib/search/phrase-subset.ts";

const TABLE = "头发 頭髮|干部 幹部|干部队伍 幹部隊伍|理发 理髮|SQL注入 SQL注入|后 後";

describe("phraseSubset", () => {
  it("keeps the entries whose key occurs in a text, in the table's order and format", () => {
    assert.equal(phraseSubset(TABLE, ["党员干部队伍", "洗头发"]), "头发 頭髮|干部 幹部|干部队伍 幹部隊伍");
  });

  it("finds keys at every position, overlapping ones included, and keys with Latin letters", () => {
    assert.equal(phraseSubset(TABLE, ["理发后", "防SQL注入"]), "理发 理髮|SQL注入 SQL注入|后 後");
  });

  it("keeps nothing for text without keys, or an empty table", () => {
    assert.equal(phraseSubset(TABLE, ["乡村振兴"]), "");
    assert.equal(phraseSubset("", ["头发"]), "");
  });
});
