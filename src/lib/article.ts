/**
 * The article record shared by the ingest (which writes it as Markdown frontmatter)
 * and the site (which reads it back through the content collection schema).
 * Field meanings are documented once, in src/content.config.ts.
 */

export const ITEM_KINDS = ["article", "commentary", "photo", "brief", "notice"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Series {
  name: string;
  /** Instalment number as printed (① → 1); null when the label carries none. */
  no: number | null;
}

/** The newspaper page an item was printed on: 第5版 党建 → {no: 5, name: "党建"}. */
export interface PrintedPage {
  /** Page number (版次), or null when neither the page nor its file says. */
  no: number | null;
  /** Page name (版名: 要闻, 经济, 党建 …), or null. */
  name: string | null;
}

export interface ArticleFrontmatter {
  title: string;
  subtitle: string | null;
  kicker: string | null;
  kind: ItemKind;
  section: string | null;
  series: Series | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
  affiliation: string | null;
  agency: string | null;
  location: string | null;
  county: string | null;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  issue: string;
  page: PrintedPage;
  order: number;
  source: string;
}

/** Frontmatter keys in the order they are written. */
export const FRONTMATTER_KEYS: readonly (keyof ArticleFrontmatter)[] = [
  "title",
  "subtitle",
  "kicker",
  "kind",
  "section",
  "series",
  "reporters",
  "correspondents",
  "photographers",
  "authors",
  "affiliation",
  "agency",
  "location",
  "county",
  "date",
  "issue",
  "page",
  "order",
  "source",
];
