import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";
import { RELATED_LIMIT, WEIGHTS, relatedArticles, relatedFeatures, relatedScore } from "../../src/lib/site/related-articles.ts";
import { sampleEntry, sampleFrontmatter } from "../support/sample-entries.ts";

const features = (date: string, fields: Partial<ArticleFrontmatter> = {}) => relatedFeatures(sampleFrontmatter(date, fields));
const timeBonus = (days: number) => WEIGHTS.time * 0.5 ** (days / WEIGHTS.halfLifeDays);

describe("relatedScore", () => {
  const base = features("2022-11-08", { reporters: ["宋爽"], correspondents: ["王筱瑜"], location: "包头市", county: "土默特右旗", section: "广角", series: { name: "五化协同 大抓基层", no: 1 } });

  const cases: [string, ReturnType<typeof features>, number][] = [
    ["a shared reporter, same day", features("2022-11-08", { reporters: ["宋爽"] }), WEIGHTS.person + timeBonus(0)],
    ["two shared people (reporter and, elsewhere, correspondent)", features("2022-11-08", { photographers: ["宋爽"], correspondents: ["王筱瑜"] }), 2 * WEIGHTS.person + timeBonus(0)],
    ["the same county, a year apart (and so the same league)", features("2023-11-08", { location: "包头市", county: "土默特右旗" }), WEIGHTS.county + WEIGHTS.league + timeBonus(365)],
    ["the same column", features("2022-11-09", { section: "广角" }), WEIGHTS.section + timeBonus(1)],
    ["the same series, and so the same column", features("2022-11-08", { section: "广角", series: { name: "五化协同 大抓基层", no: 2 } }), WEIGHTS.section + WEIGHTS.series + timeBonus(0)],
    ["the same league alone: too little", features("2022-11-08", { location: "包头市", county: "东河区" }), 0],
    ["the same day alone: nothing", features("2022-11-08"), 0],
  ];
  for (const [name, other, expected] of cases) {
    it(name, () => {
      assert.ok(Math.abs(relatedScore(base, other) - expected) < 1e-9, `${relatedScore(base, other)} ≠ ${expected}`);
      assert.equal(relatedScore(base, other), relatedScore(other, base), "symmetric");
    });
  }

  it("counts at most two shared people", () => {
    const a = features("2022-11-08", { reporters: ["甲", "乙", "丙"] });
    const b = features("2022-11-08", { reporters: ["甲", "乙", "丙"] });
    assert.equal(relatedScore(a, b), WEIGHTS.maxPeople * WEIGHTS.person + timeBonus(0));
  });

  it("does not count an institutional byline or a province-wide place as shared", () => {
    const a = features("2022-11-08", { authors: ["本报评论员"], location: "内蒙古" });
    const b = features("2022-11-09", { authors: ["本报评论员"], location: "内蒙古" });
    assert.equal(relatedScore(a, b), 0);
  });

  it("prefers a shared reporter from a year away to a shared column from the next day", () => {
    const a = features("2022-11-08", { reporters: ["宋爽"], section: "广角" });
    assert.ok(relatedScore(a, features("2023-11-08", { reporters: ["宋爽"] })) > relatedScore(a, features("2022-11-09", { section: "广角" })));
  });
});

describe("relatedArticles", () => {
  const entries: ArchiveEntry[] = [
    sampleEntry("2022-11-08/a", { reporters: ["宋爽"], section: "广角" }),
    sampleEntry("2022-11-08/same-issue", { reporters: ["宋爽"], section: "广角", order: 2 }),
    sampleEntry("2022-09-06/far", { reporters: ["宋爽"] }),
    sampleEntry("2022-11-01/near", { reporters: ["宋爽"] }),
    sampleEntry("2022-11-02/column", { section: "广角" }),
    sampleEntry("2022-11-03/notice", { kind: "notice", reporters: ["宋爽"], section: "广角" }),
    sampleEntry("2022-11-04/unrelated", { reporters: ["白丹"] }),
  ];

  it("lists other issues' items by score, the nearer first on a tie; never the same issue, never a notice", () => {
    const related = relatedArticles(entries);
    assert.deepEqual(related("2022-11-08/a").map((e) => e.id), ["2022-11-01/near", "2022-09-06/far", "2022-11-02/column"]);
    assert.deepEqual(related("2022-11-03/notice"), []);
    assert.deepEqual(related("2022-11-04/unrelated"), []);
    assert.deepEqual(related("no/such-id"), []);
  });

  it("lists at most RELATED_LIMIT items", () => {
    const many = Array.from({ length: 20 }, (_, i) => sampleEntry(`2022-01-${String(i + 1).padStart(2, "0")}/x`, { reporters: ["宋爽"] }));
    assert.equal(relatedArticles(many)("2022-01-10/x").length, RELATED_LIMIT);
  });

  it("keeps the best in order: a shorter list is the head of a longer one, by score, then nearer, newer, id", () => {
    const people = ["宋爽", "白丹", "王筱瑜"];
    const entries = Array.from({ length: 300 }, (_, i) => {
      const day = new Date(Date.UTC(2022, 0, 1 + Math.floor(i / 3))).toISOString().slice(0, 10);
      return sampleEntry(`${day}/a${(i * 7) % 300}`, {
        reporters: [people[i % 3]!, ...(i % 5 === 0 ? [people[(i + 1) % 3]!] : [])],
        section: i % 4 === 0 ? "广角" : null,
        location: "包头市",
        county: i % 6 === 0 ? "东河区" : null,
        order: (i % 3) + 1,
      });
    });
    const long = relatedArticles(entries, 40);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    for (const entry of entries) {
      const list = long(entry.id);
      const self = relatedFeatures(entry.data);
      const keyed = list.map((other) => {
        const f = relatedFeatures(byId.get(other.id)!.data);
        return { id: other.id, score: relatedScore(self, f), distance: Math.abs(f.day - self.day), day: f.day };
      });
      const sorted = [...keyed].sort((a, b) => b.score - a.score || a.distance - b.distance || b.day - a.day || (a.id < b.id ? -1 : 1));
      assert.deepEqual(keyed, sorted, entry.id);
      for (const limit of [1, 2, RELATED_LIMIT]) {
        assert.deepEqual(relatedArticles(entries, limit)(entry.id).map((e) => e.id), list.slice(0, limit).map((e) => e.id));
      }
    }
  });

  it("lists related articles from other issues at 10,000 articles (their speed: npm run bench)", () => {
    const sections = ["广角", "学思践悟", "观潮", "知行合一"];
    const leagues = ["包头市", "赤峰市", "呼和浩特市"];
    const big = Array.from({ length: 10_000 }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 10))).toISOString().slice(0, 10);
      return sampleEntry(`${day}/a${i}`, {
        reporters: [`记者${i % 150}`],
        section: sections[i % sections.length]!,
        location: leagues[i % leagues.length]!,
        county: `县${i % 40}`,
        order: (i % 10) + 1,
      });
    });
    const related = relatedArticles(big);
    for (const entry of big) related(entry.id);
    const list = related(big[5000]!.id);
    assert.equal(list.length, RELATED_LIMIT);
    assert.ok(list.every((entry) => entry.data.issue !== big[5000]!.data.issue));
  });
});
