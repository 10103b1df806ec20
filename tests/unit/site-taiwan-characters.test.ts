import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { Converter } from "opencc-js";
import CJK_Compatibility_Ideographs from "opencc-js/dict/CJK_Compatibility_Ideographs";
import STCharacters from "opencc-js/dict/STCharacters";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import TWVariants from "opencc-js/dict/TWVariants";
import TWVariantsPhrases from "opencc-js/dict/TWVariantsPhrases";
import { createRandom } from "../../src/lib/bench/prng.ts";
import { toTaiwanCharacters } from "../../src/lib/site/taiwan-characters.ts";

const opencc = Converter({ from: "cn", to: "tw" });
const ISSUES = new URL("../../content/issues/", import.meta.url);

function keysOf(table: string): string[] {
  return table.split("|").map((entry) => entry.split(" ")[0]!);
}

/** Every input whose output differs from opencc-js's, with both outputs (at most a few). */
function differences(inputs: Iterable<string>): { input: string; expected: string; actual: string }[] {
  const found = [];
  for (const input of inputs) {
    const expected = opencc(input);
    const actual = toTaiwanCharacters(input);
    if (actual !== expected) found.push({ input, expected, actual });
    if (found.length >= 5) break;
  }
  return found;
}

const PHRASES = [...keysOf(STPhrases), ...keysOf(STPhrases_GeneratedFromRegionalPhrases)];
const CHARACTERS = keysOf(STCharacters);
const VARIANTS = [...keysOf(TWVariantsPhrases), ...keysOf(TWVariants)];
const COMPATIBILITY = keysOf(CJK_Compatibility_Ideographs);
/** Characters that end a phrase's segment, that no table holds, and that opencc-js reads apart. */
const OTHERS = ["，", "。", "“", "”", " ", "A", "1", "\n", "的", "了", "𠀀", "𬌗", "\ud800", "⿰", "⿱氵", "⿰⿱"];

describe("toTaiwanCharacters", () => {
  it("converts characters and phrases as opencc-js's cn → tw does", () => {
    assert.equal(toTaiwanCharacters("内蒙古日报 党建 发展"), "內蒙古日報 黨建 發展");
    // A phrase of OpenCC's table chooses between the Traditional forms of one Simplified character.
    assert.equal(toTaiwanCharacters("头发发展"), "頭髮發展");
    assert.equal(toTaiwanCharacters("干部干净"), "幹部乾淨");
    assert.equal(toTaiwanCharacters(""), "");
    assert.equal(toTaiwanCharacters("ABC 123 /issues/"), "ABC 123 /issues/");
  });

  it("gives opencc-js's output for every seed page", () => {
    const pages = readdirSync(ISSUES).filter((name) => name.endsWith(".txt"));
    assert.ok(pages.length >= 5);
    const texts = pages.map((name) => readFileSync(new URL(name, ISSUES), "utf8"));
    assert.deepEqual(differences(texts), []);
    // Line by line too: a line's ends are where a segment may end.
    assert.deepEqual(differences(texts.flatMap((text) => text.split("\n"))), []);
  });

  it("gives opencc-js's output for every key of its tables, alone and run together", () => {
    const keys = [...PHRASES, ...CHARACTERS, ...VARIANTS, ...COMPATIBILITY];
    assert.deepEqual(differences(keys), []);
    // Keys run together in a shuffled order: phrases overlap, and the longest must win as OpenCC's does.
    const random = createRandom("taiwan-characters");
    const runs: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let run = "";
      const count = random.int(2, 8);
      for (let k = 0; k < count; k++) run += random.pick(random.chance(0.6) ? PHRASES : random.chance(0.5) ? CHARACTERS : random.chance(0.5) ? VARIANTS : COMPATIBILITY);
      runs.push(run);
    }
    assert.deepEqual(differences(runs), []);
  });

  it("gives opencc-js's output for text cut anywhere from the tables' characters and others", () => {
    // Characters of the tables' keys and values, so that a cut phrase, a converted character
    // that starts a variant's phrase, a compatibility ideograph inside a phrase all occur.
    const alphabet = [...new Set([...PHRASES.slice(0, 3000), ...VARIANTS, ...COMPATIBILITY.slice(0, 50)].flatMap((key) => [...key]).concat(...VARIANTS.map((key) => [...opencc(key)])))];
    const random = createRandom("taiwan-characters-cut");
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      const length = random.int(1, 24);
      for (let k = 0; k < length; k++) text += random.chance(0.1) ? random.pick(OTHERS) : random.pick(alphabet);
      texts.push(text);
    }
    // Phrases with a character replaced by its compatibility form, which normalising restores.
    const compatibilityForms = COMPATIBILITY.map((key) => [key, opencc(key)] as const).filter(([key, normal]) => key !== normal);
    for (const [form, normal] of compatibilityForms.slice(0, 200)) {
      const phrase = PHRASES.find((p) => p.includes(normal));
      if (phrase) texts.push(phrase.replace(normal, form));
    }
    assert.deepEqual(differences(texts), []);
  });

  it("leaves text beyond the Basic Multilingual Plane, and ideographic descriptions, to opencc-js", () => {
    for (const text of ["𬌗发展", "⿰氵可发展", "发展⿱艹", "\udc00发"]) assert.equal(toTaiwanCharacters(text), opencc(text));
  });
});
