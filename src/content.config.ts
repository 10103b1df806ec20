/**
 * The article collection: one Markdown file per printed item, written by the ingest
 * (`npm run ingest`) to content/articles/<date>/<slug>.md. Its frontmatter schema, with a line on
 * every field, is src/lib/article-schema.ts: the ingest validates with the same schema, so the two
 * can never disagree. Astro's store holds one entry, which names the records file where the loader
 * keeps every article's checked frontmatter; the article page renders the body
 * (src/lib/site/article-loader.ts says why).
 */
import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { ARCHIVE } from "./lib/config/archive-config.ts";
import { articleLoader } from "./lib/site/article-loader.ts";

const articles = defineCollection({
  // The config's articles folder: another ingest's output for the benchmark and the tests (src/lib/config/).
  loader: articleLoader(ARCHIVE.folders.articles),
  schema: z.object({ file: z.string() }),
});

export const collections = { articles };
