import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive, compareNewestFirst, type ArchiveEntry } from "../../src/lib/site/archive.ts";
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
    assert.deepEqual(
      issue.sectionGroups.map((g) => [g.section, ids(g.articles)]),
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

  it("orders regions as the gazetteer does, 内蒙古 after the leagues, counties by count", () => {
    assert.deepEqual(
      archive.regions.map((r) => [r.name, r.slug, r.articles.length]),
      [
        ["呼和浩特市", "hu-he-hao-te-shi", 1],
        ["赤峰市", "chi-feng-shi", 3],
        ["内蒙古", "nei-meng-gu", 1],
      ],
    );
    const chifeng = archive.regionBySlug.get("chi-feng-shi")!;
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
    assert.deepEqual([empty.articles, empty.issues, empty.people, empty.regions, empty.sections], [[], [], [], [], []]);
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
