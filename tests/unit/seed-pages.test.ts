/**
 * What a careful editor expects of each seed page, asserted on the parser's output:
 * the items, their metadata, and the repairs of the pages' damage.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import type { PageArticle } from "../../src/lib/ingest/parse-page.ts";
import { parseIssueBytes } from "../../src/lib/ingest/parse-file.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";
import { SEED_PAGES, seedPagePath, type SeedDate } from "../support/seed-lines.ts";

const root = join(import.meta.dirname, "../..");
const knowledge = loadPageKnowledge(join(root, "content/data"));

function parseSeed(date: SeedDate): PageArticle[] {
  const result = parseIssueBytes(SEED_PAGES[date], readFileSync(seedPagePath(date)), knowledge, articleLocator);
  assert.ok(result.ok);
  return result.parsed.articles;
}

const byTitle = (articles: PageArticle[], title: string): PageArticle => {
  const found = articles.find((a) => a.frontmatter.title === title);
  assert.ok(found, `no article titled ${title}; have ${articles.map((a) => a.frontmatter.title).join(" / ")}`);
  return found;
};
const bodyText = (a: PageArticle) => a.body.map((b) => b.text).join("\n");
const codes = (a: PageArticle) => a.warnings.map((w) => w.code);

test("2022-11-08: byline before headline, quotation-cut lead rejoined, OCR name variant folded, photo column", () => {
  const articles = parseSeed("2022-11-08");
  assert.deepEqual(
    articles.map((a) => [a.frontmatter.order, a.frontmatter.kind, a.frontmatter.title]),
    [
      [1, "article", "文明新风拂遍青城大地"],
      [2, "photo", "抓党务 促服务"],
      [3, "article", "边境线上最美一抹红"],
      [4, "article", "“板凳议事会” 问题现场办"],
      [5, "article", "看党员民警的硬核担当"],
      [6, "photo", "学习党的二十大精神"],
      [7, "photo", "汲取奋斗力量"],
      [8, "photo", "“疫”线坚守"],
      [9, "article", "比出新活力 争出好业绩"],
    ],
  );
  const first = articles[0]!;
  assert.deepEqual(first.frontmatter.reporters, ["白丹"]);
  assert.equal(first.frontmatter.section, "广角");
  assert.equal(first.frontmatter.location, "呼和浩特市");
  assert.match(first.body[0]!.text, /^2018年以来.*按照“市级抓推进、旗县抓落实”的工作原则/u);
  assert.ok(codes(first).includes("moved-paragraph"));
  assert.deepEqual(byTitle(articles, "边境线上最美一抹红").frontmatter.reporters, ["安寅东"], "安黄东 is an OCR variant of 安寅东");
  for (const title of ["学习党的二十大精神", "汲取奋斗力量", "“疫”线坚守"]) assert.equal(byTitle(articles, title).frontmatter.section, "掠影");
  assert.equal(byTitle(articles, "抓党务 促服务").frontmatter.section, null, "the label 掠影 comes later on the page");
  assert.deepEqual(byTitle(articles, "汲取奋斗力量").frontmatter.photographers, ["陈春艳"]);
  const series = byTitle(articles, "比出新活力 争出好业绩").frontmatter;
  assert.deepEqual(series.series, { name: "五化协同 大抓基层", no: 1 });
  assert.equal(series.location, "赤峰市");
  assert.match(bodyText(byTitle(articles, "比出新活力 争出好业绩")), /“比武争星”的一隅。/u, "a sentence cut by a blank line is one paragraph again");
  const bench = byTitle(articles, "“板凳议事会” 问题现场办").frontmatter;
  assert.deepEqual([bench.location, bench.county], ["包头市", "白云鄂博矿区"]);
});

test("2024-10-15: a headline found mid-body under a column label, and an article continued after another item", () => {
  const articles = parseSeed("2024-10-15");
  const beijiang = byTitle(articles, "汇聚非公领域发展“红色动能”");
  assert.equal(beijiang.frontmatter.section, "北疆党旗红");
  assert.deepEqual(beijiang.frontmatter.reporters, ["许敬"]);
  assert.deepEqual(beijiang.frontmatter.correspondents, ["王筱瑜"]);
  assert.equal(beijiang.frontmatter.location, "阿拉善盟");
  assert.match(bodyText(beijiang), /持续加强“两企三新”党组织政治建设/u);
  assert.doesNotMatch(bodyText(beijiang), /三新领域/u);
  const chifeng = byTitle(articles, "强基固本 奋勇争先");
  assert.equal(chifeng.frontmatter.subtitle, "赤峰市推动基层党组织全面进步全面过硬");
  assert.ok(chifeng.body.some((b) => b.heading && b.text === "“三新领域”凝聚合力集中攻坚"));
  assert.match(bodyText(chifeng), /赤峰市委常委、组织部部长王亚忠说。$/u);
  const kicker = byTitle(articles, "“党建+”推动人大代表耕好“责任田”");
  assert.equal(kicker.frontmatter.section, "代表委员“零距离”");
  assert.ok(codes(kicker).includes("unrecognised-label"));
  assert.deepEqual([kicker.frontmatter.location, kicker.frontmatter.county], ["呼和浩特市", "新城区"]);
  const flowing = byTitle(articles, "让流动党员“有家”更有为").frontmatter;
  assert.deepEqual([flowing.location, flowing.county], ["兴安盟", "扎赉特旗"]);
  assert.equal(byTitle(articles, "担使命 筑忠诚").frontmatter.section, "掠影");
});

test("2022-09-20: an item without headline gets a guessed title, the first article's continuation is moved back", () => {
  const articles = parseSeed("2022-09-20");
  const untitled = articles.find((a) => a.frontmatter.section === "红船初心");
  assert.ok(untitled);
  assert.equal(untitled.frontmatter.kind, "article");
  assert.ok(codes(untitled).includes("guessed-headline"));
  assert.deepEqual(untitled.frontmatter.reporters, ["安寅东"]);
  assert.deepEqual([untitled.frontmatter.location, untitled.frontmatter.county], ["兴安盟", "突泉县"]);
  assert.doesNotMatch(bodyText(untitled), /盛唐路社区/u);
  const first = articles[0]!;
  assert.equal(first.frontmatter.title, "党员先锋聚合力 志愿服务零距离");
  assert.match(bodyText(first), /共享餐厅很满意。/u);
  const commentary = byTitle(articles, "党员要底气十足亮身份");
  assert.equal(commentary.frontmatter.kind, "commentary");
  assert.deepEqual(commentary.frontmatter.authors, ["安寅东"], "◎安寅东 is the author's byline, not a column label");
  assert.equal(commentary.frontmatter.location, null, "it is about 新疆, outside Inner Mongolia");
  assert.deepEqual(
    articles.filter((a) => a.frontmatter.kind === "photo").map((a) => a.frontmatter.title),
    ["组团帮扶", "传承革命精神", "宣传民族政策"],
  );
  assert.ok(first.body.some((b) => b.heading && b.text === "服务送到家门口"), "## marks a subhead, not a new article");
});

test("2022-12-13: labels without ◎, a numbered series, photo credits run onto captions", () => {
  const articles = parseSeed("2022-12-13");
  assert.equal(articles.length, 8);
  const lead = articles[0]!;
  assert.equal(lead.frontmatter.section, "视点");
  assert.deepEqual(
    lead.body.filter((b) => b.heading).map((b) => b.text),
    ["建设党群服务 红色平台", "构建互联互通 红色脉络", "创新社会治理 红色驱动", "打造群众满意 红色品牌"],
  );
  assert.equal(lead.frontmatter.location, "阿拉善盟");
  const column = byTitle(articles, "筑牢基层治理根基").frontmatter;
  assert.deepEqual([column.kind, column.section, column.authors], ["commentary", "观潮", ["郝佳丽"]]);
  assert.deepEqual(byTitle(articles, "学习之花 结出实践之果").frontmatter.series, { name: "五化协同 大抓基层", no: 13 });
  const photo = byTitle(articles, "增强党性修养");
  assert.deepEqual([photo.frontmatter.kind, photo.frontmatter.section, photo.frontmatter.photographers], ["photo", "阵地", ["郝佳丽"]]);
  assert.doesNotMatch(bodyText(photo), /摄$/u, "the credit is not left in the caption");
  assert.deepEqual(byTitle(articles, "家门口种上了摇钱树").frontmatter.reporters, ["郝佳丽"]);
});

test("2022-09-06: briefs under 信息集装箱, a label after its headline, a caption-less photo, a run-in author", () => {
  const articles = parseSeed("2022-09-06");
  const briefs = articles.filter((a) => a.frontmatter.kind === "brief");
  assert.equal(briefs.length, 3);
  assert.deepEqual(
    briefs.map((b) => b.frontmatter.reporters),
    [["安寅东"], ["陈春艳"], []],
  );
  assert.ok(briefs.every((b) => b.frontmatter.section === "信息集装箱"));
  assert.equal(briefs[1]!.frontmatter.title, "巴彦淖尔市乌拉特前旗公安局2022年度政治轮训结束");
  assert.match(bodyText(briefs[2]!), /^日前,鄂尔多斯出入境边防检查站/u, "the ● marker is not text");
  const commentary = byTitle(articles, "容错纠错让干部想为敢为");
  assert.deepEqual([commentary.frontmatter.kind, commentary.frontmatter.section, commentary.frontmatter.authors], ["commentary", "观潮", ["宋爽"]]);
  assert.match(bodyText(commentary), /可供借鉴,迫切需要/u);
  assert.equal(commentary.frontmatter.location, "内蒙古");
  const harvest = byTitle(articles, "晒丰收");
  assert.equal(harvest.frontmatter.kind, "photo");
  assert.ok(codes(harvest).includes("photo-without-caption"));
  const border = byTitle(articles, "警地牵手 打造红色边境党建长廊");
  assert.deepEqual([border.frontmatter.section, border.frontmatter.reporters, border.frontmatter.location], ["知行合一", ["安寅东"], "阿拉善盟"]);
  const series = byTitle(articles, "差异考 提干劲");
  assert.deepEqual(series.frontmatter.series, { name: "五化协同 大抓基层", no: 2 });
  assert.match(bodyText(series), /明确工作重力方向,组织部门会同/u);
  assert.ok(series.body.some((b) => b.heading && b.text === "日常评 激斗志"));
  assert.equal(articles[0]!.frontmatter.location, "内蒙古", "凡人微光 is about the region as a whole");
});
