/**
 * The article record shared by the ingest (which writes it as Markdown frontmatter)
 * and the site (which reads it back through the content collection schema).
 * Field meanings are documented once, in src/content.config.ts.
 */

export const ITEM_KINDS = ["article", "commentary", "photo", "brief"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Series {
  name: string;
  /** Instalment number as printed (① → 1); null when the label carries none. */
  no: number | null;
}

export interface ArticleFrontmatter {
  title: string;
  subtitle: string | null;
  kind: ItemKind;
  section: string | null;
  series: Series | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
  location: string | null;
  county: string | null;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  issue: string;
  order: number;
  source: string;
}

/** Frontmatter keys in the order they are written. */
export const FRONTMATTER_KEYS: readonly (keyof ArticleFrontmatter)[] = [
  "title",
  "subtitle",
  "kind",
  "section",
  "series",
  "reporters",
  "correspondents",
  "photographers",
  "authors",
  "location",
  "county",
  "date",
  "issue",
  "order",
  "source",
];
