/**
 * The article frontmatter schema, one place for both the ingest (which validates
 * editors' corrections with it) and the site's content collection.
 */
import { z } from "zod";
import { ITEM_KINDS } from "./article.ts";

const personList = z.array(z.string().min(1));

export const articleFrontmatterSchema = z
  .object({
    /** Headline as printed; for an item printed without one, made from its first sentence. */
    title: z.string().min(1),
    /** The deck (——…) under the headline, or null. */
    subtitle: z.string().nullable(),
    /** article, commentary (column 观潮 or an author's byline), photo (picture with caption) or brief (信息集装箱). */
    kind: z.enum(ITEM_KINDS),
    /** Column label without ◎ (广角, 学思践悟, 掠影 …), or null when the item has none. */
    section: z.string().nullable(),
    /** Numbered series the item belongs to (◎五化协同 大抓基层② → {name, no: 2}), or null. */
    series: z.object({ name: z.string().min(1), no: z.number().int().positive().nullable() }).nullable(),
    /** Staff reporters (本报记者, 见习记者), names as printed, OCR variants folded. */
    reporters: personList,
    /** Correspondents (通讯员). */
    correspondents: personList,
    /** Photographers credited with 摄. */
    photographers: personList,
    /** Authors of commentaries (□Name). */
    authors: personList,
    /** League-level division the item is mainly about (official name), 内蒙古 when region-wide, null when unknown. */
    location: z.string().nullable(),
    /** County-level unit (旗/县/区/市) it is mainly about, or null. */
    county: z.string().nullable(),
    /** Issue date, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Issue id (the issue date). */
    issue: z.string().min(1),
    /** Position of the item on its page, from 1. */
    order: z.number().int().positive(),
    /** The raw issue file it came from, relative to content/issues/. */
    source: z.string().min(1),
  })
  .strict();

export type ArticleFrontmatterInput = z.infer<typeof articleFrontmatterSchema>;
