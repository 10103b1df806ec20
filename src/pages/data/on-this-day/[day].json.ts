// One month-day's "on this day" picks, fetched by the home page's script (src/lib/site/on-this-day.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, type ArticleEntry } from "../../../lib/site/collection.ts";
import { MONTH_DAYS, onThisDayPicks, type OnThisDayFile } from "../../../lib/site/on-this-day.ts";
import { cacheKey } from "../../../lib/site/page-keys.ts";
import { articlePath } from "../../../lib/site/paths.ts";
import { spanningPaths } from "../../../lib/site/site-part.ts";
import { toTraditional } from "../../../lib/site/traditional.ts";

export const getStaticPaths = (async () =>
  spanningPaths(async () => {
    const picks = onThisDayPicks((await getArchive()).articles);
    // Every day of the year has a file, an empty one too, so that the script never meets a 404.
    return MONTH_DAYS.map((day) => {
      const articles = picks.get(day) ?? [];
      return { params: { day }, props: { articles }, cacheKey: cacheKey(day, articles.map((a) => [a.id, a.data.title])) };
    });
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: ArticleEntry[] }, { day: string }> = ({ params, props }) => {
  const file: OnThisDayFile = {
    day: params.day,
    articles: props.articles.map((a) => ({ url: articlePath(a.id), date: a.data.date, title: a.data.title, titleHant: toTraditional(a.data.title) })),
  };
  return new Response(`${JSON.stringify(file)}\n`, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
