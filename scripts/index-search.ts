/**
 * npm run index -- [--site dist] [--cache DIR]
 *
 * Builds the search index of a built site: a few Pagefind bundles of its Simplified article pages
 * (the newest year alone, older years in runs; src/lib/search/index-shards.ts), written to
 * <site>/pagefind/<bundle>/, and the phrase table of the Traditional search page
 * (src/lib/search/build-index.ts). `npm run build` runs it after `astro build`; run it alone to
 * re-index a built site. The site folder is --site, else $ARCHIVE_OUT_DIR, else dist. Bundles whose
 * pages did not change since the last run are reused from --cache (node_modules/.astro/search-index,
 * next to Astro's own build cache).
 *
 * A step of its own rather than an Astro integration: it starts after Astro's process has ended,
 * so the build's peak memory is the larger of the two, not their sum, and each can be timed on
 * its own (npm run bench); and the Traditional mirror, written by Astro's build, is finished by
 * then (the index reads none of it: one index of the Simplified pages serves both scripts).
 */
import { parseArgs } from "node:util";
import { buildSearchIndex } from "../src/lib/search/build-index.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: process.env["ARCHIVE_OUT_DIR"] || "dist" },
    cache: { type: "string", default: "node_modules/.astro/search-index" },
  },
});

try {
  const report = await buildSearchIndex(values.site, { cacheDir: values.cache });
  console.error(
    `index: ${report.indexedPages} article pages in ${report.shards} bundles (${report.shardsIndexed} indexed, ` +
      `${report.shards - report.shardsIndexed} unchanged), ${report.traditionalPhrases} OpenCC phrases kept for the ` +
      `Traditional search page, in ${report.seconds.toFixed(2)} s → ${report.outputPath}`,
  );
} catch (err) {
  console.error(`index: ${(err as Error).message}`);
  process.exitCode = 1;
}
