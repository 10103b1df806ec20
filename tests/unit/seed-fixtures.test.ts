/**
 * Each bundled seed page parses into the articles checked in under
 * tests/fixtures/seed-articles/ (frontmatter and body, byte for byte), and every line
 * of every page is accounted for. After a deliberate parser change, regenerate with
 *   UPDATE=1 npm run test:unit
 * and review the diff of the fixtures.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import type { ParseReport } from "../../src/lib/ingest/parse-report.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "tests/fixtures/seed-articles");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith(".md"))
    .map((p) => p.split("\\").join("/"))
    .sort();
}

function ingestSeeds(): { out: string; report: ParseReport } {
  const out = mkdtempSync(join(tmpdir(), "seed-articles-"));
  const summary = runIngest({
    inDir: join(root, "content/issues"),
    outDir: out,
    correctionsFile: null,
    knowledge: loadPageKnowledge(join(root, "content/data")),
    places: articleLocator,
  });
  assert.deepEqual(summary.errors, []);
  return { out, report: JSON.parse(readFileSync(join(out, "parse-report.json"), "utf8")) as ParseReport };
}

const { out, report } = ingestSeeds();

test.after(() => rmSync(out, { recursive: true, force: true }));

test("the seed pages parse into the reviewed fixture articles", () => {
  if (process.env.UPDATE === "1") {
    rmSync(fixtures, { recursive: true, force: true });
    cpSync(out, fixtures, { recursive: true, filter: (src) => !relative(out, src).startsWith(".ingest-manifest") });
  }
  const expected = markdownFiles(fixtures);
  const actual = markdownFiles(out);
  assert.deepEqual(actual, expected, "the set of article paths changed");
  for (const path of expected) {
    assert.equal(readFileSync(join(out, path), "utf8"), readFileSync(join(fixtures, path), "utf8"), `${path} differs from its fixture`);
  }
});

test("every line of every seed page is accounted for", () => {
  assert.equal(report.issues.length, 5);
  for (const issue of report.issues) {
    assert.deepEqual(issue.coverage.uncovered, [], `${issue.source}: lines not in any article, label or byline`);
    assert.equal(issue.coverage.ratio, 1);
  }
});

test("each seed page yields the items an editor lists, by kind", () => {
  const counts = Object.fromEntries(
    report.issues.map((issue) => {
      const byKind: Record<string, number> = {};
      for (const a of issue.articles) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
      return [issue.date, byKind];
    }),
  );
  assert.deepEqual(counts, {
    "2022-09-06": { article: 4, photo: 3, brief: 3, commentary: 1 },
    "2022-09-20": { article: 5, photo: 3, commentary: 1 },
    "2022-11-08": { article: 5, photo: 4 },
    "2022-12-13": { article: 5, commentary: 1, photo: 2 },
    "2024-10-15": { article: 7, photo: 2 },
  });
});
