/**
 * What a reader typed, in the form Pagefind is asked for. (Conversion of a Traditional query to
 * the Simplified the index holds is decided in archive-search.ts.)
 */

const HAN = /\p{Script=Han}/u;
const SPACES = /[\s\u200b]+/gu;
// Straight double quotes switch Pagefind to exact-phrase matching, which compares word positions;
// Pagefind's Chinese words at index time (jieba) and at query time (Intl.Segmenter) often differ,
// so a quoted Chinese phrase of three or more characters is nearly never found (27% of 3,000
// sampled substrings on the seed corpus, against 100% unquoted). Quotes are dropped from a query
// holding Han characters; an all-Latin phrase keeps them.
const STRAIGHT_QUOTES = /"/g;

/** True when the text holds a Han character (only then can script conversion change it). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * The query in canonical form: NFKC (full-width Latin letters and digits become ASCII, the
 * ideographic space a space, compatibility ideographs their unified form), whitespace runs
 * collapsed, ends trimmed, and straight quotes dropped when the query holds Han characters.
 */
export function normaliseQuery(raw: string): string {
  const text = raw.normalize("NFKC").replace(SPACES, " ").trim();
  return hasHan(text) ? text.replace(STRAIGHT_QUOTES, " ").replace(SPACES, " ").trim() : text;
}
