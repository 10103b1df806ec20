// The article's Markdown file exactly as the ingest wrote it (frontmatter and body).
import type { APIRoute, GetStaticPaths } from "astro";
import { readFile } from "node:fs/promises";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { cacheKey } from "../../../lib/site/page-keys.ts";
import { articleParams } from "../../../lib/site/paths.ts";

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.articles.map((article) => ({ params: articleParams(article.id), props: { article }, cacheKey: cacheKey(article.digest ?? [article.data, article.body]) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props }) => {
  const { filePath } = props.article;
  if (!filePath) throw new Error(`Article ${props.article.id} has no source file`);
  return new Response(await readFile(filePath), {
    headers: { "Content-Type": "text/markdown; charset=utf-8" },
  });
};
