/**
 * npm run site-parts -- plan [--per-job 25000]
 * npm run site-parts -- build <part> [--out site-parts/<part>]
 * npm run site-parts -- join --out <folder> [--link] <part folder>...
 *
 * The site built in parts on a CI matrix (docs/scale.md, "Growing past one machine";
 * src/lib/build/site-parts.ts). `plan` prints the matrix as JSON: the newest year alone (where new
 * issues arrive), the older years in runs of at most --per-job articles, and "spanning", the
 * pages that span years. `build` builds one part (`astro build` with
 * $ARCHIVE_SITE_PART) into its own folder, with its own caches; every job needs the whole
 * articles folder (each page shows its neighbours in other years). `join` puts the parts'
 * folders together into an empty folder and writes the sitemap of all of them; --link
 * hard-links the files instead of copying them (for CI, where the parts' folders are thrown
 * away: a part built again into its folder would change the joined site's linked files too).
 * The search bundles are built apart the same way (`npm run index -- --plan`, `--shard`).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articleFilesByYear } from "../src/lib/articles/article-files.ts";
import { SiteJoinError, joinSiteParts, type PartManifest } from "../src/lib/build/site-join.ts";
import { SPANNING_PART, SitePartError, outputYears, parseSitePart, sitePartName } from "../src/lib/build/site-parts.ts";
import { ARCHIVE } from "../src/lib/config/archive-config.ts";
import { rebaseAbsolute } from "../src/lib/config/base-path.ts";
import { planShards } from "../src/lib/search/index-shards.ts";
import { listRawIssueFiles } from "../src/lib/site/raw-issues.ts";
import { sitemapFiles } from "../src/lib/site/sitemap.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const USAGE = "usage: npm run site-parts -- plan [--per-job N] | build <part> [--out DIR] | join --out DIR [--link] <part folder>...";

function fail(message: string): never {
  console.error(`site-parts: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "per-job": { type: "string", default: "25000" },
    out: { type: "string" },
    link: { type: "boolean", default: false },
  },
});
const [command, ...rest] = positionals;

/**
 * The matrix: the year runs, newest first, then the spanning part. A year with raw issue files
 * and no article (the ingest took none from them) still has pages: it counts as one article.
 */
async function plan(perJob: number): Promise<string[]> {
  const articles = await articleFilesByYear(ARCHIVE.folders.articles);
  const years = outputYears(articles.keys(), await listRawIssueFiles(ARCHIVE.folders.issues));
  const perYear = new Map(years.map((year) => [String(year), Math.max(1, articles.get(String(year))?.length ?? 0)]));
  return [...planShards(perYear, perJob).map((run) => run.name), SPANNING_PART];
}

/** `astro build` of one part, with this process's output; resolves to its exit code. */
function build(part: string, out: string): Promise<number> {
  return new Promise((resolve) => {
    const env = { ...process.env, ARCHIVE_SITE_PART: part, ARCHIVE_OUT_DIR: out };
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build"], { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", (error) => fail(`could not start astro build: ${error.message}`));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The sitemap of the joined pages for the site the parts were built for, as a whole build writes it (archive-sitemap.ts, then base-path.ts). */
function sitemapOf(pages: string[], site: PartManifest["site"]): Map<string, string> {
  const { origin, base, traditional } = site;
  const files = sitemapFiles(origin, pages, undefined, traditional);
  return base === "/" ? files : new Map([...files].map(([name, xml]) => [name, rebaseAbsolute(xml, origin, base)]));
}

try {
  if (command === "plan") {
    const perJob = Number(values["per-job"]);
    if (!Number.isInteger(perJob) || perJob < 1) fail(`--per-job ${values["per-job"]}: not a whole number of at least 1`);
    console.log(JSON.stringify(await plan(perJob)));
  } else if (command === "build") {
    if (rest.length !== 1) fail(USAGE);
    const name = sitePartName(parseSitePart(rest[0]));
    if (name === "") fail(USAGE);
    process.exitCode = await build(name, values.out ?? path.join("site-parts", name));
  } else if (command === "join") {
    if (!values.out || rest.length === 0) fail(USAGE);
    const started = performance.now();
    const summary = joinSiteParts(rest, values.out, sitemapOf, { link: values.link });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`site-parts: joined ${summary.parts.join(", ")} into ${values.out}: ${summary.files} files, ${summary.pages} pages in the sitemap, in ${seconds} s`);
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof SiteJoinError || error instanceof SitePartError) fail(error.message);
  throw error;
}
