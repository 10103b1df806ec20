// The latest items as an RSS feed; notices (公告, 广告) are not news and stay out of it.
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getArchive } from "../lib/site/collection.ts";
import { KIND_LABEL } from "../lib/site/format.ts";
import { articlePath } from "../lib/site/paths.ts";
import { SITE } from "../lib/site/site-info.ts";

const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: site!,
    trailingSlash: true,
    customData: "<language>zh-CN</language>",
    items: archive.countedArticles.slice(0, FEED_SIZE).map(({ id, data }) => ({
      title: data.title,
      link: articlePath(id),
      pubDate: new Date(`${data.date}T00:00:00+08:00`),
      description: [KIND_LABEL[data.kind], data.subtitle, data.section, data.location].filter(Boolean).join(" · "),
      categories: [KIND_LABEL[data.kind], ...(data.section ? [data.section] : [])],
    })),
  });
};
