/**
 * Exact phrases and excluded words in a query: "乡村振兴" or “乡村振兴” (or 「乡村振兴」, as
 * Traditional text quotes) must occur as written; -党建 must not occur. Pagefind cannot do either
 * for Chinese: its phrase search compares word positions, and its words at index time (jieba) and
 * at query time (Intl.Segmenter) often differ (search-query.ts), and it has no exclusion. So
 * Pagefind is asked for the phrases' and words' characters as plain words, which finds every
 * article holding them (and some holding them apart), and each candidate's text (the result's
 * content, loaded with its data) is then checked here.
 *
 * Matching is on text folded alike on both sides: NFKC (full-width letters, digits and
 * punctuation as ASCII), Latin letters lower-cased, whitespace runs as one space.
 */

/** A query taken apart. All parts are normalised (`normalisePart`). */
export interface ParsedQuery {
  /** Words to find, as Pagefind finds them (unquoted, not excluded). */
  words: string[];
  /** Strings that must occur as written. */
  phrases: string[];
  /** Strings that must not occur. */
  excluded: string[];
}

// Opening quotes, each with the quotes that close it: straight and full-width ones, curly ones
// in either order (a reader's keyboard may give ” for both), corner brackets of Traditional text.
const QUOTES: Record<string, readonly string[]> = {
  '"': ['"', "”", "“"],
  "＂": ["＂", '"'],
  "“": ["”", "“", '"'],
  "”": ["”", "“", '"'],
  "„": ["“", "”"],
  "「": ["」"],
  "『": ["』"],
};
// A minus sign as a reader types it: ASCII hyphen-minus, the full-width one, the math minus.
const MINUS = new Set(["-", "－", "−"]);

/** A part of a query as searched: NFKC, zero-width spaces out, whitespace runs as one space, trimmed. */
export function normalisePart(text: string): string {
  return text.normalize("NFKC").replace(/\u200b/g, "").replace(/\s+/gu, " ").trim();
}

/** Text as compared: a normalised part, Latin letters lower-cased. */
export function foldText(text: string): string {
  return normalisePart(text).toLowerCase();
}

/**
 * The phrases, exclusions and plain words of a query. A quote opens a phrase that runs to its
 * closing quote (or the end); a minus sign at the start of a word (after a space, or first)
 * excludes that word or, before a quote, that phrase; a minus inside a word (COVID-19) is text.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.normalize("NFC");
  const words: string[] = [];
  const phrases: string[] = [];
  const excluded: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUS.has(ch) && i + 1 < chars.length && !/\s/u.test(chars[i + 1]!)) {
      negated = true;
      i++;
    }
    const closers = QUOTES[chars[i]!];
    let part: string;
    let quoted = false;
    if (closers !== undefined) {
      let j = i + 1;
      while (j < chars.length && !closers.includes(chars[j]!)) j++;
      part = chars.slice(i + 1, j).join("");
      i = j + 1;
      quoted = true;
    } else {
      let j = i;
      while (j < chars.length && !/\s/u.test(chars[j]!) && QUOTES[chars[j]!] === undefined) j++;
      part = chars.slice(i, j).join("");
      i = j;
    }
    const normalised = normalisePart(part);
    if (normalised === "" || (!quoted && /^[\p{P}\p{S}]+$/u.test(normalised))) continue;
    if (negated) excluded.push(normalised);
    else if (quoted) phrases.push(normalised);
    else words.push(normalised);
  }
  return { words: unique(words), phrases: unique(phrases), excluded: unique(excluded) };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** True when the query needs its results' text checked (a phrase or an exclusion). */
export function needsTextCheck(query: ParsedQuery): boolean {
  return query.phrases.length > 0 || query.excluded.length > 0;
}

/**
 * What Pagefind is asked for: the plain words and the phrases' text, without quotes or
 * exclusions; "" when the query only excludes (then every article is a candidate).
 */
export function pagefindTerms(query: ParsedQuery): string {
  return [...query.words, ...query.phrases].join(" ");
}

/** Whether a text (an article's indexed content) has every phrase and none of the excluded strings. */
export function matchesText(text: string, query: ParsedQuery): boolean {
  const folded = foldText(text);
  return query.phrases.every((phrase) => folded.includes(foldText(phrase))) && !query.excluded.some((word) => folded.includes(foldText(word)));
}

/** The query with every part converted (a Traditional query to the Simplified of the index). */
export function convertQuery(query: ParsedQuery, convert: (text: string) => string): ParsedQuery {
  const each = (values: readonly string[]) => unique(values.map((value) => normalisePart(convert(value))));
  return { words: each(query.words), phrases: each(query.phrases), excluded: each(query.excluded) };
}
