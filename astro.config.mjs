// @ts-check
import { availableParallelism } from "node:os";
import { defineConfig } from "astro/config";
import { unified } from "@astrojs/markdown-remark";
import { ARTICLE_MARKDOWN } from "./src/lib/site/markdown.ts";
import { archiveSitemap } from "./src/integrations/archive-sitemap.ts";
import { hostHeadersFile } from "./src/integrations/host-headers.ts";
import { issueReingest } from "./src/integrations/issue-reingest.ts";
import { staleOutput } from "./src/integrations/stale-output.ts";
import { traditionalMirror } from "./src/integrations/traditional-mirror.ts";

export default defineConfig({
  site: process.env.ARCHIVE_SITE_URL || process.env.SITE_URL || "https://archive.example.org",
  // Builds of other content (the benchmark, the escaping test) write elsewhere; see src/content.config.ts.
  outDir: process.env.ARCHIVE_OUT_DIR || "./dist",
  trailingSlash: "always",
  output: "static",
  build: {
    format: "directory",
    // Pages render independently, and a page waits on file I/O about half the time: rendering
    // 22,000 routes of 10,000 articles took 27.3 s one per core (2), 22.2 s eight at a time, 21.4 s 32.
    concurrency: Number(process.env.ARCHIVE_BUILD_CONCURRENCY) || Math.max(8, availableParallelism()),
  },
  experimental: {
    // Pages whose getStaticPaths cacheKey and code are unchanged are copied from the previous
    // build (src/lib/site/page-keys.ts): a new issue re-renders its own pages and the lists it joins.
    incrementalBuild: true,
  },
  vite: {
    // Pages an incremental build does not render again stay where the last build wrote them;
    // src/integrations/stale-output.ts removes what no build makes any more.
    build: { emptyOutDir: false },
    // The benchmark's work folders hold whole archives (100,000 articles are 440,000 files):
    // watching them would exhaust the system's file watchers and slow `npm run dev` to a crawl.
    server: { watch: { ignored: ["**/.bench/**", "**/dist/**"] } },
  },
  markdown: {
    // Newspaper text has no code to highlight.
    syntaxHighlight: false,
    processor: unified(ARTICLE_MARKDOWN),
  },
  // stale-output runs last: it keeps the Traditional twins the mirror has just written.
  integrations: [issueReingest(), traditionalMirror(), archiveSitemap(), hostHeadersFile(), staleOutput()],
});
