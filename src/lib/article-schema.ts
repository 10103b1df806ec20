/**
 * The article frontmatter schema: the one definition of the article record, with a line on every
 * field. The ingest writes records of this shape and validates editors' corrections with it; the
 * site's content collection and the search index read articles through it; src/lib/article.ts
 * infers the record's types from it.
 */
import { z } from "zod";

/** What an item printed in the paper is; `kind` below says what each means. */
export const ITEM_KINDS = ["article", "commentary", "photo", "brief", "notice"] as const;

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
    series: z
      .object({
        name: z.string().min(1),
        /** Instalment number as printed (① → 1); null when the label carries none. */
        no: z.number().int().positive().nullable(),
      })
      .nullable(),
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
    /**
     * The league (the province's prefecture-level division: 盟, 地级市, 自治州) the item is mainly about,
     * by official name; the province's short name (内蒙古) when it is about the whole province; null
     * when unknown or about another province or the whole country. In code a "league" (docs/glossary.md);
     * the key keeps its name, as the site's /regions/ pages and the data exports do.
     */
    location: z.string().nullable(),
    /** County-level unit (旗/县/区/市) it is mainly about, or null. */
    county: z.string().nullable(),
    /** Issue date, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Issue id (the issue date). */
    issue: z.string().min(1),
    /** The page it was printed on (第5版 党建 → {no: 5, name: 党建}); null parts where the page does not say. */
    page: z
      .object({
        /** Page number (版次), or null when neither the page nor its file says. */
        no: z.number().int().positive().nullable(),
        /** Page name (版名: 要闻, 经济, 党建 …), or null. */
        name: z.string().min(1).nullable(),
      })
      .strict(),
    /** Position of the item on its page, from 1. */
    order: z.number().int().positive(),
    /** The raw issue file it came from, relative to content/issues/. */
    source: z.string().min(1),
  })
  .strict();
