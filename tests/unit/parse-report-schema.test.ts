// The parse report has one schema (src/lib/ingest/parse-report.ts): what the ingest writes fits it
// exactly, every field it writes is one the schema knows, and the site reads it through it.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { REPORT_FILE, parseReportBytes, parseReportSchema, reportEntryText } from "../../src/lib/ingest/parse-report.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";
import { readParseReportJson } from "../../src/lib/site/parse-report.ts";

const ROOT = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "parse-report-schema-"));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * The seed pages, a whole-paper issue (staff, teasers, a jump), the bad-input fixtures (errors) and
 * a seed page cut mid-character (a file warning), ingested.
 */
function writtenReport(): { report: unknown; text: string } {
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  mkdirSync(inDir);
  for (const dir of ["content/issues", "tests/fixtures/whole-paper/issue-a", "tests/fixtures/bad-input"]) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".txt"))) {
      copyFileSync(join(ROOT, dir, file), join(inDir, file));
    }
  }
  const seed = readFileSync(join(ROOT, "content/issues/2022-12-13_002_9478187308266f87.txt"));
  const cut = Buffer.from(seed.toString("utf8").trimEnd());
  writeFileSync(join(inDir, "2022-12-20_cut.txt"), cut.subarray(0, cut.length - 1));
  const corrections = join(work, "corrections.yaml");
  writeFileSync(corrections, "2022-01-01/no-such-article:\n  county: 新城区\n");
  runIngest({ inDir, outDir, correctionsFile: corrections, knowledge: loadPageKnowledge(join(ROOT, "content/data")), places: articleLocator });
  const text = readFileSync(join(outDir, REPORT_FILE), "utf8");
  return { report: JSON.parse(text), text };
}

const { report: written, text: writtenText } = writtenReport();

test("the report the ingest writes fits the schema, and holds no field the schema does not know", () => {
  const result = parseReportSchema.safeParse(written);
  assert.ok(result.success, result.success ? "" : JSON.stringify(result.error.issues.slice(0, 3)));
  // The schema drops fields it does not know: the report read through it is the report written.
  assert.deepEqual(result.data, written);
});

test("the written report has every kind of entry the schema describes", () => {
  const report = parseReportSchema.parse(written);
  assert.ok(report.issues.length >= 6);
  assert.ok(report.issues.some((issue) => issue.warnings.some((w) => w.code === "truncated-file" && w.line === null && w.article === null)));
  assert.ok(report.issues.some((issue) => issue.warnings.some((w) => w.article !== null && w.line !== null)));
  assert.ok(report.issues.some((issue) => issue.page.staff.length > 0));
  assert.ok(report.issues.some((issue) => issue.page.teasers.some((t) => t.article !== null)));
  assert.ok(report.errors.some((e) => e.line !== null), "the broken frontmatter's error has its line");
  assert.ok(report.errors.some((e) => e.message.includes("no article has this id")));
});

test("the site reads the written report through the same schema", () => {
  const read = readParseReportJson(written, REPORT_FILE);
  assert.equal(read.problem, null);
  assert.equal(read.report?.issues.length, parseReportSchema.parse(written).issues.length);
});

test("a report missing a field the ingest writes is refused, naming the field", () => {
  const report = parseReportSchema.parse(written);
  const [first, ...rest] = report.issues;
  const result = readParseReportJson({ ...report, issues: [{ ...first, coverage: undefined }, ...rest] }, REPORT_FILE);
  assert.equal(result.report, null);
  assert.match(result.problem ?? "", /at issues\.0\.coverage/u);
});

test("the report's file, made from its entries' texts, is JSON.stringify's text of the whole report", () => {
  const report = parseReportSchema.parse(written);
  const made = parseReportBytes(report.issues.map(reportEntryText), report.errors).toString("utf8");
  assert.equal(made, `${JSON.stringify(report, null, 2)}\n`);
  assert.equal(made, writtenText);
  assert.equal(parseReportBytes([], []).toString("utf8"), `${JSON.stringify({ issues: [], errors: [] }, null, 2)}\n`);
  const errorsOnly = { issues: [], errors: report.errors };
  assert.equal(parseReportBytes([], report.errors).toString("utf8"), `${JSON.stringify(errorsOnly, null, 2)}\n`);
});
