// Bylines and photo credits, table-driven on lines as the seed pages print them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  bylineNames,
  compileBylineRoles,
  emptyByline,
  foldNames,
  mergeBylines,
  parseAuthorByline,
  parseBriefByline,
  parseCredit,
  parseInstitutionalByline,
  parseStaffByline,
  splitTrailingBriefByline,
  splitTrailingCredit,
} from "../../src/lib/ingest/byline.ts";
import type { Byline } from "../../src/lib/ingest/byline.ts";
import { join } from "node:path";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { seedLine, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, type WholePaperPage } from "../support/whole-paper-lines.ts";

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

/** A row on a whole-paper fixture line, or (`page` null) on a line written in the same form. */
interface PrintedRow {
  page: WholePaperPage | null;
  line?: number;
  text: string;
  expected: Byline;
}

function printed(row: PrintedRow): string {
  if (row.page !== null) assert.equal(wholePaperLine(row.page, row.line ?? 0), row.text);
  return row.text;
}
const rowName = (row: PrintedRow) => (row.page ? `${row.page}:${row.line} ${row.text}` : `${row.text} (written)`);

/** Every role word and outlet the data file lists: none of them may come back as a person. */
const roleWords = new Set([...roles.reporter, ...roles.correspondent, ...roles.agency]);
function assertNoRoleWordNamed(result: Byline | null, line: string): void {
  for (const name of result ? bylineNames(result) : []) assert.ok(!roleWords.has(name), `${line}: the role word "${name}" read as a name`);
}

describe("role words of byline-roles.yaml are never names", () => {
  const rows: PrintedRow[] = [
    { page: null, text: "实习生 王一鸣", expected: byline({ correspondents: ["王一鸣"] }) },
    { page: "issue-a/2023-03-06_p2.txt", line: 41, text: "本报记者 高亮 见习记者 斯琴", expected: byline({ reporters: ["高亮", "斯琴"] }) },
    { page: null, text: "□见习记者 斯琴", expected: byline({ reporters: ["斯琴"] }) },
    { page: "issue-b/2024-05-20_p3.txt", line: 24, text: "融媒体记者 斯琴图雅 特约记者 张海峰", expected: byline({ reporters: ["斯琴图雅", "张海峰"] }) },
    { page: null, text: "□首席记者 高文杰", expected: byline({ reporters: ["高文杰"] }) },
    { page: null, text: "全媒体记者 包哈斯", expected: byline({ reporters: ["包哈斯"] }) },
    { page: null, text: "本报记者 孟和 特约通讯员 王丽娟", expected: byline({ reporters: ["孟和"], correspondents: ["王丽娟"] }) },
    { page: "issue-b/2024-05-20_p3.txt", line: 37, text: "□本报记者 孟和 通讯员 王丽娟", expected: byline({ reporters: ["孟和"], correspondents: ["王丽娟"] }) },
  ];
  for (const row of rows) {
    test(`parseStaffByline: ${rowName(row)}`, () => {
      const result = parseStaffByline(printed(row), roles);
      assert.deepEqual(result, row.expected);
      assertNoRoleWordNamed(result, row.text);
    });
  }

  const closing: PrintedRow[] = [
    { page: null, text: "（记者 格日勒图 实习生 王一鸣）", expected: byline({ reporters: ["格日勒图"], correspondents: ["王一鸣"] }) },
    { page: "issue-b/2024-05-20_p3.txt", line: 60, text: "（本报记者 郭嘉 见习记者 吴迪）", expected: byline({ reporters: ["郭嘉", "吴迪"] }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 27, text: "（记者 任宏伟）", expected: byline({ reporters: ["任宏伟"] }) },
  ];
  for (const row of closing) {
    test(`parseBriefByline: ${rowName(row)}`, () => {
      const result = parseBriefByline(printed(row), roles);
      assert.deepEqual(result, row.expected);
      assertNoRoleWordNamed(result, row.text);
    });
  }

  test(
    "parseAuthorByline on a staff byline (文/本报记者 X, □本报记者 X) names no role word as an author",
    () => {
      for (const line of [wholePaperLine("issue-a/2023-03-06_wenhua.txt", 69), seedLine("2022-11-08", 5), "□实习生 王一鸣"]) {
        assertNoRoleWordNamed(parseAuthorByline(line, roles), line);
      }
    },
  );
});

describe("an outlet before the role word is the agency, not a person", () => {
  test("新华社记者 王五 摄 (written): photographer 王五, agency 新华社", () => {
    const result = parseCredit("新华社记者 王五 摄", roles);
    assert.deepEqual(result, byline({ photographers: ["王五"], agency: "新华社" }));
    assertNoRoleWordNamed(result, "新华社记者 王五 摄");
  });

  test("issue-b/2024-05-20_p2.txt:37 人民日报记者 林晓帆: reporter 林晓帆, agency 人民日报", () => {
    const line = wholePaperLine("issue-b/2024-05-20_p2.txt", 37);
    assert.equal(line, "人民日报记者 林晓帆");
    assert.deepEqual(parseStaffByline(line, roles), byline({ reporters: ["林晓帆"], agency: "人民日报" }));
  });

  test("issue-a/2023-03-06_p3.txt:17 新华社发（刘军 摄）: photographer 刘军, agency 新华社", () => {
    const line = wholePaperLine("issue-a/2023-03-06_p3.txt", 17);
    assert.equal(line, "新华社发（刘军 摄）");
    assert.deepEqual(parseCredit(line, roles), byline({ photographers: ["刘军"], agency: "新华社" }));
  });
});

describe("institutional bylines: the author is the institution as printed", () => {
  const rows: PrintedRow[] = [
    { page: "issue-a/2023-03-06_pinglun.txt", line: 7, text: "本报评论员", expected: byline({ authors: ["本报评论员"] }) },
    { page: null, text: "□本报评论员", expected: byline({ authors: ["本报评论员"] }) },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 17, text: "□新华社评论员", expected: byline({ authors: ["新华社评论员"], agency: "新华社" }) },
    { page: null, text: "人民日报评论员", expected: byline({ authors: ["人民日报评论员"], agency: "人民日报" }) },
    { page: null, text: "本报特约评论员", expected: byline({ authors: ["本报特约评论员"] }) },
  ];
  for (const row of rows) {
    test(rowName(row), () => {
      const line = printed(row);
      assert.deepEqual(parseInstitutionalByline(line, roles), row.expected);
      assert.deepEqual(parseAuthorByline(line, roles), row.expected, "parseAuthorByline reads it the same way");
      assert.equal(parseStaffByline(line, roles), null);
    });
  }

  test("an unknown outlet's 评论员 is not an institution (某市评论员)", () => {
    assert.equal(parseInstitutionalByline("某市评论员", roles), null);
  });
});

describe("signed pieces: titles, 文/ and 图/ credits", () => {
  test("issue-a/2023-03-06_pinglun.txt:31 □内蒙古大学教授 郭振宇: author 郭振宇, affiliation 内蒙古大学教授", () => {
    const line = wholePaperLine("issue-a/2023-03-06_pinglun.txt", 31);
    assert.equal(line, "□内蒙古大学教授 郭振宇");
    assert.deepEqual(parseAuthorByline(line, roles), byline({ authors: ["郭振宇"], affiliation: "内蒙古大学教授" }));
  });

  test("issue-a/2023-03-06_wenhua.txt:69 文/本报记者 娜仁其其格 is a reporter's byline", () => {
    const line = wholePaperLine("issue-a/2023-03-06_wenhua.txt", 69);
    assert.equal(line, "文/本报记者 娜仁其其格");
    assert.deepEqual(parseStaffByline(line, roles), byline({ reporters: ["娜仁其其格"] }));
  });

  const authors: PrintedRow[] = [
    { page: "issue-b/2024-05-20_p6.txt", line: 7, text: "文/孟庆华", expected: byline({ authors: ["孟庆华"] }) },
    { page: "issue-a/2023-03-06_wenhua.txt", line: 29, text: "文/其木格", expected: byline({ authors: ["其木格"] }) },
    { page: "issue-b/2024-05-20_p6.txt", line: 27, text: "□乌兰其其格", expected: byline({ authors: ["乌兰其其格"] }) },
  ];
  for (const row of authors) {
    test(`parseAuthorByline: ${rowName(row)}`, () => {
      const line = printed(row);
      assert.deepEqual(parseAuthorByline(line, roles), row.expected);
      assert.equal(parseStaffByline(line, roles), null);
      assert.equal(parseCredit(line, roles), null, "文/ credits the text, not a picture");
    });
  }

  const pictures: PrintedRow[] = [
    { page: "issue-b/2024-05-20_p6.txt", line: 23, text: "图/白音仓", expected: byline({ photographers: ["白音仓"] }) },
    { page: "issue-a/2023-03-06_p2.txt", line: 67, text: "图/包丽娟", expected: byline({ photographers: ["包丽娟"] }) },
    { page: "issue-a/2023-03-06_wenhua.txt", line: 22, text: "图/王志刚", expected: byline({ photographers: ["王志刚"] }) },
    { page: null, text: "图／白音仓", expected: byline({ photographers: ["白音仓"] }) },
    { page: "issue-a/2023-03-06_p2.txt", line: 73, text: "通讯员 马骏 摄", expected: byline({ photographers: ["马骏"] }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 68, text: "张宇 摄", expected: byline({ photographers: ["张宇"] }) },
  ];
  for (const row of pictures) {
    test(`parseCredit: ${rowName(row)}`, () => {
      assert.deepEqual(parseCredit(printed(row), roles), row.expected);
    });
  }

  test("文图/ and 文/图 credit one person for both words and picture: a byline of a story, not a photo's credit (written)", () => {
    assert.equal(parseCredit("文图/张三", roles), null);
    assert.deepEqual(parseAuthorByline("文图/张三", roles), byline({ photographers: ["张三"], authors: ["张三"] }));
    assert.deepEqual(parseStaffByline("文/图 本报记者 哈斯图雅", roles), byline({ reporters: ["哈斯图雅"], photographers: ["哈斯图雅"] }));
  });
});

describe("closing credits that name only the outlet", () => {
  const rows: PrintedRow[] = [
    { page: null, text: "(新华社发)", expected: byline({ agency: "新华社" }) },
    { page: null, text: "（新华社发）", expected: byline({ agency: "新华社" }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 45, text: "（据《人民日报》）", expected: byline({ agency: "人民日报" }) },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 25, text: "（新华社北京3月5日电）", expected: byline({ agency: "新华社" }) },
  ];
  for (const row of rows) {
    test(`parseBriefByline: ${rowName(row)}`, () => {
      const result = parseBriefByline(printed(row), roles);
      assert.deepEqual(result, row.expected);
      assertNoRoleWordNamed(result, row.text);
    });
  }
});

describe("credits run onto the text", () => {
  test("issue-a/2023-03-06_p1.txt:57 …纷至沓来。本报记者 孟和巴雅尔 摄", () => {
    const line = wholePaperLine("issue-a/2023-03-06_p1.txt", 57, { end: "纷至沓来。本报记者 孟和巴雅尔 摄" });
    const split = splitTrailingCredit(line, roles);
    assert.ok(split);
    assert.equal(split.credit, "本报记者 孟和巴雅尔 摄");
    assert.deepEqual(split.byline, byline({ photographers: ["孟和巴雅尔"] }));
    assert.equal(split.caption + split.credit, line, "nothing is lost in the split");
  });

  const wire: { text: string; credit: string; expected: Byline }[] = [
    { text: "3月5日，在安徽省合肥市肥西县，农民驾驶农机在田间作业。新华社发（刘军 摄）", credit: "新华社发（刘军 摄）", expected: byline({ photographers: ["刘军"], agency: "新华社" }) },
    { text: "3月5日，农民驾驶农机在田间作业。新华社记者 王五 摄", credit: "新华社记者 王五 摄", expected: byline({ photographers: ["王五"], agency: "新华社" }) },
    { text: "3月5日，农民驾驶农机在田间作业。（新华社发）", credit: "（新华社发）", expected: byline({ agency: "新华社" }) },
  ];
  for (const row of wire) {
    test(`splitTrailingCredit: a wire credit run on, ${row.credit} (written)`, () => {
      const split = splitTrailingCredit(row.text, roles);
      assert.equal(split?.credit, row.credit);
      assert.deepEqual(split?.byline, row.expected);
      assert.equal(split.caption + split.credit, row.text);
    });
  }

  const briefs: { page: WholePaperPage; line: number; credit: string; expected: Byline }[] = [
    { page: "issue-a/2023-03-06_p2.txt", line: 89, credit: "（本报记者 萨如拉）", expected: byline({ reporters: ["萨如拉"] }) },
    { page: "issue-b/2024-05-20_p2.txt", line: 23, credit: "（记者 赵雅丽）", expected: byline({ reporters: ["赵雅丽"] }) },
  ];
  for (const row of briefs) {
    test(`splitTrailingBriefByline: ${row.page}:${row.line} …${row.credit}`, () => {
      const line = wholePaperLine(row.page, row.line, { end: row.credit });
      const split = splitTrailingBriefByline(line, roles);
      assert.ok(split);
      assert.equal(split.credit, row.credit);
      assert.deepEqual(split.byline, row.expected);
      assert.equal(split.text + split.credit, line);
      assert.ok(split.text.endsWith("。"));
    });
  }

  test("splitTrailingBriefByline: a closing wire credit run on (written) gives the agency", () => {
    const split = splitTrailingBriefByline("全区共开展春季草原防火检查12次。（新华社北京3月5日电）", roles);
    assert.deepEqual(split?.byline, byline({ agency: "新华社" }));
  });

  test("splitTrailingBriefByline: a paragraph without a credit, a run-on jump line and a clause in brackets are not split", () => {
    const plain = wholePaperLine("issue-a/2023-03-06_p2.txt", 85, { start: "近日，兴安盟乌兰浩特市" });
    const jump = wholePaperLine("issue-b/2024-05-20_p1.txt", 24, { end: "（下转第2版）" });
    for (const line of [plain, jump, "全区已建成党群服务中心1366个（所、站）"]) assert.equal(splitTrailingBriefByline(line, roles), null, line);
  });
});

describe("the role words come from the data, not from code", () => {
  const bare = compileBylineRoles({ reporter: ["记者", "本报记者"], correspondent: ["通讯员"], agency: [], institution: [] });

  test("a data set without 实习生 does not know it as a role", () => {
    assert.equal(parseStaffByline("实习生 王一鸣", bare), null);
    const withIntern = compileBylineRoles({ reporter: ["记者", "本报记者"], correspondent: ["通讯员", "实习生"], agency: [], institution: [] });
    assert.deepEqual(parseStaffByline("实习生 王一鸣", withIntern), byline({ correspondents: ["王一鸣"] }));
  });

  test("a data set without 新华社 names no agency", () => {
    assert.equal(parseCredit("新华社记者 王五 摄", bare)?.agency, null);
    assert.equal(parseBriefByline("（新华社发）", bare)?.agency ?? null, null);
  });

  test("a data set without 评论员 knows no institutional byline", () => {
    assert.equal(parseInstitutionalByline("本报评论员", bare), null);
  });
});
