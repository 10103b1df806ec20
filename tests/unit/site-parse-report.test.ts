import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { formatRatio, loadParseReport, pageFurnitureOf, readParseReportJson, reportTotals } from "../../src/lib/site/parse-report.ts";

const issue = (date: string, lines: number, covered: number, warnings = 0) => ({
  issue: date,
  date,
  source: `${date}_000_x.txt`,
  page: { no: null, name: null, staff: [], teasers: [] },
  articles: [{ id: `${date}/a`, title: "甲", kind: "article", order: 1 }],
  warnings: Array.from({ length: warnings }, (_, i) => ({ code: "c", message: "m", line: i + 1, article: null })),
  coverage: { lines, covered, ratio: lines ? covered / lines : 1, uncovered: [] },
});

describe("readParseReportJson", () => {
  it("accepts the ingest's report and sorts issues newest first", () => {
    const result = readParseReportJson(
      { issues: [issue("2022-09-06", 10, 9), issue("2022-11-08", 10, 10, 2)], errors: [{ file: "f", line: 3, message: "x" }] },
      "r.json",
    );
    assert.equal(result.problem, null);
    assert.deepEqual(
      result.report?.issues.map((i) => i.date),
      ["2022-11-08", "2022-09-06"],
    );
  });

  it("reads each file's page with its staff and teasers", () => {
    const page = {
      no: 1,
      name: "要闻",
      staff: [{ role: "责任编辑", names: ["李四"] }],
      teasers: [{ text: "党建引领", summary: null, page: 5, line: 3, article: "2022-09-06/a" }],
    };
    const result = readParseReportJson({ issues: [{ ...issue("2022-09-06", 1, 1), page }], errors: [] }, "r.json");
    assert.deepEqual(result.report?.issues[0]?.page, page);
  });

  it("names the file and the first field that does not fit", () => {
    const result = readParseReportJson({ issues: [{ ...issue("2022-09-06", 1, 1), coverage: null }], errors: [] }, "r.json");
    assert.equal(result.report, null);
    assert.match(result.problem!, /^r\.json: unexpected shape at issues\.0\.coverage: /);
  });
});

describe("pageFurnitureOf", () => {
  const staff = [{ role: "责任编辑", names: ["李四"] }];
  const teasers = [{ text: "党建引领", page: 5, line: 3, article: null }];
  const report = {
    issues: [
      { ...issue("2022-09-06", 1, 1), source: "p1.txt", page: { no: 1, name: "要闻", staff, teasers } },
      { ...issue("2022-09-06", 1, 1), source: "p5.txt" },
      { ...issue("2022-11-08", 1, 1), source: "q.txt", page: { no: 1, name: null, staff, teasers: [] } },
    ],
    errors: [],
  };

  it("maps each page file of the issue to its staff and teasers", () => {
    assert.deepEqual(
      [...pageFurnitureOf(report, "2022-09-06")],
      [
        ["p1.txt", { staff, teasers }],
        ["p5.txt", { staff: [], teasers: [] }],
      ],
    );
  });

  it("has nothing for another issue's files, an unknown issue or no report", () => {
    assert.deepEqual([...pageFurnitureOf(report, "2022-11-08").keys()], ["q.txt"]);
    assert.equal(pageFurnitureOf(report, "2030-01-01").size, 0);
    assert.equal(pageFurnitureOf(null, "2022-09-06").size, 0);
  });
});

describe("loadParseReport", () => {
  it("reports a missing file as 'not yet', and bad JSON as such", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "site-report-"));
    try {
      const missing = await loadParseReport(path.join(dir, "none.json"));
      assert.match(missing.problem!, /does not exist yet: run `npm run ingest`/);
      const bad = path.join(dir, "bad.json");
      await writeFile(bad, "{");
      assert.match((await loadParseReport(bad)).problem!, /bad\.json: not valid JSON/);
      const good = path.join(dir, "good.json");
      await writeFile(good, JSON.stringify({ issues: [], errors: [] }));
      assert.deepEqual(await loadParseReport(good), { report: { issues: [], errors: [] }, problem: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("reportTotals", () => {
  it("adds up issues, articles, warnings, errors and line coverage", () => {
    const totals = reportTotals({
      issues: [issue("2022-09-06", 30, 27, 1), issue("2022-11-08", 10, 10, 2)],
      errors: [{ file: "f", line: null, message: "x" }],
    });
    assert.deepEqual(totals, { issues: 2, articles: 2, warnings: 3, errors: 1, coverage: 37 / 40 });
    assert.equal(reportTotals({ issues: [], errors: [] }).coverage, 1);
  });
});

describe("formatRatio", () => {
  it("rounds down, so an incomplete page never shows 100%", () => {
    assert.equal(formatRatio(0.9999), "99.9%");
    assert.equal(formatRatio(1), "100.0%");
    assert.equal(formatRatio(0.925), "92.5%");
  });
});
