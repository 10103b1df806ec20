/**
 * Shape tests on Chinese page text: does a line end a sentence, could it be a headline,
 * does it open a quotation it never closes. Used to tell headlines from body text and to
 * find sentences that a column break cut in two.
 */

const CLOSERS = /[”’」』）)》〉】\]"']+$/u;
const SENTENCE_END = /[。！？!?…；;：:]$/u;

/** True when the text ends a sentence (closing quotes and brackets after the stop are fine). */
export function endsSentence(text: string): boolean {
  // A closing quote ends a sentence only after a stop: “…。” does, …的“青城品牌” does not.
  const core = text.replace(CLOSERS, "");
  return core === "" ? text !== "" : SENTENCE_END.test(core);
}

/** Number of characters, counting astral characters once. */
export function charLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) n--;
  }
  return n;
}

const HEADLINE_MAX = 40;

/**
 * Could this line be a headline or subhead by its shape alone: short, no full stop at
 * the end, and no clause commas unless it is a "question——answer" subhead.
 */
export function isHeadlineShaped(text: string): boolean {
  if (charLength(text) > HEADLINE_MAX) return false;
  if (endsSentence(text)) return false;
  if (/[，,；;]/u.test(text) && !text.includes("——")) return false;
  if (/[。]/u.test(text)) return false;
  return true;
}

/**
 * Characters a headline does not end on: structural particles, prepositions and
 * conjunctions. A short line ending on one is a sentence cut by a column break,
 * e.g. 这样的场景只是赤峰市“比武争星”的 (2022-11-08, line 169).
 */
// 地 is left out: headlines end on nouns such as 阵地, 基地, 大地.
const FUNCTION_WORD_END = /[的得之在和与及或把被将对向从以于是着了而并且等]$/u;

/**
 * A short line inside an article body that reads as a subhead rather than a fragment of
 * a cut sentence. Subheads on these pages are either two balanced halves split by a
 * space (建设党群服务 红色平台), a question——answer (在哪做?——…), or short phrases.
 */
export function isSubheadShaped(text: string, markedAsHeading: boolean): boolean {
  if (!isHeadlineShaped(text)) return false;
  if (markedAsHeading) return true;
  if (FUNCTION_WORD_END.test(text)) return false;
  if (text.includes("——")) return true;
  if (/\S\s+\S/u.test(text)) return true;
  return charLength(text) <= 14;
}

/** Balance of Chinese double quotes: positive when “ opens more than ” closes. */
export function quoteBalance(text: string): number {
  let balance = 0;
  for (const ch of text) {
    if (ch === "“") balance++;
    else if (ch === "”") balance--;
  }
  return balance;
}

/** True when the text closes a quotation before opening any: it starts mid-quote. */
export function startsInsideQuote(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "“") depth++;
    else if (ch === "”") {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** A paragraph that is only a tail of a sentence whose start is lost: 队伍。 责任。 */
export function isOrphanTail(text: string): boolean {
  return charLength(text) <= 4 && endsSentence(text);
}

/** First clause of a paragraph, for a title when the page printed none. */
export function firstClause(text: string, max = 24): string {
  const plain = text.replace(/^[●•·]\s*/u, "");
  const clause = plain.split(/[。！？!?；;]/u)[0] ?? plain;
  const chars = [...clause];
  return chars.length > max ? chars.slice(0, max).join("") + "…" : clause;
}

/** Text with spaces and punctuation removed, to compare headlines printed with different spacing or quotes. */
export function comparableText(text: string): string {
  return text.replace(/[\s\u3000“”"‘’'《》（）()、，,。：:！？!?·—-]/gu, "");
}
