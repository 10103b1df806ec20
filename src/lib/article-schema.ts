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
    /** The kicker (引题) printed above the headline, or null. */
    kicker: z.string().min(1).nullable(),
    /**
     * article (reports, features, essays and poems), commentary (评论: a commentary column such as 观潮,
     * an editorial 本报评论员, a signed opinion or theory piece), photo (picture with caption), brief
     * (an item under a briefs column such as 信息集装箱) or notice (公告, 启事, 声明, 广告: kept and
     * searchable, left out of feeds and statistics).
     */
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
    /**
     * Writers of signed pieces: commentaries (□Name), essays and poems (文/Name), theory articles.
     * An institutional byline (本报评论员, 新华社评论员) is kept here as printed; it names no person.
     */
    authors: personList,
    /** The author's position or affiliation as printed with the byline (作者单位：… / 作者系… / a title before the name), or null. */
    affiliation: z.string().min(1).nullable(),
    /** The wire service or other paper the item comes from (新华社, 人民日报 …); null for the paper's own items. */
    agency: z.string().min(1).nullable(),
    /** League-level division the item is mainly about (official name), 内蒙古 when region-wide, null when unknown or about another province or the whole country. */
    location: z.string().nullable(),
    /** County-level unit (旗/县/区/市) it is mainly about, or null. */
    county: z.string().nullable(),
    /** Issue date, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Issue id (the issue date). */
    issue: z.string().min(1),
    /** The page it was printed on (第5版 党建 → {no: 5, name: 党建}); null parts where the page does not say. */
    page: z.object({ no: z.number().int().positive().nullable(), name: z.string().min(1).nullable() }).strict(),
    /** Position of the item on its page, from 1. */
    order: z.number().int().positive(),
    /** The raw issue file it came from, relative to content/issues/. */
    source: z.string().min(1),
  })
  .strict();

export type ArticleFrontmatterInput = z.infer<typeof articleFrontmatterSchema>;
