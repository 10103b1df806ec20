/**
 * The article collection: one Markdown file per printed item, written by the ingest
 * (`npm run ingest`) to content/articles/<date>/<slug>.md. Its frontmatter schema, with a line on
 * every field, is src/lib/article-schema.ts: the ingest validates with the same schema, so the two
 * can never disagree.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { articleFrontmatterSchema } from "./lib/article-schema.ts";
import { ARTICLE_FILES_GLOB } from "./lib/site/paths.ts";

/**
 * YAML reads an unquoted 2022-11-08 as a timestamp, which the schema would only report as
 * "expected string, received object"; say what to write instead.
 */
const frontmatter = z.preprocess((data, ctx) => {
  if (data === null || typeof data !== "object") return data;
  const fixed: Record<string, unknown> = { ...data };
  for (const key of ["date", "issue"]) {
    const value = fixed[key];
    if (value instanceof Date) {
      const iso = value.toISOString().slice(0, 10);
      ctx.addIssue({ code: "custom", path: [key], message: `write the date quoted, as ${key}: "${iso}"`, input: value });
      fixed[key] = iso;
    }
  }
  return fixed;
}, articleFrontmatterSchema);

const articles = defineCollection({
  loader: glob({
    pattern: ARTICLE_FILES_GLOB,
    // $ARCHIVE_CONTENT_DIR builds the site from another ingest's output (the benchmark, the escaping test).
    base: process.env["ARCHIVE_CONTENT_DIR"] || "./content/articles",
    // The id is the file's path as the ingest wrote it (= the permalink); the default would re-slug it.
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
    // Pages use the rendered body and the entry's digest; the Markdown download reads the file
    // itself. Not keeping every body in the store saves ~0.4 GB at 100,000 articles.
    retainBody: false,
  }),
  schema: frontmatter,
});

export const collections = { articles };
