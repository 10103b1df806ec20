// A year's articles' metadata as JSON (src/lib/site/data-export.ts); /data/articles.json joins the years.
import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { articlesToJson } from "../../../lib/site/data-export.ts";
import { articlesYearPath } from "../../../lib/site/paths.ts";
import { yearFilePaths } from "../../../lib/site/year-files.ts";

export const getStaticPaths = (async () => yearFilePaths((await getArchive()).articles, (year) => articlesYearPath(year, "json"))) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: ArticleEntry[] }> = ({ props, site }) =>
  new Response(articlesToJson(props.articles, { origin: site!.origin }), { headers: { "Content-Type": "application/json; charset=utf-8" } });
