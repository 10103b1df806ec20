// One small fixture per rule of the parser (tests/fixtures/parser-cases/<case>/): a few lines of
// page text in the OCR layout and the items an editor expects of them. A change to one rule shows
// which cases it moves. `UPDATE=1 npm run test:unit` rewrites every expected.json from the
// parser's output, so a change made on purpose is one command and a diff to review.
//
// A folder holds either input.txt, one page read as the file 2023-03-06_p2.txt, or several pages
// p1.txt, p3.txt … of one issue (an article that jumps pages), run through the whole ingest.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { load } from "js-yaml";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { readIssueFile } from "../../src/lib/ingest/issue-file.ts";
import type { BodyBlock } from "../../src/lib/ingest/markdown.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import { readPageFurniture, type PageStaff } from "../../src/lib/ingest/page-furniture.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import type { ParseReport } from "../../src/lib/ingest/parse-report.ts";
import { parseIssue } from "../../src/lib/ingest/parse-page.ts";
import { REPORT_FILE, runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const root = join(import.meta.dirname, "../..");
const casesDir = join(root, "tests/fixtures/parser-cases");
const knowledge = loadPageKnowledge(join(root, "content/data"));
const update = process.env.UPDATE === "1";

/** The issue date of every case, and the file name input.txt is read as. */
const DATE = "2023-03-06";
const SINGLE_SOURCE = `${DATE}_p2.txt`;

interface CaseItem {
  kind: ArticleFrontmatter["kind"];
  title: string;
  subtitle: string | null;
  kicker: string | null;
  section: string | null;
  series: ArticleFrontmatter["series"];
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
  affiliation: string | null;
  agency: string | null;
  page: ArticleFrontmatter["page"];
  location: string | null;
  county: string | null;
  body: BodyBlock[];
  warnings: string[];
  /** Only when the item still points at another page (下转第3版 / 上接第1版). */
  jump?: { to: number | null; from: number | null };
}

interface CasePage {
  source: string;
  page: {
    no: number | null;
    name: string | null;
    printedDate?: string | null;
    staff: PageStaff[];
    teasers: { text: string; summary: string | null; page: number | null; line: number; article?: string | null }[];
  };
  /** Header, footer and teaser lines: page metadata, never an item. */
  furniture: { line: number; text: string }[];
  items: CaseItem[];
  /** Lines the coverage account found in no item, label, byline or furniture. */
  uncovered: { line: number; text: string }[];
}

type CaseResult = CasePage | { pages: CasePage[] };

function item(frontmatter: ArticleFrontmatter, body: BodyBlock[], warnings: string[], jump: { to: number | null; from: number | null } | null): CaseItem {
  const f = frontmatter;
  return {
    kind: f.kind,
    title: f.title,
    subtitle: f.subtitle,
    kicker: f.kicker,
    section: f.section,
    series: f.series,
    reporters: f.reporters,
    correspondents: f.correspondents,
    photographers: f.photographers,
    authors: f.authors,
    affiliation: f.affiliation,
    agency: f.agency,
    page: f.page,
    location: f.location,
    county: f.county,
    body: body.map((b) => (b.verse ? { text: b.text, heading: false, verse: true } : { text: b.text, heading: b.heading })),
    warnings,
    ...(jump && (jump.to !== null || jump.from !== null) ? { jump } : {}),
  };
}

/** The page's furniture lines and the uncovered lines of a page text, with their text. */
function pageLines(source: string, text: string, uncovered: number[]): Pick<CasePage, "furniture" | "uncovered"> {
  const read = readIssueFile(source, text);
  assert.ok(read.ok, read.ok ? "" : read.error.message);
  const blocks = splitPageBlocks(read.issue.text, read.issue.firstLine);
  const lineText = (line: number) => blocks.find((b) => b.line === line)?.text ?? "";
  return {
    furniture: readPageFurniture(blocks).furniture.map((f) => ({ line: f.line, text: f.text })),
    uncovered: uncovered.map((line) => ({ line, text: lineText(line) })),
  };
}

function runSinglePage(dir: string): CasePage {
  const text = readFileSync(join(dir, "input.txt"), "utf8");
  const read = readIssueFile(SINGLE_SOURCE, text);
  assert.ok(read.ok, read.ok ? "" : read.error.message);
  const parsed = parseIssue(read.issue, knowledge, articleLocator);
  return {
    source: SINGLE_SOURCE,
    page: parsed.page,
    ...pageLines(SINGLE_SOURCE, text, parsed.coverage.uncovered),
    items: parsed.articles.map((a) => item(a.frontmatter, a.body, a.warnings.map((w) => w.code), a.jump)),
  };
}

/** A body as written to Markdown, read back into blocks: `## ` subheads, `\` line breaks in stanzas. */
function bodyBlocks(markdown: string): BodyBlock[] {
  return markdown
    .trim()
    .split(/\n\n+/u)
    .filter((block) => block !== "")
    .map((block) => {
      if (block.startsWith("## ")) return { text: block.slice(3), heading: true };
      if (block.includes("\\\n")) return { text: block.split("\\\n").join("\n"), heading: false, verse: true };
      return { text: block, heading: false };
    });
}

function runIssue(dir: string, pages: string[]): { pages: CasePage[] } {
  const work = mkdtempSync(join(tmpdir(), "parser-case-"));
  try {
    const inDir = join(work, "issues");
    const outDir = join(work, "articles");
    mkdirSync(inDir, { recursive: true });
    for (const page of pages) copyFileSync(join(dir, page), join(inDir, `${DATE}_${page}`));
    const summary = runIngest({ inDir, outDir, correctionsFile: null, knowledge, places: articleLocator });
    assert.deepEqual(summary.errors, []);
    const report = JSON.parse(readFileSync(join(outDir, REPORT_FILE), "utf8")) as ParseReport;
    return {
      pages: report.issues.map((issue) => {
        const text = readFileSync(join(inDir, issue.source), "utf8");
        return {
          source: issue.source,
          page: issue.page,
          ...pageLines(issue.source, text, issue.coverage.uncovered),
          items: issue.articles.map((article) => {
            const markdown = readFileSync(join(outDir, `${article.id}.md`), "utf8");
            const [, yaml = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(markdown) ?? [];
            const warnings = issue.warnings.filter((w) => w.article === article.id).map((w) => w.code);
            return item(load(yaml) as ArticleFrontmatter, bodyBlocks(body), warnings, null);
          }),
        };
      }),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runCase(dir: string): CaseResult {
  const files = readdirSync(dir);
  if (files.includes("input.txt")) return runSinglePage(dir);
  const pages = files.filter((f) => /^p\d+\.txt$/u.test(f)).sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)));
  assert.ok(pages.length > 0, `${dir} has neither input.txt nor p<N>.txt pages`);
  return runIssue(dir, pages);
}

const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test("there are parser cases", () => {
  assert.ok(cases.length > 0);
});

for (const name of cases) {
  const dir = join(casesDir, name);
  const readme = join(dir, "README.md");
  const description = existsSync(readme) ? readFileSync(readme, "utf8").split("\n").find((line) => line.trim() !== "" && !line.startsWith("#")) ?? "" : "";
  test(`${name}: ${description.trim()}`, () => {
    const actual = JSON.parse(JSON.stringify(runCase(dir))) as CaseResult;
    const expectedFile = join(dir, "expected.json");
    if (update) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    assert.ok(existsSync(expectedFile), `${name} has no expected.json: run with UPDATE=1 to write it`);
    const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as CaseResult;
    assert.deepEqual(actual, expected);
  });
}
