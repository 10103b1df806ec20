/**
 * @astrojs/sitemap, told about the Traditional mirror. The mirror's pages are written after the
 * build (traditional-mirror.ts), so the sitemap integration never sees them; but every page has
 * exactly one twin at /zh-hant/<path>, so its list of pages is doubled here before it runs, and
 * each entry carries hreflang links to both versions.
 */
import sitemap from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { SIMPLIFIED, TRADITIONAL, isTraditionalPath, traditionalPath } from "../lib/site/locale.ts";

type BuildDone = NonNullable<AstroIntegration["hooks"]["astro:build:done"]>;

export function archiveSitemap(): AstroIntegration {
  let origin = "";
  const inner = sitemap({
    // Only pages (their URLs end in "/"): not the 404 page, feeds, raw text or Markdown files.
    filter: (url) => url.endsWith("/") && !/\/404\/$/.test(url),
    serialize(item) {
      const path = new URL(item.url).pathname;
      const simplified = isTraditionalPath(path) ? path.slice(TRADITIONAL.prefix.length) : path;
      item.links = [
        { lang: SIMPLIFIED.lang, url: origin + simplified },
        { lang: TRADITIONAL.lang, url: origin + traditionalPath(simplified) },
      ];
      return item;
    },
  });
  const innerBuildDone = inner.hooks["astro:build:done"] as BuildDone;
  return {
    ...inner,
    name: "archive:sitemap",
    hooks: {
      ...inner.hooks,
      "astro:config:done": async (params) => {
        origin = new URL(params.config.site ?? "http://localhost/").origin;
        await inner.hooks["astro:config:done"]?.(params);
      },
      "astro:build:done": async (params) => {
        const pages = params.pages.flatMap((page) => {
          const pathname = page.pathname.replace(/^\//, "");
          return [{ pathname }, { pathname: traditionalPath(`/${pathname}`).slice(1) }];
        });
        await innerBuildDone({ ...params, pages });
      },
    },
  };
}
