/**
 * An article's body as HTML: its Markdown rendered with the site's unified processor
 * (markdown.ts). The article page renders its own body from the file (the collection keeps only
 * frontmatter, article-loader.ts), and the search index renders the same bodies the same way.
 */
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { ARTICLE_MARKDOWN } from "./markdown.ts";

export type MarkdownProcessor = Awaited<ReturnType<typeof createMarkdownProcessor>>;

let shared: Promise<MarkdownProcessor> | undefined;

/** The processor, made once per process (making one loads every plugin). */
export function articleMarkdownProcessor(): Promise<MarkdownProcessor> {
  shared ??= createMarkdownProcessor({ ...ARTICLE_MARKDOWN, syntaxHighlight: false });
  return shared;
}

/** The HTML of an article's Markdown body. */
export async function articleBodyHtml(markdown: string): Promise<string> {
  return (await (await articleMarkdownProcessor()).render(markdown)).code;
}
