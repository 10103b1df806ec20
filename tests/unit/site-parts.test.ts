import assert from "node:assert/strict";
import { test } from "node:test";
import { articlesDigest } from "../../src/lib/build/site-join.ts";
import {
  SitePartError,
  datedOutputYear,
  outputYears,
  parseSitePart,
  sitePartHasSpanning,
  sitePartHasYear,
  sitePartName,
  sitePartOwns,
  sitePartOwnsPath,
  sitePartsProblem,
} from "../../src/lib/build/site-parts.ts";

test("a part is named by a year, a run of years or 'spanning'; nothing names the whole site", () => {
  assert.deepEqual(parseSitePart(undefined), { kind: "whole" });
  assert.deepEqual(parseSitePart(" "), { kind: "whole" });
  assert.deepEqual(parseSitePart("spanning"), { kind: "spanning" });
  assert.deepEqual(parseSitePart("2024"), { kind: "years", first: 2024, last: 2024 });
  assert.deepEqual(parseSitePart("2005-2016"), { kind: "years", first: 2005, last: 2016 });
  for (const name of ["2024", "2005-2016", "spanning", ""]) assert.equal(sitePartName(parseSitePart(name)), name);
  for (const bad of ["2016-2005", "24", "2024-", "years", "2024,2025"]) assert.throws(() => parseSitePart(bad), SitePartError, bad);
  assert.throws(() => parseSitePart("2016-2005"), /"2016-2005" is not a part of the site: .*oldest first/);
});

test("a file of one date belongs to its year's part, in either script; everything else spans years", () => {
  assert.equal(datedOutputYear("articles/2024-10-15/dang-jian/index.html"), 2024);
  assert.equal(datedOutputYear("articles/2024-10-15/dang-jian.ris"), 2024);
  assert.equal(datedOutputYear("zh-hant/articles/2022-09-06/x/index.html"), 2022);
  assert.equal(datedOutputYear("issues/2022-11-08/index.html"), 2022);
  assert.equal(datedOutputYear("zh-hant/issues/2022-11-08/index.html"), 2022);
  assert.equal(datedOutputYear("raw/2024-10-15 第2版.txt"), 2024);
  assert.equal(datedOutputYear("data/text/2022.jsonl.gz"), 2022);
  assert.equal(datedOutputYear("data/articles/2022.json"), 2022);
  assert.equal(datedOutputYear("data/articles/2024.csv"), 2024);
  for (const spanning of ["index.html", "issues/index.html", "issues/2/index.html", "raw/要闻版.txt", "data/on-this-day/10-15.json", "data/articles.csv", "data/articles/2024.txt", "sitemap-0.xml", "reporters/2022/index.html"]) {
    assert.equal(datedOutputYear(spanning), null, spanning);
  }
});

test("each file has one owner, but the bundled scripts and styles, which every part writes", () => {
  const y2024 = parseSitePart("2024");
  const older = parseSitePart("2005-2022");
  const spanning = parseSitePart("spanning");
  const whole = parseSitePart("");
  for (const [file, owners] of [
    ["articles/2024-10-15/a/index.html", [y2024, whole]],
    ["articles/2022-01-01/a/index.html", [older, whole]],
    ["articles/2005-01-01/a/index.html", [older, whole]],
    ["index.html", [spanning, whole]],
    ["_headers", [spanning, whole]],
    ["_astro/index.Bx1.css", [y2024, older, spanning, whole]],
  ] as const) {
    for (const part of [y2024, older, spanning, whole]) assert.equal(sitePartOwns(part, file), (owners as readonly unknown[]).includes(part), `${sitePartName(part) || "whole"} ${file}`);
  }
  assert.equal(sitePartOwnsPath(y2024, "/articles/2024-10-15/a/"), true);
  assert.equal(sitePartOwnsPath(y2024, "/issues/"), false);
  assert.equal(sitePartHasYear(older, 2023), false);
  assert.equal(sitePartHasSpanning(older), false);
  assert.equal(sitePartHasSpanning(whole), true);
});

test("parts to join: exactly one spanning part, no year in two parts, no whole site", () => {
  const parts = (...names: string[]) => names.map(parseSitePart);
  assert.equal(sitePartsProblem(parts("2024", "2005-2023", "spanning")), null);
  assert.match(sitePartsProblem(parts("2024", "2005-2024", "spanning"))!, /parts 2005-2024 and 2024 both make 2024/);
  assert.match(sitePartsProblem(parts("2024", "2023"))!, /0 parts make the pages that span years/);
  assert.match(sitePartsProblem(parts("spanning", "2024", "spanning"))!, /2 parts/);
  assert.match(sitePartsProblem([parseSitePart(""), parseSitePart("spanning")])!, /whole site/);
});

test("the years with dated pages: the articles' and those of raw files named by a date, which are published without articles too", () => {
  assert.deepEqual(outputYears(["2024", "2022"], ["2022-09-06_004.txt", "2026-01-01_要闻版.txt", "要闻版.txt", "2024-10-15 第2版.txt"]), [2022, 2024, 2026]);
  assert.deepEqual(outputYears([], []), []);
});

test("the parts' manifest: the article ids' digest does not depend on their order", () => {
  assert.equal(articlesDigest(["2024-10-15/a", "2022-09-06/b"]), articlesDigest(["2022-09-06/b", "2024-10-15/a"]));
  assert.notEqual(articlesDigest(["2024-10-15/a"]), articlesDigest(["2024-10-15/a", "2022-09-06/b"]));
});
