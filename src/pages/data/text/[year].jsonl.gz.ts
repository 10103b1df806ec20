// A year's articles with their full text, as gzipped JSON Lines (src/lib/site/full-text.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { articleFileBody } from "../../../lib/articles/article-files.ts";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { fullTextJsonLines, gzipDeterministic, markdownPlainText } from "../../../lib/site/full-text.ts";
import { fullTextPath } from "../../../lib/site/paths.ts";
import { yearFilePaths } from "../../../lib/site/year-files.ts";

export const getStaticPaths = (async () => yearFilePaths((await getArchive()).articles, fullTextPath)) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: ArticleEntry[] }> = async ({ props, site }) => {
  const texts = [];
  for (const entry of props.articles) {
    texts.push({ entry, text: await markdownPlainText(articleFileBody(readFileSync(entry.filePath, "utf8"))) });
  }
  return new Response(gzipDeterministic(fullTextJsonLines(texts, site!.origin)), {
    headers: { "Content-Type": "application/gzip" },
  });
};
