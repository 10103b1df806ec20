// The site the browser tests read: the bundled issues (content/issues) ingested, built and
// indexed as `npm run build` does, into a folder of the tests' own with caches of its own, so a
// browser test file can run alone, and the project's content/articles, dist/ and caches are left
// alone. $ARCHIVE_TEST_BASE chooses the base path the site is built for and served under
// ("/" by default; `npm run test:browser` runs the suite once more under "/archive/").
//
// The build is kept between runs and redone, incrementally, only when something it is made of
// changed (the code, the issues, the data, the config, the lockfile); a lock lets test files
// started together wait for one build.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { ROOT } from "./site-paths.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

const run = promisify(execFile);

/** What the site is made of: a change to any of these rebuilds it. */
const INPUTS = ["src", "scripts", "public", "content/issues", "content/data", "content/corrections.yaml", "archive.config.yaml", "astro.config.mjs", "tsconfig.json", "package-lock.json"];
const SITES_DIR = path.join(ROOT, "node_modules", ".cache", "archive-test-sites");
/** A build that takes longer than this has died and left its lock behind. */
const STALE_LOCK_MS = 20 * 60_000;

export interface TestSite {
  /** The base path the site is built for: "/" or "/archive/". */
  base: string;
  /** The built site. */
  dist: string;
  /** The articles the ingest wrote for it, the truth its pages are checked against. */
  articlesDir: string;
  /** The raw issue files it was made from. */
  issuesDir: string;
  /** The site's own address as the config gives it, with the base path ("https://archive.example.org/archive/"). */
  siteUrl: string;
  /** A site path ("/issues/") as the built pages write it: with the base path ("/archive/issues/"). */
  path(sitePath: string): string;
  /** A URL path as the browser sees it, back to the site path: "/archive/issues/" → "/issues/"; others unchanged. */
  sitePath(url: string): string;
}

/** The base path of this run: $ARCHIVE_TEST_BASE, "/" when unset. */
export function testBase(): string {
  const base = process.env.ARCHIVE_TEST_BASE || "/";
  if (!/^\/([a-z0-9-]+\/)*$/.test(base)) throw new Error(`$ARCHIVE_TEST_BASE: "${base}" is not a base path such as /archive/`);
  return base;
}

/**
 * The `skip` option of a test that runs only in the suite's run at the root, with why: for what
 * does not change with the base path, which the run under a sub-path has nothing to add to.
 */
export function atRootOnly(why: string): false | string {
  return testBase() === "/" ? false : `run at the root only: ${why}`;
}

/** The site path under a base: "/issues/" → "/archive/issues/". */
export function underBase(sitePath: string, base: string): string {
  if (base === "/" || !sitePath.startsWith("/") || sitePath.startsWith("//")) return sitePath;
  return base + sitePath.slice(1);
}

/** The seed site for this run's base path, built when its inputs changed since the last build. */
export async function seedSite(): Promise<TestSite> {
  const base = testBase();
  const folder = path.join(SITES_DIR, base === "/" ? "root" : base.slice(1, -1).replaceAll("/", "-"));
  const site = siteIn(folder, base);
  const key = inputsKey(base);
  const stamp = path.join(folder, "built.json");
  const isCurrent = () => existsSync(stamp) && (JSON.parse(readFileSync(stamp, "utf8")) as { key: string }).key === key;
  if (isCurrent()) return site;
  await withLock(`${folder}.lock`, async () => {
    if (isCurrent()) return;
    mkdirSync(folder, { recursive: true });
    rmSync(stamp, { force: true });
    await buildSite(folder, site);
    writeFileSync(stamp, JSON.stringify({ key }) + "\n");
  });
  return site;
}

/** The origin of the site's address in archive.config.yaml ("https://archive.example.org"). */
export function configuredOrigin(): string {
  const configured = /^url:\s*(\S+)/m.exec(readFileSync(path.join(ROOT, "archive.config.yaml"), "utf8"))?.[1];
  if (!configured) throw new Error("archive.config.yaml has no url");
  return new URL(configured).origin;
}

function siteIn(folder: string, base: string): TestSite {
  const origin = configuredOrigin();
  return {
    base,
    dist: path.join(folder, "dist"),
    articlesDir: path.join(folder, "articles"),
    issuesDir: path.join(ROOT, "content", "issues"),
    siteUrl: origin + base,
    path: (sitePath) => underBase(sitePath, base),
    sitePath: (url) => (base !== "/" && url.startsWith(base) ? url.slice(base.length - 1) : url),
  };
}

/** Ingest, then the Astro build and the index side by side, as scripts/build.ts runs them. */
async function buildSite(folder: string, site: TestSite): Promise<void> {
  const env = {
    ...process.env,
    ARCHIVE_ISSUES_DIR: site.issuesDir,
    ARCHIVE_CONTENT_DIR: site.articlesDir,
    ARCHIVE_OUT_DIR: site.dist,
    ARCHIVE_SITE_URL: site.siteUrl,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const options = { cwd: ROOT, env, maxBuffer: 64 << 20 };
  await run(process.execPath, ["scripts/ingest.ts", "--quiet"], options).catch((error: unknown) => {
    // A page the ingest rejects fails the run with status 1 and still writes the rest: the tests
    // check what was written. Anything else is a broken build.
    if ((error as { code?: number }).code !== 1) throw error;
  });
  // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
  const astro = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "error" });';
  await Promise.all([
    run(process.execPath, ["--input-type=module", "-e", astro, path.join(folder, "astro-cache")], options),
    run(process.execPath, ["scripts/index-search.ts", "--cache", path.join(folder, "index-cache")], options),
  ]);
}

/** A digest of every file the site is made of, with the base path. */
function inputsKey(base: string): string {
  const hash = createHash("sha256").update(`base ${base}\n`);
  const add = (relative: string) => {
    const full = path.join(ROOT, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) add(path.join(relative, name));
      return;
    }
    hash.update(`${relative}\n`).update(readFileSync(full));
  };
  for (const input of INPUTS) add(input);
  return hash.digest("hex");
}

/** Runs `work` holding a lock folder; waits for another holder, breaks a lock older than STALE_LOCK_MS. */
async function withLock(lock: string, work: () => Promise<void>): Promise<void> {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface ServedSite {
  site: TestSite;
  server: StaticServer;
  /** The address of a site path on the test server, base path included: url("/issues/"). */
  url(sitePath: string): string;
  close(): Promise<void>;
}

/** The seed site of this run, built if needed and served from 127.0.0.1 under its base path. */
export async function serveSeedSite(): Promise<ServedSite> {
  const site = await seedSite();
  const server = await startStaticServer(site.dist, { base: site.base });
  return { site, server, url: (sitePath) => server.url + site.path(sitePath), close: () => server.close() };
}
