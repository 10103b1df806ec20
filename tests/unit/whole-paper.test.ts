/**
 * Whole-paper pages against an editor's annotation. Every folder under
 * tests/fixtures/whole-paper/ that holds an expected.json is one set: its *.txt pages are
 * ingested into a folder of the test's own and scored by tests/support/annotation-score.ts.
 * Each set must reach: ≥95% of the annotated items found, ≥95% of their fields right,
 * at most 2 spurious items, and every line of every page accounted for.
 * The score and every miss are printed, and repeated in a failing assertion's message.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";
import type { AnnotationScore } from "../support/annotation-score.ts";
import { formatScore, missLines, readExpected, readIngestOutput, scoreAnnotation } from "../support/annotation-score.ts";

const root = join(import.meta.dirname, "../..");
const setsDir = join(root, "tests/fixtures/whole-paper");

const MIN_FOUND = 0.95;
const MIN_FIELDS = 0.95;
const MAX_SPURIOUS = 2;

const sets = existsSync(setsDir)
  ? readdirSync(setsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(setsDir, d.name, "expected.json")))
      .map((d) => d.name)
      .sort()
  : [];

const outDirs: string[] = [];
after(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

function scoreSet(name: string): { score: AnnotationScore | null; failure: string | null } {
  const out = mkdtempSync(join(tmpdir(), `whole-paper-${name}-`));
  outDirs.push(out);
  try {
    runIngest({
      inDir: join(setsDir, name),
      outDir: out,
      correctionsFile: null,
      knowledge: loadPageKnowledge(join(root, "content/data")),
      places: articleLocator,
    });
    return { score: scoreAnnotation(readExpected(join(setsDir, name, "expected.json")), readIngestOutput(out)), failure: null };
  } catch (err) {
    return { score: null, failure: `the ingest of ${name} failed: ${(err as Error).stack ?? String(err)}` };
  }
}

test("there is at least one annotated whole-paper set", () => {
  assert.ok(sets.length > 0, `no folder with an expected.json under ${setsDir}`);
});

for (const name of sets) {
  describe(`whole-paper set ${name}`, () => {
    const { score, failure } = scoreSet(name);
    console.log(score ? formatScore(name, score) : failure);

    function scored(): AnnotationScore {
      assert.ok(score, `no score: ${failure}`);
      return score;
    }

    test("the ingest runs without errors", () => {
      assert.equal(failure, null, failure ?? "");
      assert.equal(missLines(scored(), ["error"]), "", "the ingest reported errors");
    });

    test(`at least ${MIN_FOUND * 100}% of the annotated items are found`, () => {
      const s = scored();
      assert.ok(s.items.ratio >= MIN_FOUND, `${name}: found ${s.items.found}/${s.items.expected}\n${missLines(s, ["not-found"])}`);
    });

    test(`at least ${MIN_FIELDS * 100}% of the fields of the found items are right`, () => {
      const s = scored();
      assert.ok(s.fields.ratio >= MIN_FIELDS, `${name}: fields right ${s.fields.right}/${s.fields.total}\n${missLines(s, ["field"])}`);
    });

    test(`at most ${MAX_SPURIOUS} spurious items`, () => {
      const s = scored();
      assert.ok(s.spurious.length <= MAX_SPURIOUS, `${name}: ${s.spurious.length} spurious items\n${missLines(s, ["spurious"])}`);
    });

    test("every line of every page is accounted for", () => {
      const s = scored();
      assert.ok(s.coverage.length > 0, `${name}: no page in the parse report`);
      assert.ok(
        s.coverage.every((c) => c.ratio === 1),
        `${name}: coverage below 100%\n${missLines(s, ["coverage"])}`,
      );
    });
  });
}
