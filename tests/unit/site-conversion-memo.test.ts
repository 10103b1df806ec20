import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoizeConversion } from "../../src/lib/site/conversion-memo.ts";

/** A conversion that counts its calls. */
function counting(): { convert: (text: string) => string; calls: string[] } {
  const calls: string[] = [];
  return { calls, convert: (text) => (calls.push(text), text.toUpperCase()) };
}

describe("memoizeConversion", () => {
  it("converts a run once and answers it from the memo after", () => {
    const { convert, calls } = counting();
    const memo = memoizeConversion(convert, { maxLength: 10, maxEntries: 100 });
    assert.deepEqual(["ab", "cd", "ab", "ab", "cd"].map(memo), ["AB", "CD", "AB", "AB", "CD"]);
    assert.deepEqual(calls, ["ab", "cd"]);
  });

  it("converts runs longer than maxLength every time", () => {
    const { convert, calls } = counting();
    const memo = memoizeConversion(convert, { maxLength: 3, maxEntries: 100 });
    assert.deepEqual(["abcd", "abcd", "abc", "abc"].map(memo), ["ABCD", "ABCD", "ABC", "ABC"]);
    assert.deepEqual(calls, ["abcd", "abcd", "abc"]);
  });

  it("starts from empty when full, with the same results", () => {
    const { convert, calls } = counting();
    const memo = memoizeConversion(convert, { maxLength: 10, maxEntries: 2 });
    assert.deepEqual(["a", "b", "c", "a", "c"].map(memo), ["A", "B", "C", "A", "C"]);
    // "c" emptied the memo of "a" and "b", and is remembered itself.
    assert.deepEqual(calls, ["a", "b", "c", "a"]);
  });

  it("remembers a conversion to the empty string", () => {
    const { calls } = counting();
    const memo = memoizeConversion((text) => (calls.push(text), ""), { maxLength: 10, maxEntries: 10 });
    assert.equal(memo("x"), "");
    assert.equal(memo("x"), "");
    assert.deepEqual(calls, ["x"]);
  });
});
