// A year's articles' metadata as CSV (src/lib/site/data-export.ts); /data/articles.csv joins the years.
import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { articlesToCsv } from "../../../lib/site/data-export.ts";
import { articlesYearPath } from "../../../lib/site/paths.ts";
import { yearFilePaths } from "../../../lib/site/year-files.ts";

export const getStaticPaths = (async () => yearFilePaths((await getArchive()).articles, (year) => articlesYearPath(year, "csv"))) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: ArticleEntry[] }> = ({ props, site }) =>
  new Response(articlesToCsv(props.articles, { origin: site!.origin }), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
