/**
 * npm run index -- [--articles content/articles] [--site dist] [--cache DIR] [--shard NAME | --plan] [--jobs N]
 *
 * Builds the search index of the articles: a few Pagefind bundles (the newest year alone, older
 * years in runs; src/lib/search/index-shards.ts) written to <site>/pagefind/<bundle>/, and the
 * phrase table of the Traditional search page (src/lib/search/build-index.ts). It reads the
 * articles' Markdown (--articles, else $ARCHIVE_CONTENT_DIR, else content/articles), not the
 * built pages, so `npm run build` runs it beside `astro build` (scripts/build.ts); run it alone
 * to re-index. The site folder is --site, else $ARCHIVE_OUT_DIR, else dist. Bundles whose
 * articles did not change since the last run are reused from --cache
 * (node_modules/.astro/search-index, next to Astro's own build cache).
 *
 * To build the bundles on several machines (a CI matrix): `--plan` prints the bundles as JSON
 * ({name, years, pages}, newest first); each job runs `--shard <name> --cache <its folder>`; a
 * last job puts the folders together as one --cache and runs the plain command, which finds
 * every bundle built and only links them and writes the phrase table.
 *
 * Bundles to index are indexed two at a time on a machine with two cores, each by a Pagefind
 * process of its own, when memory beside Astro allows (src/lib/search/index-shards.ts,
 * shardsAtOnce), and more once npm run build says the site is done (shardsToAddAfterSite);
 * --jobs sets how many. When npm run build names the site's process ($ARCHIVE_SITE_PID) and
 * more bundles are to be indexed than at once, the index lowers the site's priority
 * (src/lib/build/site-priority.ts).
 */
import { parseArgs } from "node:util";
import { afterIngest, buildSignal } from "../src/lib/build/build-signals.ts";
import { lowerSitePriority, siteShouldYield, sitePidFrom } from "../src/lib/build/site-priority.ts";
import { ARCHIVE } from "../src/lib/config/archive-config.ts";
import { buildSearchIndex, searchIndexPlan } from "../src/lib/search/build-index.ts";
import { BUILD_MEMORY_MB, buildPeakMb } from "../src/lib/search/index-shards.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: ARCHIVE.folders.articles },
    site: { type: "string", default: ARCHIVE.folders.out },
    cache: { type: "string", default: "node_modules/.astro/search-index" },
    shard: { type: "string" },
    plan: { type: "boolean", default: false },
    jobs: { type: "string" },
  },
});

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs ${text}: not a whole number of at least 1`);
  return n;
}

try {
  // npm run build starts the index beside the ingest (src/lib/build/build-signals.ts).
  await afterIngest();
  if (values.plan) {
    console.log(JSON.stringify(await searchIndexPlan(values.articles, ARCHIVE.indexBundles)));
    process.exit(0);
  }
  const report = await buildSearchIndex(values.articles, values.site, {
    cacheDir: values.cache,
    siteDone: buildSignal("site-done"),
    // npm run build names the site's process, built beside: it yields to a chain of bundles.
    onPlanned: (bundlesToIndex, lanes) => {
      if (siteShouldYield(bundlesToIndex, lanes)) lowerSitePriority(sitePidFrom(process.env));
    },
    placement: ARCHIVE.indexBundles,
    ...(values.shard === undefined ? {} : { onlyShard: values.shard }),
    ...(values.jobs === undefined ? {} : { jobs: positiveInteger(values.jobs) }),
  });
  const peakMb = buildPeakMb(report.articles, ARCHIVE.indexBundles);
  if (peakMb > BUILD_MEMORY_MB && ARCHIVE.indexBundles === "beside-site") {
    console.error(
      `index: warning: ${report.articles} articles need ~${Math.round(peakMb)} MB with the site built beside the index, more than ` +
        `${BUILD_MEMORY_MB} MB: build the bundles apart (--plan, --shard; docs/scale.md)`,
    );
  }
  for (const file of report.ignoredFiles) {
    console.error(`index: warning: ${values.articles}/${file} is not an article file (<date>/<slug>.md): neither the site nor the index reads it`);
  }
  const done = `in ${report.seconds.toFixed(2)} s → ${report.outputPath}`;
  console.error(
    values.shard === undefined
      ? `index: ${report.indexedPages} articles in ${report.shards} bundles (${report.shardsIndexed} indexed, ` +
          `${report.shards - report.shardsIndexed} unchanged${report.shardsAfterSite.length > 0 ? `; ${report.shardsAfterSite.join(", ")} beside another once the site was done` : ""}), ` +
          `${report.traditionalPhrases} OpenCC phrases kept for the ` +
          `Traditional search page, ${done}`
      : `index: bundle ${values.shard}, ${report.indexedPages} articles (${report.shardsIndexed === 1 ? "indexed" : "unchanged"}), ${done}`,
  );
} catch (err) {
  console.error(`index: ${(err as Error).message}`);
  process.exitCode = 1;
}
