/** The benchmark's table and JSON output. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { BenchResult } from "../../src/lib/bench/report.ts";
import { firstResultsJson, formatTable, renderFirstResults, renderReport, RESULT_KEYS, resultJson, round } from "../../src/lib/bench/report.ts";

const result: BenchResult = {
  notes: ["index skipped"],
  articles: 1000,
  ingest_s: 0.81,
  astro_s: 14.2,
  index_s: null,
  total_s: 15.01,
  peak_rss_mb: 731.4,
  dist_mb: 27.9,
  first_query_kb: null,
  next_query_kb: null,
  rebuild_s: null,
  issue_files: 106,
  ingest_articles_per_s: 1235,
  stage_peak_rss_mb: { ingest: 150.2, astro: 731.4 },
};

test("a table aligns its columns: text left, numbers right", () => {
  const table = formatTable(
    ["measure", "value"],
    [
      ["ingest", "0.81 s"],
      ["astro build", "14.20 s"],
      ["language", "zh-cn"],
    ],
  );
  assert.equal(
    table,
    ["measure      value", "-----------  -------", "ingest        0.81 s", "astro build  14.20 s", "language     zh-cn"].join("\n"),
  );
});

test("full-width characters count as two columns", () => {
  const table = formatTable(["词", "n"], [["党建", "1"], ["a", "22"]]);
  const lines = table.split("\n");
  assert.equal(lines[0], "词    n");
  assert.equal(lines[2], "党建   1");
  assert.equal(lines[3], "a     22");
});

test("the JSON puts the ten fixed keys first, in order, then the extras", () => {
  const parsed = JSON.parse(resultJson(result)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed).slice(0, RESULT_KEYS.length), [...RESULT_KEYS]);
  assert.deepEqual(Object.keys(parsed).slice(RESULT_KEYS.length), ["notes", "issue_files", "ingest_articles_per_s", "stage_peak_rss_mb"]);
  assert.equal(parsed.first_query_kb, null);
  assert.equal(resultJson(result).includes("\n"), false, "one line");
});

test("the report shows figures with units, dashes for what was not measured, and the notes", () => {
  const text = renderReport(result);
  assert.match(text, /^ingest\s+0\.81 s$/m);
  assert.match(text, /^astro build\s+14\.20 s$/m);
  assert.match(text, /^search index \(beside it\)\s+—$/m);
  assert.match(text, /^peak RSS: astro\s+731\.4 MB$/m);
  assert.match(text, /^note: index skipped$/m);
});

test("round keeps digits and passes unknowns through", () => {
  assert.equal(round(1.23456, 2), 1.23);
  assert.equal(round(undefined, 2), null);
  assert.equal(round(Number.NaN, 1), null);
});

test("first results: the measure's figures in the JSON's snake_case, and a row a query in the report", () => {
  const measures = firstResultsJson([
    { query: "党建", bytesToFirst: 153_600, msToFirst: 812.4, bytesToComplete: 246_784, msToComplete: 1490.6, requestsToFirst: 9, requestsToComplete: 12 },
  ]);
  assert.deepEqual(measures, [
    { query: "党建", bytes_to_first: 153_600, ms_to_first: 812, requests_to_first: 9, bytes_to_complete: 246_784, ms_to_complete: 1491, requests_to_complete: 12 },
  ]);
  const text = renderReport({ ...result, first_results: measures }, ["extra section"]);
  assert.match(text, /^search, in Chromium\s+to the first results\s+to the complete list$/m);
  assert.match(text, /^党建\s+150\.0 kB, 812 ms, 9 requests\s+241\.0 kB, 1491 ms, 12 requests$/m);
  assert.ok(text.indexOf("search, in Chromium") < text.indexOf("extra section"));
  assert.ok(text.indexOf("extra section") < text.indexOf("note: index skipped"));
  assert.equal(renderFirstResults(result), null);
  assert.equal(renderFirstResults({ ...result, first_results: [] }), null);
});

test("ratios and shares right-align as numbers", () => {
  const table = formatTable(["m", "v"], [["a", "1.78×"], ["bb", "13.4%"], ["c", "—"]]);
  assert.deepEqual(table.split("\n").slice(2), ["a   1.78×", "bb  13.4%", "c   —"]);
});
