import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import {
  articlesPerLeague,
  articlesPerSection,
  articlesPerYear,
  barChartSvg,
  textWidth,
  topPeople,
  type BarRow,
} from "../../src/lib/site/charts.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";
import { findAll, parseSvg, textContent } from "./site-svg-tree.ts";

const article = (date: string, data: Partial<ArticleFrontmatter>): { data: ArticleFrontmatter } => ({
  data: sampleFrontmatter(date, data),
});

// Bylines and places as they appear in the seed issues.
const articles = [
  article("2022-11-08", { section: "广角", reporters: ["白丹"], photographers: ["孟和朝鲁"], location: "呼和浩特市" }),
  article("2022-11-08", { section: "学思践悟", reporters: ["安黄东"], location: "内蒙古" }),
  article("2022-11-08", { reporters: ["宋爽"], location: "赤峰市", series: { name: "五化协同 大抓基层", no: 1 } }),
  article("2022-11-08", { section: "掠影", kind: "photo", photographers: ["陈春艳"], location: "赤峰市" }),
  article("2022-12-13", { section: "视点", reporters: ["及庆玲"], location: "阿拉善盟" }),
  article("2022-12-13", { section: "观潮", kind: "commentary", authors: ["郝佳丽"] }),
  article("2022-12-13", { kind: "photo", photographers: ["郝佳丽"], location: "呼和浩特市" }),
  article("2024-10-15", { section: "北疆党旗红", reporters: ["许敬"], correspondents: ["王筱瑜"], location: "阿拉善盟" }),
  article("2024-10-15", { section: "广角", reporters: ["宋爽"], correspondents: ["冯红梅"], location: "呼和浩特市" }),
  article("2024-10-15", { section: "北疆党旗红", reporters: ["宋爽"], photographers: ["宋爽"] }),
  article("2022-09-06", { reporters: ["陈春艳"], location: "赤峰市" }),
];

describe("chart data", () => {
  it("articlesPerYear counts by year, in calendar order, empty years included", () => {
    assert.deepEqual(articlesPerYear(articles), [
      { label: "2022", value: 8 },
      { label: "2023", value: 0 },
      { label: "2024", value: 3 },
    ]);
    assert.deepEqual(articlesPerYear([]), []);
    assert.deepEqual(articlesPerYear([articles[9]!, articles[10]!, articles[0]!]), [
      { label: "2022", value: 2 },
      { label: "2023", value: 0 },
      { label: "2024", value: 1 },
    ]);
  });

  it("articlesPerSection ranks sections by count, then by name; no section is not a section", () => {
    assert.deepEqual(articlesPerSection(articles), [
      { label: "北疆党旗红", value: 2 },
      { label: "广角", value: 2 },
      { label: "学思践悟", value: 1 },
      { label: "掠影", value: 1 },
      { label: "观潮", value: 1 },
      { label: "视点", value: 1 },
    ]);
  });

  it("articlesPerLeague ranks leagues and 内蒙古 by count", () => {
    assert.deepEqual(articlesPerLeague(articles), [
      { label: "呼和浩特市", value: 3 },
      { label: "赤峰市", value: 3 },
      { label: "阿拉善盟", value: 2 },
      { label: "内蒙古", value: 1 },
    ]);
  });

  it("topPeople counts every role, one person once per article", () => {
    assert.deepEqual(topPeople(articles, 4), [
      { label: "宋爽", value: 3 },
      { label: "郝佳丽", value: 2 },
      { label: "陈春艳", value: 2 },
      { label: "冯红梅", value: 1 },
    ]);
    assert.deepEqual(topPeople(articles, 0), []);
    assert.equal(topPeople(articles, 100).length, 10);
  });

  it("topPeople leaves out institutional bylines", () => {
    const editorials = [
      article("2024-10-15", { kind: "commentary", authors: ["本报评论员"] }),
      article("2024-10-16", { kind: "commentary", authors: ["本报评论员"] }),
      article("2024-10-16", { kind: "commentary", authors: ["新华社评论员"] }),
      article("2024-10-17", { reporters: ["新华社记者"], correspondents: ["王筱瑜"] }),
    ];
    assert.deepEqual(topPeople(editorials, 5), [{ label: "王筱瑜", value: 1 }]);
  });

  it("gives the same rows whatever the input order", () => {
    const reversed = [...articles].reverse();
    assert.deepEqual(articlesPerSection(reversed), articlesPerSection(articles));
    assert.deepEqual(topPeople(reversed, 5), topPeople(articles, 5));
    assert.deepEqual(articlesPerYear(reversed), articlesPerYear(articles));
  });
});

describe("textWidth", () => {
  it("counts Han characters as 1 em and Latin ones as 0.6 em", () => {
    assert.equal(textWidth("宋爽", 10), 20);
    assert.equal(textWidth("2022", 10), 24);
    assert.equal(textWidth("“定制服务”", 10), 10 * (0.6 + 4 + 0.6));
  });
});

describe("barChartSvg", () => {
  const rows: BarRow[] = [
    { label: "宋爽", value: 12, href: "/reporters/song-shuang/" },
    { label: "郝佳丽", value: 6, href: "/reporters/hao-jia-li/" },
    { label: "<王筱瑜 & \"通讯员\">", value: 3 },
  ];

  it("is well-formed SVG named by its title, with one row per entry", () => {
    const svg = parseSvg(barChartSvg(rows, { title: "记者发稿量 <前三>", unit: "篇" }));
    assert.equal(svg.name, "svg");
    const titleId = svg.attributes["aria-labelledby"]!;
    const title = svg.children[0]!;
    assert.equal(title.name, "title");
    assert.equal(title.attributes.id, titleId);
    assert.equal(title.text, "记者发稿量 <前三>");
    assert.equal(findAll(svg, "rect").length, 3);
  });

  it("links rows that have an href, names each link with its value, and is a group", () => {
    const svg = parseSvg(barChartSvg(rows, { title: "记者", unit: "篇" }));
    assert.equal(svg.attributes.role, "group");
    const links = findAll(svg, "a");
    assert.deepEqual(
      links.map((a) => [a.attributes.href, a.attributes["aria-label"]]),
      [
        ["/reporters/song-shuang/", "宋爽：12 篇"],
        ["/reporters/hao-jia-li/", "郝佳丽：6 篇"],
      ],
    );
    assert.ok(textContent(svg).includes('<王筱瑜 & "通讯员">'), "labels are escaped, not dropped");
  });

  it("is a single image when nothing links", () => {
    const svg = parseSvg(barChartSvg([{ label: "2022", value: 8 }, { label: "2024", value: 3 }], { title: "年度发稿量" }));
    assert.equal(svg.attributes.role, "img");
    assert.equal(findAll(svg, "a").length, 0);
  });

  it("draws bars in proportion to the values, the longest for the largest", () => {
    const svg = parseSvg(barChartSvg(rows, { title: "记者", width: 500 }));
    const widths = findAll(svg, "rect").map((r) => Number(r.attributes.width));
    assert.ok(Math.abs(widths[1]! / widths[0]! - 0.5) < 0.01);
    assert.ok(Math.abs(widths[2]! / widths[0]! - 0.25) < 0.01);
    const right = findAll(svg, "rect").map((r) => Number(r.attributes.x) + Number(r.attributes.width));
    for (const edge of right) assert.ok(edge <= 500);
    assert.equal(svg.attributes.viewBox!.split(" ")[2], "500");
  });

  it("takes its colours from the page: currentColor, restyled by class", () => {
    const markup = barChartSvg(rows, { title: "记者" });
    assert.match(markup, /<svg[^>]* fill="currentColor"/);
    assert.doesNotMatch(markup, /#[0-9a-f]{3,6}\b|rgb\(/i);
    assert.match(markup, /class="bar-chart-bar"/);
  });

  it("shortens a very long label on screen but keeps it whole in the accessible name", () => {
    const long = "内蒙古自治区党委组织部新时代文明实践中心建设专题报道组";
    const svg = parseSvg(barChartSvg([{ label: long, value: 1, href: "/x/" }], { title: "t", width: 300 }));
    assert.equal(findAll(svg, "a")[0]!.attributes["aria-label"], `${long}：1`);
    assert.ok(findAll(svg, "text")[0]!.text.endsWith("…"));
  });

  it("says so when there is no data, and uses the given id prefix", () => {
    const svg = parseSvg(barChartSvg([], { title: "空", id: "people-chart" }));
    assert.equal(svg.attributes["aria-labelledby"], "people-chart-title");
    assert.ok(textContent(svg).includes("暂无数据"));
  });

  it("is deterministic", () => {
    assert.equal(barChartSvg(rows, { title: "记者" }), barChartSvg(rows, { title: "记者" }));
  });
});
