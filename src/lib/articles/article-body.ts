/**
 * An article's body as HTML: its Markdown rendered with the site's unified processor
 * (markdown.ts). The article page renders its own body from the file (the collection keeps only
 * frontmatter, article-loader.ts), and the search index renders the same bodies the same way.
 * A plain body, most of them, is written without the processor, to the same bytes (plain-body.ts).
 */
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { ARTICLE_MARKDOWN } from "./markdown.ts";
import { plainBlocks, plainBodyHtml } from "./plain-body.ts";

export type MarkdownProcessor = Awaited<ReturnType<typeof createMarkdownProcessor>>;

let shared: Promise<MarkdownProcessor> | undefined;

/** The processor, made once per process (making one loads every plugin). */
export function articleMarkdownProcessor(): Promise<MarkdownProcessor> {
  shared ??= createMarkdownProcessor({ ...ARTICLE_MARKDOWN, syntaxHighlight: false });
  return shared;
}

/** The HTML of an article's Markdown body, as the processor renders it. */
export async function renderedBodyHtml(markdown: string): Promise<string> {
  return (await (await articleMarkdownProcessor()).render(markdown)).code;
}

/** The HTML of an article's Markdown body. */
export async function articleBodyHtml(markdown: string): Promise<string> {
  const blocks = plainBlocks(markdown);
  return blocks === null ? renderedBodyHtml(markdown) : plainBodyHtml(blocks);
}
