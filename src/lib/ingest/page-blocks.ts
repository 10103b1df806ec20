/**
 * Splits page text into blocks: one block per non-empty line, remembering where it
 * stood and how many blank lines preceded it. In these OCR pages one line is one
 * paragraph, and a run of two or more blank lines marks a new picture or column.
 */
export interface PageBlock {
  /** Line text with surrounding whitespace removed. */
  text: string;
  /** 1-based line number in the issue file. */
  line: number;
  /** Blank lines between this block and the previous one (or the page start). */
  gapBefore: number;
}

export function splitPageBlocks(text: string, firstLine = 1): PageBlock[] {
  const blocks: PageBlock[] = [];
  let gap = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    // U+3000 (ideographic space) and NBSP pad OCR lines as often as ASCII spaces.
    const trimmed = (lines[i] ?? "").replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
    if (trimmed === "") {
      gap++;
      continue;
    }
    blocks.push({ text: trimmed, line: firstLine + i, gapBefore: gap });
    gap = 0;
  }
  return blocks;
}
