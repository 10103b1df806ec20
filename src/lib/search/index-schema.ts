/**
 * The search index's fields, shared by what writes them (search-record.ts, at build time) and
 * what reads them (the search page). Each is a Pagefind filter, meta or sort key.
 */

/**
 * The filters a reader can narrow by:
 * - person: anyone credited (reporter, correspondent, photographer or author);
 * - region: the league-level division (frontmatter `location`, 内蒙古 when region-wide);
 * - county: the county-level unit;
 * - page: the name of the newspaper page (版名: 要闻, 经济, 党建 …); none when the page has no name;
 * - section: the column label;
 * - agency: the wire service or paper an item comes from (新华社, 人民日报 …); none for the paper's own;
 * - kind: article, commentary, photo, brief or notice; year: the issue year.
 */
export const FILTER_KEYS = ["person", "region", "county", "page", "section", "agency", "kind", "year"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Metadata a result shows; Pagefind adds `title` from the article's <h1>. `page` is the printed
 * page as cited (第5版 党建), `agency` the source of wire copy (新华社), `subtitle` the deck, which
 * a result's export cites after the title (result-export.ts).
 */
export const META_KEYS = ["date", "kind", "page", "section", "agency", "byline", "location", "county", "subtitle"] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** The one sort key: the issue date, ISO, so that string order is date order. */
export const SORT_KEY = "date";
