// Block classification on the seed pages: labels (with series numbers), bylines, credits,
// decks, marked and unmarked headlines, and body lines that only look like them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { emptyByline } from "../../src/lib/ingest/byline.ts";
import type { Byline } from "../../src/lib/ingest/byline.ts";
import { bylinePeople, classifyBlock, classifyPage, columnByName, pageNumber, parseAffiliation, parseColumnLabel, parseJump } from "../../src/lib/ingest/classify.ts";
import type { BlockClass, ClassifiedBlock } from "../../src/lib/ingest/classify.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import { buildPageKnowledge, loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { SEED_PAGES, seedLine, seedPageText, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, type WholePaperPage } from "../support/whole-paper-lines.ts";

const knowledge = loadPageKnowledge(fileURLToPath(new URL("../../content/data", import.meta.url)));

const classified = new Map<SeedDate, ClassifiedBlock[]>();
function pageBlocks(date: SeedDate): ClassifiedBlock[] {
  let blocks = classified.get(date);
  if (!blocks) {
    blocks = classifyPage(splitPageBlocks(seedPageText(date)), knowledge);
    classified.set(date, blocks);
  }
  return blocks;
}

/** The classified block on a seed page's line; `text` proves the table points at the right line. */
function blockAt(date: SeedDate, line: number, text: string): BlockClass {
  const block = pageBlocks(date).find((b) => b.line === line);
  assert.ok(block, `${date} has no block on line ${line}`);
  assert.ok(block.text.startsWith(text), `${date}:${line} is "${block.text.slice(0, 30)}", not "${text}"`);
  return block.class;
}

const byline = (fields: Partial<Byline>): Byline => ({ ...emptyByline(), ...fields });

describe("column labels", () => {
  const rows: { date: SeedDate; line: number; text: string; name: string; column: string; series?: { name: string; no: number | null } }[] = [
    { date: "2022-11-08", line: 3, text: "◎广角", name: "广角", column: "text" },
    { date: "2022-09-06", line: 143, text: "◎五化协同 大抓基层②", name: "五化协同 大抓基层", column: "text", series: { name: "五化协同 大抓基层", no: 2 } },
    { date: "2022-12-13", line: 83, text: "五化协同 大抓基层⑬", name: "五化协同 大抓基层", column: "text", series: { name: "五化协同 大抓基层", no: 13 } },
    { date: "2022-11-08", line: 155, text: "◎五化协同 大抓基层①", name: "五化协同 大抓基层", column: "text", series: { name: "五化协同 大抓基层", no: 1 } },
    { date: "2022-09-20", line: 91, text: "◎五化协同 大抓基层", name: "五化协同 大抓基层", column: "text", series: { name: "五化协同 大抓基层", no: null } },
    { date: "2024-10-15", line: 3, text: "学思践悟", name: "学思践悟", column: "text" },
    { date: "2022-12-13", line: 115, text: "学思践悟", name: "学思践悟", column: "text" },
    { date: "2022-11-08", line: 61, text: "◎学思践悟", name: "学思践悟", column: "text" },
    { date: "2022-12-13", line: 3, text: "视点", name: "视点", column: "text" },
    { date: "2024-10-15", line: 111, text: "北疆党旗红", name: "北疆党旗红", column: "text" },
    { date: "2022-09-20", line: 47, text: "◎红船初心", name: "红船初心", column: "text" },
    { date: "2022-09-06", line: 85, text: "◎信息集装箱", name: "信息集装箱", column: "brief" },
    { date: "2022-11-08", line: 129, text: "◎掠影", name: "掠影", column: "photo" },
    { date: "2024-10-15", line: 91, text: "掠影", name: "掠影", column: "photo" },
    { date: "2022-12-13", line: 103, text: "阵地", name: "阵地", column: "photo" },
    { date: "2022-09-06", line: 107, text: "观潮", name: "观潮", column: "commentary" },
    { date: "2022-09-20", line: 69, text: "◎观潮", name: "观潮", column: "commentary" },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text} → ${row.name} (${row.column}${row.series ? `, no ${row.series.no}` : ""})`, () => {
      const c = blockAt(row.date, row.line, row.text);
      assert.equal(c.type, "label");
      if (c.type !== "label") return;
      assert.equal(c.label.name, row.name);
      assert.equal(c.label.column, row.column);
      assert.deepEqual(c.label.series, row.series ?? null);
      assert.equal(c.label.recognised, true);
    });
  }

  test("an unknown ◎ label is still a label; an unknown unmarked one is not", () => {
    const people = new Set<string>();
    assert.deepEqual(parseColumnLabel("◎新时代新征程", knowledge, people), { name: "新时代新征程", column: "text", series: null, recognised: true });
    assert.equal(parseColumnLabel("新时代新征程", knowledge, people), null);
  });

  test("series numbers: circled, bracketed and plain digits; other tails are not the series", () => {
    const people = new Set<string>();
    assert.equal(parseColumnLabel("◎五化协同 大抓基层⑳", knowledge, people)?.series?.no, 20);
    assert.equal(parseColumnLabel("五化协同 大抓基层(3)", knowledge, people)?.series?.no, 3);
    assert.equal(parseColumnLabel("五化协同大抓基层12", knowledge, people)?.series?.no, 12);
    assert.equal(parseColumnLabel("五化协同 大抓基层的成效", knowledge, people), null);
  });

  test("labels come from content/data/column-labels.yaml, not from code", () => {
    const bare = buildPageKnowledge({}, {}, { reporter: ["记者", "本报记者"] });
    assert.equal(parseColumnLabel("学思践悟", bare, new Set()), null);
    assert.equal(parseColumnLabel("五化协同 大抓基层②", bare, new Set()), null);
  });
});

describe("bylines and credits in page context", () => {
  const rows: { date: SeedDate; line: number; text: string; type: BlockClass["type"]; byline: Byline }[] = [
    { date: "2022-11-08", line: 5, text: "□本报记者 白丹", type: "byline", byline: byline({ reporters: ["白丹"] }) },
    { date: "2024-10-15", line: 113, text: "□本报记者 许敬 通讯员 王筱瑜", type: "byline", byline: byline({ reporters: ["许敬"], correspondents: ["王筱瑜"] }) },
    { date: "2022-12-13", line: 137, text: "□见习记者 郝佳丽", type: "byline", byline: byline({ reporters: ["郝佳丽"] }) },
    { date: "2022-12-13", line: 73, text: "□郝佳丽", type: "byline", byline: byline({ authors: ["郝佳丽"] }) },
    { date: "2022-09-20", line: 73, text: "◎安寅东", type: "byline", byline: byline({ authors: ["安寅东"] }) },
    { date: "2022-09-06", line: 89, text: "(本报记者 安寅东)", type: "brief-byline", byline: byline({ reporters: ["安寅东"] }) },
    { date: "2022-11-08", line: 137, text: "李文超 摄", type: "credit", byline: byline({ photographers: ["李文超"] }) },
    { date: "2022-11-08", line: 59, text: "本报记者 孟和朝鲁 摄", type: "credit", byline: byline({ photographers: ["孟和朝鲁"] }) },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text} → ${row.type}`, () => {
      const c = blockAt(row.date, row.line, row.text);
      assert.equal(c.type, row.type);
      assert.deepEqual((c as { byline: Byline }).byline, row.byline);
    });
  }

  test("2022-09-20: ◎安寅东 (line 73) is the author, ◎广角 (line 3) is the label", () => {
    assert.equal(blockAt("2022-09-20", 73, "◎安寅东").type, "byline");
    assert.equal(blockAt("2022-09-20", 3, "◎广角").type, "label");
  });

  test("◎Name is read as a label when the name is in no byline and no alias list", () => {
    const people = bylinePeople(splitPageBlocks("◎广角\n\n□本报记者 白丹\n"), buildPageKnowledge({}, {}, { reporter: ["记者", "本报记者"] }));
    assert.deepEqual([...people], ["白丹"]);
    assert.equal(classifyBlock({ text: "◎白丹", line: 1, gapBefore: 0 }, knowledge, people).type, "byline");
    assert.equal(classifyBlock({ text: "◎广角", line: 1, gapBefore: 0 }, knowledge, people).type, "label");
  });

  test("the people of a page include its bylines, credits and the alias list", () => {
    const people = bylinePeople(splitPageBlocks(seedPageText("2022-09-20")), knowledge);
    for (const name of ["刘向平", "安寅东", "宋爽", "郝佳丽", "组伟华", "陈春艳"]) assert.ok(people.has(name), name);
  });

  test("2022-12-13:107 a caption with its credit run on stays one body block (the assembler splits it)", () => {
    const c = blockAt("2022-12-13", 107, "近日,赤峰市阿鲁科尔沁旗公安局天山街道派出所");
    assert.equal(c.type, "body");
  });
});

describe("decks and headings", () => {
  test("2024-10-15:51 ——赤峰市推动基层党组织全面进步全面过硬 is a deck", () => {
    const c = blockAt("2024-10-15", 51, "——赤峰市");
    assert.deepEqual(c, { type: "deck", text: "——赤峰市推动基层党组织全面进步全面过硬" });
  });

  test("2022-09-20:5 '# 党员先锋聚合力 志愿服务零距离' is a marked heading without the #", () => {
    assert.deepEqual(blockAt("2022-09-20", 5, "# 党员先锋聚合力"), { type: "heading", text: "党员先锋聚合力 志愿服务零距离", marked: true });
  });

  test("2022-09-20:17 '## 服务送到家门口' is a marked heading", () => {
    assert.deepEqual(blockAt("2022-09-20", 17, "## 服务送到家门口"), { type: "heading", text: "服务送到家门口", marked: true });
  });

  test("2022-09-20:93 a marked heading with quotes", () => {
    assert.deepEqual(blockAt("2022-09-20", 93, "## 专家人才"), { type: "heading", text: "专家人才赴基层一线开展“定制服务”", marked: true });
  });

  const unmarked: { date: SeedDate; line: number; text: string }[] = [
    { date: "2022-11-08", line: 7, text: "文明新风拂遍青城大地" },
    { date: "2022-11-08", line: 15, text: "在哪做?——高标准建设阵地,打造文明实践的“青城品牌”" },
    { date: "2022-12-13", line: 11, text: "建设党群服务 红色平台" },
    { date: "2024-10-15", line: 99, text: "党员干部“入格” 群众幸福“满格”" },
    { date: "2022-11-08", line: 149, text: "“疫”线坚守" },
    { date: "2022-09-06", line: 121, text: "晒丰收" },
  ];
  for (const row of unmarked) {
    test(`${row.date}:${row.line} ${row.text} is an unmarked heading`, () => {
      assert.deepEqual(blockAt(row.date, row.line, row.text), { type: "heading", text: row.text, marked: false });
    });
  }
});

describe("body lines that are not bylines, labels or headings", () => {
  const rows: { date: SeedDate; line: number; text: string }[] = [
    { date: "2022-09-20", line: 25, text: "记者了解到," },
    { date: "2022-09-20", line: 21, text: "记者在科普创新屋里看到," },
    { date: "2022-11-08", line: 9, text: "推进、旗县抓落实”的工作原则" },
    { date: "2022-11-08", line: 21, text: "2018年以来,呼和浩特市全力推进" },
    { date: "2022-11-08", line: 23, text: "队伍。" },
    { date: "2022-11-08", line: 171, text: "一隅。赤峰市通过" },
    { date: "2022-09-06", line: 129, text: "责任。" },
    { date: "2024-10-15", line: 75, text: "开花。" },
    { date: "2022-11-08", line: 57, text: "包头市税务局第二稽查局" },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text}… is body`, () => {
      assert.equal(blockAt(row.date, row.line, row.text).type, "body");
    });
  }

  test("2022-11-08:169 这样的场景只是赤峰市“比武争星”的 is headline-shaped (the assembler decides), never a byline or label", () => {
    const c = blockAt("2022-11-08", 169, "这样的场景只是赤峰市“比武争星”的");
    assert.deepEqual(c, { type: "heading", text: "这样的场景只是赤峰市“比武争星”的", marked: false });
  });

  test("a # line longer than a heading stays body text", () => {
    const long = "# " + "长".repeat(61);
    assert.equal(classifyBlock({ text: long, line: 1, gapBefore: 0 }, knowledge, new Set()).type, "body");
  });

  test("no line of any seed page is classified as a byline unless it carries a byline form", () => {
    const form = /^([□■◎]|本报记者|见习记者|记者|通讯员|[(（])/u;
    for (const date of Object.keys(SEED_PAGES) as SeedDate[]) {
      for (const block of pageBlocks(date)) {
        if (block.class.type === "byline" || block.class.type === "brief-byline") {
          assert.match(block.text, form, `${date}:${block.line} "${block.text.slice(0, 30)}" read as a byline`);
        }
        if (block.class.type === "credit") assert.match(block.text, /摄$/u, `${date}:${block.line}`);
      }
    }
  });
});

/** The printed line of a fixture page, or (page null) a line written in the same form. */
function printed(page: WholePaperPage | null, line: number, text: string): string {
  if (page !== null) assert.equal(wholePaperLine(page, line), text);
  return text;
}
const where = (page: WholePaperPage | null, line: number) => (page ? `${page}:${line}` : "(written)");

describe("columnByName: the kind of column an unlisted label's name says", () => {
  const rows: { page: WholePaperPage | null; line: number; text: string; name: string; column: ReturnType<typeof columnByName> }[] = [
    { page: "issue-a/2023-03-06_p2.txt", line: 75, text: "经济快讯", name: "经济快讯", column: "brief" },
    { page: "issue-b/2024-05-20_p2.txt", line: 21, text: "◎经济简讯", name: "经济简讯", column: "brief" },
    { page: "issue-a/2023-03-06_p2.txt", line: 55, text: "◎镜头", name: "镜头", column: "photo" },
    { page: "issue-b/2024-05-20_p2.txt", line: 55, text: "◎图片新闻", name: "图片新闻", column: "photo" },
    { page: null, line: 0, text: "草原论坛", name: "草原论坛", column: "commentary" },
    { page: "issue-a/2023-03-06_p3.txt", line: 59, text: "广告", name: "广告", column: "notice" },
    { page: "issue-a/2023-03-06_p2.txt", line: 9, text: "全区春耕备耕农资储备充足", name: "全区春耕备耕农资储备充足", column: null },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 5, text: "以实干实绩开好局起好步", name: "以实干实绩开好局起好步", column: null },
  ];
  for (const row of rows) {
    test(`${where(row.page, row.line)} ${row.text} → ${row.column}`, () => {
      printed(row.page, row.line, row.text);
      assert.equal(columnByName(row.name), row.column);
    });
  }

  test("a label the data file does not list is still read by its name: 经济快讯 holds briefs, 广告 notices", () => {
    assert.equal(knowledge.labels.has("经济快讯"), false, "the test needs a label that is not in column-labels.yaml");
    assert.deepEqual(parseColumnLabel("经济快讯", knowledge, new Set()), { name: "经济快讯", column: "brief", series: null, recognised: true, unmarked: true });
    assert.equal(parseColumnLabel("广告", knowledge, new Set())?.column, "notice");
  });

  test("an unmarked commentary name is not taken as a label on its own (草原论坛: the assembler decides by position)", () => {
    assert.equal(parseColumnLabel("草原论坛", knowledge, new Set()), null);
    assert.equal(parseColumnLabel("◎草原论坛", knowledge, new Set())?.column, "commentary");
  });
});

describe("parseJump: where an article continues", () => {
  const rows: { page: WholePaperPage | null; line: number; text: string; expected: ReturnType<typeof parseJump> }[] = [
    { page: "issue-a/2023-03-06_p1.txt", line: 43, text: "（下转第3版）", expected: { direction: "to", page: 3 } },
    { page: "issue-a/2023-03-06_p3.txt", line: 5, text: "（上接第1版）", expected: { direction: "from", page: 1 } },
    { page: null, line: 0, text: "下转第十二版", expected: { direction: "to", page: 12 } },
    { page: null, line: 0, text: "(下转第二版)", expected: { direction: "to", page: 2 } },
    { page: null, line: 0, text: "（转第3版）", expected: { direction: "to", page: 3 } },
    { page: null, line: 0, text: "（接第2版）", expected: { direction: "from", page: 2 } },
    { page: null, line: 0, text: "上接第二十一版", expected: { direction: "from", page: 21 } },
  ];
  for (const row of rows) {
    test(`${where(row.page, row.line)} ${row.text}`, () => {
      assert.deepEqual(parseJump(printed(row.page, row.line, row.text)), row.expected);
    });
  }

  test("a teaser's pointer and sentences naming a page are not jump lines", () => {
    for (const text of [wholePaperLine("issue-a/2023-03-06_p1.txt", 23), "本报在第3版刊发了相关报道。", "（下转第3版）。"]) assert.equal(parseJump(text), null, text);
  });

  test("a jump run onto the last paragraph is not a jump line by itself (the assembler splits it)", () => {
    assert.equal(parseJump(wholePaperLine("issue-b/2024-05-20_p1.txt", 24, { end: "（下转第2版）" })), null);
  });
});

describe("parseAffiliation: the author's unit, printed after the piece", () => {
  const rows: { page: WholePaperPage | null; line: number; text: string; expected: string }[] = [
    { page: null, line: 0, text: "（作者单位：内蒙古师范大学）", expected: "内蒙古师范大学" },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 65, text: "（作者单位：内蒙古师范大学马克思主义学院）", expected: "内蒙古师范大学马克思主义学院" },
    { page: null, line: 0, text: "作者系自治区党委党校教授", expected: "自治区党委党校教授" },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 79, text: "作者系包头市委党校副教授", expected: "包头市委党校副教授" },
    { page: "issue-b/pinglun.txt", line: 57, text: "（作者系内蒙古自治区党委党校生态文明教研部教授）", expected: "内蒙古自治区党委党校生态文明教研部教授" },
    { page: null, line: 0, text: "作者为内蒙古大学教授", expected: "内蒙古大学教授" },
  ];
  for (const row of rows) {
    test(`${where(row.page, row.line)} ${row.text}`, () => {
      assert.equal(parseAffiliation(printed(row.page, row.line, row.text)), row.expected);
    });
  }

  test("sentences that start with 作者 are not affiliations", () => {
    for (const text of ["作者系统梳理了相关文献。", "作者单位：内蒙古大学。", seedLine("2022-09-20", 25)]) assert.equal(parseAffiliation(text), null, text);
  });
});

describe("pageNumber: 版次 in figures or Chinese numerals", () => {
  const rows: [string, number | null][] = [
    ["3", 3],
    ["12", 12],
    ["一", 1],
    ["二", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["第3", null],
    ["一百", null],
    ["1234", null],
    ["", null],
  ];
  for (const [text, expected] of rows) {
    test(`"${text}" → ${expected}`, () => {
      assert.equal(pageNumber(text), expected);
    });
  }
});

describe("whole-paper lines in page context", () => {
  const rows: { page: WholePaperPage; line: number; type: BlockClass["type"]; byline?: Byline }[] = [
    { page: "issue-a/2023-03-06_p3.txt", line: 5, type: "jump" },
    { page: "issue-a/2023-03-06_p1.txt", line: 43, type: "jump" },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 65, type: "affiliation" },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 79, type: "affiliation" },
    { page: "issue-a/2023-03-06_p3.txt", line: 17, type: "credit", byline: byline({ photographers: ["刘军"], agency: "新华社" }) },
    { page: "issue-b/2024-05-20_p6.txt", line: 23, type: "credit", byline: byline({ photographers: ["白音仓"] }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 45, type: "brief-byline", byline: byline({ agency: "人民日报" }) },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 25, type: "brief-byline", byline: byline({ agency: "新华社" }) },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 7, type: "byline", byline: byline({ authors: ["本报评论员"] }) },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 17, type: "byline", byline: byline({ authors: ["新华社评论员"], agency: "新华社" }) },
    { page: "issue-a/2023-03-06_wenhua.txt", line: 69, type: "byline", byline: byline({ reporters: ["娜仁其其格"] }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 37, type: "byline", byline: byline({ reporters: ["林晓帆"], agency: "人民日报" }) },
    { page: "issue-a/2023-03-06_p2.txt", line: 13, type: "dateline" },
    { page: "issue-a/2023-03-06_p2.txt", line: 51, type: "dateline" },
    { page: "issue-b/2024-05-20_p1.txt", line: 11, type: "deck" },
  ];
  for (const row of rows) {
    test(`${row.page}:${row.line} → ${row.type}`, () => {
      const text = wholePaperLine(row.page, row.line);
      const c = classifyBlock({ text, line: row.line, gapBefore: 1 }, knowledge, new Set());
      assert.equal(c.type, row.type, text);
      if (row.byline) assert.deepEqual((c as { byline: Byline }).byline, row.byline);
    });
  }
});
