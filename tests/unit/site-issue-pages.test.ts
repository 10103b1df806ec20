import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive, type ArchiveEntry } from "../../src/lib/site/archive.ts";
import { formatStaff, issuePageViews, pageAnchor, type PageFurniture } from "../../src/lib/site/issue-pages.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const DATE = "2024-10-15";

const item = (slug: string, no: number | null, name: string | null, source: string, fields: Partial<ArticleFrontmatter> = {}): ArchiveEntry =>
  sampleEntry(`${DATE}/${slug}`, { title: slug, page: { no, name }, source, ...fields });

const pagesOf = (entries: ArchiveEntry[]) => buildArchive(entries).issueById.get(DATE)!.pages;

const furniture = (entries: [string, Partial<PageFurniture>][]) =>
  new Map(entries.map(([source, f]) => [source, { staff: [], teasers: [], ...f }]));

describe("issuePageViews", () => {
  const paper = pagesOf([
    item("yao-wen", 1, "要闻", "p1.txt"),
    item("dang-jian", 5, "党建", "p5.txt"),
    item("fu-kan", null, "副刊", "px.txt"),
    item("ling-san", null, null, "py.txt"),
    item("ling-si", null, null, "pz.txt"),
  ]);
  const teasers: PageFurniture["teasers"] = [
    { text: "党建引领基层治理", page: 5, line: 3, article: `${DATE}/dang-jian` },
    { text: "详见第5版：红色动能", page: 5, line: 4, article: null },
    { text: "理论周刊", page: 7, line: 5, article: null },
    { text: "已删去的稿件", page: null, line: 6, article: `${DATE}/gone` },
  ];
  const views = issuePageViews(
    paper,
    furniture([
      ["p1.txt", { teasers, staff: [{ role: "责任编辑", names: ["李四"] }] }],
      ["p5.txt", { staff: [{ role: "责任编辑", names: ["张三"] }, { role: "版式设计", names: ["王五", "赵六"] }] }],
    ]),
    (id) => id !== `${DATE}/gone`,
  );

  it("labels pages as printed, and pages printing neither number nor name in turn", () => {
    assert.deepEqual(
      views.map((v) => [v.anchor, v.label, v.printed]),
      [
        ["page-1", "第1版 要闻", true],
        ["page-5", "第5版 党建", true],
        ["page-x1", "副刊", true],
        ["page-x2", "未标版次的版面 1", false],
        ["page-x3", "未标版次的版面 2", false],
      ],
    );
  });

  it("gives each page its own staff from the report", () => {
    assert.deepEqual(
      views.map((v) => v.staff),
      [[{ role: "责任编辑", names: ["李四"] }], [{ role: "责任编辑", names: ["张三"] }, { role: "版式设计", names: ["王五", "赵六"] }], [], [], []],
    );
  });

  it("links a teaser to its article, else to its page on this issue, else not at all", () => {
    assert.deepEqual(views[0]!.teasers, [
      { text: "党建引领基层治理", pageLabel: "第5版", href: `/articles/${DATE}/dang-jian/` },
      { text: "详见第5版：红色动能", pageLabel: null, href: "#page-5" },
      { text: "理论周刊", pageLabel: "第7版", href: null },
      { text: "已删去的稿件", pageLabel: null, href: null },
    ]);
  });

  it("shows a lone page without number or name without inventing a number", () => {
    const [lone] = issuePageViews(pagesOf([item("a", null, null, "p.txt")]), new Map(), () => true);
    assert.deepEqual([lone!.anchor, lone!.label, lone!.printed, lone!.staff, lone!.teasers], ["page-x1", "未标版次的版面", false, [], []]);
  });

  it("merges the staff of a page printed in two files, each role once", () => {
    const [page] = issuePageViews(
      pagesOf([item("a", 2, "经济", "p2a.txt"), item("b", 2, "经济", "p2b.txt")]),
      furniture([
        ["p2a.txt", { staff: [{ role: "责任编辑", names: ["张三"] }] }],
        ["p2b.txt", { staff: [{ role: "责任编辑", names: ["张三", "李四"] }, { role: "校对", names: ["王五"] }] }],
      ]),
      () => true,
    );
    assert.deepEqual(page!.page.sources, ["p2a.txt", "p2b.txt"]);
    assert.deepEqual(page!.staff, [
      { role: "责任编辑", names: ["张三", "李四"] },
      { role: "校对", names: ["王五"] },
    ]);
  });
});

describe("pageAnchor", () => {
  for (const [no, expected] of [
    [1, "page-1"],
    [12, "page-12"],
  ] as const) {
    it(`${no} → ${expected}`, () => assert.equal(pageAnchor(no), expected));
  }
});

describe("formatStaff", () => {
  const table: [PageFurniture["staff"], string][] = [
    [[], ""],
    [[{ role: "责任编辑", names: ["李四"] }], "责任编辑：李四"],
    [
      [
        { role: "责任编辑", names: ["张三", "李四"] },
        { role: "版式设计", names: ["王五"] },
      ],
      "责任编辑：张三、李四　版式设计：王五",
    ],
  ];
  for (const [staff, expected] of table) {
    it(`${JSON.stringify(expected)}`, () => assert.equal(formatStaff(staff), expected));
  }
});
