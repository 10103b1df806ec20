// Bylines and photo credits, table-driven on lines as the seed pages print them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  bylineNames,
  emptyByline,
  foldNames,
  mergeBylines,
  parseAuthorByline,
  parseBriefByline,
  parseCredit,
  parseStaffByline,
  splitTrailingCredit,
} from "../../src/lib/ingest/byline.ts";
import type { Byline } from "../../src/lib/ingest/byline.ts";
import { join } from "node:path";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { seedLine, type SeedDate } from "../support/seed-lines.ts";

const { roles } = loadPageKnowledge(join(import.meta.dirname, "../../content/data"));

const byline = (fields: Partial<Byline>): Byline => ({ ...emptyByline(), ...fields });

interface Row {
  date: SeedDate;
  line: number;
  /** The printed line, to prove the table points at the right line. */
  text: string;
  expected: Byline;
}

describe("parseStaffByline on seed bylines", () => {
  const rows: Row[] = [
    { date: "2022-11-08", line: 5, text: "□本报记者 白丹", expected: byline({ reporters: ["白丹"] }) },
    { date: "2022-09-06", line: 7, text: "本报记者 白丹", expected: byline({ reporters: ["白丹"] }) },
    { date: "2022-09-06", line: 69, text: "本报记者 巴依斯古楞", expected: byline({ reporters: ["巴依斯古楞"] }) },
    { date: "2024-10-15", line: 113, text: "□本报记者 许敬 通讯员 王筱瑜", expected: byline({ reporters: ["许敬"], correspondents: ["王筱瑜"] }) },
    { date: "2024-10-15", line: 163, text: "□本报记者 宋爽 通讯员 冯红梅", expected: byline({ reporters: ["宋爽"], correspondents: ["冯红梅"] }) },
    { date: "2022-12-13", line: 137, text: "□见习记者 郝佳丽", expected: byline({ reporters: ["郝佳丽"] }) },
    { date: "2022-11-08", line: 65, text: "□本报记者 安黄东", expected: byline({ reporters: ["安黄东"] }) },
    { date: "2022-09-20", line: 7, text: "□本报记者 刘向平", expected: byline({ reporters: ["刘向平"] }) },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text}`, () => {
      assert.equal(seedLine(row.date, row.line), row.text);
      assert.deepEqual(parseStaffByline(row.text, roles), row.expected);
    });
  }

  test("本报记者 许敬 通讯员 王筱瑜 without the □ mark", () => {
    assert.deepEqual(parseStaffByline("本报记者 许敬 通讯员 王筱瑜", roles), byline({ reporters: ["许敬"], correspondents: ["王筱瑜"] }));
  });

  test("OCR without the space after the role, and with an ideographic space", () => {
    assert.deepEqual(parseStaffByline("□本报记者白丹", roles), byline({ reporters: ["白丹"] }));
    assert.deepEqual(parseStaffByline("□本报记者\u3000白丹", roles), byline({ reporters: ["白丹"] }));
  });

  test("two reporters", () => {
    assert.deepEqual(parseStaffByline("□本报记者 白丹 宋爽", roles), byline({ reporters: ["白丹", "宋爽"] }));
  });

  test("a commentary author (□郝佳丽) is not a staff byline", () => {
    assert.equal(parseStaffByline("□郝佳丽", roles), null);
  });
});

describe("parseAuthorByline: □Name and ◎Name", () => {
  test("2022-12-13:73 □郝佳丽", () => {
    assert.equal(seedLine("2022-12-13", 73), "□郝佳丽");
    assert.deepEqual(parseAuthorByline("□郝佳丽", roles), byline({ authors: ["郝佳丽"] }));
  });

  test("2022-09-20:73 ◎安寅东 (◎ is OCR's □ here)", () => {
    assert.equal(seedLine("2022-09-20", 73), "◎安寅东");
    assert.deepEqual(parseAuthorByline("◎安寅东", roles), byline({ authors: ["安寅东"] }));
  });

  test("a name without a mark is not an author byline", () => {
    assert.equal(parseAuthorByline("郝佳丽", roles), null);
  });

  test("a marked sentence is not an author byline", () => {
    assert.equal(parseAuthorByline("□近日,呼和浩特市新冠肺炎疫情暴发。", roles), null);
  });
});

describe("parseBriefByline: (本报记者 Name) closing a brief", () => {
  const rows: Row[] = [
    { date: "2022-09-06", line: 89, text: "(本报记者 安寅东)", expected: byline({ reporters: ["安寅东"] }) },
    { date: "2022-09-06", line: 93, text: "(本报记者 陈春艳)", expected: byline({ reporters: ["陈春艳"] }) },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text}`, () => {
      assert.equal(seedLine(row.date, row.line), row.text);
      assert.deepEqual(parseBriefByline(row.text, roles), row.expected);
    });
  }

  test("full-width parentheses and a bare name", () => {
    assert.deepEqual(parseBriefByline("（本报记者 安寅东）", roles), byline({ reporters: ["安寅东"] }));
    assert.deepEqual(parseBriefByline("(安寅东)", roles), byline({ reporters: ["安寅东"] }));
  });

  test("a parenthesised clause is not a brief byline", () => {
    assert.equal(parseBriefByline("(所、站)", roles), null);
    assert.equal(parseBriefByline("(1366个)", roles), null);
  });

  test("jump lines (下转第二版), (上接第一版), (待续) are not bylines of reporters so named", () => {
    for (const line of ["(下转第二版)", "（上接第一版）", "(待续)"]) {
      assert.equal(parseBriefByline(line, roles), null, line);
    }
  });
});

describe("parseCredit: photo credits", () => {
  const rows: Row[] = [
    { date: "2022-11-08", line: 137, text: "李文超 摄", expected: byline({ photographers: ["李文超"] }) },
    { date: "2022-11-08", line: 59, text: "本报记者 孟和朝鲁 摄", expected: byline({ photographers: ["孟和朝鲁"] }) },
    { date: "2022-11-08", line: 145, text: "本报记者 陈春艳 摄", expected: byline({ photographers: ["陈春艳"] }) },
    { date: "2022-11-08", line: 153, text: "雷禄 摄", expected: byline({ photographers: ["雷禄"] }) },
    { date: "2022-09-06", line: 63, text: "本报记者 巴依斯古楞 摄", expected: byline({ photographers: ["巴依斯古楞"] }) },
    { date: "2022-09-20", line: 45, text: "组伟华 摄", expected: byline({ photographers: ["组伟华"] }) },
    { date: "2024-10-15", line: 47, text: "本报记者 白雪 摄", expected: byline({ photographers: ["白雪"] }) },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.text}`, () => {
      assert.equal(seedLine(row.date, row.line), row.text);
      assert.deepEqual(parseCredit(row.text, roles), row.expected);
    });
  }

  test("a credit is not a staff byline, and a staff byline is not a credit", () => {
    assert.equal(parseStaffByline("本报记者 孟和朝鲁 摄", roles), null);
    assert.equal(parseCredit("□本报记者 白丹", roles), null);
  });

  test("摄影 and no space before 摄", () => {
    assert.deepEqual(parseCredit("李文超摄", roles), byline({ photographers: ["李文超"] }));
    assert.deepEqual(parseCredit("李文超 摄影", roles), byline({ photographers: ["李文超"] }));
  });
});

describe("splitTrailingCredit: a credit run onto its caption", () => {
  test("2022-12-13:107 …图为民警参观党建文化主题广场。本报记者 陈春艳 摄", () => {
    const line = seedLine("2022-12-13", 107);
    assert.ok(line.endsWith("图为民警参观党建文化主题广场。本报记者 陈春艳 摄"));
    const split = splitTrailingCredit(line, roles);
    assert.ok(split);
    assert.ok(split.caption.startsWith("近日,赤峰市阿鲁科尔沁旗公安局天山街道派出所"));
    assert.ok(split.caption.endsWith("图为民警参观党建文化主题广场。"));
    assert.equal(split.credit, "本报记者 陈春艳 摄");
    assert.deepEqual(split.byline, byline({ photographers: ["陈春艳"] }));
    assert.equal(split.caption + split.credit, line, "nothing is lost in the split");
  });

  test("the whole caption line is neither a credit nor a byline", () => {
    const line = seedLine("2022-12-13", 107);
    assert.equal(parseCredit(line, roles), null);
    assert.equal(parseStaffByline(line, roles), null);
  });

  test("a bare name credit after a closing quote", () => {
    const split = splitTrailingCredit("图为活动现场“红色课堂”。”李文超 摄", roles);
    assert.equal(split?.credit, "李文超 摄");
  });

  test("captions without a credit, and a credit on its own line, are not split", () => {
    assert.equal(splitTrailingCredit(seedLine("2022-11-08", 135), roles), null);
    assert.equal(splitTrailingCredit("李文超 摄", roles), null);
  });
});

describe("body lines are not bylines or credits", () => {
  const rows: { date: SeedDate; line: number; prefix: string }[] = [
    { date: "2022-09-20", line: 25, prefix: "记者了解到," },
    { date: "2022-09-20", line: 21, prefix: "记者在科普创新屋里看到," },
    { date: "2022-11-08", line: 167, prefix: "元宝山区委组织部副部长王光磊告诉记者," },
    { date: "2022-11-08", line: 23, prefix: "队伍。" },
    { date: "2022-09-06", line: 111, prefix: "当前,我区正处在转型发展的关键时期" },
    { date: "2022-11-08", line: 57, prefix: "包头市税务局第二稽查局近日开展了" },
  ];
  for (const row of rows) {
    test(`${row.date}:${row.line} ${row.prefix}…`, () => {
      const line = seedLine(row.date, row.line);
      assert.ok(line.startsWith(row.prefix));
      assert.equal(parseStaffByline(line, roles), null);
      assert.equal(parseAuthorByline(line, roles), null);
      assert.equal(parseBriefByline(line, roles), null);
      assert.equal(parseCredit(line, roles), null);
      assert.equal(splitTrailingCredit(line, roles), null);
    });
  }

  test("记者了解到 cut short by a column break is not a byline", () => {
    assert.equal(parseStaffByline("记者了解到,青工路社区党群服务中", roles), null);
  });

  test("记者手记 (a common column heading) is not a byline by a reporter named 手记", () => {
    assert.equal(parseStaffByline("记者手记", roles), null);
  });
});

describe("byline helpers", () => {
  test("mergeBylines keeps order and drops duplicates", () => {
    const merged = mergeBylines(byline({ reporters: ["宋爽"] }), byline({ reporters: ["宋爽", "白丹"], photographers: ["李文超"] }));
    assert.deepEqual(merged, byline({ reporters: ["宋爽", "白丹"], photographers: ["李文超"] }));
  });

  test("foldNames folds OCR variants (安黄东 → 安寅东)", () => {
    const folded = foldNames(byline({ reporters: ["安黄东"], authors: ["安寅东"] }), (n) => (n === "安黄东" ? "安寅东" : n));
    assert.deepEqual(folded, byline({ reporters: ["安寅东"], authors: ["安寅东"] }));
  });

  test("bylineNames lists everyone once", () => {
    assert.deepEqual(bylineNames(byline({ reporters: ["宋爽"], correspondents: ["冯红梅"], photographers: ["宋爽"] })), ["宋爽", "冯红梅"]);
  });
});
