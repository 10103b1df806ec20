/**
 * The article collection: one Markdown file per printed item, written by the ingest
 * (`npm run ingest`) to content/articles/<date>/<slug>.md. This schema is the reference for the
 * frontmatter; the TypeScript shape shared with the ingest is src/lib/article.ts.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { ITEM_KINDS, type ArticleFrontmatter } from "./lib/article.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = z
  .string({ error: 'expected a quoted ISO date such as "2022-11-08"' })
  .regex(ISO_DATE, 'expected an ISO date such as "2022-11-08"')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: "not a calendar date",
  });

const name = z.string().trim().min(1, "empty name");
const names = z.array(name);

const series = z.strictObject({
  /** Name of the running series, as printed in its label (五化协同 大抓基层). */
  name: z.string().min(1),
  /** Instalment number as printed (① → 1); null when the label carries none. */
  no: z.number().int().positive().nullable(),
});

export const articleSchema = z.strictObject({
  /** Headline as printed; for a brief without one, its opening words (chosen by the ingest). */
  title: z.string().trim().min(1, "empty title"),
  /** Deck printed with the headline (the "——…" line), without the dash; null when there is none. */
  subtitle: z.string().min(1).nullable(),
  /** What the item is on the page: a reported article, a signed commentary, a captioned photo, or a short brief. */
  kind: z.enum(ITEM_KINDS),
  /** Column label printed above the item (◎广角 → 广角); null when none. */
  section: z.string().min(1).nullable(),
  /** The running series the item belongs to, from its label (◎五化协同 大抓基层①); null when none. */
  series: series.nullable(),
  /** Staff reporters from the byline (本报记者 …, 见习记者 …), in byline order. */
  reporters: names,
  /** Correspondents from the byline (通讯员 …), in byline order. */
  correspondents: names,
  /** Photographers from photo credits (… 摄), in print order. */
  photographers: names,
  /** Signed authors of a commentary. */
  authors: names,
  /** League-level division the item is about (official name, e.g. 呼和浩特市); 内蒙古 when region-wide; null when unknown. */
  location: z.string().min(1).nullable(),
  /** County-level unit within `location` (official name, e.g. 玉泉区); null when none or unknown. */
  county: z.string().min(1).nullable(),
  /** Publication date of the issue, ISO (YYYY-MM-DD), quoted in YAML. */
  date: isoDate,
  /** Id of the issue the item was printed in (the issue's date); links the item to /issues/<issue>/. */
  issue: z.string().min(1),
  /** Position of the item on its page, 1-based, in reading order. */
  order: z.number().int().positive(),
  /** File name of the raw page text in content/issues/ the item was parsed from. */
  source: z.string().regex(/^[\w.-]+\.txt$/, "expected a file name in content/issues/, e.g. 2022-11-08_000_0e8d57b71d93ccd5.txt"),
}) satisfies z.ZodType<ArticleFrontmatter>;

const articles = defineCollection({
  loader: glob({
    pattern: "**/*.md",
    base: "./content/articles",
    // Keep the path as the id (= permalink) exactly as the ingest wrote it; the default would re-slug it.
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
  }),
  schema: articleSchema,
});

export const collections = { articles };
