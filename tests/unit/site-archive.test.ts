import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive, compareArticles, compareNewestFirst, isNotice, type ArchiveEntry } from "../../src/lib/site/archive.ts";
import { sampleEntry } from "../support/sample-entries.ts";

/** A sample entry titled by its id, its source named as an issue page is. */
const article = (id: string, data: Partial<ArticleFrontmatter> = {}): ArchiveEntry =>
  sampleEntry(id, { title: id, source: `${id.slice(0, 10)}_000_x.txt`, ...data });

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe("buildArchive", () => {
  const entries = [
    article("2022-09-06/b", { order: 2, section: "广角", reporters: ["宋爽"], location: "赤峰市", county: "元宝山区" }),
    article("2022-11-08/c", { order: 3, section: "广角", photographers: ["宋爽"], location: "赤峰市", county: "喀喇沁旗" }),
    article("2022-11-08/a", { order: 1, section: "广角", reporters: ["白丹"], correspondents: ["宋爽"], location: "呼和浩特市" }),
    article("2022-11-08/b", { order: 2, section: null, authors: ["安寅东"], location: "内蒙古" }),
    article("2022-09-06/a", { order: 1, section: "观潮", authors: ["安寅东"], location: "赤峰市", county: "元宝山区" }),
  ];
  const archive = buildArchive(entries);

  it("lists articles newest first, in page order within an issue", () => {
    assert.deepEqual(ids(archive.articles), ["2022-11-08/a", "2022-11-08/b", "2022-11-08/c", "2022-09-06/a", "2022-09-06/b"]);
  });

  it("does not reorder the input", () => {
    assert.equal(entries[0]!.id, "2022-09-06/b");
  });

  it("indexes issues newest first with items in page order and runs of columns", () => {
    assert.deepEqual(
      archive.issues.map((issue) => issue.id),
      ["2022-11-08", "2022-09-06"],
    );
    const issue = archive.issueById.get("2022-11-08")!;
    assert.deepEqual(ids(issue.articles), ["2022-11-08/a", "2022-11-08/b", "2022-11-08/c"]);
    assert.equal(issue.pages.length, 1, "one page file without a number is one page");
    assert.deepEqual([issue.pages[0]!.no, issue.pages[0]!.name, issue.pages[0]!.sources], [null, null, ["2022-11-08_000_x.txt"]]);
    assert.deepEqual(
      issue.pages[0]!.sectionGroups.map((g) => [g.section, ids(g.articles)]),
      [
        ["广角", ["2022-11-08/a"]],
        [null, ["2022-11-08/b"]],
        ["广角", ["2022-11-08/c"]],
      ],
    );
    assert.deepEqual(issue.sources, ["2022-11-08_000_x.txt"]);
  });

  it("finds neighbours within the issue only", () => {
    const table: [string, string | undefined, string | undefined][] = [
      ["2022-11-08/a", undefined, "2022-11-08/b"],
      ["2022-11-08/b", "2022-11-08/a", "2022-11-08/c"],
      ["2022-11-08/c", "2022-11-08/b", undefined],
      ["2022-09-06/a", undefined, "2022-09-06/b"],
      ["no/such", undefined, undefined],
    ];
    for (const [id, previous, next] of table) {
      const n = archive.neighbours(id);
      assert.equal(n.previous?.id, previous, `previous of ${id}`);
      assert.equal(n.next?.id, next, `next of ${id}`);
    }
  });

  it("finds older and newer issues", () => {
    assert.equal(archive.issueNeighbours("2022-11-08").older?.id, "2022-09-06");
    assert.equal(archive.issueNeighbours("2022-11-08").newer, undefined);
    assert.equal(archive.issueNeighbours("2022-09-06").newer?.id, "2022-11-08");
  });

  it("credits each person once per item, with every role held on it", () => {
    const song = archive.personBySlug.get("song-shuang")!;
    assert.equal(song.name, "宋爽");
    assert.deepEqual(
      song.credits.map((c) => [c.article.id, c.roles]),
      [
        ["2022-11-08/a", ["correspondent"]],
        ["2022-11-08/c", ["photographer"]],
        ["2022-09-06/b", ["reporter"]],
      ],
    );
    assert.deepEqual(song.counts, { reporter: 1, correspondent: 1, photographer: 1, author: 0 });
    assert.deepEqual(
      archive.people.map((p) => p.slug),
      ["an-yin-dong", "bai-dan", "song-shuang"],
    );
  });

  it("orders leagues as the gazetteer does, 内蒙古 after the leagues, counties by count", () => {
    assert.deepEqual(
      archive.leagues.map((r) => [r.name, r.slug, r.articles.length]),
      [
        ["呼和浩特市", "hu-he-hao-te-shi", 1],
        ["赤峰市", "chi-feng-shi", 3],
        ["内蒙古", "nei-meng-gu", 1],
      ],
    );
    const chifeng = archive.leagueBySlug.get("chi-feng-shi")!;
    assert.deepEqual(
      chifeng.counties.map((c) => [c.name, c.slug, c.articles.length]),
      [
        ["元宝山区", "yuan-bao-shan-qu", 2],
        ["喀喇沁旗", "ka-la-qin-qi", 1],
      ],
    );
    assert.equal(archive.countySlug("赤峰市", "喀喇沁旗"), "ka-la-qin-qi");
    assert.equal(archive.countySlug("呼和浩特市", "喀喇沁旗"), undefined);
  });

  it("indexes sections by count", () => {
    assert.deepEqual(
      archive.sections.map((s) => [s.name, s.slug, s.articles.length]),
      [
        ["广角", "guang-jiao", 3],
        ["观潮", "guan-chao", 1],
      ],
    );
  });

  it("gives the first-appearing name the plain slug when two names read alike", () => {
    const alike = buildArchive([
      article("2023-01-02/x", { reporters: ["王伟"] }),
      article("2023-01-01/x", { reporters: ["王维"] }),
    ]);
    assert.equal(alike.personSlug("王维"), "wang-wei");
    assert.equal(alike.personSlug("王伟"), "wang-wei-2");
  });

  it("handles an empty archive", () => {
    const empty = buildArchive([]);
    assert.deepEqual([empty.articles, empty.countedArticles, empty.issues, empty.people, empty.leagues, empty.sections], [[], [], [], [], [], []]);
  });
});

describe("buildArchive: a whole paper", () => {
  // Files named as the paper's pages arrive: the page number is read from each file's header, so
  // file order is not page order; order counts from 1 on each page.
  const on = (no: number | null, name: string | null, source: string) => ({ page: { no, name }, source });
  const paper = buildArchive([
    article("2024-10-15/p5-b", { ...on(5, "党建", "2024-10-15_a.txt"), order: 2, section: "广角" }),
    article("2024-10-15/p5-a", { ...on(5, "党建", "2024-10-15_a.txt"), order: 1, section: "广角" }),
    article("2024-10-15/p1-a", { ...on(1, "要闻", "2024-10-15_c.txt"), order: 1 }),
    article("2024-10-15/p1-b", { ...on(1, "要闻", "2024-10-15_c.txt"), order: 2, section: "观潮", authors: ["本报评论员"] }),
    article("2024-10-15/x2", { ...on(null, null, "2024-10-15_z.txt"), order: 1 }),
    article("2024-10-15/x1", { ...on(null, "副刊", "2024-10-15_b.txt"), order: 1 }),
    article("2024-10-15/ad", { ...on(5, "党建", "2024-10-15_a.txt"), order: 3, kind: "notice", reporters: ["宋爽"], location: "赤峰市", section: "公告" }),
  ]);
  const issue = paper.issueById.get("2024-10-15")!;

  it("orders pages by number, then unnumbered pages by source file, items as printed", () => {
    assert.deepEqual(ids(issue.articles), ["2024-10-15/p1-a", "2024-10-15/p1-b", "2024-10-15/p5-a", "2024-10-15/p5-b", "2024-10-15/ad", "2024-10-15/x1", "2024-10-15/x2"]);
    assert.deepEqual(
      issue.pages.map((page) => [page.no, page.name, page.sources, ids(page.articles)]),
      [
        [1, "要闻", ["2024-10-15_c.txt"], ["2024-10-15/p1-a", "2024-10-15/p1-b"]],
        [5, "党建", ["2024-10-15_a.txt"], ["2024-10-15/p5-a", "2024-10-15/p5-b", "2024-10-15/ad"]],
        [null, "副刊", ["2024-10-15_b.txt"], ["2024-10-15/x1"]],
        [null, null, ["2024-10-15_z.txt"], ["2024-10-15/x2"]],
      ],
    );
    assert.deepEqual(issue.sources, ["2024-10-15_c.txt", "2024-10-15_a.txt", "2024-10-15_b.txt", "2024-10-15_z.txt"]);
  });

  it("groups each page's items in runs of columns, never across pages", () => {
    assert.deepEqual(
      issue.pages.map((page) => page.sectionGroups.map((g) => [g.section, g.articles.length])),
      [
        [
          [null, 1],
          ["观潮", 1],
        ],
        [
          ["广角", 2],
          ["公告", 1],
        ],
        [[null, 1]],
        [[null, 1]],
      ],
    );
  });

  it("keeps neighbours in page order across pages", () => {
    assert.equal(paper.neighbours("2024-10-15/p1-b").next?.id, "2024-10-15/p5-a");
    assert.equal(paper.neighbours("2024-10-15/x1").previous?.id, "2024-10-15/ad");
  });

  it("keeps notices in the issue but out of counted articles, people, leagues and columns", () => {
    assert.equal(paper.articles.length, 7);
    assert.deepEqual(
      paper.countedArticles.map((a) => a.id).includes("2024-10-15/ad"),
      false,
    );
    assert.equal(paper.countedArticles.length, 6);
    assert.equal(paper.personSlug("宋爽"), undefined);
    assert.deepEqual([paper.leagues, paper.sections.map((s) => s.name)], [[], ["广角", "观潮"]]);
  });

  it("gives an institutional byline no person", () => {
    assert.equal(paper.personSlug("本报评论员"), undefined);
    assert.deepEqual(paper.people, []);
  });
});

describe("isNotice", () => {
  const table: [ArticleFrontmatter["kind"], boolean][] = [
    ["notice", true],
    ["article", false],
    ["commentary", false],
    ["photo", false],
    ["brief", false],
  ];
  for (const [kind, expected] of table) {
    it(`${kind} → ${expected}`, () => assert.equal(isNotice(article("2024-10-15/x", { kind })), expected));
  }
});

describe("compareArticles", () => {
  it("sorts by date, then issue, then page number (unnumbered last), then source, then order, then id", () => {
    const sorted = [
      article("2022-01-01/n", { page: { no: null, name: null }, source: "a.txt", order: 1 }),
      article("2022-01-01/p2", { page: { no: 2, name: null }, source: "z.txt", order: 1 }),
      article("2022-01-01/p10", { page: { no: 10, name: null }, source: "b.txt", order: 1 }),
      article("2022-01-01/p1b", { page: { no: 1, name: null }, source: "y.txt", order: 2 }),
      article("2022-01-01/p1a", { page: { no: 1, name: null }, source: "y.txt", order: 1 }),
      article("2022-01-01/m", { page: { no: null, name: null }, source: "0.txt", order: 3 }),
      article("2021-12-31/z", { page: { no: 9, name: null }, order: 9 }),
    ].sort(compareArticles);
    assert.deepEqual(ids(sorted), ["2021-12-31/z", "2022-01-01/p1a", "2022-01-01/p1b", "2022-01-01/p2", "2022-01-01/p10", "2022-01-01/m", "2022-01-01/n"]);
  });
});

describe("compareNewestFirst", () => {
  it("sorts by date, then issue, then order, then id", () => {
    const sorted = [
      article("2022-01-01/z", { order: 2 }),
      article("2022-01-01/b", { order: 1 }),
      article("2022-01-01/a", { order: 1 }),
      article("2023-01-01/a", { order: 9 }),
    ].sort(compareNewestFirst);
    assert.deepEqual(ids(sorted), ["2023-01-01/a", "2022-01-01/a", "2022-01-01/b", "2022-01-01/z"]);
  });
});
