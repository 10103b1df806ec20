/**
 * npm run build: the ingest, and beside it the site and its search index.
 *
 * The search index reads the articles' Markdown, not the built pages (src/lib/search/build-index.ts),
 * so it needs only the ingest's output and runs beside `astro build`: Astro renders on about one
 * core, Pagefind indexes on about one, and a machine with two cores builds both in the time of the
 * longer; with a chain of bundles to write, the index lowers the site's priority so that it keeps
 * its core (src/lib/build/site-priority.ts). Both start with the ingest and wait for it just
 * before they read the articles, so their start-up overlaps it; the index starts a second
 * Pagefind process for a waiting bundle once the site is done (src/lib/build/build-signals.ts).
 * An issue file the ingest rejects is reported and the rest of the archive is still built; the
 * build then ends with a failing exit code, as it does when either later step fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ingestFinished, signalledChild, siteFinished } from "../src/lib/build/build-signals.ts";
import { withCompileCache } from "../src/lib/build/compile-cache.ts";
import { SITE_PID_VARIABLE } from "../src/lib/build/site-priority.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface Step {
  child: ChildProcess;
  /** The exit code; 1 when the step could not start or was killed. */
  code: Promise<number>;
}

/**
 * Starts `node <args>` in the project folder with this process's output and Node's compile cache
 * (src/lib/build/compile-cache.ts), and `extraEnv`; `signalled`: it hears the build's signals.
 */
function node(args: string[], signalled = false, extraEnv: NodeJS.ProcessEnv = {}): Step {
  const env = { ...withCompileCache(process.env, ROOT), ...extraEnv };
  const options = signalled ? signalledChild(env, ["ignore", "inherit", "inherit"]) : { env, stdio: "inherit" as const };
  const child = spawn(process.execPath, args, { cwd: ROOT, ...options });
  const code = new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`build: could not start ${args[0]}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (exit, signal) => resolve(exit ?? (signal ? 1 : 0)));
  });
  return { child, code };
}

// The whole site: a part's build removes what other parts own (npm run site-parts; docs/scale.md).
if (process.env.ARCHIVE_SITE_PART) {
  console.error(`build: ARCHIVE_SITE_PART is set (${process.env.ARCHIVE_SITE_PART}): npm run build makes the whole site; unset it, or build one part with npm run site-parts -- build <part>`);
  process.exit(2);
}

const site = node(["node_modules/astro/bin/astro.mjs", "build"], true);
// With a chain of bundles to write, the index lowers the site's priority (src/lib/build/site-priority.ts).
const index = node(["scripts/index-search.ts"], true, site.child.pid === undefined ? {} : { [SITE_PID_VARIABLE]: String(site.child.pid) });
const ingest = await node(["scripts/ingest.ts"]).code;
// The site and the index build even when the ingest rejected a file: the other files' articles are written.
ingestFinished({ site: site.child, index: index.child }, true);
const siteCode = await site.code;
siteFinished(index.child);
const indexCode = await index.code;
const failed = [ingest && "the ingest", siteCode && "astro build", indexCode && "the search index"].filter(Boolean);
if (failed.length > 0) {
  console.error(`build: ${failed.join(", ")} reported errors (see above)`);
  process.exitCode = 1;
}
