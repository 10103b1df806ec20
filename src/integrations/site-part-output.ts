/**
 * In a build of one part of the site (ARCHIVE_SITE_PART: src/lib/build/site-parts.ts), removes
 * what the part does not own (the few pages without parameters, which every build renders, and
 * their Traditional twins) and writes the part's manifest for the join: its name, the years with
 * dated pages, the articles it was built from, the address it was built for, and the pages the
 * sitemap lists, which the join writes once for all parts. Runs after the integrations that
 * write files and before base-path. Does nothing in a whole build.
 */
import type { AstroIntegration } from "astro";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { articleFilesByYear } from "../lib/articles/article-files.ts";
import { PART_MANIFEST, articlesDigest, removeUnownedOutput, serializePartManifest, type PartManifest } from "../lib/build/site-join.ts";
import { outputYears, sitePartName, sitePartOwnsPath, type SitePart } from "../lib/build/site-parts.ts";
import { listRawIssueFiles } from "../lib/site/raw-issues.ts";
import { sitemapPagePaths } from "../lib/site/sitemap.ts";

/**
 * `part`: what this build makes (the config's sitePart); `articles`, `issues`: the folders whose
 * years the join checks; `site`: the address the pages are built for, which the join's sitemap uses.
 */
export function sitePartOutput(options: { part: SitePart; articles: string; issues: string; site: PartManifest["site"] }): AstroIntegration {
  const { part } = options;
  let root = "";
  let articlesDir = "";
  let issuesDir = "";
  let outDir = "";
  return {
    name: "archive:site-part-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        articlesDir = path.resolve(root, options.articles);
        issuesDir = path.resolve(root, options.issues);
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:start": () => {
        // A build that fails must not leave the last build's manifest beside half-new output.
        if (part.kind !== "whole") rmSync(path.join(outDir, PART_MANIFEST), { force: true });
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (part.kind === "whole") return;
        const out = fileURLToPath(dir);
        const removed = removeUnownedOutput(out, part);
        const owned = sitemapPagePaths(pages.map((page) => page.pathname)).filter((page) => sitePartOwnsPath(part, page));
        const articles = await articleFilesByYear(articlesDir);
        const manifest: PartManifest = {
          part: sitePartName(part),
          years: outputYears(articles.keys(), await listRawIssueFiles(issuesDir)),
          articles: articlesDigest([...articles.values()].flat().map((file) => file.id)),
          site: options.site,
          pages: owned,
        };
        writeFileSync(path.join(out, PART_MANIFEST), serializePartManifest(manifest));
        logger.info(`part ${manifest.part}: ${owned.length} pages for the sitemap, ${removed} files of other parts removed`);
      },
    },
  };
}
