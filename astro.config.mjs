// @ts-check
import { availableParallelism } from "node:os";
import { defineConfig } from "astro/config";
import { ARCHIVE, siteInfo } from "./src/lib/config/archive-config.ts";
import { unified } from "@astrojs/markdown-remark";
import { ARTICLE_MARKDOWN } from "./src/lib/articles/markdown.ts";
import { articleDownloadFiles } from "./src/integrations/article-downloads.ts";
import { archiveSitemap } from "./src/integrations/archive-sitemap.ts";
import { basePath } from "./src/integrations/base-path.ts";
import { buildCompletion } from "./src/integrations/build-completion.ts";
import { hostHeadersFile } from "./src/integrations/host-headers.ts";
import { issueReingest } from "./src/integrations/issue-reingest.ts";
import { sitePartOutput } from "./src/integrations/site-part-output.ts";
import { staleOutput } from "./src/integrations/stale-output.ts";
import { sitePartName } from "./src/lib/build/site-parts.ts";
import { traditionalMirror } from "./src/integrations/traditional-mirror.ts";
import { wholeExports } from "./src/integrations/whole-exports.ts";

// The article downloads: written on a thread of their own while the mirror and the sitemap run (article-downloads.ts).
const downloads = articleDownloadFiles({ articles: ARCHIVE.folders.articles, part: ARCHIVE.sitePart });

export default defineConfig({
  // Address and output folder from the archive's config (archive.config.yaml and the few
  // overrides CI may set: src/lib/config/archive-config.ts). The site is built as if at the root
  // and rebased onto the config's base path after the build (src/integrations/base-path.ts).
  site: ARCHIVE.site.origin,
  outDir: ARCHIVE.folders.out,
  trailingSlash: "always",
  output: "static",
  // Astro's terminal log, but for the pages a rebuild keeps, which it counts instead of listing.
  logger: { entrypoint: "./src/integrations/build-log.ts" },
  // A part of the site built by one job of a CI matrix (ARCHIVE_SITE_PART, docs/scale.md) keeps
  // its caches apart, as a job on its own machine would: each part's incremental build, mirror
  // and downloads remember only that part's pages.
  ...(ARCHIVE.sitePart.kind === "whole" ? {} : { cacheDir: `./node_modules/.astro/site-part-${sitePartName(ARCHIVE.sitePart)}/` }),
  build: {
    format: "directory",
    // Pages render independently and wait on file I/O about half the time: more at once than cores (docs/scale.md).
    concurrency: ARCHIVE.buildConcurrency ?? Math.max(8, availableParallelism()),
  },
  experimental: {
    // Pages whose getStaticPaths cacheKey and code are unchanged are copied from the previous
    // build (src/lib/site/page-keys.ts): a new issue re-renders its own pages and the lists it joins.
    incrementalBuild: true,
  },
  vite: {
    // The config's public part, for code that runs in the browser too (src/lib/site/site-info.ts).
    define: { __ARCHIVE_SITE__: JSON.stringify(siteInfo(ARCHIVE)) },
    // Pages an incremental build does not render again stay where the last build wrote them;
    // src/integrations/stale-output.ts removes what no build makes any more.
    build: { emptyOutDir: false },
    // The benchmark's work folders hold whole archives (100,000 articles are 440,000 files):
    // watching them would exhaust the system's file watchers and slow `npm run dev` to a crawl.
    server: { watch: { ignored: ["**/.bench/**", "**/dist/**", "**/site-parts/**"] } },
  },
  markdown: {
    // Newspaper text has no code to highlight.
    syntaxHighlight: false,
    processor: unified(ARTICLE_MARKDOWN),
  },
  // base-path rebases what the others wrote; stale-output runs after them: it keeps the Traditional
  // twins the mirror has just written; whole-exports then joins the years' metadata files that
  // are left, rebased, into the whole ones; build-completion, last, fails a build that stops before
  // its end. The article downloads are written as files, not routes, on a thread started by
  // downloads.start and awaited by downloads.finish, before anything that reads or removes files.
  // The Traditional mirror only when the config publishes it (languages.traditional). In a part
  // of the site, site-part-output removes what other parts own and the join writes the sitemap.
  integrations: [
    issueReingest(),
    downloads.start,
    ...(ARCHIVE.languages.traditional ? [traditionalMirror()] : []),
    archiveSitemap({ traditional: ARCHIVE.languages.traditional, whole: ARCHIVE.sitePart.kind === "whole" }),
    hostHeadersFile({ base: ARCHIVE.site.base }),
    downloads.finish,
    sitePartOutput({
      part: ARCHIVE.sitePart,
      articles: ARCHIVE.folders.articles,
      issues: ARCHIVE.folders.issues,
      site: { origin: ARCHIVE.site.origin, base: ARCHIVE.site.base, traditional: ARCHIVE.languages.traditional },
    }),
    basePath({ origin: ARCHIVE.site.origin, base: ARCHIVE.site.base }),
    staleOutput(),
    wholeExports({ part: ARCHIVE.sitePart }),
    buildCompletion(),
  ],
});
