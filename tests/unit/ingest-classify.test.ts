// Block classification on the seed pages: labels (with series numbers), bylines, credits,
// decks, marked and unmarked headlines, and body lines that only look like them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { emptyByline } from "../../src/lib/ingest/byline.ts";
import type { Byline } from "../../src/lib/ingest/byline.ts";
import { bylinePeople, classifyBlock, classifyPage, parseColumnLabel } from "../../src/lib/ingest/classify.ts";
import type { BlockClass, ClassifiedBlock } from "../../src/lib/ingest/classify.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import { buildPageKnowledge, loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { SEED_PAGES, seedPageText, type SeedDate } from "../support/seed-lines.ts";

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
