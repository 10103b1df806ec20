/**
 * The benchmark's synthetic archive: deterministic, cut from the seed pages, and read by the
 * real ingest into the number of articles asked for.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createRandom } from "../../src/lib/bench/prng.ts";
import {
  buildUnitPool,
  cutSeedUnits,
  generateArchive,
  generateExtraIssue,
  layOutPage,
  pageItemCount,
  substitutePlaces,
} from "../../src/lib/bench/synthetic-issues.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const root = join(import.meta.dirname, "../..");
const knowledge = loadPageKnowledge(join(root, "content/data"));
const seedDir = join(root, "content/issues");
const seedPages = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), "utf8") }));
const pool = buildUnitPool(seedPages, knowledge);

test("the PRNG repeats itself for a seed and differs between seeds", () => {
  const draw = (seed: string) => {
    const r = createRandom(seed);
    return Array.from({ length: 5 }, () => r.int(0, 1_000_000));
  };
  assert.deepEqual(draw("a"), draw("a"));
  assert.notDeepEqual(draw("a"), draw("b"));
  const r = createRandom(1);
  for (let i = 0; i < 1000; i++) {
    const n = r.int(3, 5);
    assert.ok(n >= 3 && n <= 5);
  }
});

test("units cut from a seed page hold all its items and its printed lines, in order", () => {
  for (const page of seedPages) {
    const units = cutSeedUnits(page, knowledge);
    assert.equal(
      units.reduce((sum, u) => sum + u.items, 0),
      pageItemCount(page.text, knowledge),
      `${page.name}: items of the units vs the page`,
    );
    const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(nonEmpty(units.flatMap((u) => u.lines)), nonEmpty(page.text.split("\n")), `${page.name}: lines`);
    // Laid out again in their order, the units make a page that reads like the original.
    assert.equal(pageItemCount(layOutPage(units), knowledge), pageItemCount(page.text, knowledge), `${page.name}: relaid page`);
  }
});

test("the same seed gives the same bytes; another seed another archive", () => {
  const a = generateArchive(pool, { articles: 150, seed: "same" });
  const b = generateArchive(pool, { articles: 150, seed: "same" });
  assert.deepEqual(a, b);
  const c = generateArchive(pool, { articles: 150, seed: "other" });
  assert.notDeepEqual(
    a.map((i) => i.text),
    c.map((i) => i.text),
  );
});

test("issue files are dated pages spread over the years, about ten items a page", () => {
  const issues = generateArchive(pool, { articles: 2000, seed: "spread" });
  for (const issue of issues) {
    assert.match(issue.name, /^\d{4}-\d{2}-\d{2}_p\d+\.txt$/);
    assert.ok(issue.name.startsWith(issue.date));
    assert.ok(issue.date >= "2005-01-01" && issue.date <= "2025-12-31", issue.date);
  }
  assert.equal(new Set(issues.map((i) => i.name)).size, issues.length, "file names are unique");
  const years = new Set(issues.map((i) => i.date.slice(0, 4)));
  assert.ok(years.size >= 20, `years: ${[...years].join(", ")}`);
  const perPage = issues.reduce((sum, i) => sum + i.items, 0) / issues.length;
  assert.ok(perPage >= 8.5 && perPage <= 10.5, `items a page: ${perPage}`);
  const perDay = issues.length / new Set(issues.map((i) => i.date)).size;
  assert.ok(perDay >= 2 && perDay <= 4, `pages a day: ${perDay}`);
});

test("the text varies: headlines, reporters and places differ from the seeds", () => {
  const issues = generateArchive(pool, { articles: 300, seed: "vary" });
  const text = issues.map((i) => i.text).join("\n");
  const seedText = seedPages.map((p) => p.text).join("\n");
  const lines = (t: string) => new Set(t.split("\n").filter((l) => l.trim() !== ""));
  const seedLines = lines(seedText);
  const fresh = [...lines(text)].filter((l) => !seedLines.has(l));
  assert.ok(fresh.length > 100, `lines not in any seed: ${fresh.length}`);
  assert.match(text, /□本报记者 \S+/u);
});

test("places move consistently within a unit", () => {
  const moved = substitutePlaces(["赤峰市元宝山区的干部", "元宝山区委和赤峰市委"], createRandom(7));
  const league = /^(\S+?(?:市|盟))/u.exec(moved[0]!)?.[1];
  assert.ok(league && league !== "赤峰市", moved[0]);
  assert.ok(moved[1]!.endsWith(`${league}委`), moved.join(" / "));
  const county = moved[0]!.slice(league.length, moved[0]!.indexOf("的干部"));
  assert.ok(moved[1]!.startsWith(`${county}委`), moved.join(" / "));
});

test("the real ingest reads the generated pages into the articles asked for", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-synthetic-"));
  try {
    const wanted = 400;
    const issues = generateArchive(pool, { articles: wanted, seed: "ingest" });
    const extra = generateExtraIssue(pool, issues.map((i) => i.date).sort().at(-1)!);
    for (const issue of [...issues, extra]) writeFileSync(join(dir, issue.name), issue.text);
    assert.ok(extra.date > issues.map((i) => i.date).sort().at(-1)!);
    const summary = runIngest({ inDir: dir, outDir: join(dir, "out"), correctionsFile: null, knowledge, places: articleLocator });
    assert.deepEqual(summary.errors, []);
    const planned = issues.reduce((sum, i) => sum + i.items, 0) + extra.items;
    assert.equal(summary.articles, planned, "the ingest reads as many items as the generator counted");
    assert.ok(Math.abs(summary.articles - extra.items - wanted) <= wanted * 0.03, `${summary.articles - extra.items} articles for ${wanted}`);
    for (const kind of ["article", "commentary", "photo", "brief"] as const) assert.ok(summary.byKind[kind] > 0, `some ${kind}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
