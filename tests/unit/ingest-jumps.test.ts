// Articles that jump pages: joinJumps on hand-made pages of one issue, built from the story
// that issue-a runs from page 1 (…（下转第3版）) to page 3 (（上接第1版）…).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sampleFrontmatter } from "../support/sample-entries.ts";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { emptyPageMeta } from "../../src/lib/ingest/page-furniture.ts";
import type { ItemWarning } from "../../src/lib/ingest/page-item.ts";
import { joinJumps } from "../../src/lib/ingest/jumps.ts";
import type { PageArticle, ParsedIssue } from "../../src/lib/ingest/parse-page.ts";
import { wholePaperLine } from "../support/whole-paper-lines.ts";

const P1 = "issue-a/2023-03-06_p1.txt";
const P3 = "issue-a/2023-03-06_p3.txt";

/** The part on page 1: its last paragraph stops mid-sentence at the jump. */
const HEADLINE = wholePaperLine(P1, 27);
const LEAD = wholePaperLine(P1, 29, { start: "本报呼和浩特3月5日讯" }).replace(/^.*?）/u, "");
const CUT = wholePaperLine(P1, 41, { end: "15个社区就业服务站，" });
/** The part on page 3, after （上接第1版）: the cut sentence goes on. */
const GOES_ON = wholePaperLine(P3, 7, { start: "为辖区居民提供政策咨询" });
const CLOSING = wholePaperLine(P3, 9, { start: "据介绍，" });

function frontmatter(title: string, date: string, page: number | null, order: number): ArticleFrontmatter {
  return sampleFrontmatter(date, { title, page: { no: page, name: null }, order, source: `${date}_p${page}.txt` });
}

interface ArticleSpec {
  title: string;
  paragraphs: string[];
  jump?: Partial<PageArticle["jump"]>;
  warnings?: ItemWarning["code"][];
}

function page(date: string, no: number | null, specs: ArticleSpec[]): ParsedIssue {
  const source = `${date}_p${no}.txt`;
  return {
    issue: { source, date },
    page: { ...emptyPageMeta(), no },
    articles: specs.map((spec, index) => ({
      id: `${date}/a${no}-${index + 1}`,
      slug: `a${no}-${index + 1}`,
      frontmatter: frontmatter(spec.title, date, no, index + 1),
      body: spec.paragraphs.map((text) => ({ text, heading: false })),
      jump: { to: null, from: null, ...spec.jump },
      warnings: (spec.warnings ?? []).map((code) => ({ code, message: code, line: null })),
    })),
    coverage: { lines: 0, covered: 0, ratio: 1, uncovered: [] },
    fileWarnings: [],
  };
}

/** A parse as the cache keeps it: frozen all through, so any change to it throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const firstPart = (): ArticleSpec => ({ title: HEADLINE, paragraphs: [LEAD, CUT], jump: { to: 3 }, warnings: ["ends-mid-sentence"] });
const continuation = (title = "为辖区居民提供政策咨询"): ArticleSpec => ({
  title,
  paragraphs: [GOES_ON, CLOSING],
  jump: { from: 1 },
  warnings: ["guessed-headline", "joined-fragments"],
});
const photo: ArticleSpec = { title: wholePaperLine(P3, 13), paragraphs: [wholePaperLine(P3, 15)] };
const notice: ArticleSpec = { title: wholePaperLine(P3, 51), paragraphs: [wholePaperLine(P3, 53)] };

const codes = (article: PageArticle | undefined) => article?.warnings.map((w) => w.code) ?? [];

describe("joinJumps: one issue, a story from page 1 to page 3", () => {
  const [front, inside] = joinJumps([
    page("2023-03-06", 1, [firstPart(), { title: "全国春播粮食作物面积稳中有增", paragraphs: ["农业农村部有关负责人介绍，目前南方早稻育秧已陆续开始。"] }]),
    page("2023-03-06", 3, [continuation(), photo, notice]),
  ]) as [ParsedIssue, ParsedIssue];
  const joined = front.articles[0]!;

  test("the continuation is joined to the part on page 1, which keeps its title and place", () => {
    assert.equal(joined.frontmatter.title, HEADLINE);
    assert.equal(joined.frontmatter.page.no, 1);
    assert.equal(front.articles.length, 2);
  });

  test("the sentence the jump cut is one paragraph again", () => {
    assert.deepEqual(
      joined.body.map((b) => b.text),
      [LEAD, CUT + GOES_ON, CLOSING],
    );
  });

  test("the joined article no longer jumps, and its warnings are the ones that still hold", () => {
    assert.deepEqual(joined.jump, { to: null, from: null });
    assert.ok(!codes(joined).includes("ends-mid-sentence"), "the text no longer stops mid-sentence");
    assert.ok(!codes(joined).includes("guessed-headline"), "the continuation's guessed title is gone with it");
    assert.ok(codes(joined).includes("joined-fragments"), "the continuation's own repairs are still reported");
    assert.ok(!codes(joined).includes("unmatched-jump"));
  });

  test("the continuation is removed from page 3, whose items are numbered again from 1", () => {
    assert.deepEqual(
      inside.articles.map((a) => [a.frontmatter.order, a.frontmatter.title]),
      [
        [1, "春耕时节农事忙"],
        [2, "遗失声明"],
      ],
    );
  });
});

describe("joinJumps: the credits of both parts", () => {
  test("the continuation's own credit joins the article's, each name once; the first part's outlet and affiliation win", () => {
    const first = page("2023-03-06", 1, [firstPart()]);
    const rest = page("2023-03-06", 3, [continuation()]);
    Object.assign(first.articles[0]!.frontmatter, { reporters: ["王玉琢"], agency: null, affiliation: "本报" });
    Object.assign(rest.articles[0]!.frontmatter, { reporters: ["王玉琢", "李国萍"], photographers: ["刘晓明"], agency: "新华社", affiliation: "内蒙古大学" });
    const [front] = joinJumps([first, rest]) as [ParsedIssue, ParsedIssue];
    const credits = front.articles[0]!.frontmatter;
    assert.deepEqual(credits.reporters, ["王玉琢", "李国萍"]);
    assert.deepEqual(credits.photographers, ["刘晓明"]);
    assert.equal(credits.agency, "新华社", "the first part names no outlet, the continuation does");
    assert.equal(credits.affiliation, "本报");
    assert.equal(credits.title, HEADLINE, "the rest of the first part's frontmatter stays");
  });
});

describe("joinJumps: which continuation", () => {
  test("a continuation that repeats the headline wins over an untitled one", () => {
    const [front, inside] = joinJumps([
      page("2023-03-06", 1, [firstPart()]),
      page("2023-03-06", 3, [continuation(), { ...continuation(HEADLINE), paragraphs: ["另一段接续的文字。"], warnings: [] }]),
    ]) as [ParsedIssue, ParsedIssue];
    assert.equal(front.articles[0]!.body.at(-1)!.text, CUT + "另一段接续的文字。");
    assert.deepEqual(inside.articles.map((a) => a.frontmatter.title), ["为辖区居民提供政策咨询"]);
    assert.deepEqual(codes(inside.articles[0]), ["guessed-headline", "joined-fragments", "unmatched-jump"], "the other continuation stays, marked");
  });

  test("a continuation from another page is not this story's", () => {
    const [front, inside] = joinJumps([page("2023-03-06", 1, [firstPart()]), page("2023-03-06", 3, [{ ...continuation(), jump: { from: 2 } }])]) as [ParsedIssue, ParsedIssue];
    assert.ok(codes(front.articles[0]).includes("unmatched-jump"));
    assert.ok(codes(inside.articles[0]).includes("unmatched-jump"));
  });

  test("the pages given are never changed (a kept parse stays as the parser made it)", () => {
    const given = deepFreeze([page("2023-03-06", 1, [firstPart()]), page("2023-03-06", 3, [continuation(), photo])]);
    const copy = structuredClone(given);
    const [front, inside] = joinJumps(given) as [ParsedIssue, ParsedIssue];
    assert.deepEqual(given, copy);
    assert.deepEqual(front.articles[0]!.body.map((b) => b.text), [LEAD, CUT + GOES_ON, CLOSING]);
    assert.equal(inside.articles.length, 1);
  });

  test("an issue without jumps gets its pages back as they are", () => {
    const pages = [page("2023-03-06", 3, [photo, notice])];
    assert.equal(joinJumps(pages)[0], pages[0]);
  });

  test("a part that ends on a full stop keeps its paragraphs apart", () => {
    const [front] = joinJumps([page("2023-03-06", 1, [{ ...firstPart(), paragraphs: [LEAD] }]), page("2023-03-06", 3, [continuation()])]) as [ParsedIssue, ParsedIssue];
    assert.deepEqual(front.articles[0]!.body.map((b) => b.text), [LEAD, GOES_ON, CLOSING]);
  });
});

describe("joinJumps: parts without their other half", () => {
  test("a part whose continuation is not in the issue keeps its text and gets an unmatched-jump warning", () => {
    const [front] = joinJumps([page("2023-03-06", 1, [firstPart()])]) as [ParsedIssue];
    const part = front.articles[0]!;
    assert.deepEqual(part.body.map((b) => b.text), [LEAD, CUT]);
    assert.deepEqual(part.jump, { to: 3, from: null });
    assert.ok(codes(part).includes("unmatched-jump"));
  });

  test("a continuation whose first part is not in the issue keeps its text and gets an unmatched-jump warning", () => {
    const [inside] = joinJumps([page("2023-03-06", 3, [continuation(), photo])]) as [ParsedIssue];
    assert.equal(inside.articles.length, 2);
    assert.deepEqual(inside.articles[0]!.body.map((b) => b.text), [GOES_ON, CLOSING]);
    assert.ok(codes(inside.articles[0]).includes("unmatched-jump"));
    assert.ok(!codes(inside.articles[1]).includes("unmatched-jump"), "an item that does not jump is left alone");
  });

  test("parts on different dates are not joined: they are different issues", () => {
    const [front, inside] = joinJumps([page("2023-03-06", 1, [firstPart()]), page("2023-03-07", 3, [continuation()])]) as [ParsedIssue, ParsedIssue];
    assert.deepEqual(front.articles[0]!.body.map((b) => b.text), [LEAD, CUT]);
    assert.equal(inside.articles.length, 1);
    assert.ok(codes(front.articles[0]).includes("unmatched-jump"));
    assert.ok(codes(inside.articles[0]).includes("unmatched-jump"));
  });
});
