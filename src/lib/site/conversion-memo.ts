/**
 * A text conversion that remembers what it converted. Every page of the site repeats most of its
 * short runs of text (the navigation, the footer, labels, column and place names, dates), so the
 * Traditional mirror converts each of them once per process instead of once per page. Long runs
 * (an article's paragraphs) seldom recur and are converted each time, so that the memo stays small.
 *
 * The conversion must be a pure function of its input (OpenCC's is): then a remembered result is
 * the result.
 */

export interface ConversionMemoOptions {
  /** Runs longer than this many UTF-16 code units are converted, not remembered. */
  maxLength: number;
  /** When the memo holds this many runs it starts again from empty: a bound on its memory. */
  maxEntries: number;
}

export function memoizeConversion(convert: (text: string) => string, { maxLength, maxEntries }: ConversionMemoOptions): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (text.length > maxLength) return convert(text);
    let converted = memo.get(text);
    if (converted === undefined) {
      converted = convert(text);
      if (memo.size >= maxEntries) memo.clear();
      memo.set(text, converted);
    }
    return converted;
  };
}
