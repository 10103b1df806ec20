// Poems on culture pages: their lines are marked verse (and kept as printed); prose, a
// notice's contact lines and subheads are not.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { ClassifiedBlock } from "../../src/lib/ingest/classify.ts";
import { classifyPage } from "../../src/lib/ingest/classify.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import { isLiteraryPage, readPageFurniture } from "../../src/lib/ingest/page-furniture.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { markVerse } from "../../src/lib/ingest/verse.ts";
import { SEED_PAGES, seedPageText, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, wholePaperText, type WholePaperPage } from "../support/whole-paper-lines.ts";

const knowledge = loadPageKnowledge(join(import.meta.dirname, "../../content/data"));

/**
 * A page's blocks as parseIssue hands them to markVerse: furniture out, then classified; a culture
 * page (by its printed header, or `literary` for a page whose name is in its frontmatter) is one
 * where verse is looked for in every short-lined run.
 */
function marked(text: string, literary?: boolean): ClassifiedBlock[] {
  const furniture = readPageFurniture(splitPageBlocks(text));
  return markVerse(classifyPage(furniture.rest, knowledge), literary ?? isLiteraryPage(furniture.meta.name));
}
const verseLines = (blocks: ClassifiedBlock[]) => blocks.filter((b) => b.class.type === "verse").map((b) => b.line);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("markVerse on issue-b/2024-05-20_p6.txt (文化)", () => {
  const page: WholePaperPage = "issue-b/2024-05-20_p6.txt";
  const blocks = marked(wholePaperText(page));
  const classOf = (line: number) => blocks.find((b) => b.line === line)?.class.type;

  test("写给锡林郭勒的初夏: its three stanzas are verse, line by line", () => {
    assert.equal(wholePaperLine(page, 29), "风把最后一场雪");
    assert.equal(wholePaperLine(page, 42), "熬成了整个夏天");
    const expected = [...range(29, 32), ...range(34, 37), ...range(39, 42)];
    assert.deepEqual(verseLines(blocks).filter((l) => l < 44), expected);
  });

  test("the poem under ◎诗心: both stanzas are verse", () => {
    assert.equal(wholePaperLine(page, 48), "春风是一匹不知疲倦的马");
    assert.deepEqual(verseLines(blocks).filter((l) => l > 44), [...range(48, 51), ...range(53, 56)]);
  });

  test("a verse block keeps its line as printed", () => {
    for (const block of blocks.filter((b) => b.class.type === "verse")) {
      assert.deepEqual(block.class, { type: "verse", text: wholePaperLine(page, block.line) });
    }
  });

  test("the poems' titles and bylines are not verse", () => {
    assert.equal(classOf(25), "heading", "写给锡林郭勒的初夏");
    assert.equal(classOf(27), "byline", "□乌兰其其格");
    assert.equal(classOf(58), "byline", "□郝建国");
  });

  test("the essay's prose paragraphs (lines 9–15) and the photo's caption are not verse", () => {
    for (const line of [9, 11, 13, 15, 21]) assert.equal(classOf(line), "body", `line ${line}`);
  });
});

describe("markVerse on issue-a/2023-03-06_wenhua.txt (◎诗歌: two poems)", () => {
  test("lines 45–53 and 57–63 are verse; the essay above them is not", () => {
    const blocks = marked(wholePaperText("issue-a/2023-03-06_wenhua.txt"), true);
    assert.deepEqual(verseLines(blocks), [...range(45, 48), ...range(50, 53), ...range(57, 59), ...range(61, 63)]);
  });
});

describe("lines that are not verse", () => {
  test("no line of a seed page (党建) is verse", () => {
    for (const date of Object.keys(SEED_PAGES) as SeedDate[]) {
      assert.deepEqual(verseLines(marked(seedPageText(date))), [], date);
    }
  });

  const prosePages: WholePaperPage[] = [
    "issue-a/2023-03-06_p1.txt",
    "issue-a/2023-03-06_p2.txt",
    "issue-a/2023-03-06_p3.txt",
    "issue-a/2023-03-06_pinglun.txt",
    "issue-b/2024-05-20_p1.txt",
    "issue-b/2024-05-20_p3.txt",
    "issue-b/2024-05-20_p8.txt",
    "issue-b/pinglun.txt",
  ];
  for (const page of prosePages) {
    test(`no line of ${page} is verse (news, commentary, subheads, notices)`, () => {
      assert.deepEqual(verseLines(marked(wholePaperText(page))), []);
    });
  }

  test("a notice's short lines one after another (联系人：, 电话：, 地址：, issuer, date) are not verse (written)", () => {
    const notice = [
      "遗失声明",
      "",
      "鄂尔多斯市东胜区草原人家餐饮店遗失食品经营许可证正本一份，声明作废。",
      "",
      "联系人：张先生",
      "电话：0477-8123456",
      "地址：东胜区鄂托克西街18号",
      "草原人家餐饮店",
      "2024年5月20日",
    ].join("\n");
    assert.deepEqual(verseLines(marked(notice)), []);
  });

  test("isolated subheads between paragraphs are not verse (issue-b/pinglun.txt lines 45–53)", () => {
    const blocks = marked(wholePaperText("issue-b/pinglun.txt"));
    for (const line of [45, 49, 53]) {
      const block = blocks.find((b) => b.line === line);
      assert.ok(block && block.text === wholePaperLine("issue-b/pinglun.txt", line));
      assert.notEqual(block.class.type, "verse", block.text);
    }
  });

  test("three short headlines with blank lines between are a kicker, headline and deck, not a poem (written)", () => {
    assert.deepEqual(verseLines(marked("民生实事办到群众心坎上\n\n集宁区老旧小区改造全面开工\n\n年内惠及居民万余户\n")), []);
  });

  test("short lines that end in full stops are cut prose, not verse (written)", () => {
    assert.deepEqual(verseLines(marked("队伍。\n责任。\n开花。\n初心不改。\n")), []);
  });
});

describe("short poems", () => {
  test("three lines that follow each other without a stop are a stanza (written)", () => {
    assert.deepEqual(verseLines(marked("雪是一封寄往春天的信\n落款是北方\n邮戳是一声雁鸣\n", true)), [1, 2, 3]);
  });

  test("a lone short line is not a poem (written)", () => {
    assert.deepEqual(verseLines(marked("落款是北方\n")), []);
  });
});
