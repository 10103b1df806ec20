/**
 * In a build of one part of the site (ARCHIVE_SITE_PART: src/lib/build/site-parts.ts), removes
 * what the part does not own (the few pages without parameters, which every build renders, and
 * their Traditional twins) and writes the part's manifest for the join: its name and the pages
 * the sitemap lists, which the join writes once for all parts. Runs after the integrations that
 * write files and before base-path. Does nothing in a whole build.
 */
import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { articleFilesByYear } from "../lib/articles/article-files.ts";
import { PART_MANIFEST, removeUnownedOutput, serializePartManifest } from "../lib/build/site-join.ts";
import { sitePartName, sitePartOwnsPath, type SitePart } from "../lib/build/site-parts.ts";
import { sitemapPagePaths } from "../lib/site/sitemap.ts";

/** `part`: what this build makes (the config's sitePart); `articles`: the articles folder, whose years the join checks. */
export function sitePartOutput(options: { part: SitePart; articles: string }): AstroIntegration {
  const { part } = options;
  let articlesDir = "";
  return {
    name: "archive:site-part-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        articlesDir = path.resolve(fileURLToPath(config.root), options.articles);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (part.kind === "whole") return;
        const root = fileURLToPath(dir);
        const removed = removeUnownedOutput(root, part);
        const owned = sitemapPagePaths(pages.map((page) => page.pathname)).filter((page) => sitePartOwnsPath(part, page));
        const years = [...(await articleFilesByYear(articlesDir)).keys()].map(Number);
        writeFileSync(path.join(root, PART_MANIFEST), serializePartManifest({ part: sitePartName(part), years, pages: owned }));
        logger.info(`part ${sitePartName(part)}: ${owned.length} pages for the sitemap, ${removed} files of other parts removed`);
      },
    },
  };
}
