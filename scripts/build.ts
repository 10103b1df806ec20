/**
 * npm run build: the ingest, then the site and its search index side by side.
 *
 * The search index reads the articles' Markdown, not the built pages (src/lib/search/build-index.ts),
 * so it needs only the ingest's output and runs beside `astro build`: Astro renders on about one
 * core, Pagefind indexes on about one, and a machine with two cores builds both in the time of the
 * longer. A Pagefind process indexes one bundle at a time, so the index itself runs a second one
 * for a second bundle where memory allows (src/lib/search/index-shards.ts, shardsAtOnce). An issue file the ingest rejects is reported and the rest of the archive is still
 * built; the build then ends with a failing exit code, as it does when either later step fails.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Runs `node <args>` in the project folder with this process's output; resolves to its exit code. */
function node(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`build: could not start ${args[0]}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// The whole site: a part's build removes what other parts own (npm run site-parts; docs/scale.md).
if (process.env.ARCHIVE_SITE_PART) {
  console.error(`build: ARCHIVE_SITE_PART is set (${process.env.ARCHIVE_SITE_PART}): npm run build makes the whole site; unset it, or build one part with npm run site-parts -- build <part>`);
  process.exit(2);
}

const ingest = await node(["scripts/ingest.ts"]);
const [site, index] = await Promise.all([node(["node_modules/astro/bin/astro.mjs", "build"]), node(["scripts/index-search.ts"])]);
const failed = [ingest && "the ingest", site && "astro build", index && "the search index"].filter(Boolean);
if (failed.length > 0) {
  console.error(`build: ${failed.join(", ")} reported errors (see above)`);
  process.exitCode = 1;
}
