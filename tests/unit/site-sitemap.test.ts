import assert from "node:assert/strict";
import { test } from "node:test";
import { SITEMAP_INDEX, isSitemapPage, sitemapFiles } from "../../src/lib/site/sitemap.ts";

const SITE = "https://archive.example.org";
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

test("every page and its Traditional twin, in URL order, each with links to both versions", () => {
  const files = sitemapFiles(SITE, ["/issues/", "/", "/issues/"]);
  assert.deepEqual([...files.keys()], ["sitemap-0.xml", SITEMAP_INDEX]);
  const xml = files.get("sitemap-0.xml")!;
  assert.deepEqual(locs(xml), [`${SITE}/`, `${SITE}/issues/`, `${SITE}/zh-hant/`, `${SITE}/zh-hant/issues/`]);
  assert.ok(
    xml.includes(
      `<url><loc>${SITE}/zh-hant/issues/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="${SITE}/issues/"/>` +
        `<xhtml:link rel="alternate" hreflang="zh-Hant" href="${SITE}/zh-hant/issues/"/></url>`,
    ),
  );
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/);
  assert.deepEqual(locs(files.get(SITEMAP_INDEX)!), [`${SITE}/sitemap-0.xml`]);
});

test("a file holds at most the limit; the index lists every file; the same pages give the same bytes", () => {
  const paths = Array.from({ length: 5 }, (_, i) => `/articles/2022-11-08/a-${i}/`);
  const files = sitemapFiles(SITE, paths, 4);
  assert.deepEqual([...files.keys()], ["sitemap-0.xml", "sitemap-1.xml", "sitemap-2.xml", SITEMAP_INDEX]);
  assert.deepEqual([0, 1, 2].map((i) => locs(files.get(`sitemap-${i}.xml`)!).length), [4, 4, 2]);
  assert.deepEqual(locs(files.get(SITEMAP_INDEX)!), [0, 1, 2].map((i) => `${SITE}/sitemap-${i}.xml`));
  assert.deepEqual(sitemapFiles(SITE, [...paths].reverse(), 4), files);
});

test("only pages: not the 404 page, feeds, raw text or Markdown; URLs escaped", () => {
  assert.deepEqual(["/", "/404/", "/rss.xml", "/raw/a.txt", "/articles/2022-11-08/a.md", "/issues/2/"].filter(isSitemapPage), ["/", "/issues/2/"]);
  assert.match(sitemapFiles(SITE, ["/a&b/"]).get("sitemap-0.xml")!, /<loc>https:\/\/archive\.example\.org\/a&#38;b\/<\/loc>/);
});
