/**
 * OpenCC's Simplified → Traditional (Taiwan) conversion, opencc-js's `Converter({ from: "cn",
 * to: "tw" })`, giving the same text for every input at a fraction of its cost: the Traditional
 * mirror converts every article's text, and opencc-js's four passes a character (normalising,
 * segmenting, then two tables a segment, each pass a trie walk and an array of pieces) cost
 * ~0.3 µs a character, a twentieth of a whole build's CPU (docs/scale.md, "Where the floor comes
 * from").
 *
 * The same tables, read for what they hold: compatibility ideographs normalised one character
 * at a time; OpenCC's phrases (two to fifteen characters) segment the text; a phrase is replaced
 * whole, and the text between phrases a character at a time, since no phrase can start inside it
 * (the segmentation tried each of its positions), so only the characters table applies there;
 * last, Taiwan's variant forms (a few phrases and characters) within each segment, as OpenCC
 * applies its second table segment by segment. The tables are indexed by UTF-16 code unit, so text
 * outside the Basic Multilingual Plane (a rare character written as two units) is left to
 * opencc-js itself, as is text holding an ideographic description character (U+2FF0–U+2FFF),
 * which opencc-js reads as one unit with the characters it describes.
 * `tests/unit/site-taiwan-characters.test.ts` holds this to opencc-js.
 */
import { ConverterBuilder } from "opencc-js/core";
import CJK_Compatibility_Ideographs from "opencc-js/dict/CJK_Compatibility_Ideographs";
import STCharacters from "opencc-js/dict/STCharacters";
import STPhrases from "opencc-js/dict/STPhrases";
import STPhrases_GeneratedFromRegionalPhrases from "opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases";
import TWVariants from "opencc-js/dict/TWVariants";
import TWVariantsPhrases from "opencc-js/dict/TWVariantsPhrases";
import { TO_TRADITIONAL, traditionalConfig } from "../opencc-configs.ts";

/** A node of a table's trie: the keys that go on from here, and the value of the key ending here. */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  value: string | undefined;
}

/**
 * A table as OpenCC reads a group of them: "key value|key value…", the earlier table winning a key
 * two tables share (opencc-js loads a group last to first, each key overwriting the one before).
 */
function loadTable(tables: readonly string[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const table of [...tables].reverse()) {
    for (const entry of table.split("|")) {
      // As opencc-js reads an entry: the key, and the first replacement after it.
      const [key = "", value = ""] = entry.split(" ");
      entries.set(key, value);
    }
  }
  return entries;
}

function buildTrie(entries: Map<string, string>): TrieNode {
  const root: TrieNode = { next: undefined, value: undefined };
  for (const [key, value] of entries) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      node.next ??= new Map();
      let child = node.next.get(key.charCodeAt(i));
      if (child === undefined) {
        child = { next: undefined, value: undefined };
        node.next.set(key.charCodeAt(i), child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The end of the longest key of `trie` that `text` holds at `start`, 0 if none; `found.value` its value. */
function longestKey(trie: TrieNode, text: string, start: number, found: { value: string }): number {
  return longestKeyFrom(trie, text, start, start, found);
}

/** longestKey, from `node`, the trie's node for the text from `start` to `at`. */
function longestKeyFrom(node: TrieNode, text: string, start: number, at: number, found: { value: string }): number {
  let end = 0;
  if (at > start && node.value !== undefined) {
    end = at;
    found.value = node.value;
  }
  for (let i = at; i < text.length; i++) {
    const child = node.next?.get(text.charCodeAt(i));
    if (child === undefined) break;
    node = child;
    if (child.value !== undefined) {
      end = i + 1;
      found.value = child.value;
    }
  }
  return end;
}

/** `text` converted by one table as OpenCC converts it: the longest key at each place, else the character itself. */
function convertByTrie(trie: TrieNode, text: string): string {
  const found = { value: "" };
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const end = longestKey(trie, text, i, found);
    if (end > 0) {
      out += text.slice(copied, i) + found.value;
      i = copied = end;
    } else {
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Text this module leaves to opencc-js: a surrogate (half of a character beyond U+FFFF), an ideographic description character. */
const LEFT_TO_OPENCC = /[\ud800-\udfff\u2ff0-\u2fff]/;

/** What a UTF-16 code unit is to the tables (bits of Tables.kinds). */
const STARTS_PHRASE = 1;
const CONVERTS = 2;
/** A character Taiwan's variants may change, or one that starts a variant phrase; or a character converting to one. */
const MAY_VARY = 4;
const COMPATIBILITY = 8;

interface Tables {
  kinds: Uint8Array;
  /** Code unit → its compatibility ideograph's normal form. */
  compatibility: (string | undefined)[];
  /** Code unit → the phrases' trie node for it: the first step of every walk, taken in an array. */
  phraseStarts: (TrieNode | undefined)[];
  /** Code unit → its Traditional character(s). */
  characters: (string | undefined)[];
  variants: TrieNode;
  /** A phrase's replacement with Taiwan's variants applied, as it is found in text. */
  phraseOutputs: Map<string, string>;
}

let tables: Tables | undefined;
let opencc: ((text: string) => string) | undefined;

/** opencc-js's own converter over the same tables (its preset's s2tw), for the text left to it. */
function openccConverter(): (text: string) => string {
  const config = traditionalConfig({ CJK_Compatibility_Ideographs, STPhrases, STPhrases_GeneratedFromRegionalPhrases, STCharacters, TWVariants, TWVariantsPhrases });
  opencc ??= ConverterBuilder({ from: { cn: [] }, to: { tw: [] }, configs: { s2tw: config } })(TO_TRADITIONAL);
  return opencc;
}

/** Code unit → value, for a table whose keys are single characters of the Basic Multilingual Plane. */
function unitTable(entries: Map<string, string>, kinds: Uint8Array, kind: number): (string | undefined)[] {
  const table: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
  for (const [key, value] of entries) {
    // Keys beyond the plane are never looked up: text holding one goes to opencc-js.
    if (key.length !== 1) continue;
    table[key.charCodeAt(0)] = value;
    kinds[key.charCodeAt(0)]! |= kind;
  }
  return table;
}

function unitsOf(trie: TrieNode): (TrieNode | undefined)[] {
  const nodes = new Array<TrieNode | undefined>(0x10000).fill(undefined);
  for (const [unit, node] of trie.next ?? []) nodes[unit] = node;
  return nodes;
}

function load(): Tables {
  const kinds = new Uint8Array(0x10000);
  const variantEntries = loadTable([TWVariantsPhrases, TWVariants]);
  for (const key of variantEntries.keys()) kinds[key.charCodeAt(0)]! |= MAY_VARY;
  const phraseEntries = loadTable([STPhrases, STPhrases_GeneratedFromRegionalPhrases]);
  for (const key of phraseEntries.keys()) kinds[key.charCodeAt(0)]! |= STARTS_PHRASE;
  const characters = unitTable(loadTable([STCharacters]), kinds, CONVERTS);
  characters.forEach((converted, unit) => {
    if (converted !== undefined && [...converted].some((char) => (kinds[char.charCodeAt(0)]! & MAY_VARY) !== 0 || char.length > 1)) kinds[unit]! |= MAY_VARY;
  });
  return {
    kinds,
    compatibility: unitTable(loadTable([CJK_Compatibility_Ideographs]), kinds, COMPATIBILITY),
    phraseStarts: unitsOf(buildTrie(phraseEntries)),
    characters,
    variants: buildTrie(variantEntries),
    phraseOutputs: new Map(),
  };
}

function normalise(text: string, { kinds, compatibility }: Tables): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if ((kinds[text.charCodeAt(i)]! & COMPATIBILITY) === 0) continue;
    out += text.slice(copied, i) + compatibility[text.charCodeAt(i)]!;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Simplified → Traditional (Taiwan) characters, exactly as opencc-js's "cn" → "tw" converter. */
export function toTaiwanCharacters(text: string): string {
  tables ??= load();
  const t = tables;
  if (LEFT_TO_OPENCC.test(text)) return (opencc ?? openccConverter())(text);
  const { kinds, characters } = t;
  const source = normalise(text, t);
  const found = { value: "" };
  let out = "";
  // Source up to `copied` is in `out`; the text since the last phrase starts at `between`
  // (`betweenOut` in `out`) and `varies` if Taiwan's variants may change it.
  let copied = 0;
  let between = 0;
  let betweenOut = 0;
  let varies = false;
  const endBetween = (at: number) => {
    out += source.slice(copied, at);
    copied = at;
    if (varies) out = out.slice(0, betweenOut) + convertByTrie(t.variants, out.slice(betweenOut));
    varies = false;
  };
  for (let i = 0; i < source.length; ) {
    const unit = source.charCodeAt(i);
    const kind = kinds[unit]!;
    const end = (kind & STARTS_PHRASE) === 0 ? 0 : longestKeyFrom(t.phraseStarts[unit]!, source, i, i + 1, found);
    if (end === 0) {
      if ((kind & CONVERTS) !== 0) {
        out += source.slice(copied, i) + characters[unit]!;
        copied = i + 1;
      }
      if ((kind & MAY_VARY) !== 0) varies = true;
      i++;
      continue;
    }
    if (between < i) endBetween(i);
    let phrase = t.phraseOutputs.get(found.value);
    if (phrase === undefined) {
      phrase = convertByTrie(t.variants, found.value);
      t.phraseOutputs.set(found.value, phrase);
    }
    out += phrase;
    i = between = copied = end;
    betweenOut = out.length;
  }
  if (between < source.length) endBetween(source.length);
  return out;
}
