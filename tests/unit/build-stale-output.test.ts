import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { holdsNoSiteOutput, staleFiles } from "../../src/lib/build/stale-output.ts";

const STARTED = 1_000_000;
const rules = {
  startedMs: STARTED,
  routeOutputs: new Set(["index.html", "articles/2022-09-06/a/index.html", "articles/2022-09-06/a.md"]),
  mirrorPrefix: "zh-hant",
  ownedElsewhere: ["pagefind", "search/traditional-phrases.json"],
};

/** staleFiles over files with these modification times; fails on a stat of a file a route claims. */
function stale(files: Record<string, number>): string[] {
  return staleFiles(Object.keys(files), rules, (path) => {
    assert.ok(!rules.routeOutputs.has(path.replace(/^zh-hant\//, "")), `${path} is claimed by a route and needs no stat`);
    return files[path]!;
  });
}

test("files written by this build stay, whatever they are", () => {
  assert.deepEqual(stale({ "_astro/new.123.js": STARTED, "sitemap-0.xml": STARTED + 5 }), []);
});

test("pages kept in place stay, with their Traditional twins", () => {
  const kept = ["index.html", "articles/2022-09-06/a/index.html", "articles/2022-09-06/a.md", "zh-hant/articles/2022-09-06/a/index.html"];
  assert.deepEqual(stale(Object.fromEntries(kept.map((path) => [path, STARTED - 60_000]))), []);
});

test("what no route makes any more goes: a dropped article, its twin, an old hashed script", () => {
  const old = ["articles/2022-09-20/b/index.html", "zh-hant/articles/2022-09-20/b/index.html", "_astro/old.456.js", "articles/2022-09-20/b.md"];
  assert.deepEqual(stale(Object.fromEntries(old.map((path) => [path, STARTED - 1]))), [...old].sort());
});

test("folders and files another step owns are left alone", () => {
  assert.deepEqual(stale({ "pagefind/2022/pagefind.js": 0, "search/traditional-phrases.json": 0 }), []);
  assert.deepEqual(stale({ "search/index.html": 0 }), ["search/index.html"]);
  assert.deepEqual(stale({ "pagefind-old.js": 0 }), ["pagefind-old.js"]);
});

test("files another integration writes and removes itself are left to it", () => {
  const downloads = ["articles/2022-09-20/b.md", "articles/2022-09-20/b.ris", "articles/2022-09-20/b.json"];
  const files = Object.fromEntries([...downloads, "articles/2022-09-20/b/index.html"].map((path) => [path, STARTED - 1]));
  const withDownloads = { ...rules, writtenElsewhere: (path: string) => /^articles\/[^/]+\/[^/]+\.(?:md|ris|json)$/u.test(path) };
  assert.deepEqual(staleFiles(Object.keys(files), withDownloads, (path) => files[path]!), ["articles/2022-09-20/b/index.html"]);
});

test("a build folder holding only the search index's files holds no site output; anything else does", () => {
  const root = mkdtempSync(join(tmpdir(), "stale-output-"));
  try {
    const owned = rules.ownedElsewhere;
    assert.equal(holdsNoSiteOutput(join(root, "missing"), owned), true);
    assert.equal(holdsNoSiteOutput(root, owned), true);
    mkdirSync(join(root, "pagefind", "2024"), { recursive: true });
    writeFileSync(join(root, "pagefind", "2024", "pagefind-entry.json"), "{}");
    mkdirSync(join(root, "search"));
    assert.equal(holdsNoSiteOutput(root, owned), true, "an empty search folder, made for the phrase table");
    writeFileSync(join(root, "search", "traditional-phrases.json"), "{}");
    assert.equal(holdsNoSiteOutput(root, owned), true);
    writeFileSync(join(root, "search", "index.html"), "");
    assert.equal(holdsNoSiteOutput(root, owned), false, "the search page is the site's");
    rmSync(join(root, "search", "index.html"));
    writeFileSync(join(root, "index.html"), "");
    assert.equal(holdsNoSiteOutput(root, owned), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
