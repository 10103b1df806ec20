/**
 * Writes an article as a Markdown file: YAML frontmatter with exactly the article keys,
 * then the body. Page text is built as an mdast tree of text nodes and serialised by
 * mdast-util-to-markdown, which escapes whatever Markdown or HTML would otherwise read
 * as markup, so nothing in a page can become a link, an image or a script.
 */
import type { Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { dump } from "js-yaml";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";

export interface BodyBlock {
  text: string;
  heading: boolean;
}

export function frontmatterYaml(frontmatter: ArticleFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONTMATTER_KEYS) ordered[key] = frontmatter[key];
  // js-yaml quotes strings that would read back as another type (a date, a number, no),
  // so "2022-11-08" stays a string; it is also the fastest YAML writer at 100,000 files.
  return dump(ordered, { lineWidth: -1, noRefs: true });
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
