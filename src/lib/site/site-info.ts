/**
 * Who the site is: names shown in the header, feeds, citations and structured data, the footer's
 * licence line and error-report link, the scripts it is published in and where it is served. All
 * of it comes from the archive's config file (archive.config.yaml, src/lib/config/).
 *
 * Browser code imports this module too (the search page), so it must not load the config module,
 * which reads files: the Astro build inlines the values as __ARCHIVE_SITE__ (astro.config.mjs);
 * plain Node (the scripts, the unit tests) loads them from the config module.
 */
import type { SiteInfo } from "../config/archive-config.ts";

declare const __ARCHIVE_SITE__: SiteInfo | undefined;

function loadInNode(): SiteInfo {
  const { createRequire } = process.getBuiltinModule("node:module");
  const config = createRequire(import.meta.url)("../config/archive-config.ts") as typeof import("../config/archive-config.ts");
  return config.siteInfo(config.ARCHIVE);
}

export const SITE: Readonly<SiteInfo> = typeof __ARCHIVE_SITE__ !== "undefined" ? __ARCHIVE_SITE__ : loadInNode();

/** Entries (issues, people, articles, columns) on each page of a paginated list of the site: /issues/, /issues/2/ … */
export const ENTRIES_PER_LIST_PAGE = 50;
