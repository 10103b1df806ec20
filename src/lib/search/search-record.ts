/**
 * What the search index records about an article besides its text: the filters a reader narrows
 * by, the metadata a result shows, and the sort key. The document Pagefind indexes for an article
 * carries these as data-pagefind-filter / -meta / -sort attributes (search-document.ts).
 *
 * Each value sits on an element of its own and is read from an attribute
 * (`data-pagefind-filter="person[value]"`): Pagefind 1.6 does not split a comma list such as
 * "person:甲, region:乙" into two filters (checked: it records one person named "甲, region:乙").
 */
import type { ArticleFrontmatter, PrintedPage } from "../article.ts";
import { ROLES, ROLE_FIELD } from "../site/archive.ts";
import { ROLE_LABEL } from "../site/format.ts";
import { DAY_FILTER, MONTH_FILTER } from "./date-range.ts";
import { META_KEYS, SORT_KEY, type FilterKey, type MetaKey } from "./index-schema.ts";

export type PagefindFieldKind = "filter" | "meta" | "sort";

export interface PagefindField {
  kind: PagefindFieldKind;
  key: string;
  value: string;
}

/** Everyone credited, in byline order, each once. */
export function creditedPeople(data: ArticleFrontmatter): string[] {
  return [...new Set(ROLES.flatMap((role) => data[ROLE_FIELD[role]]))];
}

/** "记者 宋爽 王五；通讯员 李四": the credits as one line of text. */
export function bylineText(data: ArticleFrontmatter): string {
  return ROLES.flatMap((role) => {
    const names = data[ROLE_FIELD[role]];
    return names.length === 0 ? [] : [`${ROLE_LABEL[role]} ${names.join(" ")}`];
  }).join("；");
}

/** "第5版 党建" (or the part the page says: "第5版", "党建"): the printed page as a citation gives it; null when unknown. */
export function printedPageLabel(page: PrintedPage): string | null {
  const parts = [page.no === null ? null : `第${page.no}版`, page.name];
  return parts.filter((part) => part !== null).join(" ") || null;
}

/** Pagefind's weight of an <h1>, given to the headline where the index reads it. */
export const TITLE_WEIGHT = 7;

/**
 * What the index should read besides the body (data-pagefind-body sits on the body, so that
 * excerpts show the article's text rather than its header): the deck, column, series, every
 * name credited, the agency (a reader types 新华社 to find wire copy) and the places. The headline
 * is indexed too, with TITLE_WEIGHT. The page's name is a filter, not text: as text, 经济 would
 * find every item printed on the 经济 page rather than the items about the economy.
 */
export function searchableLabels(data: ArticleFrontmatter): string[] {
  const labels = [data.subtitle, data.section, data.series?.name, ...creditedPeople(data), data.agency, data.location, data.county];
  return [...new Set(labels.filter((label): label is string => Boolean(label)))];
}

/** The filter values of an article, per filter. */
export function articleFilters(data: ArticleFrontmatter): Record<FilterKey, string[]> {
  return {
    person: creditedPeople(data),
    region: data.location ? [data.location] : [],
    county: data.county ? [data.county] : [],
    page: data.page.name ? [data.page.name] : [],
    section: data.section ? [data.section] : [],
    agency: data.agency ? [data.agency] : [],
    kind: [data.kind],
    year: [data.date.slice(0, 4)],
  };
}

/** Every filter, meta and sort value of an article, in a stable order. */
export function searchRecordFields(data: ArticleFrontmatter): PagefindField[] {
  const fields: PagefindField[] = [];
  for (const [key, values] of Object.entries(articleFilters(data))) {
    for (const value of values) fields.push({ kind: "filter", key, value });
  }
  // What a date range and the timeline narrow and count by (date-range.ts); not shown as filters.
  fields.push({ kind: "filter", key: MONTH_FILTER, value: data.date.slice(0, 7) });
  fields.push({ kind: "filter", key: DAY_FILTER, value: data.date });
  const meta: Record<MetaKey, string | null> = {
    date: data.date,
    kind: data.kind,
    page: printedPageLabel(data.page),
    section: data.section,
    agency: data.agency,
    byline: bylineText(data) || null,
    location: data.location,
    county: data.county,
    subtitle: data.subtitle,
  };
  for (const key of META_KEYS) {
    const value = meta[key];
    if (value) fields.push({ kind: "meta", key, value });
  }
  fields.push({ kind: "sort", key: SORT_KEY, value: data.date });
  return fields;
}

/** The attribute that carries a field, reading its value from the element's `value` attribute. */
export function pagefindAttribute(field: PagefindField): Record<string, string> {
  return { [`data-pagefind-${field.kind}`]: `${field.key}[value]`, value: field.value };
}
