import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertParts, excerptParts, facetValues, markTerms, resultLabels, resultView } from "../../src/lib/search/search-results.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";

describe("excerptParts", () => {
  it("splits Pagefind's excerpt into text and marked parts", () => {
    assert.deepEqual(excerptParts("居民<mark>议事</mark>会\u200b召开"), [
      { text: "居民", mark: false },
      { text: "议事", mark: true },
      { text: "会召开", mark: false },
    ]);
  });

  it("returns page text as text: escaped brackets come back, no tag is ever parsed", () => {
    assert.deepEqual(excerptParts("&lt;<mark>script</mark>&gt; 5 & 6"), [
      { text: "<", mark: false },
      { text: "script", mark: true },
      { text: "> 5 & 6", mark: false },
    ]);
    assert.deepEqual(excerptParts("&lt;img src=x onerror=alert(1)&gt;"), [{ text: "<img src=x onerror=alert(1)>", mark: false }]);
  });

  it("joins adjacent marks", () => {
    assert.deepEqual(excerptParts("<mark>议事</mark><mark>会</mark>"), [{ text: "议事会", mark: true }]);
  });
});

describe("markTerms", () => {
  const marks = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

  it("marks the query's words where they stand, instead of Pagefind's neighbouring words", () => {
    const parts = excerptParts("<mark>议事</mark>会、民情<mark>议事</mark>长廊、<mark>社会</mark>共治");
    assert.equal(marks(markTerms(parts, "议事会")), "[议事会]、民情议事长廊、社会共治");
  });

  it("marks every word of a query of several, longest first, Latin letters regardless of case", () => {
    assert.equal(marks(markTerms([{ text: "党建引领 GDP 增长，党建", mark: false }], "党建 gdp")), "[党建]引领 [GDP] 增长，[党建]");
    assert.equal(marks(markTerms([{ text: "乡村振兴", mark: false }], "乡村 乡村振兴")), "[乡村振兴]");
  });

  it("keeps Pagefind's marks when no word of the query is in the excerpt, or there is no query", () => {
    const parts = excerptParts("在<mark>一起</mark>");
    assert.equal(marks(markTerms(parts, "在一起来")), "在[一起]");
    assert.equal(marks(markTerms(parts, null)), "在[一起]");
  });
});

describe("convertParts", () => {
  it("converts a phrase cut by a mark as the whole phrase", () => {
    const parts = excerptParts("理<mark>发</mark>店和头<mark>发</mark>");
    assert.equal(toTraditional("头") + toTraditional("发"), "頭發");
    assert.deepEqual(convertParts(parts, toTraditional), [
      { text: "理", mark: false },
      { text: "髮", mark: true },
      { text: "店和頭", mark: false },
      { text: "髮", mark: true },
    ]);
  });

  it("converts part by part when conversion changes the length", () => {
    const grow = (text: string) => text.replace(/x/g, "xx");
    assert.deepEqual(convertParts([{ text: "ax", mark: false }, { text: "b", mark: true }], grow), [
      { text: "axx", mark: false },
      { text: "b", mark: true },
    ]);
  });
});

describe("resultView", () => {
  const fragment = {
    url: "/articles/2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban/",
    excerpt: "一场“板凳<mark>议事</mark>会”",
    meta: { title: "“板凳议事会” 问题现场办", date: "2022-11-08", kind: "article", byline: "记者 宋爽", location: "包头市", county: "白云鄂博矿区" },
  };

  it("shows a result as indexed on the Simplified page", () => {
    const view = resultView(fragment, { convert: (t) => t, pathPrefix: "" });
    assert.equal(view.url, fragment.url);
    assert.equal(view.title, "“板凳议事会” 问题现场办");
    assert.equal(view.section, "");
    assert.equal(view.byline, "记者 宋爽");
    assert.deepEqual(view.excerpt.map((p) => p.mark), [false, true, false]);
  });

  it("converts every shown text and points into /zh-hant/ on the Traditional page, keeping date and kind codes", () => {
    const convert = (t: string) => t.replace(/议/g, "議").replace(/会/g, "會").replace(/记者/g, "記者").replace(/头/g, "頭");
    const view = resultView(fragment, { convert, pathPrefix: "/zh-hant" });
    assert.equal(view.url, `/zh-hant${fragment.url}`);
    assert.equal(view.title, "“板凳議事會” 问题现场办");
    assert.equal(view.excerpt.map((p) => p.text).join(""), "一场“板凳議事會”");
    assert.equal(view.byline, "記者 宋爽");
    assert.equal(view.location, "包頭市");
    assert.equal(view.date, "2022-11-08");
    assert.equal(view.kind, "article");
  });

  it("shows the printed page and the agency, converted on the Traditional page", () => {
    const wire = { ...fragment, meta: { ...fragment.meta, page: "第2版 要闻", agency: "新华社" } };
    assert.equal(resultView(wire, { convert: (t) => t, pathPrefix: "" }).page, "第2版 要闻");
    const convert = (t: string) => t.replace(/闻/g, "聞").replace(/华/g, "華");
    const view = resultView(wire, { convert, pathPrefix: "/zh-hant" });
    assert.equal(view.page, "第2版 要聞");
    assert.equal(view.agency, "新華社");
  });
});

describe("resultLabels", () => {
  const kinds = { article: "报道", notice: "公告" };
  const view = resultView(
    {
      url: "/articles/2024-10-15/zhao-pin-gong-gao/",
      excerpt: "",
      meta: { title: "招聘公告", date: "2024-10-15", kind: "article", page: "第8版 广告", section: "观潮", agency: "新华社", byline: "记者 宋爽", location: "包头市", county: "白云鄂博矿区" },
    },
    { convert: (t) => t, pathPrefix: "" },
  );

  it("lists kind, page, column, agency, byline and place after the date, leaving out what is not known", () => {
    assert.deepEqual(resultLabels(view, kinds), { tag: null, meta: ["报道", "第8版 广告", "观潮", "新华社", "记者 宋爽", "包头市 白云鄂博矿区"] });
    const bare = { ...view, page: "", section: "", agency: "", byline: "", location: "", county: "" };
    assert.deepEqual(resultLabels(bare, kinds), { tag: null, meta: ["报道"] });
  });

  it("tags a notice with its label, instead of naming its kind among the metadata", () => {
    assert.deepEqual(resultLabels({ ...view, kind: "notice" }, kinds), {
      tag: "公告",
      meta: ["第8版 广告", "观潮", "新华社", "记者 宋爽", "包头市 白云鄂博矿区"],
    });
  });
});

describe("facetValues", () => {
  it("orders by count, then by value, and hides values without results", () => {
    assert.deepEqual(
      facetValues("region", { 包头市: 3, 赤峰市: 5, 通辽市: 0, 乌海市: 3 }, []).map((v) => `${v.value}:${v.count}`),
      ["赤峰市:5", "乌海市:3", "包头市:3"],
    );
  });

  it("keeps a selected value even when nothing matches it", () => {
    assert.deepEqual(facetValues("county", { 玉泉区: 2 }, ["白云鄂博矿区"]), [
      { value: "玉泉区", count: 2, selected: false },
      { value: "白云鄂博矿区", count: 0, selected: true },
    ]);
  });

  it("lists years newest first and kinds in their fixed order", () => {
    assert.deepEqual(facetValues("year", { 2022: 9, 2024: 1, 2023: 4 }, []).map((v) => v.value), ["2024", "2023", "2022"]);
    assert.deepEqual(
      facetValues("kind", { notice: 2, brief: 9, article: 1, photo: 4 }, [], ["article", "commentary", "photo", "brief", "notice"]).map(
        (v) => v.value,
      ),
      ["article", "photo", "brief", "notice"],
    );
  });

  it("lists page names by count, like the other filters", () => {
    assert.deepEqual(facetValues("page", { 党建: 4, 要闻: 7, 经济: 4 }, []).map((v) => v.value), ["要闻", "党建", "经济"]);
  });
});
