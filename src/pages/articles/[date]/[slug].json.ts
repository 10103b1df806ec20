// The article as a CSL-JSON reference for citation managers (src/lib/site/citation-export.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { articleCslJson } from "../../../lib/site/citation-export.ts";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { cacheKey } from "../../../lib/site/page-keys.ts";
import { articleParams, articlePath } from "../../../lib/site/paths.ts";

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.articles.map((article) => ({ params: articleParams(article.id), props: { article }, cacheKey: cacheKey(article.id, article.data) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ArticleEntry }> = ({ props, site }) =>
  new Response(articleCslJson(props.article, { url: new URL(articlePath(props.article.id), site).href }), {
    headers: { "Content-Type": "application/vnd.citationstyles.csl+json; charset=utf-8" },
  });
