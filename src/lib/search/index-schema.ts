/**
 * The search index's fields, shared by what writes them (search-record.ts, at build time) and
 * what reads them (the search page). Each is a Pagefind filter, meta or sort key.
 */

/**
 * The filters a reader can narrow by:
 * - person: anyone credited (reporter, correspondent, photographer or author);
 * - region: the league-level division (frontmatter `location`, 内蒙古 when region-wide);
 * - county: the county-level unit; section: the column label;
 * - kind: article, commentary, photo or brief; year: the issue year.
 */
export const FILTER_KEYS = ["person", "region", "county", "section", "kind", "year"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Metadata a result shows; Pagefind adds `title` from the article's <h1>. */
export const META_KEYS = ["date", "kind", "section", "byline", "location", "county"] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** The one sort key: the issue date, ISO, so that string order is date order. */
export const SORT_KEY = "date";
