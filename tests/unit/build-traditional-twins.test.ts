import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtPageFile, keptTwins, type KeptTwinRules } from "../../src/lib/build/traditional-twins.ts";

describe("builtPageFile", () => {
  const table: [string, string, string | null][] = [
    ["/", "/", "index.html"],
    ["/issues/", "/", "issues/index.html"],
    ["/articles/2022-11-08/wen-ming-xin-feng/", "/", "articles/2022-11-08/wen-ming-xin-feng/index.html"],
    ["/issues", "/", "issues/index.html"],
    // Status pages are files of their own name, as Astro writes them.
    ["/404/", "/", "404.html"],
    ["/404", "/", "404.html"],
    ["/500/", "/", "500.html"],
    ["/404/x/", "/", "404/x/index.html"],
    // Percent-encoded paths name the file as decoded.
    ["/places/%E5%8C%85%E5%A4%B4/", "/", "places/包头/index.html"],
    // Under a base path.
    ["/archive/", "/archive/", "index.html"],
    ["/archive/issues/", "/archive/", "issues/index.html"],
    ["/archive/issues/", "/archive", "issues/index.html"],
    ["/other/issues/", "/archive/", null],
  ];
  for (const [urlPath, base, file] of table) {
    it(`${urlPath} under ${base} → ${file}`, () => assert.equal(builtPageFile(urlPath, base), file));
  }
});

describe("keptTwins", () => {
  const STARTED = 1_000_000;
  const rules: KeptTwinRules = { previous: { version: "v1", pages: ["a/index.html", "b/index.html", "c/index.html", "d/index.html"] }, version: "v1", startedMs: STARTED, prefix: "zh-hant" };
  const OLD = STARTED - 60_000;
  const times: Record<string, number> = {
    // Left in place, twin from the last build.
    "a/index.html": OLD,
    "zh-hant/a/index.html": OLD + 5,
    // Written by this build.
    "b/index.html": STARTED + 10,
    "zh-hant/b/index.html": OLD,
    // Left in place, but the twin is older than the page (a build without the mirror wrote it).
    "c/index.html": OLD,
    "zh-hant/c/index.html": OLD - 5,
    // Left in place, twin missing.
    "d/index.html": OLD,
    // Never mirrored before.
    "e/index.html": OLD,
    "zh-hant/e/index.html": OLD,
  };
  const modified = (file: string) => times[file] ?? null;
  const pages = ["a/index.html", "b/index.html", "c/index.html", "d/index.html", "e/index.html"];

  it("keeps only twins of pages left in place, at least as new as the page, mirrored last time", () => {
    assert.deepEqual([...keptTwins(pages, rules, modified)], ["a/index.html"]);
  });

  it("keeps nothing under another converter or site, or without a manifest", () => {
    assert.equal(keptTwins(pages, { ...rules, version: "v2" }, modified).size, 0);
    assert.equal(keptTwins(pages, { ...rules, previous: null }, modified).size, 0);
    // An earlier manifest's shape, without the list of pages.
    const earlier = JSON.parse('{"version":"v1","cacheFiles":{"a/index.html":"x.html"}}') as KeptTwinRules["previous"];
    assert.equal(keptTwins(pages, { ...rules, previous: earlier }, modified).size, 0);
  });

  it("a twin as new as its page is kept", () => {
    assert.deepEqual([...keptTwins(["a/index.html"], rules, (file) => (file === "a/index.html" || file === "zh-hant/a/index.html" ? OLD : null))], ["a/index.html"]);
  });
});
