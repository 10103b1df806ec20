/**
 * Writes the sitemap after the build (src/lib/site/sitemap.ts). The Traditional mirror's pages
 * are written after the build too (traditional-mirror.ts), so they are not among the pages Astro
 * lists; every page has exactly one twin at /zh-hant/<path>, which the sitemap adds.
 */
import type { AstroIntegration } from "astro";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { SITEMAP_INDEX, sitemapFiles, sitemapPagePaths } from "../lib/site/sitemap.ts";

/**
 * `traditional`: whether the pages have Traditional twins to list (the config's languages.traditional).
 * `whole`: false in a build of one part of the site, whose pages the join lists (site-part-output.ts).
 */
export function archiveSitemap(options: { traditional?: boolean; whole?: boolean } = {}): AstroIntegration {
  let origin = "";
  return {
    name: "archive:sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        origin = new URL(config.site ?? "http://localhost/").origin;
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (options.whole === false) return;
        const root = fileURLToPath(dir);
        const paths = sitemapPagePaths(pages.map((page) => page.pathname));
        const files = sitemapFiles(origin, paths, undefined, options.traditional ?? true);
        await Promise.all([...files].map(([name, xml]) => writeFile(path.join(root, name), xml)));
        logger.info(`${SITEMAP_INDEX} and ${files.size - 1} sitemap file${files.size === 2 ? "" : "s"}: ${paths.length * 2} pages`);
      },
    },
  };
}
