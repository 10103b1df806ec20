/**
 * The whole-paper scorer (tests/support/annotation-score.ts) on small hand-made inputs:
 * matching by headline and by body opening, per-field tallies, people as sets,
 * spurious items, coverage and the readable account.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { ActualItem, Annotation, ExpectedItem, IngestOutput } from "../support/annotation-score.ts";
import { formatScore, missLines, normaliseText, readIngestOutput, scoreAnnotation } from "../support/annotation-score.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";

function expectedItem(fields: Partial<ExpectedItem>): ExpectedItem {
  return {
    source: "2023-03-06_p2.txt",
    title: "标题",
    subtitle: null,
    kind: "article",
    section: null,
    reporters: [],
    correspondents: [],
    photographers: [],
    authors: [],
    affiliation: null,
    agency: null,
    page: { no: 2, name: "经济" },
    location: null,
    county: null,
    body_starts: "正文开头",
    body_ends: "正文结尾。",
    ...fields,
  };
}

function actualItem(data: Record<string, unknown>, body: string): ActualItem {
  return {
    file: `2023-03-06/${String(data.title)}.md`,
    data: { ...sampleFrontmatter("2023-03-06", { page: { no: 2, name: "经济" }, source: "2023-03-06_p2.txt" }), ...data },
    body,
  };
}

const annotation: Annotation = {
  pages: [{ source: "2023-03-06_p2.txt", no: 2, name: "经济", staff: [{ role: "校对", names: ["杨帆"] }], teasers: [] }],
  items: [
    expectedItem({
      title: "敖汉旗谷子订单种植面积超60万亩",
      reporters: ["李建军", "王芳"],
      location: "赤峰市",
      county: "敖汉旗",
      body_starts: "“签了订单，价格有保底",
      body_ends: "居全区旗县前列。",
    }),
    expectedItem({
      title: "冷棚蔬菜上市",
      kind: "photo",
      section: "镜头",
      photographers: ["包丽娟"],
      location: "通辽市",
      body_starts: "近日，通辽市科尔沁左翼中旗",
      body_ends: "供应周边市场。",
    }),
    expectedItem({ title: "黑龙江加快推进黑土地保护性耕作", agency: "新华社", body_starts: "记者从黑龙江省农业农村厅获悉" }),
  ],
};

const report = {
  issues: [
    {
      source: "2023-03-06_p2.txt",
      page: { no: 2, name: "经济", staff: [{ role: "校对", names: ["杨帆"] }], teasers: [] },
      coverage: { lines: 40, covered: 39, ratio: 0.975, uncovered: [12] },
    },
  ],
  errors: [],
};

const output: IngestOutput = {
  items: [
    // Same headline with other punctuation and spaces; people in another order.
    actualItem(
      { title: "敖汉旗谷子订单种植面积超 60 万亩", reporters: ["王芳", "李建军"], location: "赤峰市", county: "敖汉旗", order: 1 },
      "\u201c签了订单,价格有保底,种多少都不愁卖。\u201d\n\n谷子种植面积和产量多年居全区旗县前列。\n",
    ),
    // Headline lost (a caption made the title), found by its body; section and credit missed.
    actualItem(
      { title: "近日,通辽市科尔沁左翼中旗一处设施农业园区内", kind: "photo", location: "通辽市", order: 2 },
      "近日，通辽市科尔沁左翼中旗一处设施农业园区内，农户在采摘冷棚蔬菜，供应周边市场。\n\n图/包丽娟\n",
    ),
    // On the page, matching nothing.
    actualItem({ title: "经济快讯", order: 3 }, "经济快讯\n"),
  ],
  report,
};

test("the scorer matches by headline, then by body opening, and tallies each field", () => {
  const score = scoreAnnotation(annotation, output);
  assert.deepEqual(score.items, { expected: 3, found: 2, ratio: 2 / 3 });
  assert.deepEqual(score.fields.byField.title, { right: 1, total: 2 });
  assert.deepEqual(score.fields.byField.reporters, { right: 2, total: 2 });
  assert.deepEqual(score.fields.byField.section, { right: 1, total: 2 });
  assert.deepEqual(score.fields.byField.photographers, { right: 1, total: 2 });
  assert.deepEqual(score.fields.byField.page, { right: 2, total: 2 });
  assert.equal(score.fields.total, 26);
  assert.equal(score.fields.right, 23);
  assert.deepEqual(score.body, { starts: { right: 2, total: 2 }, ends: { right: 1, total: 2 } });
  assert.deepEqual(score.spurious, [{ source: "2023-03-06_p2.txt", title: "经济快讯", kind: "article" }]);
  assert.deepEqual(score.coverage, [{ source: "2023-03-06_p2.txt", ratio: 0.975, uncovered: [12] }]);
  assert.deepEqual(score.pages, { right: 4, total: 4 });
});

test("the scorer lists every miss, by category", () => {
  const score = scoreAnnotation(annotation, output);
  assert.equal(missLines(score, ["not-found"]), "  - [2023-03-06_p2.txt] 黑龙江加快推进黑土地保护性耕作 (article): not found");
  assert.deepEqual(
    score.misses.filter((m) => m.category === "field").map((m) => m.text),
    [
      '[2023-03-06_p2.txt] 冷棚蔬菜上市 (photo): title expected "冷棚蔬菜上市", got "近日,通辽市科尔沁左翼中旗一处设施农业园区内"',
      '[2023-03-06_p2.txt] 冷棚蔬菜上市 (photo): section expected "镜头", got null',
      '[2023-03-06_p2.txt] 冷棚蔬菜上市 (photo): photographers expected ["包丽娟"], got []',
    ],
  );
  assert.equal(score.misses.filter((m) => m.category === "body").length, 1);
  assert.match(missLines(score, ["spurious"]), /spurious: 经济快讯 \(article\)/u);
  assert.match(missLines(score, ["coverage"]), /coverage 97\.5%, lines not accounted for: 12/u);
  const account = formatScore("set", score);
  assert.match(account, /^set: items found 2\/3 \(66\.7%\), fields right 23\/26 \(88\.5%\), spurious 1, coverage min 97\.5%/u);
  assert.match(account, /photographers 1\/2/u);
});

test("an item matches only on its own page: same source file, or same printed page number", () => {
  const elsewhere = actualItem(
    { title: "黑龙江加快推进黑土地保护性耕作", page: { no: 4, name: "国内" }, source: "2023-03-06_p4.txt" },
    "记者从黑龙江省农业农村厅获悉，……\n",
  );
  const score = scoreAnnotation(annotation, { items: [elsewhere], report });
  assert.equal(score.items.found, 0);
  assert.equal(scoreAnnotation(annotation, { items: [elsewhere], report }).spurious.length, 1);
  // The same headline printed on page 2, from a file of another name, does match.
  const samePageNo = actualItem({ title: "黑龙江加快推进黑土地保护性耕作", source: "other-name.txt" }, "据新华社电 记者从黑龙江省农业农村厅获悉\n");
  assert.equal(scoreAnnotation(annotation, { items: [samePageNo], report }).items.found, 1);
});

test("a body opening counts only near the start of the body", () => {
  const late = actualItem({ title: "无关标题" }, `${"前文".repeat(40)}记者从黑龙江省农业农村厅获悉\n`);
  const near = actualItem({ title: "无关标题" }, "据新华社电 记者从黑龙江省农业农村厅获悉\n");
  const only = (item: ActualItem) => scoreAnnotation({ pages: [], items: [annotation.items[2]!] }, { items: [item], report: { issues: [] } });
  assert.equal(only(late).items.found, 0);
  assert.equal(only(near).items.found, 1);
});

test("normalised text ignores spaces, punctuation, Markdown escapes and heading marks", () => {
  assert.equal(normaliseText("## “小切口”也能做出\\*“大文章”\n"), "小切口也能做出大文章");
  assert.equal(normaliseText("敖汉旗 谷子，订单"), normaliseText("敖汉旗谷子,订单"));
});

test("the ingest output is read from Markdown files and the parse report", () => {
  const dir = mkdtempSync(join(tmpdir(), "annotation-score-"));
  try {
    mkdirSync(join(dir, "2023-03-06"));
    writeFileSync(
      join(dir, "2023-03-06", "chun-guan-zhun-bei.md"),
      "---\ntitle: 春灌准备\nkind: photo\nphotographers:\n  - 韩卫东\npage:\n  'no': 2\n  name: 经济\nsource: 2023-03-06_p2.txt\n---\n\n3月3日，巴彦淖尔市临河区农民在清理渠道。\n",
    );
    writeFileSync(join(dir, "parse-report.json"), JSON.stringify({ issues: [], errors: [] }));
    const read = readIngestOutput(dir);
    assert.equal(read.items.length, 1);
    assert.equal(read.items[0]!.file, "2023-03-06/chun-guan-zhun-bei.md");
    assert.deepEqual(read.items[0]!.data.page, { no: 2, name: "经济" });
    assert.deepEqual(read.items[0]!.data.photographers, ["韩卫东"]);
    assert.equal(read.items[0]!.body.trim(), "3月3日，巴彦淖尔市临河区农民在清理渠道。");
    assert.deepEqual(read.report, { issues: [], errors: [] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
