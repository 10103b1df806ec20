// The list of Traditional-only characters in src/lib/search/traditional-characters.ts is data
// derived from OpenCC's tables. This test derives it again from the installed opencc-js and
// compares; `UPDATE=1 npm run test:unit` rewrites the list (after an opencc-js update).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { Converter } from "opencc-js/t2cn";
import CJK_Compatibility_Ideographs from "opencc-js/dict/CJK_Compatibility_Ideographs";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import { TO_SIMPLIFIED } from "../../src/lib/opencc-configs.ts";
import { CODE_POINT_STEPS, hasTraditionalCharacters } from "../../src/lib/search/traditional-characters.ts";

const MODULE = fileURLToPath(new URL("../../src/lib/search/traditional-characters.ts", import.meta.url));

/** True for a Han character of GB 2312: encoded in GBK with lead byte B0–F7 and trail byte A1–FE. */
function inGb2312(ch: string): boolean {
  const bytes = iconv.encode(ch, "gbk");
  return bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1 && iconv.decode(bytes, "gbk") === ch;
}

/**
 * Every single character of the tables that tw → cn changes and GB 2312 lacks, as base-36 steps
 * from the previous code point.
 */
function derivedSteps(): string {
  const convert = Converter(TO_SIMPLIFIED);
  const codePoints = new Set<number>();
  for (const table of [TSCharacters, TWVariantsRev, CJK_Compatibility_Ideographs]) {
    for (const entry of table.split("|")) {
      const key = entry.slice(0, entry.indexOf(" "));
      if ([...key].length === 1 && convert(key) !== key && !inGb2312(key)) codePoints.add(key.codePointAt(0)!);
    }
  }
  let previous = 0;
  const steps = [...codePoints]
    .sort((a, b) => a - b)
    .map((codePoint) => {
      const step = (codePoint - previous).toString(36);
      previous = codePoint;
      return step;
    });
  const lines: string[] = [];
  for (let i = 0; i < steps.length; i += 32) lines.push(steps.slice(i, i + 32).join(" "));
  return lines.join("\n");
}

describe("Traditional-only characters", () => {
  it("are the characters OpenCC's tw → cn tables change that GB 2312 lacks", () => {
    const derived = derivedSteps();
    if (process.env["UPDATE"] && derived !== CODE_POINT_STEPS.trim()) {
      const source = readFileSync(MODULE, "utf8");
      writeFileSync(MODULE, source.replace(/CODE_POINT_STEPS = `[^`]*`/, `CODE_POINT_STEPS = \`\n${derived}\n\``));
      return;
    }
    assert.equal(CODE_POINT_STEPS.trim(), derived, "run UPDATE=1 npm run test:unit to rewrite src/lib/search/traditional-characters.ts");
  });

  it("tell a Traditional query from a Simplified one", () => {
    for (const query of ["議事會", "鄉村振興", "板凳議事会", "裡面", "乾淨", "\uf900"]) assert.ok(hasTraditionalCharacters(query), query);
    // 著, 乾 are Simplified characters too (显著, 乾隆), which OpenCC's tw → cn would change.
    for (const query of ["议事会", "乡村振兴", "显著", "乾隆", "GDP 2022", ""]) assert.ok(!hasTraditionalCharacters(query), query);
  });
});
