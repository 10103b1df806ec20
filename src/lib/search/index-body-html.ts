/**
 * An article body's HTML for the search index, byte for byte what the site's renderer
 * (src/lib/articles/article-body.ts) makes of it, made without the renderer for the bodies the
 * ingest writes (src/lib/ingest/markdown.ts): paragraphs of plain text, "## " subheads and
 * stanzas whose lines end in CommonMark's hard break ("\"). Anything else, or any line with a
 * character Markdown might read as syntax, goes through the renderer. Rendering every body with
 * unified was the index's largest cost in Node (docs/scale.md, "The index").
 */
import { articleBodyHtml } from "../articles/article-body.ts";

/**
 * A line that CommonMark reads as its own text, whichever line of a paragraph or subhead it is:
 * none of the characters of inline syntax, entities, HTML or escapes; no block marker at its start
 * (quote, list, setext underline, thematic break, heading, fence, indented code); no white space
 * at either end (stripped, or a hard break); no control character, lone surrogate or quote mark
 * that the HTML writer might spell otherwise.
 */
const PLAIN_LINE = /^(?![>+\-=*#]|\d+[.)])[^\s\\`*_[\]<>&|~#{}"'\p{Cc}\p{Cs}](?:[^\\`*_[\]<>&|~#{}"'\p{Cc}\p{Cs}\t]*[^\s\\`*_[\]<>&|~#{}"'\p{Cc}\p{Cs}])?$/u;

/** The HTML of a plain paragraph's lines: a line ending in "\" breaks before the next. */
function paragraphHtml(lines: readonly string[]): string | null {
  let html = "<p>";
  for (const [i, line] of lines.entries()) {
    const last = i === lines.length - 1;
    const text = !last && line.endsWith("\\") ? line.slice(0, -1) : line;
    if (!PLAIN_LINE.test(text)) return null;
    html += last ? text : text === line ? `${text}\n` : `${text}<br>\n`;
  }
  return `${html}</p>`;
}

/**
 * The body's HTML when every block is plain (paragraphs and subheads, one blank line between
 * them), else null. Subheads are left as `null` slots: their ids come from the renderer.
 */
function plainBlocks(markdown: string): { blocks: (string | null)[]; headings: string[] } | null {
  const body = markdown.replace(/^\n+/, "").replace(/\n+$/, "");
  if (body === "") return null;
  const blocks: (string | null)[] = [];
  const headings: string[] = [];
  for (const block of body.split("\n\n")) {
    if (block === "" || block.startsWith("\n")) return null;
    if (block.startsWith("## ")) {
      const text = block.slice(3);
      if (!PLAIN_LINE.test(text)) return null;
      headings.push(text);
      blocks.push(null);
      continue;
    }
    const html = paragraphHtml(block.split("\n"));
    if (html === null) return null;
    blocks.push(html);
  }
  return { blocks, headings };
}

/** The HTML of an article's Markdown body, as articleBodyHtml renders it. */
export async function indexBodyHtml(markdown: string): Promise<string> {
  const plain = plainBlocks(markdown);
  if (plain === null) return articleBodyHtml(markdown);
  const { blocks, headings } = plain;
  if (headings.length === 0) return blocks.join("\n");
  // A subhead's id depends on the subheads before it (a repeated one is numbered): the renderer
  // gives the ids from the subheads alone, as it would within the whole body.
  const rendered = (await articleBodyHtml(headings.map((text) => `## ${text}\n`).join("\n"))).split("\n");
  if (rendered.length !== headings.length) return articleBodyHtml(markdown);
  let next = 0;
  return blocks.map((html) => html ?? rendered[next++]!).join("\n");
}
