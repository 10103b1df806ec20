import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newsArticleJsonLd, serializeJsonLd } from "../../src/lib/site/json-ld.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";

const data = sampleFrontmatter("2022-11-08", {
  title: "标题</script><script>alert(1)</script>",
  subtitle: "——副题",
  section: "广角",
  reporters: ["白丹"],
  correspondents: ["王筱瑜"],
  photographers: ["李文超"],
  location: "呼和浩特市",
  county: "玉泉区",
  source: "2022-11-08_000_x.txt",
});

describe("newsArticleJsonLd", () => {
  const ld = newsArticleJsonLd({
    data,
    url: "https://a.org/articles/2022-11-08/x/",
    issueUrl: "https://a.org/issues/2022-11-08/",
    personUrl: (name) => (name === "白丹" ? "https://a.org/reporters/bai-dan/" : undefined),
  });

  it("describes the article, its people, place and issue", () => {
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.headline, data.title);
    assert.equal(ld.alternativeHeadline, "——副题");
    assert.equal(ld.datePublished, "2022-11-08");
    assert.equal(ld.inLanguage, "zh-CN");
    assert.deepEqual(ld.author, [
      { "@type": "Person", name: "白丹", url: "https://a.org/reporters/bai-dan/" },
      { "@type": "Person", name: "王筱瑜", url: undefined },
    ]);
    assert.deepEqual(ld.contributor, [{ "@type": "Person", name: "李文超", url: undefined }]);
    assert.deepEqual(ld.contentLocation, { "@type": "Place", name: "玉泉区" });
    assert.equal((ld.isPartOf as { url: string }).url, "https://a.org/issues/2022-11-08/");
  });

  it("gives the printed page, the agency, and the affiliation of the signed author", () => {
    const wire = newsArticleJsonLd({
      data: { ...data, reporters: [], correspondents: [], authors: ["张三"], affiliation: "内蒙古大学", agency: "新华社", page: { no: 5, name: "党建" } },
      url: "u",
      issueUrl: "i",
      personUrl: () => undefined,
    });
    assert.equal(wire.printPage, "5");
    assert.equal(wire.printSection, "党建");
    assert.deepEqual(wire.sourceOrganization, { "@type": "Organization", name: "新华社" });
    assert.deepEqual(wire.author, [
      { "@type": "Person", name: "张三", url: undefined, affiliation: { "@type": "Organization", name: "内蒙古大学" } },
    ]);
  });

  it("gives the affiliation to the reporters when no author signs", () => {
    const ld = newsArticleJsonLd({ data: { ...data, affiliation: "本报驻赤峰记者站" }, url: "u", issueUrl: "i", personUrl: () => undefined });
    const affiliations = (ld.author as { name: string; affiliation?: { name: string } }[]).map((a) => [a.name, a.affiliation?.name]);
    assert.deepEqual(affiliations, [
      ["白丹", "本报驻赤峰记者站"],
      ["王筱瑜", undefined],
    ]);
  });

  it("names an institutional byline as an organization, without a person page", () => {
    const ld = newsArticleJsonLd({
      data: { ...data, reporters: [], correspondents: [], authors: ["本报评论员"] },
      url: "u",
      issueUrl: "i",
      personUrl: () => "https://a.org/reporters/x/",
    });
    assert.deepEqual(ld.author, [{ "@type": "Organization", name: "本报评论员" }]);
  });

  it("leaves out what the article does not have", () => {
    const bare = newsArticleJsonLd({
      data: { ...data, subtitle: null, section: null, reporters: [], correspondents: [], photographers: [], location: null },
      url: "u",
      issueUrl: "i",
      personUrl: () => undefined,
    });
    for (const key of ["alternativeHeadline", "articleSection", "author", "contributor", "contentLocation", "printPage", "printSection", "sourceOrganization"]) {
      assert.equal(key in bare, false, key);
    }
  });
});

describe("serializeJsonLd", () => {
  it("cannot end its script element", () => {
    const json = serializeJsonLd({ headline: data.title, x: "\u2028" });
    assert.equal(json.includes("</"), false);
    assert.equal(json.includes("<"), false);
    assert.deepEqual(JSON.parse(json), { headline: data.title, x: "\u2028" });
  });
});
