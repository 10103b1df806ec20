// The assembler's forms, one small page per case, through parseIssue: each page is made of
// printed lines (of the whole-paper fixture pages or the seed pages) in the OCR layout, one
// paragraph a line, a blank line between, three for a column break.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { readIssueFile } from "../../src/lib/ingest/issue-file.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";
import { readPageFurniture } from "../../src/lib/ingest/page-furniture.ts";
import type { PageArticle, ParsedIssue } from "../../src/lib/ingest/parse-page.ts";
import { parseIssue } from "../../src/lib/ingest/parse-page.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";
import { SEED_PAGES, seedLine, seedPageText, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, wholePaperText, type WholePaperPage } from "../support/whole-paper-lines.ts";

const knowledge = loadPageKnowledge(join(import.meta.dirname, "../../content/data"));

/** Lines of a fixture page, by number. */
const lines = (page: WholePaperPage, ...numbers: number[]) => numbers.map((n) => wholePaperLine(page, n));
/** Consecutive lines of a fixture page printed without blank lines between (a stanza). */
const stanza = (page: WholePaperPage, from: number, to: number) => lines(page, ...Array.from({ length: to - from + 1 }, (_, i) => from + i)).join("\n");
/** A page in the OCR layout: paragraphs apart by a blank line, columns by three. */
const ocr = (...columns: string[][]) => columns.map((paragraphs) => paragraphs.join("\n\n")).join("\n\n\n\n") + "\n";

/** Parses a page text as the file `source`; every line of it must be accounted for. */
function parse(source: string, text: string): ParsedIssue {
  const read = readIssueFile(source, text);
  assert.ok(read.ok, read.ok ? "" : read.error.message);
  const parsed = parseIssue(read.issue, knowledge, articleLocator);
  assert.deepEqual(parsed.coverage.uncovered, [], `uncovered lines of ${source}`);
  return parsed;
}
const summary = (a: PageArticle) => [a.frontmatter.kind, a.frontmatter.title];
const bodyText = (a: PageArticle) => a.body.map((b) => b.text).join("\n");
const codes = (a: PageArticle) => a.warnings.map((w) => w.code);

const P1: WholePaperPage = "issue-a/2023-03-06_p1.txt";
const P2: WholePaperPage = "issue-a/2023-03-06_p2.txt";
const P3: WholePaperPage = "issue-a/2023-03-06_p3.txt";
const PINGLUN: WholePaperPage = "issue-a/2023-03-06_pinglun.txt";
const WENHUA: WholePaperPage = "issue-a/2023-03-06_wenhua.txt";
const B_P3: WholePaperPage = "issue-b/2024-05-20_p3.txt";
const B_P6: WholePaperPage = "issue-b/2024-05-20_p6.txt";
const B_P8: WholePaperPage = "issue-b/2024-05-20_p8.txt";

describe("wire stories", () => {
  test("a wire story after a staff story is its own item, with the agency and its reporters", () => {
    // 我区开展春季草原防火专项检查 (本报3月5日讯), then 全国春播粮食作物面积稳中有增 (新华社北京3月5日电).
    const parsed = parse("2023-03-06_p1.txt", ocr([...lines(P1, 59, 61, 63), ...lines(P1, 47, 49, 51, 53)]));
    assert.deepEqual(parsed.articles.map(summary), [
      ["article", "我区开展春季草原防火专项检查"],
      ["article", "全国春播粮食作物面积稳中有增"],
    ]);
    const [staff, wire] = parsed.articles.map((a) => a.frontmatter);
    assert.deepEqual([staff!.reporters, staff!.agency], [["高娃"], null]);
    assert.deepEqual([wire!.reporters, wire!.agency], [["周明远", "韩雪"], "新华社"]);
    assert.doesNotMatch(bodyText(parsed.articles[0]!), /农业农村部/u);
    assert.match(bodyText(parsed.articles[1]!), /^记者5日从农业农村部获悉/u, "the dateline is not body text");
  });

  test("据新华社电 opens a wire story after a staff story's closing credit", () => {
    const parsed = parse("2023-03-06_p2.txt", ocr([...lines(P2, 29, 31, 33, 35, 37), ...lines(P2, 49, 51, 53)]));
    assert.deepEqual(parsed.articles.map((a) => [a.frontmatter.title, a.frontmatter.reporters, a.frontmatter.agency]), [
      ["敖汉旗谷子订单种植面积超60万亩", ["李建军"], null],
      ["黑龙江加快推进黑土地保护性耕作", [], "新华社"],
    ]);
  });
});

describe("photos", () => {
  test("a photo's caption and credit under a report are a photo, not the report's", () => {
    // 准格尔旗风光制氢一体化项目加快建设 by 本报记者 高亮 见习记者 斯琴, then a caption and 本报记者 韩卫东 摄.
    const parsed = parse("2023-03-06_p2.txt", ocr([...lines(P2, 39, 41, 43, 45, 47, 59, 61)]));
    assert.deepEqual(parsed.articles.map((a) => a.frontmatter.kind), ["article", "photo"]);
    const [report, photo] = parsed.articles;
    assert.deepEqual([report!.frontmatter.reporters, report!.frontmatter.photographers], [["高亮", "斯琴"], []]);
    assert.equal(report!.body.length, 3);
    assert.doesNotMatch(bodyText(report!), /春灌/u);
    assert.deepEqual(photo!.frontmatter.photographers, ["韩卫东"]);
    assert.equal(bodyText(photo!), wholePaperLine(P2, 59));
  });

  test("a titled photo with its credit run onto the caption, after a wire story, is a photo", () => {
    const parsed = parse("2023-03-06_p1.txt", ocr([...lines(P1, 47, 49, 51, 55, 57)]));
    assert.deepEqual(parsed.articles.map(summary), [
      ["article", "全国春播粮食作物面积稳中有增"],
      ["photo", "林海雪原迎客来"],
    ]);
    const photo = parsed.articles[1]!;
    assert.deepEqual(photo.frontmatter.photographers, ["孟和巴雅尔"]);
    assert.ok(bodyText(photo).endsWith("纷至沓来。"), "the credit is not left in the caption");
    assert.deepEqual(parsed.articles[0]!.frontmatter.photographers, []);
  });

  test("several photos under one photo label each keep their credit (本报记者 … 摄, 图/, 通讯员 … 摄)", () => {
    const parsed = parse("2023-03-06_p2.txt", ocr(lines(P2, 55, 57, 59, 61, 63, 65, 67, 69, 71, 73)));
    assert.deepEqual(
      parsed.articles.map((a) => [a.frontmatter.kind, a.frontmatter.section, a.frontmatter.title, a.frontmatter.photographers]),
      [
        ["photo", "镜头", "春灌准备", ["韩卫东"]],
        ["photo", "镜头", "冷棚蔬菜上市", ["包丽娟"]],
        ["photo", "镜头", "车间生产忙", ["马骏"]],
      ],
    );
  });

  test("a wire photo credited 新华社发（刘军 摄） is a photo by 刘军 of the agency", () => {
    const parsed = parse("2023-03-06_p3.txt", ocr(lines(P3, 13, 15, 17)));
    assert.deepEqual(parsed.articles.map((a) => [a.frontmatter.kind, a.frontmatter.photographers, a.frontmatter.agency]), [["photo", ["刘军"], "新华社"]]);
  });
});

describe("headlines and what stands around them", () => {
  test("a kicker over a headline is kept in `kicker`, not read as the section", () => {
    const parsed = parse("2023-03-06_p2.txt", ocr(lines(P2, 19, 21, 23, 25)));
    assert.equal(parsed.articles.length, 1);
    const article = parsed.articles[0]!.frontmatter;
    assert.deepEqual([article.kicker, article.title, article.section], ["推动产业链向高端延伸", "包头稀土新材料产业园新开工项目27个", null]);
    assert.deepEqual([article.reporters, article.correspondents], [["格日勒图"], ["王一鸣"]]);
  });

  test("kicker, headline and deck over a dateline", () => {
    const parsed = parse("2024-05-20_p3.txt", ocr(lines(B_P3, 5, 7, 9, 11, 13)));
    const article = parsed.articles[0]!.frontmatter;
    assert.deepEqual(
      [article.kicker, article.title, article.subtitle, article.section],
      ["民生实事办到群众心坎上", "集宁区37个老旧小区改造全面开工", "年内惠及居民1.2万户", null],
    );
  });

  test("a deck printed without —— before a □ byline is the subtitle", () => {
    // Headline and deck of issue-a p2; the □ byline written in the form of issue-b p3:37.
    const parsed = parse("2023-03-06_p2.txt", ocr([...lines(P2, 9, 11), "□本报记者 刘慧敏", ...lines(P2, 15, 17)]));
    assert.equal(parsed.articles.length, 1);
    const article = parsed.articles[0]!;
    assert.deepEqual(
      [article.frontmatter.title, article.frontmatter.subtitle, article.frontmatter.reporters],
      ["全区春耕备耕农资储备充足", "化肥储备超过260万吨 种子供需总体平衡", ["刘慧敏"]],
    );
    assert.equal(article.body.length, 2);
  });

  test("a deck printed with —— after the headline is the subtitle", () => {
    const parsed = parse("2024-05-20_p1.txt", ocr(lines("issue-b/2024-05-20_p1.txt", 9, 11, 13, 15)));
    assert.equal(parsed.articles[0]!.frontmatter.subtitle, "各地抢抓农时确保种足种好");
  });

  test("2022-09-06:105–111 a column label printed after its headline (容错纠错让干部想为敢为 / 观潮)", () => {
    const text = ocr([105, 107, 109, 111].map((n) => seedLine("2022-09-06", n)));
    const parsed = parse("2022-09-06_p5.txt", text);
    assert.deepEqual(parsed.articles.map((a) => [a.frontmatter.kind, a.frontmatter.title, a.frontmatter.section]), [["commentary", "容错纠错让干部想为敢为", "观潮"]]);
  });

  test("a marked label printed after its headline, before the □ byline (“小切口”也能做出“大文章” / ◎北疆观察)", () => {
    const parsed = parse("2023-03-06_p5.txt", ocr(lines(PINGLUN, 67, 69, 71, 73, 75, 77, 79)));
    const article = parsed.articles[0]!.frontmatter;
    assert.deepEqual(
      [parsed.articles.length, article.title, article.section, article.authors, article.subtitle, article.affiliation],
      [1, "“小切口”也能做出“大文章”", "北疆观察", ["张海鹰"], null, "包头市委党校副教授"],
    );
  });

  test(
    "an unmarked short label printed after its headline, before the □ byline, is the section (written, 草原论坛)",
    () => {
      const parsed = parse("2023-03-06_p5.txt", ocr(["让基层减负真正落地见效", "草原论坛", ...lines(PINGLUN, 57, 59, 61)]));
      const article = parsed.articles[0]!.frontmatter;
      assert.deepEqual([article.title, article.section, article.subtitle, article.authors], ["让基层减负真正落地见效", "草原论坛", null, ["李文静"]]);
    },
  );

  test("a headline printed after its first paragraph is the title, and the paragraph the lead", () => {
    const parsed = parse("2023-03-06_p7.txt", ocr(lines(WENHUA, 8, 10, 12, 14, 16)));
    assert.equal(parsed.articles.length, 1);
    const article = parsed.articles[0]!;
    assert.deepEqual([article.frontmatter.title, article.frontmatter.reporters], ["非遗展演闹新春", ["吴天宇"]]);
    assert.equal(article.body[0]!.text, wholePaperLine(WENHUA, 8));
    assert.equal(article.body.length, 3);
    assert.ok(codes(article).includes("headline-after-lead"));
  });
});

describe("poems", () => {
  /** The poem's lines as printed, from its body's stanzas. */
  const poemLines = (a: PageArticle) => a.body.flatMap((b) => b.text.split("\n"));

  test("a poem keeps its lines: one verse block per stanza, every line as printed", () => {
    const parsed = parse("2024-05-20_p6.txt", ocr([...lines(B_P6, 25, 27), stanza(B_P6, 29, 32), stanza(B_P6, 34, 37), stanza(B_P6, 39, 42)]));
    assert.equal(parsed.articles.length, 1);
    const poem = parsed.articles[0]!;
    assert.deepEqual([poem.frontmatter.kind, poem.frontmatter.title, poem.frontmatter.authors], ["article", "写给锡林郭勒的初夏", ["乌兰其其格"]]);
    assert.equal(poem.body.length, 3);
    assert.ok(poem.body.every((b) => b.verse === true && !b.heading));
    assert.deepEqual(poemLines(poem), lines(B_P6, 29, 30, 31, 32, 34, 35, 36, 37, 39, 40, 41, 42));
  });

  test("an untitled poem under its label, its author printed under it, is titled by its first line", () => {
    const parsed = parse("2024-05-20_p6.txt", ocr([...lines(B_P6, 46), stanza(B_P6, 48, 51), stanza(B_P6, 53, 56), ...lines(B_P6, 58)]));
    assert.equal(parsed.articles.length, 1);
    const poem = parsed.articles[0]!;
    assert.deepEqual(
      [poem.frontmatter.title, poem.frontmatter.section, poem.frontmatter.authors],
      ["春风是一匹不知疲倦的马", "诗心", ["郝建国"]],
    );
    assert.ok(poem.body.every((b) => b.verse === true));
    assert.deepEqual(poemLines(poem), lines(B_P6, 48, 49, 50, 51, 53, 54, 55, 56));
  });

  test("two poems under one label are two items, each with its author", () => {
    const parsed = parse("2023-03-06_p7.txt", ocr([...lines(WENHUA, 39, 41, 43), stanza(WENHUA, 45, 48), stanza(WENHUA, 50, 53), ...lines(WENHUA, 55), stanza(WENHUA, 57, 59), stanza(WENHUA, 61, 63)]));
    assert.deepEqual(
      parsed.articles.map((a) => [a.frontmatter.title, a.frontmatter.authors]),
      [
        ["三月的风", ["乌仁图雅"]],
        ["雪是一封寄往春天的信", ["宝音德力格尔"]],
      ],
    );
    assert.deepEqual(poemLines(parsed.articles[1]!), lines(WENHUA, 57, 58, 59, 61, 62, 63));
  });

  test(
    "the second poem under ◎诗歌, untitled and signed before its lines, stands under the label too",
    () => {
      const parsed = parse("2023-03-06_p7.txt", ocr([...lines(WENHUA, 39, 41, 43), stanza(WENHUA, 45, 48), stanza(WENHUA, 50, 53), ...lines(WENHUA, 55), stanza(WENHUA, 57, 59), stanza(WENHUA, 61, 63)]));
      assert.deepEqual(parsed.articles.map((a) => a.frontmatter.section), ["诗歌", "诗歌"]);
    },
  );
});

describe("notices and briefs", () => {
  test("遗失声明 is a notice, its issuer and date kept with it", () => {
    const parsed = parse("2023-03-06_p3.txt", ocr(lines(P3, 51, 53, 55, 57)));
    assert.deepEqual(parsed.articles.map(summary), [["notice", "遗失声明"]]);
    assert.match(bodyText(parsed.articles[0]!), /恒达运输有限公司\n2023年3月6日$/u);
    assert.ok(!codes(parsed.articles[0]!).includes("missing-byline"), "a notice is signed by its issuer, not a byline");
  });

  test("减资公告 is a notice, with its contact line", () => {
    const parsed = parse("2024-05-20_p8.txt", ocr(lines(B_P8, 3, 5, 7, 9, 11, 13)));
    assert.deepEqual(parsed.articles.map(summary), [["notice", "内蒙古瀚海数据科技有限公司减资公告"]]);
    assert.match(bodyText(parsed.articles[0]!), /联系人：张先生/u);
  });

  test(
    "a notice's contact line, issuer and date are text, not subheads",
    () => {
      const parsed = parse("2024-05-20_p8.txt", ocr(lines(B_P8, 3, 5, 7, 9, 11, 13)));
      assert.deepEqual(parsed.articles[0]!.body.filter((b) => b.heading).map((b) => b.text), []);
    },
  );

  test("advertisements under 广告 are notices", () => {
    const parsed = parse("2023-03-06_p3.txt", ocr(lines(P3, 59, 61, 63, 65)));
    assert.deepEqual(parsed.articles.map(summary), [["notice", "阿尔山冰雪温泉季 限时优惠"]]);
    assert.equal(parsed.articles[0]!.frontmatter.section, null, "广告 marks the kind, not a column");
  });

  test("briefs under 经济快讯, a label the data file does not list, are briefs with their closing credits", () => {
    assert.equal(knowledge.labels.has("经济快讯"), false);
    const parsed = parse("2023-03-06_p2.txt", ocr(lines(P2, 75, 77, 79, 81, 83, 85, 87, 89)));
    assert.deepEqual(
      parsed.articles.map((a) => [a.frontmatter.kind, a.frontmatter.section, a.frontmatter.reporters]),
      [
        ["brief", "经济快讯", ["赵文华"]],
        ["brief", "经济快讯", []],
        ["brief", "经济快讯", ["萨如拉"]],
      ],
    );
    assert.deepEqual(parsed.articles.slice(0, 2).map((a) => a.frontmatter.title), ["集宁区新建5G基站200座", "乌兰浩特市启动消费券发放活动"]);
    assert.equal(bodyText(parsed.articles[1]!), wholePaperLine(P2, 85) + wholePaperLine(P2, 87), "a sentence cut by a column break is joined");
    assert.doesNotMatch(bodyText(parsed.articles[2]!), /萨如拉|●/u);
  });
});

describe("page furniture and coverage", () => {
  const pages: WholePaperPage[] = [
    "issue-a/2023-03-06_p1.txt",
    "issue-a/2023-03-06_p2.txt",
    "issue-a/2023-03-06_p3.txt",
    "issue-a/2023-03-06_pinglun.txt",
    "issue-a/2023-03-06_wenhua.txt",
    "issue-b/2024-05-20_p1.txt",
    "issue-b/2024-05-20_p2.txt",
    "issue-b/2024-05-20_p3.txt",
    "issue-b/2024-05-20_p6.txt",
    "issue-b/2024-05-20_p8.txt",
    "issue-b/pinglun.txt",
  ];
  for (const page of pages) {
    test(`${page}: no header, masthead, teaser or staff line is an item, and every line is covered`, () => {
      const text = wholePaperText(page);
      const parsed = parse(page.split("/")[1]!, text);
      const furniture = readPageFurniture(splitPageBlocks(text)).furniture.map((f) => f.text);
      assert.ok(parsed.coverage.lines > 0);
      for (const article of parsed.articles) {
        const texts = [article.frontmatter.title, article.frontmatter.subtitle, article.frontmatter.kicker, ...article.body.map((b) => b.text)];
        for (const line of furniture) assert.ok(!texts.some((t) => t !== null && t.replace(/\s/gu, "").includes(line.replace(/\s/gu, ""))), `"${line}" ended up in "${article.frontmatter.title}"`);
      }
    });
  }

  for (const date of Object.keys(SEED_PAGES) as SeedDate[]) {
    test(`seed page ${date}: every line is covered`, () => {
      parse(SEED_PAGES[date], seedPageText(date));
    });
  }
});

describe("the page's number and name", () => {
  const story = ocr(lines(P1, 59, 61));

  test("from the header line (2022年9月6日 星期二 第5版 党建, written)", () => {
    const parsed = parse("2022-09-06.txt", `2022年9月6日 星期二 第5版 党建\n\n${story}`);
    assert.deepEqual([parsed.page.no, parsed.page.name, parsed.page.printedDate], [5, "党建", "2022-09-06"]);
    assert.deepEqual(parsed.articles.map((a) => a.frontmatter.page), [{ no: 5, name: "党建" }]);
  });

  test("from the frontmatter (page: 5, page_name: 党建)", () => {
    const parsed = parse("issue.txt", `---\ndate: 2022-09-06\npage: 5\npage_name: 党建\n---\n${story}`);
    assert.deepEqual([parsed.page.no, parsed.page.name], [5, "党建"]);
    assert.deepEqual(parsed.articles[0]!.frontmatter.page, { no: 5, name: "党建" });
  });

  test("from the file name (_p5)", () => {
    const parsed = parse("2022-09-06_p5.txt", story);
    assert.deepEqual([parsed.page.no, parsed.page.name], [5, null]);
    assert.deepEqual(parsed.articles[0]!.frontmatter.page, { no: 5, name: null });
  });

  test("the frontmatter wins over the header, and the header over the file name", () => {
    const header = "第5版：党建";
    assert.deepEqual(parse("2022-09-06_p4.txt", `${header}\n\n${story}`).page.no, 5);
    const edited = parse("2022-09-06_p4.txt", `---\npage: 6\npage_name: 评论\n---\n${header}\n\n${story}`);
    assert.deepEqual([edited.page.no, edited.page.name], [6, "评论"]);
  });
});

describe("a label's name inside a story", () => {
  test("温暖瞬间 between two paragraphs of a report is its subhead, not a photo column (written)", async () => {
    const { parseIssueBytes } = await import("../../src/lib/ingest/parse-file.ts");
    const { loadPageKnowledge } = await import("../../src/lib/ingest/page-knowledge.ts");
    const { articleLocator } = await import("../../src/lib/places/article-locator.ts");
    const page = ["暖心驿站温暖户外劳动者", "", "□本报记者 刘畅", "", "寒风中，包头市昆都仑区一处暖心驿站里，几名环卫工人正在喝热水。", "", "温暖瞬间", "", "驿站里有微波炉、热水器和常用药品，户外劳动者可以随时进来歇脚。", ""].join("\n");
    const result = parseIssueBytes("2023-11-21_p3.txt", new TextEncoder().encode(page), loadPageKnowledge(join(import.meta.dirname, "../../content/data")), articleLocator);
    assert.ok(result.ok);
    assert.deepEqual(
      result.parsed.articles.map((a) => [a.frontmatter.kind, a.frontmatter.title, a.frontmatter.section]),
      [["article", "暖心驿站温暖户外劳动者", null]],
    );
    assert.ok(result.parsed.articles[0]!.body.some((b) => b.heading && b.text === "温暖瞬间"));
  });
});

describe("front-page headlines in other papers' layouts (written)", () => {
  const parse = async (source: string, lines: string[]) => {
    const { parseIssueBytes } = await import("../../src/lib/ingest/parse-file.ts");
    const { loadPageKnowledge } = await import("../../src/lib/ingest/page-knowledge.ts");
    const { articleLocator } = await import("../../src/lib/places/article-locator.ts");
    const result = parseIssueBytes(source, new TextEncoder().encode(lines.join("\n\n") + "\n"), loadPageKnowledge(join(import.meta.dirname, "../../content/data")), articleLocator);
    assert.ok(result.ok);
    return result.parsed.articles.map((a) => a.frontmatter);
  };

  test("a headline OCR broke over two lines above a dateline is one title", async () => {
    const [story] = await parse("2024-03-12_p1.txt", ["呼和浩特市今年将新建改建", "城市道路120公里", "本报讯（记者 王磊）记者从呼和浩特市住房和城乡建设局获悉，今年全市将新建改建城市道路120公里。"]);
    assert.deepEqual([story!.title, story!.subtitle, story!.reporters], ["呼和浩特市今年将新建改建城市道路120公里", null, ["王磊"]]);
  });

  test("a short kicker over a headline and dateline is the kicker, not the title", async () => {
    const [story] = await parse("2024-03-12_p1.txt", ["春耕一线", "巴林左旗节水滴灌铺到地头", "本报赤峰3月11日讯（记者 李娜）连日来，赤峰市巴林左旗各地抢抓农时铺设节水滴灌设施。"]);
    assert.deepEqual([story!.kicker, story!.title, story!.subtitle], ["春耕一线", "巴林左旗节水滴灌铺到地头", null]);
  });

  test("新报讯 on a page whose masthead names 北方新报 is the paper's own story: no agency", async () => {
    const own = await parse("2024-03-12_p1.txt", ["北方新报", "第1版 要闻", "草原春季防火进入关键期", "新报讯(记者 张敏)记者从自治区林业和草原局获悉，全区草原春季防火进入关键期。"]);
    assert.deepEqual([own[0]!.agency, own[0]!.reporters], [null, ["张敏"]]);
    const reprinted = await parse("2024-03-12_p1.txt", ["第1版 要闻", "草原春季防火进入关键期", "新报讯(记者 张敏)记者从自治区林业和草原局获悉，全区草原春季防火进入关键期。"]);
    assert.equal(reprinted[0]!.agency, "新报", "on another paper's page the outlet is the agency");
  });
});
