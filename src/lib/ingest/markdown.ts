/**
 * Writes an article as a Markdown file: YAML frontmatter with exactly the article keys,
 * then the body. Page text is built as an mdast tree of text nodes and serialised by
 * mdast-util-to-markdown, which escapes whatever Markdown or HTML would otherwise read
 * as markup, so nothing in a page can become a link, an image or a script.
 */
import type { PhrasingContent, Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { isPlainYamlText, stringifyYaml } from "../yaml.ts";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";

export interface BodyBlock {
  text: string;
  heading: boolean;
  /** A line of a poem: printed on its own line, without paragraph spacing from the next verse line. */
  verse?: boolean;
}

const YAML_OPTIONS = { lineWidth: -1, noRefs: true } as const;

export function frontmatterYaml(frontmatter: Readonly<ArticleFrontmatter>): string {
  const fast = plainFrontmatterYaml(frontmatter);
  if (fast !== null) return fast;
  const ordered: Record<string, unknown> = {};
  for (const key of FRONTMATTER_KEYS) ordered[key] = frontmatter[key];
  // js-yaml quotes strings that would read back as another type (a date, a number, no),
  // so "2022-11-08" stays a string; of the YAML writers it is the fastest (docs/scale.md).
  return stringifyYaml(ordered, YAML_OPTIONS);
}

/** Single-line scalars as js-yaml writes them (a file name and a date recur on every article of a page). */
const writtenScalars = new Map<string, string>();

/** A scalar as js-yaml writes it as a mapping value, or null when it would take more than one line. */
function yamlScalar(value: string | number | null): string | null {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0) ? String(value) : null;
  if (isPlainYamlText(value)) return value;
  if (value.includes("\n") || value.includes("\r")) return null;
  let written = writtenScalars.get(value);
  if (written === undefined) {
    written = stringifyYaml(value, YAML_OPTIONS).replace(/\n$/u, "");
    if (written.includes("\n")) return null;
    if (writtenScalars.size < 10_000) writtenScalars.set(value, written);
  }
  return written;
}

/**
 * The frontmatter written as js-yaml's dump would write it, without js-yaml's per-character
 * work for the common case, a large share of the ingest's time (docs/scale.md); null for anything
 * it does not write the same way for sure, which js-yaml then writes. A test holds the two equal.
 */
function plainFrontmatterYaml(frontmatter: Readonly<ArticleFrontmatter>): string | null {
  let yaml = "";
  for (const key of FRONTMATTER_KEYS) {
    const value = frontmatter[key];
    if (Array.isArray(value)) {
      if (value.length === 0) {
        yaml += `${key}: []\n`;
        continue;
      }
      yaml += `${key}:\n`;
      for (const item of value) {
        const written = typeof item === "string" ? yamlScalar(item) : null;
        if (written === null) return null;
        yaml += `  - ${written}\n`;
      }
    } else if (key === "page" || key === "series") {
      if (value === null) {
        yaml += `${key}: null\n`;
        continue;
      }
      const { name, no } = value as { name: string | null; no: number | null };
      const [writtenName, writtenNo] = [yamlScalar(name), yamlScalar(no)];
      if (writtenName === null || writtenNo === null) return null;
      // js-yaml keeps the key order of the object and quotes 'no' (a YAML 1.1 boolean).
      const lines = { name: `  name: ${writtenName}\n`, no: `  'no': ${writtenNo}\n` };
      const keys = Object.keys(value);
      if (keys.length !== 2 || !keys.includes("name") || !keys.includes("no")) return null;
      yaml += `${key}:\n${keys.map((k) => lines[k as keyof typeof lines]).join("")}`;
    } else {
      const written = typeof value === "string" || typeof value === "number" || value === null ? yamlScalar(value) : null;
      if (written === null) return null;
      yaml += `${key}: ${written}\n`;
    }
  }
  return yaml;
}

/**
 * Text that CommonMark reads as plain text wherever it stands: none of the characters
 * that open inline syntax (\\ ` * _ [ ] < > & | ~ #), and no line start that opens a
 * block (#, >, +, -, =, a list number, indentation). Most Chinese prose is inert and is
 * written as it is; any other text goes through the mdast serialiser, which escapes
 * exactly what needs it, at a fraction of the serialiser's cost (docs/scale.md).
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

export function articleMarkdown(frontmatter: Readonly<ArticleFrontmatter>, body: BodyBlock[] | string): string {
  return `---\n${frontmatterYaml(frontmatter)}---\n\n${typeof body === "string" ? body : bodyMarkdown(body)}`;
}
