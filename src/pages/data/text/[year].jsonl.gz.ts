// A year's articles with their full text, as gzipped JSON Lines (src/lib/site/full-text.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { articleFileBody } from "../../../lib/articles/article-files.ts";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { fullTextByYear, fullTextJsonLines, gzipDeterministic, markdownPlainText } from "../../../lib/site/full-text.ts";
import { cacheKey } from "../../../lib/site/page-keys.ts";
import { fullTextPath } from "../../../lib/site/paths.ts";
import { datedPaths } from "../../../lib/site/site-part.ts";

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  const byYear = fullTextByYear(archive.articles);
  return datedPaths([...byYear.keys()], fullTextPath).map((year) => {
    const articles = byYear.get(year)!;
    return { params: { year }, props: { articles }, cacheKey: cacheKey(year, articles.map((a) => [a.id, a.digest])) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: ArticleEntry[] }> = async ({ props, site }) => {
  const texts = [];
  for (const entry of props.articles) {
    texts.push({ entry, text: await markdownPlainText(articleFileBody(readFileSync(entry.filePath, "utf8"))) });
  }
  return new Response(gzipDeterministic(fullTextJsonLines(texts, site!.origin)), {
    headers: { "Content-Type": "application/gzip" },
  });
};
