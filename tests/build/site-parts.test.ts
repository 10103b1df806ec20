// The site built in parts, as the jobs of a CI matrix build it (npm run site-parts; docs/scale.md),
// then joined, is the site `npm run build` made: file for file and byte for byte, the sitemap of
// all parts included (the search index is built apart, so pagefind/ and the phrase table are left
// out of the comparison). The seed issues span two years: parts 2024, 2022 and "spanning". A
// join that would lose pages or mix parts fails, naming what is wrong.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { BUNDLE_DIRECTORY } from "../../src/lib/search/index-shards.ts";
import { TRADITIONAL_PHRASES_PATH } from "../../src/lib/search/script-conversion.ts";
import { assertSameSite, siteDigests } from "../support/site-digests.ts";
import { DIST, ROOT } from "../support/site-paths.ts";

const run = promisify(execFile);
/** What the search index writes into the site, beside Astro's build. */
const INDEX_OUTPUT = [`${BUNDLE_DIRECTORY}/`, TRADITIONAL_PHRASES_PATH.slice(1)];

let work: string;
let parts: string[];

function siteParts(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ["scripts/site-parts.ts", ...args], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env }, maxBuffer: 64 << 20 });
}

/** The error output of a site-parts command that must fail. */
async function failure(...args: string[]): Promise<string> {
  try {
    await siteParts(args);
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
  assert.fail(`site-parts ${args.join(" ")} succeeded`);
}

/** What the search index writes into the site, left out of the comparison. */
const indexOutput = (relative: string) => INDEX_OUTPUT.some((prefix) => relative.startsWith(prefix));

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "archive-site-parts-"));
  parts = JSON.parse((await siteParts(["plan"])).stdout) as string[];
  // One after another, as a matrix's jobs would run on one machine.
  for (const part of parts) await siteParts(["build", part, "--out", path.join(work, part)]);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the plan: the newest year alone, the older year, then the pages that span years", () => {
  assert.deepEqual(parts, ["2024", "2022", "spanning"]);
});

test("each part holds only its own pages: a year its articles, issues and raw files; spanning the rest", () => {
  const of = (part: string) => [...siteDigests(path.join(work, part)).keys()].filter((file) => !file.startsWith("_astro/"));
  for (const file of of("2024")) assert.match(file, /^(?:zh-hant\/)?(?:(?:articles|issues|raw)\/2024-|data\/(?:text|articles)\/2024\.)|^\.site-part\.json$/, file);
  for (const file of of("2022")) assert.match(file, /^(?:zh-hant\/)?(?:(?:articles|issues|raw)\/2022-|data\/(?:text|articles)\/2022\.)|^\.site-part\.json$/, file);
  assert.ok(of("2024").includes("data/articles/2024.json") && of("2022").includes("data/articles/2022.csv"));
  const spanning = of("spanning");
  assert.ok(spanning.includes("index.html") && spanning.includes("zh-hant/reporters/index.html") && spanning.includes("rss.xml"));
  assert.ok(!spanning.some((file) => /^(?:zh-hant\/)?(?:articles|issues|raw)\/\d{4}-/.test(file)));
  assert.ok(!spanning.some((file) => file.startsWith("sitemap")), "a part writes no sitemap: the join does");
  assert.ok(!spanning.some((file) => file.startsWith("data/articles")), "nor the whole metadata files, which join the years'");
});

test("the joined parts are the whole build, byte for byte, sitemap included", async () => {
  const out = path.join(work, "joined");
  await siteParts(["join", "--out", out, ...parts.map((part) => path.join(work, part))]);
  assertSameSite(out, DIST, indexOutput);
  // Copied by default: building a part again into its folder leaves the joined site alone.
  const page = path.join("issues", "index.html");
  assert.notEqual(statSync(path.join(out, page)).ino, statSync(path.join(work, "spanning", page)).ino);
});

test("with --link the join hard-links the parts' files: the same site, no bytes copied", async () => {
  const out = path.join(work, "linked");
  await siteParts(["join", "--out", out, "--link", ...parts.map((part) => path.join(work, part))]);
  assertSameSite(out, DIST, indexOutput);
  const page = path.join("issues", "index.html");
  assert.equal(statSync(path.join(out, page)).ino, statSync(path.join(work, "spanning", page)).ino);
});

test("a join that would lose or mix pages fails and says why", async () => {
  const dir = (part: string) => path.join(work, part);
  assert.match(await failure("join", "--out", dir("missing"), dir("2024"), dir("2022"), dir("1999")), /1999: no such folder/);
  assert.match(await failure("join", "--out", dir("no-2022"), dir("2024"), dir("spanning")), /no part makes the pages of 2022/);
  assert.match(await failure("join", "--out", dir("two"), dir("2024"), dir("2022"), dir("spanning"), dir("spanning")), /2 parts make the pages that span years/);
  assert.match(await failure("join", "--out", dir("none"), dir("2024"), dir("2022"), ROOT), /no \.site-part\.json: not the output of one part's build/);
  assert.match(await failure("join", "--out", DIST, dir("2024"), dir("2022"), dir("spanning")), /writes into an empty folder/);
  assert.match(await failure("build", "2025-2020"), /"2025-2020" is not a part of the site/);
  // A part built for another address than the others: its links and the sitemap would disagree.
  await siteParts(["build", "2024", "--out", dir("2024-elsewhere")], { ARCHIVE_SITE_URL: "https://elsewhere.example.org/archive/" });
  assert.match(await failure("join", "--out", dir("mixed"), dir("2024-elsewhere"), dir("2022"), dir("spanning")), /was built for another address than/);
});

test("npm run build refuses to run as a part: it makes the whole site", async () => {
  await assert.rejects(run(process.execPath, ["scripts/build.ts"], { cwd: ROOT, env: { ...process.env, ARCHIVE_SITE_PART: "2024" } }), (error: { stderr: string; code: number }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /ARCHIVE_SITE_PART is set \(2024\): npm run build makes the whole site/);
    return true;
  });
});
