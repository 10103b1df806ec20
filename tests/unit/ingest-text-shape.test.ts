// Shape tests on seed lines: sentence ends, headline and subhead shapes, quotation state.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  charLength,
  endsSentence,
  firstClause,
  isHeadlineShaped,
  isOrphanTail,
  isSubheadShaped,
  quoteBalance,
  startsInsideQuote,
} from "../../src/lib/ingest/text-shape.ts";
import { seedLine, type SeedDate } from "../support/seed-lines.ts";

describe("endsSentence", () => {
  const rows: { date: SeedDate; line: number; end: string; expected: boolean }[] = [
    { date: "2022-09-06", line: 9, end: "是社会的精神坐标。", expected: true },
    { date: "2022-11-08", line: 23, end: "队伍。", expected: true },
    { date: "2022-11-08", line: 37, end: "好不好?”", expected: true },
    { date: "2022-11-08", line: 111, end: "千万别上当啊!”", expected: true },
    { date: "2022-11-08", line: 85, end: "在逃人员某抓获……", expected: true },
    { date: "2022-11-08", line: 161, end: "有望突破100万元……”", expected: true },
    { date: "2022-11-08", line: 21, end: "按照“市级抓", expected: false },
    { date: "2022-11-08", line: 15, end: "打造文明实践的“青城品牌”", expected: false },
    { date: "2022-11-08", line: 41, end: "看一眼", expected: false },
    { date: "2022-11-08", line: 169, end: "“比武争星”的", expected: false },
    { date: "2022-11-08", line: 175, end: "育苗厂房4万", expected: false },
    { date: "2022-09-06", line: 153, end: "明确工作重", expected: false },
    { date: "2024-10-15", line: 25, end: "让流动党员“有家”更有为", expected: false },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} …${row.end} → ${row.expected}`, () => {
      assert.equal(endsSentence(seedLine(row.date, row.line, { end: row.end })), row.expected);
    });
  }

  test("closing brackets after a stop still end the sentence; a lone closer does too", () => {
    assert.equal(endsSentence("(本报记者 安寅东)"), false);
    assert.equal(endsSentence("服务群众最后一公里。)"), true);
    assert.equal(endsSentence("”"), true);
    assert.equal(endsSentence(""), false);
  });
});

describe("isHeadlineShaped", () => {
  const yes: { date: SeedDate; line: number; text: string }[] = [
    { date: "2022-11-08", line: 7, text: "文明新风拂遍青城大地" },
    { date: "2022-11-08", line: 15, text: "在哪做?——高标准建设阵地,打造文明实践的“青城品牌”" },
    { date: "2022-12-13", line: 11, text: "建设党群服务 红色平台" },
    { date: "2024-10-15", line: 99, text: "党员干部“入格” 群众幸福“满格”" },
    { date: "2024-10-15", line: 161, text: "“党建+”推动人大代表耕好“责任田”" },
    { date: "2022-11-08", line: 169, text: "这样的场景只是赤峰市“比武争星”的" },
    { date: "2022-09-06", line: 153, text: "为有效引导各地区各部门明确工作重" },
  ];
  for (const row of yes) {
    test(`${row.date}:${row.line} ${row.text} → true`, () => {
      assert.equal(seedLine(row.date, row.line, { start: row.text }), row.text);
      assert.equal(isHeadlineShaped(row.text), true);
    });
  }

  const no: { date: SeedDate; line: number; start: string }[] = [
    { date: "2022-11-08", line: 23, start: "队伍。" },
    { date: "2022-11-08", line: 21, start: "2018年以来,呼和浩特市" },
    { date: "2022-11-08", line: 41, start: "“晒”是土左旗方言" },
    { date: "2022-11-08", line: 171, start: "一隅。赤峰市通过" },
    { date: "2022-09-20", line: 25, start: "记者了解到," },
    { date: "2022-11-08", line: 135, start: "近日,巴彦淖尔边境管理支队" },
  ];
  for (const row of no) {
    test(`${row.date}:${row.line} ${row.start}… → false`, () => {
      assert.equal(isHeadlineShaped(seedLine(row.date, row.line, { start: row.start })), false);
    });
  }

  test("more than 40 characters is never a headline", () => {
    assert.equal(isHeadlineShaped("长".repeat(40)), true);
    assert.equal(isHeadlineShaped("长".repeat(41)), false);
  });
});

describe("isSubheadShaped", () => {
  const yes: { date: SeedDate; line: number; text: string }[] = [
    { date: "2022-12-13", line: 11, text: "建设党群服务 红色平台" },
    { date: "2022-12-13", line: 23, text: "构建互联互通 红色脉络" },
    { date: "2022-11-08", line: 15, text: "在哪做?——高标准建设阵地,打造文明实践的“青城品牌”" },
    { date: "2022-11-08", line: 33, text: "做什么?——高质量服务群众,提升文明实践的“青城温度”" },
    { date: "2022-09-06", line: 155, text: "日常评 激斗志" },
    { date: "2024-10-15", line: 59, text: "积极创建坚强堡垒模范支部" },
    { date: "2024-10-15", line: 131, text: "“三新领域”凝聚合力集中攻坚" },
    { date: "2024-10-15", line: 119, text: "汇聚非公领域发展“红色动能”" },
  ];
  for (const row of yes) {
    test(`${row.date}:${row.line} ${row.text} → true`, () => {
      assert.equal(seedLine(row.date, row.line, { start: row.text }), row.text);
      assert.equal(isSubheadShaped(row.text, false), true);
    });
  }

  test("2022-11-08:169 这样的场景只是赤峰市“比武争星”的: headline-shaped but a cut sentence", () => {
    const text = seedLine("2022-11-08", 169, { start: "这样的场景" });
    assert.equal(isHeadlineShaped(text), true);
    assert.equal(isSubheadShaped(text, false), false);
  });

  test("2022-09-06:153 为有效引导各地区各部门明确工作重: a cut sentence, not a subhead", () => {
    assert.equal(isSubheadShaped(seedLine("2022-09-06", 153, { start: "为有效引导" }), false), false);
  });

  test("a # mark makes a headline-shaped line a subhead, never a body sentence", () => {
    assert.equal(isSubheadShaped("这样的场景只是赤峰市“比武争星”的", true), true);
    assert.equal(isSubheadShaped("队伍。", true), false);
  });

  test("2024-10-15:43 百米长廊 学习阵地: two balanced halves ending in the noun 阵地 is a subhead", () => {
    const text = seedLine("2024-10-15", 43, { start: "百米长廊" });
    assert.equal(text, "百米长廊 学习阵地");
    assert.equal(isSubheadShaped(text, false), true);
  });
});

describe("quotation state", () => {
  test("2022-11-08:9 推进、旗县抓落实”的工作原则… starts inside a quote", () => {
    const text = seedLine("2022-11-08", 9, { start: "推进、旗县抓落实”" });
    assert.equal(startsInsideQuote(text), true);
    assert.equal(quoteBalance(text), -1);
  });

  test("2022-11-08:21 …按照“市级抓 opens a quote it does not close", () => {
    const text = seedLine("2022-11-08", 21, { end: "按照“市级抓" });
    assert.equal(startsInsideQuote(text), false);
    assert.equal(quoteBalance(text), 1);
    // The two halves together balance.
    assert.equal(quoteBalance(text + seedLine("2022-11-08", 9, {})), 0);
  });

  test("2022-11-08:175/177 a quotation cut after 育苗厂房4万", () => {
    const head = seedLine("2022-11-08", 175, { end: "育苗厂房4万" });
    const tail = seedLine("2022-11-08", 177, { start: "平米," });
    assert.equal(quoteBalance(head), 1);
    assert.equal(startsInsideQuote(tail), true);
  });

  test("balanced seed lines: neither starts inside a quote nor leaves one open", () => {
    for (const [date, line] of [
      ["2022-11-08", 19],
      ["2022-11-08", 37],
      ["2022-11-08", 71],
      ["2024-10-15", 99],
    ] as const) {
      const text = seedLine(date, line);
      assert.equal(startsInsideQuote(text), false, `${date}:${line}`);
      assert.equal(quoteBalance(text), 0, `${date}:${line}`);
    }
  });

  test("a closing quote after a complete quotation is not a start inside one", () => {
    assert.equal(startsInsideQuote("“我们”说“好”"), false);
    assert.equal(startsInsideQuote("好”,他说“对”"), true);
  });
});

describe("small helpers", () => {
  test("isOrphanTail: 队伍。 责任。 开花。 but not a short headline", () => {
    assert.equal(isOrphanTail(seedLine("2022-11-08", 23, { start: "队伍。" })), true);
    assert.equal(isOrphanTail(seedLine("2022-09-06", 129, { start: "责任。" })), true);
    assert.equal(isOrphanTail(seedLine("2024-10-15", 75, { start: "开花。" })), true);
    assert.equal(isOrphanTail("晒丰收"), false);
  });

  test("charLength counts astral characters once", () => {
    assert.equal(charLength("𠮷野家"), 3);
    assert.equal(charLength("文明新风"), 4);
  });

  test("firstClause stops at the first stop and shortens long clauses", () => {
    assert.equal(firstClause("●近日,巴彦淖尔市乌拉特前旗公安局2022年度政治轮训结束。本次"), "近日,巴彦淖尔市乌拉特前旗公安局2022年度政治…");
    assert.equal(firstClause("队伍。后文"), "队伍");
  });
});
