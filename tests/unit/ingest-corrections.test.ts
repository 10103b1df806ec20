// Editors' corrections: parsed from YAML, checked against the frontmatter schema, and
// reported with the article id, the field and (for YAML errors) the line.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { applyCorrection, parseCorrections } from "../../src/lib/ingest/corrections.ts";
import type { ArticleLocator } from "../../src/lib/places/article-locator.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SEED = "2022-11-08_000_0e8d57b71d93ccd5.txt";
const LEAD_ID = "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di";

const FRONTMATTER: ArticleFrontmatter = {
  title: "文明新风拂遍青城大地",
  subtitle: null,
  kicker: null,
  kind: "article",
  section: "广角",
  series: null,
  reporters: ["白丹"],
  correspondents: [],
  photographers: [],
  authors: [],
  affiliation: null,
  agency: null,
  location: null,
  county: null,
  date: "2022-11-08",
  issue: "2022-11-08",
  page: { no: null, name: null },
  order: 1,
  source: SEED,
};

/** A locator that finds nothing: the corrections are what sets places here. */
const noPlaces: ArticleLocator = {
  regionWide: "内蒙古",
  locate: () => ({ location: null, county: null }),
  mainLeague: () => null,
  leaguesNamed: () => new Set<string>(),
};

describe("parseCorrections", () => {
  test("a correction by id is read", () => {
    const { corrections, errors } = parseCorrections("corrections.yaml", `${LEAD_ID}:\n  county: 玉泉区\n  location: 呼和浩特市\n`);
    assert.deepEqual(errors, []);
    assert.deepEqual(corrections.get(LEAD_ID), { county: "玉泉区", location: "呼和浩特市" });
  });

  test("comments only, an empty file and {} are no corrections and no errors", () => {
    for (const text of ["", "# nothing yet\n", "{}\n"]) {
      const { corrections, errors } = parseCorrections("corrections.yaml", text);
      assert.equal(corrections.size, 0, JSON.stringify(text));
      assert.deepEqual(errors, [], JSON.stringify(text));
    }
  });

  test("the bundled content/corrections.yaml parses cleanly", () => {
    const file = join(ROOT, "content/corrections.yaml");
    assert.deepEqual(parseCorrections(file, readFileSync(file, "utf8")).errors, []);
  });

  test("a date value stays a string (YAML 1.2: no timestamps)", () => {
    const { corrections } = parseCorrections("corrections.yaml", `${LEAD_ID}:\n  date: 2022-11-09\n`);
    assert.equal(corrections.get(LEAD_ID)?.date, "2022-11-09");
  });

  test("an unknown field is an error naming the id and the field", () => {
    const { corrections, errors } = parseCorrections("corrections.yaml", `${LEAD_ID}:\n  county: 玉泉区\n  reporter: [白丹]\n`);
    assert.equal(corrections.has(LEAD_ID), false, "a correction with an unknown field is not applied");
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, "corrections.yaml");
    assert.match(errors[0]!.message, new RegExp(LEAD_ID));
    assert.match(errors[0]!.message, /\breporter\b/);
  });

  test("a value that is not a map of fields is an error naming the id", () => {
    const { errors } = parseCorrections("corrections.yaml", `${LEAD_ID}: 玉泉区\n`);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, new RegExp(LEAD_ID));
  });

  test("a list at the top level is an error", () => {
    const { errors } = parseCorrections("corrections.yaml", "- a\n- b\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /map/);
  });

  describe("bad YAML gives an error with the line", () => {
    const cases: { name: string; text: string; line: number }[] = [
      { name: "mis-indented key on line 4", text: `# corrections\n${LEAD_ID}:\n  county: 玉泉区\n location: 呼和浩特市\n`, line: 4 },
      { name: "duplicate id on line 3", text: `${LEAD_ID}:\n  county: 玉泉区\n${LEAD_ID}:\n  county: 新城区\n`, line: 3 },
      { name: "tab indentation on line 2", text: `${LEAD_ID}:\n\tcounty: 玉泉区\n`, line: 2 },
    ];
    for (const c of cases) {
      test(c.name, () => {
        const { corrections, errors } = parseCorrections("corrections.yaml", c.text);
        assert.equal(corrections.size, 0);
        assert.ok(errors.length >= 1);
        assert.equal(errors[0]!.file, "corrections.yaml");
        assert.match(errors[0]!.message, /YAML/);
        assert.equal(errors[0]!.line, c.line);
      });
    }
  });
});

describe("applyCorrection", () => {
  test("a correction sets a field and leaves the others", () => {
    const result = applyCorrection(FRONTMATTER, { county: "玉泉区", location: "呼和浩特市" });
    assert.ok(result.ok);
    assert.deepEqual(result.frontmatter, { ...FRONTMATTER, county: "玉泉区", location: "呼和浩特市" });
  });

  test("a correction can set a series and clear a section", () => {
    const result = applyCorrection(FRONTMATTER, { series: { name: "五化协同 大抓基层", no: 3 }, section: null });
    assert.ok(result.ok);
    assert.deepEqual(result.frontmatter.series, { name: "五化协同 大抓基层", no: 3 });
    assert.equal(result.frontmatter.section, null);
  });

  test("no correction returns the frontmatter unchanged", () => {
    const result = applyCorrection(FRONTMATTER, undefined);
    assert.ok(result.ok);
    assert.deepEqual(result.frontmatter, FRONTMATTER);
  });

  const invalid: { name: string; correction: Record<string, unknown>; field: string }[] = [
    { name: "kind: video", correction: { kind: "video" }, field: "kind" },
    { name: "order: -1", correction: { order: -1 }, field: "order" },
    { name: "order: 1.5", correction: { order: 1.5 }, field: "order" },
    { name: "date: 11/08/2022", correction: { date: "11/08/2022" }, field: "date" },
    { name: "reporters: 白丹 (not a list)", correction: { reporters: "白丹" }, field: "reporters" },
    { name: "title: empty", correction: { title: "" }, field: "title" },
  ];
  for (const row of invalid) {
    test(`an invalid value (${row.name}) is an error naming the field`, () => {
      const result = applyCorrection(FRONTMATTER, row.correction as Partial<ArticleFrontmatter>);
      assert.equal(result.ok, false);
      assert.match(result.ok ? "" : result.message, new RegExp(`"${row.field}"`));
    });
  }
});

describe("corrections in an ingest run", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ingest-corrections-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const inDir = join(tmp, "in");
  mkdirSync(inDir);
  copyFileSync(join(ROOT, "content/issues", SEED), join(inDir, SEED));
  const knowledge = loadPageKnowledge(join(ROOT, "content/data"));

  const ingest = (name: string, corrections: string) => {
    const file = join(tmp, `${name}.yaml`);
    writeFileSync(file, corrections);
    const outDir = join(tmp, `out-${name}`);
    return { summary: runIngest({ inDir, outDir, correctionsFile: file, knowledge, places: noPlaces }), outDir, file };
  };

  test("invalid values are errors naming the id and the field; the article is still written", () => {
    const id2 = "2022-11-08/bian-jing-xian-shang-zui-mei-yi-mo-hong";
    const { summary, outDir, file } = ingest("invalid", `${LEAD_ID}:\n  kind: video\n${id2}:\n  order: -1\n`);
    const kindError = summary.errors.find((e) => e.message.includes(LEAD_ID));
    const orderError = summary.errors.find((e) => e.message.includes(id2));
    assert.ok(kindError, JSON.stringify(summary.errors));
    assert.ok(orderError, JSON.stringify(summary.errors));
    assert.equal(kindError.file, file);
    assert.match(kindError.message, /"kind"/);
    assert.match(orderError.message, /"order"/);
    const data = matter(readFileSync(join(outDir, `${LEAD_ID}.md`), "utf8"), {}).data;
    assert.equal(data.kind, "article", "the invalid correction is not applied");
  });

  test("an unknown field is reported by the run", () => {
    const { summary } = ingest("unknown-field", `${LEAD_ID}:\n  place: 呼和浩特市\n`);
    assert.equal(summary.errors.length, 1);
    assert.match(summary.errors[0]!.message, new RegExp(`${LEAD_ID}.*place`));
  });

  test("bad corrections YAML is reported with its line and the run still writes the articles", () => {
    const { summary, outDir } = ingest("bad-yaml", `${LEAD_ID}:\n  county: 玉泉区\n location: 呼和浩特市\n`);
    assert.equal(summary.errors.length, 1);
    assert.equal(summary.errors[0]!.line, 3);
    assert.ok(summary.articles > 0);
    assert.ok(readFileSync(join(outDir, `${LEAD_ID}.md`), "utf8").includes("文明新风拂遍青城大地"));
  });
});
