import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { citationMetaTags, dublinCoreTags, highwireDate, highwireTags, type MetaTag } from "../../src/lib/site/citation-meta.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const URL_OF = (id: string) => `https://archive.example.org/articles/${id}/`;

// Seed 001 (2024-10-15), on a page with its number and name: □本报记者 许敬 通讯员 王筱瑜
const xuJing = sampleEntry("2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", {
  title: "汇聚非公领域发展“红色动能”",
  subtitle: "阿拉善盟非公党建观察",
  reporters: ["许敬"],
  correspondents: ["王筱瑜"],
  page: { no: 5, name: "党建" },
});
// An editorial signed by an institution.
const editorial = sampleEntry("2022-12-13/ping-lun", { title: "筑牢基层治理根基", kind: "commentary", authors: ["本报评论员"] });

const values = (tags: MetaTag[], name: string) => tags.filter((tag) => tag.name === name).map((tag) => tag.content);

describe("Highwire Press citation tags", () => {
  it("give the title with its deck, each author in byline order, the date as YYYY/MM/DD, the paper, page, language and URL", () => {
    const url = URL_OF(xuJing.id);
    assert.deepEqual(highwireTags(xuJing, { url }), [
      { name: "citation_title", content: "汇聚非公领域发展“红色动能”：阿拉善盟非公党建观察" },
      { name: "citation_author", content: "许敬" },
      { name: "citation_author", content: "王筱瑜" },
      { name: "citation_publication_date", content: "2024/10/15" },
      { name: "citation_journal_title", content: "内蒙古日报" },
      { name: "citation_firstpage", content: "5" },
      { name: "citation_language", content: "zh" },
      { name: "citation_public_url", content: url },
      { name: "citation_fulltext_html_url", content: url },
    ]);
  });

  it("leave out the page when the item does not say it, and name an institutional byline as printed", () => {
    const tags = highwireTags(editorial, { url: URL_OF(editorial.id) });
    assert.deepEqual(values(tags, "citation_firstpage"), []);
    assert.deepEqual(values(tags, "citation_author"), ["本报评论员"]);
  });

  it("have no author tag for an item without a byline", () => {
    const unsigned = sampleEntry("2022-09-06/xiao-xi", { title: "消息" });
    assert.deepEqual(values(highwireTags(unsigned, { url: URL_OF(unsigned.id) }), "citation_author"), []);
  });

  it("write dates as Highwire asks and refuse anything but an ISO date", () => {
    assert.equal(highwireDate("2022-11-08"), "2022/11/08");
    assert.throws(() => highwireDate("2022-11"), RangeError);
  });
});

describe("Dublin Core tags", () => {
  it("give title, creators, ISO date, type, publisher, language, identifier and the printed source", () => {
    const url = URL_OF(xuJing.id);
    assert.deepEqual(dublinCoreTags(xuJing, { url }), [
      { name: "DC.title", content: "汇聚非公领域发展“红色动能”：阿拉善盟非公党建观察" },
      { name: "DC.creator", content: "许敬" },
      { name: "DC.creator", content: "王筱瑜" },
      { name: "DC.date", content: "2024-10-15" },
      { name: "DC.type", content: "Text" },
      { name: "DC.publisher", content: "内蒙古日报" },
      { name: "DC.language", content: "zh-CN" },
      { name: "DC.identifier", content: url },
      { name: "DC.source", content: "《内蒙古日报》2024-10-15 第5版 党建" },
    ]);
  });

  it("name only the paper and date as the source when the page is unknown", () => {
    assert.deepEqual(values(dublinCoreTags(editorial, { url: URL_OF(editorial.id) }), "DC.source"), ["《内蒙古日报》2022-12-13"]);
  });
});

describe("citationMetaTags", () => {
  it("is the Highwire tags, then the Dublin Core ones", () => {
    const url = URL_OF(xuJing.id);
    assert.deepEqual(citationMetaTags(xuJing, { url }), [...highwireTags(xuJing, { url }), ...dublinCoreTags(xuJing, { url })]);
  });
});
