// Rebasing the built site onto a base path: root-relative attributes and the site's absolute URLs,
// idempotent, and nothing else touched.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rebaseAbsolute, rebaseHtml, withBase } from "../../src/lib/config/base-path.ts";
import { parseArchiveConfig } from "../../src/lib/config/archive-config.ts";

const ORIGIN = "https://paper.example.org";
const BASE = "/nx-archive/";

describe("base path", () => {
  test("withBase: root-relative URLs get the base; others, and those that have it, do not", () => {
    assert.equal(withBase("/issues/", BASE), "/nx-archive/issues/");
    assert.equal(withBase("/", BASE), "/nx-archive/");
    assert.equal(withBase("/nx-archive/issues/", BASE), "/nx-archive/issues/");
    assert.equal(withBase("/nx-archive", BASE), "/nx-archive");
    assert.equal(withBase("//cdn.example.org/x.js", BASE), "//cdn.example.org/x.js");
    assert.equal(withBase("#main", BASE), "#main");
    assert.equal(withBase("/issues/", "/"), "/issues/");
  });

  test("rebaseHtml: links, assets, forms and canonical URLs; text, fragments and other sites untouched; twice is once", () => {
    const html =
      `<html><head><link rel="canonical" href="${ORIGIN}/issues/"><link rel="stylesheet" href="/_astro/a.css">` +
      `<script type="application/ld+json">{"url":"${ORIGIN}/articles/x/"}</script></head>` +
      `<body><a href="/issues/">期号 /issues/</a><a href="#main">跳</a><a href="https://other.example.org/issues/">外</a>` +
      `<form action="/search/"></form><img src="/favicon.svg"><p>${ORIGIN}.cn/ 与 /raw/ 字样</p></body></html>`;
    const once = rebaseHtml(html, ORIGIN, BASE);
    assert.equal(rebaseHtml(once, ORIGIN, BASE), once);
    for (const expected of [
      `href="${ORIGIN}/nx-archive/issues/"`,
      'href="/nx-archive/_astro/a.css"',
      `"url":"${ORIGIN}/nx-archive/articles/x/"`,
      'href="/nx-archive/issues/">期号 /issues/</a>',
      'href="#main"',
      'href="https://other.example.org/issues/"',
      'action="/nx-archive/search/"',
      'src="/nx-archive/favicon.svg"',
      `<p>${ORIGIN}.cn/ 与 /raw/ 字样</p>`,
    ]) {
      assert.ok(once.includes(expected), expected);
    }
    assert.equal(rebaseHtml(html, ORIGIN, "/"), html);
  });

  test("rebaseAbsolute: feeds, sitemaps and exports", () => {
    const xml = `<loc>${ORIGIN}/</loc><loc>${ORIGIN}/issues/</loc><link>${ORIGIN}</link>`;
    assert.equal(rebaseAbsolute(xml, ORIGIN, BASE), `<loc>${ORIGIN}/nx-archive/</loc><loc>${ORIGIN}/nx-archive/issues/</loc><link>${ORIGIN}</link>`);
  });

  test("a base path may not begin with one of the site's own folders", () => {
    const config = (base: string) =>
      `name: a\nnewspaper: b\ndescription: c\nurl: ${ORIGIN}\nbase: ${base}\nprovince: 浙江省\nlicence: d\n`;
    assert.equal(parseArchiveConfig(config("/archive/"), "f.yaml").base, "/archive/");
    assert.throws(() => parseArchiveConfig(config("/issues/"), "f.yaml"), /base: \/issues\/ begins with a folder of the site/u);
  });
});

describe("the Traditional mirror of a rebased page (a page an incremental build kept)", () => {
  test("converting a rebased page gives the rebased twin of the page: prefix after the base, the switch back under the base", async () => {
    const { toTraditionalPage } = await import("../../src/lib/site/traditional.ts");
    const page =
      `<html lang="zh-CN"><head><link rel="canonical" href="${ORIGIN}/issues/"></head><body>` +
      `<a href="/issues/">期号</a><a href="/rss.xml">订阅</a>` +
      `<a href="/zh-hant/issues/" hreflang="zh-Hant" lang="zh-Hant" data-script-switch>繁體中文</a></body></html>`;
    const options = { site: ORIGIN, convert: (text: string) => text, base: BASE };
    const twinOfRebased = toTraditionalPage(rebaseHtml(page, ORIGIN, BASE), options);
    const rebasedTwin = rebaseHtml(toTraditionalPage(page, { ...options, base: "/" }), ORIGIN, BASE);
    assert.equal(twinOfRebased, rebasedTwin);
    assert.ok(twinOfRebased.includes('href="/nx-archive/zh-hant/issues/">期号'));
    assert.ok(twinOfRebased.includes('href="/nx-archive/rss.xml"'));
    assert.ok(/href="\/nx-archive\/issues\/" hreflang="zh-CN"/u.test(twinOfRebased), twinOfRebased);
  });
});
