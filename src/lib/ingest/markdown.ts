/**
 * Writes an article as a Markdown file: YAML frontmatter with exactly the article keys,
 * then the body. Page text is built as an mdast tree of text nodes and serialised by
 * mdast-util-to-markdown, which escapes whatever Markdown or HTML would otherwise read
 * as markup, so nothing in a page can become a link, an image or a script.
 */
import type { PhrasingContent, Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { dump } from "js-yaml";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";

export interface BodyBlock {
  text: string;
  heading: boolean;
  /** A line of a poem: printed on its own line, without paragraph spacing from the next verse line. */
  verse?: boolean;
}

export function frontmatterYaml(frontmatter: ArticleFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONTMATTER_KEYS) ordered[key] = frontmatter[key];
  // js-yaml quotes strings that would read back as another type (a date, a number, no),
  // so "2022-11-08" stays a string; it is also the fastest YAML writer at 100,000 files.
  return dump(ordered, { lineWidth: -1, noRefs: true });
}

/**
 * Text that CommonMark reads as plain text wherever it stands: none of the characters
 * that open inline syntax (\\ ` * _ [ ] < > & | ~ #), and no line start that opens a
 * block (#, >, +, -, =, a list number, indentation). Most Chinese prose is inert and is
 * written as it is; any other text goes through the mdast serialiser, which escapes
 * exactly what needs it. This keeps 100,000 articles fast.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~#]/u;
const BLOCK_START = /^(?:[>+\-=\s]|\d+[.)])/u;

function isInertText(text: string): boolean {
  return !INLINE_SYNTAX.test(text) && !BLOCK_START.test(text);
}

export function bodyMarkdown(blocks: BodyBlock[]): string {
  const verseLines = (block: BodyBlock) => (block.verse ? block.text.split("\n") : [block.text]);
  if (blocks.every((block) => verseLines(block).every(isInertText))) {
    // A stanza's lines end in a backslash: CommonMark's hard line break.
    return blocks.map((block) => (block.heading ? `## ${block.text}\n` : `${verseLines(block).join("\\\n")}\n`)).join("\n");
  }
  const children: RootContent[] = blocks.map((block) =>
    block.heading
      ? { type: "heading", depth: 2, children: [{ type: "text", value: block.text }] }
      : {
          type: "paragraph",
          children: verseLines(block).flatMap((line, i): PhrasingContent[] => (i === 0 ? [{ type: "text", value: line }] : [{ type: "break" }, { type: "text", value: line }])),
        },
  );
  const tree: Root = { type: "root", children };
  return toMarkdown(tree, { bullet: "-", emphasis: "_", strong: "*", fences: true });
}

export function articleMarkdown(frontmatter: ArticleFrontmatter, body: BodyBlock[] | string): string {
  return `---\n${frontmatterYaml(frontmatter)}---\n\n${typeof body === "string" ? body : bodyMarkdown(body)}`;
}
