/**
 * One collection, as Astro's guide to content collections sets up a blog: the glob loader over a
 * folder of Markdown files, and a schema of the fields the pages use. Other frontmatter keys are
 * accepted and dropped. The benchmark points NAIVE_ARTICLES_DIR at the articles its ingest wrote
 * (<date>/<slug>.md); without it the folder is src/content/articles.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const articles = defineCollection({
  loader: glob({ pattern: "**/*.md", base: process.env.NAIVE_ARTICLES_DIR ?? "./src/content/articles" }),
  schema: z.object({
    title: z.string(),
    date: z.coerce.date(),
  }),
});

export const collections = { articles };
