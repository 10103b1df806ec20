/**
 * How article bodies are rendered: Astro's unified (remark/rehype) processor, with these options
 * (astro.config.mjs passes them to `unified()`; tests/unit/site-markdown.test.ts renders with them).
 */
import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import { rehypeSafeUrls } from "./rehype-safe-urls.ts";

export const ARTICLE_MARKDOWN: UnifiedProcessorOptions = {
  // GFM would read "10~20万元" as strikethrough and bare domains as links; the ingest writes
  // plain paragraphs and "## " subheads, which CommonMark covers.
  gfm: false,
  // Keep the printed punctuation as printed.
  smartypants: false,
  // Raw HTML in an article body is dropped, never rendered (the ingest escapes "<" in text).
  remarkRehype: { allowDangerousHtml: false },
  rehypePlugins: [rehypeSafeUrls],
};
