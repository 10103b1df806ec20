// Page furniture: header lines (第5版 党建), staff lines (责任编辑：…), the masthead and the
// front page's 导读 teasers, on the whole-paper fixture pages and lines written in their forms.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import type { PageStaff } from "../../src/lib/ingest/page-furniture.ts";
import { parseHeaderLine, parseStaffLine, readPageFurniture } from "../../src/lib/ingest/page-furniture.ts";
import { SEED_PAGES, seedLine, seedPageText, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, wholePaperText, type WholePaperPage } from "../support/whole-paper-lines.ts";

type Header = NonNullable<ReturnType<typeof parseHeaderLine>>;

/** The printed line of a fixture page, or (page null) a line written in the same form. */
const printed = (page: WholePaperPage | null, line: number, text: string) => {
  if (page !== null) assert.equal(wholePaperLine(page, line), text);
  return text;
};

describe("parseHeaderLine", () => {
  const rows: { page: WholePaperPage | null; line: number; text: string; expected: Header }[] = [
    { page: null, line: 0, text: "2022年9月6日 星期二 第5版 党建", expected: { no: 5, name: "党建", printedDate: "2022-09-06", staff: [] } },
    { page: null, line: 0, text: "第5版：党建", expected: { no: 5, name: "党建", printedDate: null, staff: [] } },
    { page: "issue-b/2024-05-20_p3.txt", line: 1, text: "第3版:社会", expected: { no: 3, name: "社会", printedDate: null, staff: [] } },
    {
      page: "issue-b/2024-05-20_p6.txt",
      line: 1,
      text: "第6版 2024年5月20日 星期一 文化 责任编辑 何雅琴",
      expected: { no: 6, name: "文化", printedDate: "2024-05-20", staff: [{ role: "责任编辑", names: ["何雅琴"] }] },
    },
    { page: "issue-a/2023-03-06_p2.txt", line: 3, text: "第2版 经济", expected: { no: 2, name: "经济", printedDate: null, staff: [] } },
    { page: "issue-a/2023-03-06_pinglun.txt", line: 3, text: "第5版  评论  2023年3月6日  星期一", expected: { no: 5, name: "评论", printedDate: "2023-03-06", staff: [] } },
    { page: "issue-a/2023-03-06_p3.txt", line: 3, text: "2023年3月6日 星期一 第3版 综合", expected: { no: 3, name: "综合", printedDate: "2023-03-06", staff: [] } },
    { page: "issue-b/2024-05-20_p8.txt", line: 1, text: "2024年5月20日 星期一 第8版 公告", expected: { no: 8, name: "公告", printedDate: "2024-05-20", staff: [] } },
    { page: "issue-b/2024-05-20_p1.txt", line: 5, text: "2024年5月20日 星期一 农历甲辰年四月十三", expected: { no: null, name: null, printedDate: "2024-05-20", staff: [] } },
    { page: "issue-a/2023-03-06_p1.txt", line: 13, text: "第1版", expected: { no: 1, name: null, printedDate: null, staff: [] } },
    { page: null, line: 0, text: "内蒙古日报 第十二版 副刊", expected: { no: 12, name: "副刊", printedDate: null, staff: [] } },
  ];
  for (const row of rows) {
    test(`${row.page ? `${row.page}:${row.line}` : "(written)"} ${row.text}`, () => {
      assert.deepEqual(parseHeaderLine(printed(row.page, row.line, row.text)), row.expected);
    });
  }

  const sentences = [
    "本报在第5版刊发了相关报道。",
    "第5版刊发的报道引起热议",
    "《草原》杂志第5版改版后深受读者欢迎",
    "2024年5月20日星期一上午，全区召开春播工作会议。",
  ];
  for (const text of sentences) {
    test(`a sentence or headline with 第N版 or a date is not a header: ${text} (written)`, () => {
      assert.equal(parseHeaderLine(text), null);
    });
  }

  test("a date without its weekday is not a header (issue-a/2023-03-06_p1.txt:3 2023年3月6日; the masthead takes it)", () => {
    assert.equal(parseHeaderLine(wholePaperLine("issue-a/2023-03-06_p1.txt", 3)), null);
  });

  test("the masthead's page name alone is not a header (issue-a/2023-03-06_p1.txt:15 要闻)", () => {
    assert.equal(parseHeaderLine(wholePaperLine("issue-a/2023-03-06_p1.txt", 15)), null);
  });

  test(
    "issue-a/2023-03-06_p1.txt:23 详见第5版 is a teaser's pointer, not the header of a page named 详见",
    () => {
      assert.equal(parseHeaderLine(wholePaperLine("issue-a/2023-03-06_p1.txt", 23)), null);
    },
  );
});

describe("parseStaffLine", () => {
  const rows: { page: WholePaperPage | null; line: number; text: string; expected: PageStaff[] }[] = [
    {
      page: "issue-a/2023-03-06_p1.txt",
      line: 65,
      text: "责任编辑：刘建华  版式设计：孙海燕",
      expected: [
        { role: "责任编辑", names: ["刘建华"] },
        { role: "版式设计", names: ["孙海燕"] },
      ],
    },
    { page: "issue-a/2023-03-06_p2.txt", line: 91, text: "校对：杨帆", expected: [{ role: "校对", names: ["杨帆"] }] },
    { page: "issue-a/2023-03-06_p2.txt", line: 7, text: "本版编辑：哈斯高娃", expected: [{ role: "本版编辑", names: ["哈斯高娃"] }] },
    {
      page: "issue-b/2024-05-20_p2.txt",
      line: 70,
      text: "本版编辑：吴海燕  美编：李丹",
      expected: [
        { role: "本版编辑", names: ["吴海燕"] },
        { role: "美编", names: ["李丹"] },
      ],
    },
    {
      page: "issue-b/2024-05-20_p3.txt",
      line: 70,
      text: "责任编辑:曹颖  版式设计:杜鹃  校对:孙鹏",
      expected: [
        { role: "责任编辑", names: ["曹颖"] },
        { role: "版式设计", names: ["杜鹃"] },
        { role: "校对", names: ["孙鹏"] },
      ],
    },
    { page: null, line: 0, text: "校对：杨帆 李明", expected: [{ role: "校对", names: ["杨帆", "李明"] }] },
  ];
  for (const row of rows) {
    test(`${row.page ? `${row.page}:${row.line}` : "(written)"} ${row.text}`, () => {
      assert.deepEqual(parseStaffLine(printed(row.page, row.line, row.text)), row.expected);
    });
  }

  for (const text of ["责任编辑要对稿件负责。", "编辑部认真校对了全部稿件。"]) {
    test(`a sentence that opens on a staff role is not a staff line: ${text} (written)`, () => {
      assert.equal(parseStaffLine(text), null);
    });
  }

  test("no line of a seed page is a staff line", () => {
    for (const date of Object.keys(SEED_PAGES) as SeedDate[]) {
      const lines = seedPageText(date).split("\n");
      for (let i = 1; i <= lines.length; i++) {
        const text = seedLine(date, i);
        if (text !== "") assert.equal(parseStaffLine(text), null, `${date}:${i} ${text}`);
      }
    }
  });

  test(
    "column headings that open on a role word (编辑手记, 主编寄语) are not staff lines",
    () => {
      for (const text of ["编辑手记", "主编寄语"]) assert.equal(parseStaffLine(text), null, text);
    },
  );
});

/** The blocks of a fixture page as the parser splits them. */
const blocksOf = (page: WholePaperPage) => splitPageBlocks(wholePaperText(page));

describe("readPageFurniture on a front page", () => {
  const page = "issue-a/2023-03-06_p1.txt";
  const blocks = blocksOf(page);
  const { meta, furniture, rest } = readPageFurniture(blocks);

  test("the header split over two lines (第1版 / 要闻) gives the page's number and name", () => {
    assert.equal(wholePaperLine(page, 13), "第1版");
    assert.equal(wholePaperLine(page, 15), "要闻");
    assert.deepEqual([meta.no, meta.name], [1, "要闻"]);
  });

  test("the masthead (date, weekday, lunar date, paper's name, its romanised name, 机关报) is furniture", () => {
    const masthead = furniture.filter((f) => f.line < 13).map((f) => f.text);
    assert.deepEqual(masthead, ["2023年3月6日", "星期一", "农历癸卯年二月十五", "内蒙古日报", "NEIMENGGU RIBAO", "中共内蒙古自治区委员会机关报"]);
  });

  test("导读 teasers: 详见第N版 on the same line or on the next", () => {
    assert.deepEqual(
      meta.teasers.map((t) => [t.text, t.page, t.line, t.summary]),
      [
        ["全区春耕备耕农资储备充足", 2, 19, null],
        ["以高质量发展为主线 书写中国式现代化内蒙古新篇章", 5, 23, null],
        ["草原春天的颜色", 7, 25, null],
      ],
    );
    for (const line of [17, 19, 21, 23, 25]) assert.ok(furniture.some((f) => f.line === line), `line ${line} is furniture`);
  });

  test("the footer's staff line is furniture, and the page's staff", () => {
    assert.deepEqual(furniture.at(-1), { line: 65, text: "责任编辑：刘建华  版式设计：孙海燕" });
    assert.deepEqual(meta.staff, [
      { role: "责任编辑", names: ["刘建华"] },
      { role: "版式设计", names: ["孙海燕"] },
    ]);
  });

  test("the news starts after the furniture, and every block is either furniture or left for the parser", () => {
    assert.equal(rest[0]?.text, "首府“春风行动”送出3.2万个岗位");
    assert.equal(rest[0]?.line, 27);
    const furnitureLines = new Set(furniture.map((f) => f.line));
    assert.ok(rest.every((b) => !furnitureLines.has(b.line)));
    assert.deepEqual([...furnitureLines, ...rest.map((b) => b.line)].sort((a, b) => a - b), blocks.map((b) => b.line));
  });
});

describe("readPageFurniture on other pages", () => {
  test("issue-b/2024-05-20_p1.txt: masthead, a date line with the lunar date, 第1版 要闻, teasers in mid-page", () => {
    const { meta, furniture, rest } = readPageFurniture(blocksOf("issue-b/2024-05-20_p1.txt"));
    assert.deepEqual([meta.no, meta.name, meta.printedDate], [1, "要闻", "2024-05-20"]);
    assert.deepEqual(furniture.slice(0, 4).map((f) => f.line), [2, 3, 5, 7]);
    assert.deepEqual(
      meta.teasers.map((t) => [t.text, t.page]),
      [
        ["鄂尔多斯一季度煤炭保供稳价成效明显", 2],
        ["集宁区37个老旧小区改造全面开工", 3],
        ["以春播之忙换秋收之丰", 4],
      ],
    );
    assert.ok(!rest.some((b) => b.line >= 36 && b.line <= 43), "the 导读 box leaves nothing for the parser");
    assert.ok(rest.some((b) => b.text === "多部门部署做好今年汛期安全防范工作"), "the story after the teasers is news");
  });

  test("issue-b/2024-05-20_p6.txt: a header with its staff on one line", () => {
    const { meta, furniture } = readPageFurniture(blocksOf("issue-b/2024-05-20_p6.txt"));
    assert.deepEqual([meta.no, meta.name, meta.printedDate, meta.staff], [6, "文化", "2024-05-20", [{ role: "责任编辑", names: ["何雅琴"] }]]);
    assert.deepEqual(furniture, [{ line: 1, text: "第6版 2024年5月20日 星期一 文化 责任编辑 何雅琴" }]);
  });

  test("issue-a/2023-03-06_p2.txt: header, date line and 本版编辑 at the top, 校对 at the foot", () => {
    const { meta, furniture } = readPageFurniture(blocksOf("issue-a/2023-03-06_p2.txt"));
    assert.deepEqual([meta.no, meta.name, meta.printedDate], [2, "经济", "2023-03-06"]);
    assert.deepEqual(furniture.map((f) => f.line), [3, 5, 7, 91]);
    assert.deepEqual(meta.staff.map((s) => s.role), ["本版编辑", "校对"]);
  });

  test("a seed page without furniture keeps every block", () => {
    const blocks = splitPageBlocks(seedPageText("2022-11-08"));
    const { meta, furniture, rest } = readPageFurniture(blocks);
    assert.deepEqual(furniture, []);
    assert.equal(rest.length, blocks.length);
    assert.deepEqual([meta.no, meta.name, meta.teasers, meta.staff], [null, null, [], []]);
  });

  test("a staff line anywhere on the page is furniture, not news (written)", () => {
    const { meta, rest } = readPageFurniture(splitPageBlocks("首府“春风行动”送出3.2万个岗位\n\n本报讯 近日，招聘会在市人力资源市场举行。\n\n责任编辑：刘建华  版式设计：孙海燕\n"));
    assert.deepEqual(rest.map((b) => b.line), [1, 3]);
    assert.equal(meta.staff.length, 2);
  });

  test(
    "a teaser printed as headline, summary, then 详见第7版 on its own line: the headline is the teaser, the summary its summary (written)",
    () => {
      const page = "导读\n\n草原春天的颜色\n\n锡林郭勒草原的春天来得迟，阿妈说春天是羊羔身上的白，是勒勒车上的红。\n\n详见第7版\n\n首府“春风行动”送出3.2万个岗位\n";
      const { meta, rest } = readPageFurniture(splitPageBlocks(page));
      assert.deepEqual(
        meta.teasers.map((t) => [t.text, t.summary, t.page]),
        [["草原春天的颜色", "锡林郭勒草原的春天来得迟，阿妈说春天是羊羔身上的白，是勒勒车上的红。", 7]],
      );
      assert.deepEqual(rest.map((b) => b.text), ["首府“春风行动”送出3.2万个岗位"]);
    },
  );
});
