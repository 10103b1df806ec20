import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { languageAlternates } from "../../src/lib/site/locale.ts";
import { traditionalPath } from "../../src/lib/site/paths.ts";
import { toTraditional, toTraditionalPage, toTraditionalUrl } from "../../src/lib/site/traditional.ts";

const SITE = "https://archive.example.org";

describe("toTraditional", () => {
  it("converts characters, not vocabulary", () => {
    assert.equal(toTraditional("内蒙古日报 党建 发展"), "內蒙古日報 黨建 發展");
    assert.equal(toTraditional("软件"), "軟件");
    assert.equal(toTraditional("ABC 123 /issues/"), "ABC 123 /issues/");
  });
});

describe("toTraditionalUrl", () => {
  const table: [string, string][] = [
    ["/", "/zh-hant/"],
    ["/issues/", "/zh-hant/issues/"],
    ["/issues/2/#m-2022-11", "/zh-hant/issues/2/#m-2022-11"],
    ["/search/?q=x", "/zh-hant/search/?q=x"],
    [`${SITE}/articles/2022-11-08/x/`, `${SITE}/zh-hant/articles/2022-11-08/x/`],
    // Files are shared by both scripts.
    ["/raw/2022-11-08_000_x.txt", "/raw/2022-11-08_000_x.txt"],
    ["/articles/2022-11-08/x.md", "/articles/2022-11-08/x.md"],
    ["/rss.xml", "/rss.xml"],
    ["/_astro/a.css", "/_astro/a.css"],
    // Already Traditional, other sites, fragments.
    ["/zh-hant/issues/", "/zh-hant/issues/"],
    ["/zh-hant", "/zh-hant"],
    ["https://example.com/a/", "https://example.com/a/"],
    ["//example.com/a/", "//example.com/a/"],
    [`${SITE}.evil.org/a/`, `${SITE}.evil.org/a/`],
    ["#main", "#main"],
    ["mailto:a@b.c", "mailto:a@b.c"],
  ];
  for (const [input, expected] of table) {
    it(`${input} → ${expected}`, () => assert.equal(toTraditionalUrl(input, SITE), expected));
  }
});

const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>文明新风 · 报纸档案</title>
<link rel="canonical" href="${SITE}/articles/2022-11-08/x/">
<link rel="alternate" hreflang="zh-CN" href="${SITE}/articles/2022-11-08/x/">
<link rel="alternate" hreflang="zh-Hant" href="${SITE}/zh-hant/articles/2022-11-08/x/">
<meta property="og:url" content="${SITE}/articles/2022-11-08/x/">
<meta property="og:title" content="1+1>2 的发展">
<meta property="og:locale" content="zh_CN"><meta property="og:locale:alternate" content="zh_TW">
<script type="application/ld+json">{"headline":"发展","inLanguage":"zh-CN","url":"${SITE}/articles/2022-11-08/x/","isPartOf":{"url":"https://schema.org/"}}</script>
</head><body><a class="skip-link" href="#main">跳到正文</a>
<a class="script-switch" href="/zh-hant/articles/2022-11-08/x/" hreflang="zh-Hant" lang="zh-Hant" data-script-switch="true">繁體中文</a>
<form action="/search/" role="search"><input name="q"></form>
<p>发展 <a href="/issues/2022-11-08/">期号</a> <a href="/raw/a.txt">原始</a> <a href="/articles/2022-11-08/x.md">下载</a></p>
<pre tabindex="0" data-keep-script="true">白丹. 文明新风拂遍青城大地[N]. 内蒙古日报.</pre>
</body></html>`;

describe("toTraditionalPage", () => {
  const out = toTraditionalPage(PAGE, { site: SITE });

  it("converts the text and the title", () => {
    assert.match(out, /<title>文明新風 · 報紙檔案<\/title>/);
    assert.match(out, /<p>發展 /);
  });

  it("switches lang, OpenGraph locale and JSON-LD language", () => {
    assert.match(out, /<html lang="zh-Hant">/);
    assert.match(out, /property="og:locale" content="zh_TW"/);
    assert.match(out, /property="og:locale:alternate" content="zh_CN"/);
    assert.match(out, /"inLanguage":"zh-Hant"/);
  });

  it("points canonical, og:url, JSON-LD urls and page links into /zh-hant/", () => {
    assert.match(out, new RegExp(`<link rel="canonical" href="${SITE}/zh-hant/articles/2022-11-08/x/">`));
    assert.match(out, new RegExp(`property="og:url" content="${SITE}/zh-hant/articles/2022-11-08/x/"`));
    assert.match(out, new RegExp(`"url":"${SITE}/zh-hant/articles/2022-11-08/x/"`));
    assert.match(out, /"isPartOf":\{"url":"https:\/\/schema.org\/"\}/);
    assert.match(out, /<a href="\/zh-hant\/issues\/2022-11-08\/">期號<\/a>/);
    assert.match(out, /<form action="\/zh-hant\/search\/"/);
    assert.match(out, /<a class="skip-link" href="#main">/);
  });

  it("leaves files and hreflang alternates alone", () => {
    assert.match(out, /<a href="\/raw\/a.txt">/);
    assert.match(out, /<a href="\/articles\/2022-11-08\/x.md">/);
    assert.match(out, new RegExp(`hreflang="zh-CN" href="${SITE}/articles/2022-11-08/x/"`));
    assert.match(out, new RegExp(`hreflang="zh-Hant" href="${SITE}/zh-hant/articles/2022-11-08/x/"`));
  });

  it("turns the language switch into the way back, labelled in Simplified", () => {
    assert.match(
      out,
      /<a class="script-switch" href="\/articles\/2022-11-08\/x\/" hreflang="zh-CN" lang="zh-CN" data-script-switch="true">简体中文<\/a>/,
    );
  });

  it("keeps citations in the script they were printed in", () => {
    assert.match(out, /<pre tabindex="0" data-keep-script="true">白丹. 文明新风拂遍青城大地\[N\]. 内蒙古日报.<\/pre>/);
  });

  it("does not break on a '>' inside an attribute", () => {
    assert.match(out, /content="1\+1>2 的發展"/);
  });

  it("leaves an already converted page unchanged", () => {
    assert.equal(toTraditionalPage(out, { site: SITE }), out);
  });

  it("uses the converter it is given, on the text and attribute values, never on markup", () => {
    const seen: string[] = [];
    const page = toTraditionalPage('<p title="甲 乙">甲abc乙 丙</p>', { site: SITE, convert: (t) => (seen.push(t), t.replaceAll("甲", "丁")) });
    assert.equal(page, '<p title="丁 乙">丁abc乙 丙</p>');
    assert.deepEqual(seen, ["甲", "乙", "甲abc乙", "丙"]);
  });

  it("converts as OpenCC converts the whole page, phrases with ASCII in them included", () => {
    const html = '<p class="x" title="里姆斯基-科萨科夫">PN结与SQL注入攻击，伯克希尔-哈撒韦公司，里姆斯基-科萨科夫的乐曲</p>\n<p>发展 头发</p>';
    assert.equal(toTraditionalPage(html, { site: SITE }), toTraditional(html));
    assert.match(toTraditionalPage(html, { site: SITE }), /伯克希爾-哈撒韋公司/);
  });

  it("hands over characters beyond the Basic Multilingual Plane whole, with the text around them", () => {
    // 𠮷 and 𡘙 are surrogate pairs: a stretch split between the halves would send the converter a lone half.
    const seen: string[] = [];
    const html = '<p title="𠮷">𠮷发展 头发𡘙 x𠮷</p><a href="/issues/">𡘙</a>';
    const page = toTraditionalPage(html, { site: SITE, convert: (t) => (seen.push(t), toTraditional(t)) });
    assert.deepEqual(seen, ["𠮷", "𠮷发展", "头发𡘙", "𠮷", "𡘙"]);
    assert.equal(page, '<p title="𠮷">𠮷發展 頭髮𡘙 x𠮷</p><a href="/zh-hant/issues/">𡘙</a>');
    assert.equal(toTraditionalPage(html.replace('<a href="/issues/">', "<a>"), { site: SITE }), toTraditional(html.replace('<a href="/issues/">', "<a>")));
  });
});

describe("locale", () => {
  it("mirrors every path under /zh-hant", () => {
    assert.equal(traditionalPath("/"), "/zh-hant/");
    assert.equal(traditionalPath("/reporters/bai-dan/2/"), "/zh-hant/reporters/bai-dan/2/");
  });

  it("lists both scripts and x-default as alternates", () => {
    assert.deepEqual(languageAlternates("/issues/", SITE), [
      { hreflang: "zh-CN", href: `${SITE}/issues/` },
      { hreflang: "zh-Hant", href: `${SITE}/zh-hant/issues/` },
      { hreflang: "x-default", href: `${SITE}/issues/` },
    ]);
  });
});
