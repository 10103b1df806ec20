// A second paper's archive, made by its config file alone: another newspaper, another province
// (Ningxia), under a sub-path (https://paper.example.org/nx-archive/), without the Traditional
// mirror, from page files named in Chinese and with spaces (tests/fixtures/second-province/).
// Ingested, built and indexed as `npm run build` does, into a temp folder with caches of its
// own, then served under /nx-archive/ and used in Chromium: pages, links, feeds, search, the
// raw text of a Chinese file name and the parse report.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { checkInternalLinks, formatBrokenLinks } from "../support/link-check.ts";
import { withGuardedPage } from "../support/page-guards.ts";
import { openSearch, resultLinks } from "../support/search-page.ts";
import { ROOT } from "../support/site-paths.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { atRootOnly } from "../support/test-site.ts";

const run = promisify(execFile);
const FIXTURE = path.join(ROOT, "tests", "fixtures", "second-province");
const BASE = "/nx-archive/";
const SITE_URL = "https://paper.example.org/nx-archive/";

const work = mkdtempSync(path.join(tmpdir(), "archive-subpath-"));
const dist = path.join(work, "dist");
let server: StaticServer;
let browser: Browser;
// This paper has a base path of its own: the suite's run under $ARCHIVE_TEST_BASE has nothing to add to it.
const ONCE = atRootOnly("this paper has its own base path");

before(
  async () => {
    if (ONCE) return;
    const env = {
      ...process.env,
      ARCHIVE_CONFIG: path.join(FIXTURE, "archive.config.yaml"),
      ARCHIVE_ISSUES_DIR: path.join(FIXTURE, "issues"),
      ARCHIVE_CONTENT_DIR: path.join(work, "articles"),
      ARCHIVE_OUT_DIR: dist,
      ASTRO_TELEMETRY_DISABLED: "1",
    };
    await run(process.execPath, ["scripts/ingest.ts", "--quiet"], { cwd: ROOT, env });
    // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
    const build = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "error" });';
    await run(process.execPath, ["--input-type=module", "-e", build, path.join(work, "astro-cache")], { cwd: ROOT, env, maxBuffer: 16 << 20 });
    await run(process.execPath, ["scripts/index-search.ts", "--cache", path.join(work, "search-cache")], { cwd: ROOT, env });
    // Served as a host serves a project site: the build's folder at /nx-archive/.
    const served = path.join(work, "served");
    mkdirSync(served);
    cpSync(dist, path.join(served, BASE.slice(1, -1)), { recursive: true });
    server = await startStaticServer(served);
    browser = await launchChromium();
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  return withGuardedPage(browser, server.url, run, { strict: true });
}

const open = async (page: Page, url: string) => {
  const response = await page.goto(server.url + url);
  assert.equal(response?.status(), 200, url);
};

/** Every root-relative link, script, stylesheet and form of the page. */
const rootRelativeUrls = (page: Page) =>
  page.$$eval("[href], [src], form[action]", (elements) =>
    elements.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? "").filter((url) => url.startsWith("/")),
  );

describe("a second paper under a sub-path", { skip: ONCE }, () => {
  test("every internal link, script and stylesheet of every page resolves under the base path", async () => {
    const result = await checkInternalLinks(dist, { base: BASE, site: SITE_URL });
    assert.ok(result.checked > 200, `${result.checked} links checked`);
    assert.deepEqual(result.broken, [], formatBrokenLinks(result.broken));
  });

  test("the home page: the config's names, licence and error-report link; links, assets and canonical URL under the base path; no Traditional switch", () =>
    withPage(async (page) => {
      await open(page, BASE);
      assert.match(await page.title(), /塞上报纸档案/u);
      assert.equal((await page.locator(".site-name small").innerText()).trim(), "塞上日报");
      assert.equal(await page.locator("[data-script-switch]").count(), 0);
      assert.equal(await page.locator('link[hreflang="zh-Hant"]').count(), 0);
      const footer = await page.locator(".site-footer").innerText();
      assert.ok(footer.includes("版面文字为测试而写"), footer);
      assert.equal(await page.locator('.site-footer a[href="https://github.com/example/saishang-archive"]').count(), 1);
      assert.equal(await page.locator('link[rel="canonical"]').getAttribute("href"), SITE_URL);
      const urls = await rootRelativeUrls(page);
      assert.ok(urls.length > 20);
      for (const url of urls) assert.ok(url.startsWith(BASE), `${url} is under ${BASE}`);
      // The stylesheet loaded: the page is styled, not bare.
      assert.notEqual(await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily), "");
      assert.ok(await page.evaluate(() => document.styleSheets.length > 0));
    }));

  test("the raw text of a page file named in Chinese opens from its issue page", () =>
    withPage(async (page) => {
      await open(page, `${BASE}issues/2024-10-15/`);
      const link = page.locator('a[type="text/plain"]').filter({ hasText: "要闻版" }).first();
      const href = await link.getAttribute("href");
      assert.equal(href, `${BASE}raw/2024-10-15_%E8%A6%81%E9%97%BB%E7%89%88.txt`);
      const response = await page.request.get(server.url + href);
      assert.equal(response.status(), 200);
      assert.ok((await response.text()).includes("银川加快建设沿黄生态廊道"));
      const spaced = await page.locator('a[type="text/plain"]').filter({ hasText: "第2版" }).first().getAttribute("href");
      assert.equal((await page.request.get(server.url + spaced)).status(), 200, `${spaced}: a name with a space`);
    }));

  test("an article: its page, its region under Ningxia's prefectures, its Markdown, under the base path", () =>
    withPage(async (page) => {
      await open(page, `${BASE}regions/`);
      assert.deepEqual(await page.locator("svg.region-map a").evaluateAll((links) => links.map((a) => a.getAttribute("aria-label")?.split("：")[0])), [
        "银川市",
        "石嘴山市",
        "吴忠市",
        "固原市",
        "中卫市",
      ]);
      assert.equal(await page.locator(".lede").innerText(), "文章按所报道的地市归类；“宁夏”为全区性报道。");
      await page.locator('svg.region-map a[aria-label^="石嘴山市"]').click();
      await page.waitForURL(`**${BASE}regions/shi-zui-shan-shi/`);
      await page.locator("a", { hasText: "平罗：盐碱地变成了良田" }).first().click();
      await page.waitForURL(`**${BASE}articles/2024-10-15/**`);
      assert.ok((await page.locator("main").innerText()).includes("平罗县"));
    }));

  test("feeds, sitemap, robots.txt and data exports give absolute URLs on the configured address", async () => {
    const get = async (url: string) => {
      const response = await fetch(server.url + url);
      assert.equal(response.status, 200, url);
      return response.text();
    };
    const rss = await get(`${BASE}rss.xml`);
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/gu)].map((m) => m[1]!);
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(link.startsWith(SITE_URL), link);
    assert.match(await get(`${BASE}robots.txt`), new RegExp(`Sitemap: ${SITE_URL}sitemap-index\\.xml`, "u"));
    const index = await get(`${BASE}sitemap-index.xml`);
    assert.ok(index.includes(`<loc>${SITE_URL}sitemap-0.xml</loc>`), index);
    const sitemap = await get(`${BASE}sitemap-0.xml`);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    assert.ok(locs.includes(`${SITE_URL}issues/2024-10-15/`));
    for (const loc of locs) assert.ok(loc.startsWith(SITE_URL) && !loc.includes("zh-hant"), loc);
    const data = JSON.parse(await get(`${BASE}data/articles.json`)) as { url: string }[] | { articles: { url: string }[] };
    const records = Array.isArray(data) ? data : data.articles;
    for (const record of records) assert.ok(record.url.startsWith(`${SITE_URL}articles/`), record.url);
    assert.match(readFileSync(path.join(dist, "_headers"), "utf8"), /^\/nx-archive\/_astro\/\*$/mu);
  });

  test("search under the base path: Pagefind loads from /nx-archive/pagefind/ and results link under the base path", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `${BASE}search/?q=${encodeURIComponent("枸杞")}`);
      const results = await resultLinks(page);
      assert.deepEqual(results, [`${BASE}articles/2024-10-15/zhong-wei-sha-po-tou-qu-fa-zhan-gou-qi-chan-ye/`]);
      await page.locator(".search-result-title a").first().click();
      await page.waitForURL(`**${results[0]}`);
      assert.match(await page.locator("h1").innerText(), /枸杞/u);
    }));

  test("the parse report is in Chinese for editors: headings, warning kinds and explanations; file names in Chinese link to their text", () =>
    withPage(async (page) => {
      await open(page, `${BASE}report/`);
      assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
      assert.equal(await page.locator("h1").innerText(), "解析报告");
      const headers = await page.locator("table thead th").allInnerTexts();
      assert.ok(headers.length > 0, "the fixture pages have warnings: one file's copy was interrupted");
      for (const header of headers) assert.match(header, /^\p{Script=Han}+$/u, header);
      const kinds = await page.locator("table tbody td:nth-child(2) span").allInnerTexts();
      for (const kind of kinds) assert.match(kind, /\p{Script=Han}/u, kind);
      assert.ok(await page.locator("details.warning-legend dd").count() > 0);
      // The file cut in its last character is read, and named in its warning.
      const truncated = page.locator("tr", { has: page.locator("code", { hasText: /^truncated-file$/u }) });
      assert.equal(await truncated.count(), 1);
      const row = await truncated.innerText();
      assert.ok(row.includes("文件末尾残缺") && row.includes("2024-10-16_红寺堡（复制中断）.txt"), row);
      const raw = page.locator('a[type="text/plain"]', { hasText: "2024-10-15_要闻版.txt" });
      assert.equal(await raw.getAttribute("href"), `${BASE}raw/2024-10-15_%E8%A6%81%E9%97%BB%E7%89%88.txt`);
    }));
});
