/**
 * Writes an article as a Markdown file: YAML frontmatter with exactly the article keys,
 * then the body. Page text is built as an mdast tree of text nodes and serialised by
 * mdast-util-to-markdown, which escapes whatever Markdown or HTML would otherwise read
 * as markup, so nothing in a page can become a link, an image or a script.
 */
import type { Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { Document, Scalar } from "yaml";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";

export interface BodyBlock {
  text: string;
  heading: boolean;
}

export function frontmatterYaml(frontmatter: ArticleFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONTMATTER_KEYS) ordered[key] = frontmatter[key];
  const doc = new Document(ordered);
  // Dates stay strings: unquoted, YAML readers would turn them into timestamps.
  for (const key of ["date", "issue"] as const) {
    const node = new Scalar(frontmatter[key]);
    node.type = Scalar.QUOTE_DOUBLE;
    doc.set(key, node);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function bodyMarkdown(blocks: BodyBlock[]): string {
  const children: RootContent[] = blocks.map((block) =>
    block.heading
      ? { type: "heading", depth: 2, children: [{ type: "text", value: block.text }] }
      : { type: "paragraph", children: [{ type: "text", value: block.text }] },
  );
  const tree: Root = { type: "root", children };
  return toMarkdown(tree, { bullet: "-", emphasis: "_", strong: "*", fences: true });
}

export function articleMarkdown(frontmatter: ArticleFrontmatter, body: BodyBlock[]): string {
  return `---\n${frontmatterYaml(frontmatter)}---\n\n${bodyMarkdown(body)}`;
}
