// A rebuild after issues are added or removed makes the very site a build from nothing makes,
// byte for byte, while leaving the pages nothing touched where they were. The seed issues are
// built in temp folders ($ARCHIVE_ISSUES_DIR, $ARCHIVE_CONTENT_DIR, $ARCHIVE_OUT_DIR, Astro's
// cache and the search index's cache of their own): four of them, then all five (compared with
// the project's dist/, built from all five by `npm run build`), then four again without another
// (compared with a build of those four from nothing).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify, stripVTControlCharacters } from "node:util";
import { assertSameSite } from "../support/site-digests.ts";
import { DIST, ISSUES_DIR, ROOT } from "../support/site-paths.ts";

const run = promisify(execFile);

const ISSUE_FILES = readdirSync(ISSUES_DIR)
  .filter((name) => name.endsWith(".txt"))
  .sort();
const NEWEST = ISSUE_FILES.at(-1)!;
const DROPPED = ISSUE_FILES[1]!;

let work: string;

interface Site {
  issues: string;
  articles: string;
  dist: string;
  astroCache: string;
  indexCache: string;
}

function site(name: string): Site {
  const root = path.join(work, name);
  const folders = {
    issues: path.join(root, "issues"),
    articles: path.join(root, "articles"),
    dist: path.join(root, "dist"),
    astroCache: path.join(root, "astro-cache"),
    indexCache: path.join(root, "index-cache"),
  };
  mkdirSync(folders.issues, { recursive: true });
  return folders;
}

/** Ingest, astro build and index, as `npm run build` runs them; returns Astro's log and the index step's report line. */
async function build(folders: Site): Promise<{ astro: string; index: string }> {
  const env = {
    ...process.env,
    ARCHIVE_ISSUES_DIR: folders.issues,
    ARCHIVE_CONTENT_DIR: folders.articles,
    ARCHIVE_OUT_DIR: folders.dist,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const options = { cwd: ROOT, env, maxBuffer: 64 << 20 };
  await run(process.execPath, ["scripts/ingest.ts", "--in", folders.issues, "--out", folders.articles, "--quiet"], options);
  // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
  const astro = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "info" });';
  // Side by side, as scripts/build.ts runs them: the index reads the articles, not the pages.
  const [site, index] = await Promise.all([
    run(process.execPath, ["--input-type=module", "-e", astro, folders.astroCache], options),
    run(process.execPath, ["scripts/index-search.ts", "--site", folders.dist, "--cache", folders.indexCache], options),
  ]);
  return { astro: site.stdout, index: index.stderr };
}

/**
 * An article page of the first issue that, built from all issues, links to no article of the
 * newest: no issue added or removed here is its neighbour, and the new one brings none of its
 * related articles.
 */
function untouchedArticle(dist: string): string {
  const date = ISSUE_FILES[0]!.slice(0, 10);
  const newest = NEWEST.slice(0, 10);
  // The article folders, not the files beside them (<slug>.md, .ris, .json).
  const slugs = readdirSync(path.join(dist, "articles", date))
    .filter((name) => !name.includes("."))
    .sort();
  const slug = slugs.find((name) => !readFileSync(path.join(DIST, "articles", date, name, "index.html"), "utf8").includes(`/articles/${newest}/`));
  assert.ok(slug, `every article of ${date} links to one of ${newest}`);
  return path.join(dist, "articles", date, slug, "index.html");
}

const incremental = {} as Site;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "archive-incremental-"));
  Object.assign(incremental, site("incremental"));
  for (const file of ISSUE_FILES) if (file !== NEWEST) cpSync(path.join(ISSUES_DIR, file), path.join(incremental.issues, file));
  await build(incremental);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a new issue: the rebuilt site equals the site built from all issues, untouched pages stay in place", { timeout: 300_000 }, async () => {
  const page = untouchedArticle(incremental.dist);
  const before = statSync(page).mtimeMs;
  cpSync(path.join(ISSUES_DIR, NEWEST), path.join(incremental.issues, NEWEST));
  const log = await build(incremental);
  assertSameSite(incremental.dist, DIST);
  assert.equal(statSync(page).mtimeMs, before, `${page} was written again`);
  // The new issue's year has its own bundle; the other year's was reused.
  assert.match(log.index, /in 2 bundles \(1 indexed, 1 unchanged\)/);
  // Astro's log counts the pages it kept (src/integrations/build-log.ts) and lists those it rendered.
  // Its colours, when the terminal or FORCE_COLOR asks for them, sit between the marks and the paths.
  const astroLog = stripVTControlCharacters(log.astro);
  assert.match(astroLog, /⋯ \d[\d,]* pages unchanged since the last build, kept/);
  assert.doesNotMatch(astroLog, /\((cached|restored)\)/);
  assert.match(astroLog, new RegExp(`├─ /articles/${NEWEST.slice(0, 10)}/`));
  // Each Markdown download is the article file itself, linked, not a copy: new and kept articles alike.
  for (const date of [ISSUE_FILES[0]!.slice(0, 10), NEWEST.slice(0, 10)]) {
    const downloads = readdirSync(path.join(incremental.dist, "articles", date)).filter((name) => name.endsWith(".md"));
    assert.ok(downloads.length > 0, `no Markdown downloads of ${date}`);
    for (const name of downloads) {
      assert.equal(statSync(path.join(incremental.dist, "articles", date, name)).ino, statSync(path.join(incremental.articles, date, name)).ino, `${date}/${name}`);
    }
  }
});

test("a removed issue: its pages, twins and search entries are gone, as in a build from nothing", { timeout: 300_000 }, async () => {
  rmSync(path.join(incremental.issues, DROPPED));
  await build(incremental);
  const fresh = site("fresh");
  for (const file of ISSUE_FILES) if (file !== DROPPED) cpSync(path.join(ISSUES_DIR, file), path.join(fresh.issues, file));
  await build(fresh);
  assertSameSite(incremental.dist, fresh.dist);
  const date = DROPPED.slice(0, 10);
  assert.equal(readdirSync(path.join(incremental.dist, "articles")).includes(date), false);
  assert.equal(readdirSync(path.join(incremental.dist, "zh-hant", "articles")).includes(date), false);
});

test("the only issue of a year removed: the year's files are gone, and the whole metadata files no longer hold it", { timeout: 300_000 }, async () => {
  const year = NEWEST.slice(0, 4);
  assert.equal(ISSUE_FILES.filter((file) => file.startsWith(year)).length, 1, `${NEWEST} is the only issue of ${year}`);
  rmSync(path.join(incremental.issues, NEWEST));
  await build(incremental);
  const fresh = site("fresh-without-year");
  for (const file of ISSUE_FILES) if (file !== DROPPED && file !== NEWEST) cpSync(path.join(ISSUES_DIR, file), path.join(fresh.issues, file));
  await build(fresh);
  assertSameSite(incremental.dist, fresh.dist);
  assert.equal(readdirSync(path.join(incremental.dist, "data", "articles")).some((name) => name.startsWith(year)), false);
  assert.equal(readFileSync(path.join(incremental.dist, "data", "articles.json"), "utf8").includes(`"${year}-`), false);
});
