/**
 * The article record shared by the ingest (which writes it as Markdown frontmatter), the site (which
 * reads it back through the content collection) and the search index. Its one definition is the
 * zod schema of src/lib/article-schema.ts, with a line on every field; the types here are inferred
 * from it, so the two can never disagree.
 */
import type { z } from "zod";
import { ITEM_KINDS, articleFrontmatterSchema } from "./article-schema.ts";

export { ITEM_KINDS };
export type ItemKind = (typeof ITEM_KINDS)[number];

/** An article's frontmatter: every key, in the order written (FRONTMATTER_KEYS). */
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

/** The numbered series an item belongs to (◎五化协同 大抓基层② → {name, no: 2}). */
export type Series = NonNullable<ArticleFrontmatter["series"]>;

/** The newspaper page an item was printed on: 第5版 党建 → {no: 5, name: "党建"}. */
export type PrintedPage = ArticleFrontmatter["page"];

/** Frontmatter keys in the order they are written: the schema's order. */
export const FRONTMATTER_KEYS = Object.keys(articleFrontmatterSchema.shape) as readonly (keyof ArticleFrontmatter)[];
