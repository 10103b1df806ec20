// The parse report is the editors' tool: every warning code has a Chinese name, meaning and
// check, and the report's problems read in Chinese. (The page itself: tests/browser/subpath.test.ts.)
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { WARNING_EXPLANATIONS, explainWarning, reportProblemText } from "../../src/pages/report/_warning-explanations.ts";

/** Text with no English words once file paths, commands and field names are taken out. */
function readsInChinese(text: string): boolean {
  const rest = text.replace(/content\/[\w./-]*|npm run \w+|\((?:[a-z]+(?:、)?)+\)|（[a-z、]+）|[a-z]+-[a-z-]+/gu, "");
  return /\p{Script=Han}/u.test(rest) && !/[A-Za-z]{3,}/u.test(rest);
}

describe("warning explanations", () => {
  for (const [code, explanation] of Object.entries(WARNING_EXPLANATIONS)) {
    test(`${code}: name, meaning and check in Chinese`, () => {
      for (const text of [explanation.name, explanation.meaning, explanation.check]) assert.ok(readsInChinese(text), `${code}: ${text}`);
    });
  }

  test("a code the page does not know keeps its code as its name and a Chinese explanation", () => {
    const explanation = explainWarning("some-new-code");
    assert.equal(explanation.name, "some-new-code");
    assert.ok(readsInChinese(explanation.meaning) && readsInChinese(explanation.check));
  });

  test("the report's problems read in Chinese", () => {
    assert.ok(readsInChinese(reportProblemText("content/articles/parse-report.json does not exist yet: run `npm run ingest`.")));
    assert.match(reportProblemText("x.json: not valid JSON"), /^解析报告无法读取：/u);
  });
});
