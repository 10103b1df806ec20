// A front page's teasers (导读 … 详见第N版) are linked in the parse report to the article they
// announce, found among the pages of their own issue: the same paper printed on two dates links
// each date's teasers to that date's articles.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { REPORT_FILE, type ParseReport } from "../../src/lib/ingest/parse-report.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const ROOT = join(import.meta.dirname, "../..");
const ISSUE = join(ROOT, "tests/fixtures/whole-paper/issue-a");
const work = mkdtempSync(join(tmpdir(), "parse-report-teasers-"));
after(() => rmSync(work, { recursive: true, force: true }));

test("each issue's teasers link to the articles of that issue, not of another date", () => {
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  mkdirSync(inDir);
  // The culture page prints its own date, which the parse takes over the file name's: it stays out.
  const pages = readdirSync(ISSUE).filter((f) => f.endsWith(".txt") && !f.includes("wenhua"));
  for (const date of ["2023-03-06", "2023-03-07"]) {
    for (const page of pages) copyFileSync(join(ISSUE, page), join(inDir, page.replace("2023-03-06", date)));
  }
  runIngest({ inDir, outDir, correctionsFile: null, knowledge: loadPageKnowledge(join(ROOT, "content/data")), places: articleLocator });
  const report = JSON.parse(readFileSync(join(outDir, REPORT_FILE), "utf8")) as ParseReport;
  const frontPages = report.issues.filter((issue) => issue.page.teasers.length > 0);
  assert.deepEqual(frontPages.map((issue) => issue.date), ["2023-03-06", "2023-03-07"]);
  for (const issue of frontPages) {
    const linked = issue.page.teasers.flatMap((teaser) => (teaser.article === null ? [] : [teaser.article]));
    assert.ok(linked.length > 0, `${issue.source}: no teaser linked`);
    for (const id of linked) assert.ok(id.startsWith(`${issue.date}/`), `${issue.source}: ${id} is not of its issue`);
  }
  assert.deepEqual(
    frontPages[1]!.page.teasers.map((t) => t.article),
    frontPages[0]!.page.teasers.map((t) => t.article?.replace("2023-03-06", "2023-03-07") ?? null),
  );
});
