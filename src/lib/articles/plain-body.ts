/**
 * The body the ingest writes for plain page text (src/lib/ingest/markdown.ts): blocks apart by a
 * blank line, each a "## " subhead, a paragraph, or the lines of a poem, each but the last ending
 * in "\" (a line break). Such a body is read here without a Markdown parser, and its HTML is what
 * the site's processor (markdown.ts) makes of it, byte for byte, in a small part of the time
 * (docs/scale.md); a test holds the two equal. Anything else (an escape, a character that could
 * open Markdown syntax, spacing the parser would change) is not plain, and goes to the processor.
 */
import Slugger from "github-slugger";

/** A block of a plain body: a subhead (one line) or a paragraph (its lines, a line break between). */
export interface PlainBlock {
  heading: boolean;
  lines: string[];
}

/**
 * Characters that open inline syntax, entities or HTML, or that the processor treats apart: "{"
 * and "$" in a subhead's id (Astro's heading ids rewrite "{"), control characters and tabs, a
 * byte-order mark, and halves of a surrogate pair.
 */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\\`*_[\]<>&|~#{}$\u0000-\u0009\u000b-\u001f\u007f\ufeff\ud800-\udfff]/u;
/** A line start that opens a block (quote, list, setext underline, indented code), or whitespace the parser would trim. */
const BLOCK_START = /^(?:[>+\-=\s]|\d{1,9}[.)](?:\s|$))/u;
const HEADING = "## ";
const LINE_BREAK = "\\";

/** One line's text, if it is plain: not empty, no syntax, no whitespace the parser would trim at either end. */
function plainLine(line: string): boolean {
  return line !== "" && !NOT_PLAIN.test(line) && !BLOCK_START.test(line) && !/\s$/u.test(line);
}

/** The blocks of a body, or null when any part of it is not plain (see the module comment). */
export function plainBlocks(markdown: string): PlainBlock[] | null {
  const text = markdown.replace(/^\n+|\n+$/gu, "");
  if (text === "") return [];
  const blocks: PlainBlock[] = [];
  for (const block of text.split(/\n{2,}/u)) {
    if (block.startsWith(HEADING)) {
      const heading = block.slice(HEADING.length);
      if (heading.includes("\n") || !plainLine(heading)) return null;
      blocks.push({ heading: true, lines: [heading] });
      continue;
    }
    const lines = block.split("\n");
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      // A "\" ends every line of a poem but its last, where it would be text.
      if (i < lines.length - 1) {
        if (!line.endsWith(LINE_BREAK)) return null;
        line = line.slice(0, -LINE_BREAK.length);
      }
      if (!plainLine(line)) return null;
      lines[i] = line;
    }
    blocks.push({ heading: false, lines });
  }
  return blocks;
}

/**
 * The HTML of plain blocks as the site's processor writes it: a paragraph's lines apart by
 * "<br>", blocks by a newline, a subhead's id made by the slugger Astro's heading ids use. The
 * text needs no escaping: "<" and "&" are not plain.
 */
export function plainBodyHtml(blocks: readonly PlainBlock[]): string {
  const slugger = new Slugger();
  return blocks
    .map((block) => (block.heading ? `<h2 id="${slugger.slug(block.lines[0]!)}">${block.lines[0]}</h2>` : `<p>${block.lines.join("<br>\n")}</p>`))
    .join("\n");
}

/** The text of plain blocks: blocks apart by a blank line, a poem's lines by a line break. */
export function plainBodyText(blocks: readonly PlainBlock[]): string {
  return blocks.map((block) => block.lines.join("\n")).join("\n\n");
}
