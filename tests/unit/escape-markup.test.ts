import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeMarkup } from "../../src/lib/escape-markup.ts";

describe("escapeMarkup", () => {
  const cases: [string, string][] = [
    ["呼和浩特市", "呼和浩特市"],
    ["", ""],
    ["<script>", "&#60;script&#62;"],
    ['"党建+" & \'人大\'', "&#34;党建+&#34; &#38; &#39;人大&#39;"],
    ["&#38;", "&#38;#38;"],
    ["https://archive.example.org/a&b/?q=\"x\"", "https://archive.example.org/a&#38;b/?q=&#34;x&#34;"],
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => assert.equal(escapeMarkup(input), expected));

  it("leaves text safe in character data and in either quoted attribute", () => {
    const hostile = `</title><script>alert('x')</script>" onload="x`;
    const escaped = escapeMarkup(hostile);
    assert.doesNotMatch(escaped, /[<>"']/);
    assert.equal(escaped.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))), hostile);
  });
});
