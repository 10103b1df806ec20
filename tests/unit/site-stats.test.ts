import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive, type ArchiveEntry } from "../../src/lib/site/archive.ts";
import { currentNavHref } from "../../src/lib/site/navigation.ts";
import { formatDate, formatSeries } from "../../src/lib/site/format.ts";
import { COUNTED_KINDS, articlesPerKind, personTimeline, rolesOf } from "../../src/lib/site/stats.ts";
import { sampleEntry } from "../support/sample-entries.ts";

/** A sample entry titled by its id. */
const article = (id: string, data: Partial<ArticleFrontmatter>): ArchiveEntry =>
  sampleEntry(id, { title: id, source: "s.txt", ...data });

describe("personTimeline", () => {
  it("counts a person's items per year and role, newest year first", () => {
    const archive = buildArchive([
      article("2022-11-08/a", { reporters: ["宋爽"], photographers: ["宋爽"] }),
      article("2022-09-06/a", { reporters: ["宋爽"] }),
      article("2024-10-15/a", { correspondents: ["宋爽"] }),
    ]);
    const person = archive.personBySlug.get("song-shuang")!;
    assert.deepEqual(personTimeline(person), [
      { year: 2024, counts: { reporter: 0, correspondent: 1, photographer: 0, author: 0 }, total: 1 },
      { year: 2022, counts: { reporter: 2, correspondent: 0, photographer: 1, author: 0 }, total: 2 },
    ]);
    assert.deepEqual(rolesOf(person), ["reporter", "correspondent", "photographer"]);
  });
});

describe("articlesPerKind", () => {
  it("counts every kind, including those with none", () => {
    assert.deepEqual(articlesPerKind([article("2022-01-01/a", { kind: "photo" }), article("2022-01-01/b", { kind: "photo" })]), {
      article: 0,
      commentary: 0,
      photo: 2,
      brief: 0,
      notice: 0,
    });
  });
});

describe("COUNTED_KINDS", () => {
  it("is every kind but notices, in the schema's order", () => {
    assert.deepEqual(COUNTED_KINDS, ["article", "commentary", "photo", "brief"]);
  });
});

describe("format", () => {
  it("writes dates and series the Chinese way", () => {
    assert.equal(formatDate("2022-11-08"), "2022年11月8日");
    assert.equal(formatSeries({ name: "五化协同 大抓基层", no: 2 }), "五化协同 大抓基层（2）");
    assert.equal(formatSeries({ name: "五化协同 大抓基层", no: null }), "五化协同 大抓基层");
  });
});

describe("currentNavHref", () => {
  const table: [string, string | undefined][] = [
    ["/issues/2022-11-08/", "/issues/"],
    ["/reporters/bai-dan/2/", "/reporters/"],
    ["/", undefined],
    ["/articles/2022-11-08/x/", undefined],
  ];
  for (const [path, expected] of table) it(`${path} → ${expected}`, () => assert.equal(currentNavHref(path), expected));
});
