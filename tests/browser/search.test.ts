// The search page, used as a reader uses it, on the production build (dist/, built by the test
// command before the browser tests) served from 127.0.0.1 in Chromium. Expected results are
// read from the articles' frontmatter in content/articles.
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import type { Browser, Page, Response } from "playwright-core";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { collectPageProblems } from "../support/page-guards.ts";
import {
  openFilters,
  openSearch,
  resultLinks,
  setFilter,
  showAllResults,
  statusText,
  submitQuery,
  waitForSearch,
} from "../support/search-page.ts";
import { DIST, readSourceArticles } from "../support/site-paths.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";

const BAN_DENG = "/articles/2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban/";
const articles = readSourceArticles();
const people = (a: (typeof articles)[number]) => [...a.data.reporters, ...a.data.correspondents, ...a.data.photographers, ...a.data.authors];
const sorted = (urls: string[]) => [...urls].sort();

let server: StaticServer;
let browser: Browser;

before(async () => {
  server = await startStaticServer(DIST);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page (own cache) that fails the test on console errors, page errors and off-site requests. */
async function freshPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, problems: collectPageProblems(page, server.url) };
}

async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await freshPage();
  try {
    await run(page);
    assert.deepEqual(problems, []);
  } finally {
    await page.context().close();
  }
}

describe("searching", () => {
  test("议事会 finds the 板凳议事会 article, its excerpt marking the match", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, "/search/");
      await submitQuery(page, "议事会");
      const links = await resultLinks(page);
      assert.ok(links.includes(BAN_DENG), `results: ${links.join(" ")}`);
      const item = page.locator(".search-result", { has: page.locator(`a[href="${BAN_DENG}"]`) });
      assert.match((await item.locator(".search-result-title").textContent()) ?? "", /板凳议事会/);
      assert.match((await item.locator(".search-result-meta").textContent()) ?? "", /2022年11月8日.*宋爽.*包头市/);
      assert.ok((await item.locator(".search-result-excerpt mark").count()) > 0);
      assert.match(await statusText(page), /找到 \d+ 篇文章/);
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent("议事会")}`);
    }));

  test("議事會 (Traditional) finds the same articles as 议事会", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("议事会")}`);
      await showAllResults(page);
      const simplified = await resultLinks(page);
      await submitQuery(page, "議事會");
      await showAllResults(page);
      assert.deepEqual(await resultLinks(page), simplified);
      assert.ok(simplified.includes(BAN_DENG));
      assert.match((await page.textContent("[data-search-note]")) ?? "", /议事会/);
      await submitQuery(page, "鄉村振興");
      assert.match(await statusText(page), /找到 \d+ 篇文章/);
    }));

  test("a name, a column and a county are searchable as text", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("白云鄂博矿区")}`);
      assert.ok((await resultLinks(page)).includes(BAN_DENG));
      await submitQuery(page, "宋爽");
      await showAllResults(page);
      const expected = articles.filter((a) => people(a).includes("宋爽")).map((a) => a.url);
      assert.deepEqual(sorted((await resultLinks(page)).filter((url) => expected.includes(url))), sorted(expected));
    }));

  test("an empty query lists every article, newest first, ten at a time", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, "/search/");
      assert.equal((await resultLinks(page)).length, 10);
      assert.match(await statusText(page), new RegExp(`共 ${articles.length} 篇文章`));
      await page.click("[data-search-more]");
      await waitForSearch(page);
      assert.equal((await resultLinks(page)).length, 20);
      // The first new result takes the focus, so a keyboard reader continues from there.
      assert.equal(await page.evaluate(() => document.activeElement?.closest(".search-result") !== null), true);
      await showAllResults(page);
      const links = await resultLinks(page);
      assert.deepEqual(sorted(links), sorted(articles.map((a) => a.url)));
      const dates = await page.$$eval(".search-result time", (times) => times.map((t) => t.getAttribute("datetime") ?? ""));
      assert.deepEqual(dates, [...dates].sort().reverse());
    }));

  test("sorting by date, oldest first", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("党建")}`);
      await page.selectOption("#search-sort", "oldest");
      await waitForSearch(page);
      assert.match(page.url(), /sort=oldest/);
      await showAllResults(page);
      const dates = await page.$$eval(".search-result time", (times) => times.map((t) => t.getAttribute("datetime") ?? ""));
      assert.ok(dates.length > 1);
      assert.deepEqual(dates, [...dates].sort());
    }));

  test("no results says so, and with filters on offers to remove them", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("量子计算机")}`);
      assert.equal((await resultLinks(page)).length, 0);
      assert.match(await statusText(page), /没有找到/);
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("议事会")}&region=${encodeURIComponent("赤峰市")}&year=2024`);
      assert.match(await statusText(page), /筛选条件/);
      await page.click("[data-search-note] [data-clear-filters]");
      await waitForSearch(page);
      assert.ok((await resultLinks(page)).includes(BAN_DENG));
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent("议事会")}`);
    }));
});

describe("filters", () => {
  test("filtering by a reporter lists exactly that person's articles", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, "/search/");
      await setFilter(page, "person", "宋爽");
      await showAllResults(page);
      const expected = articles.filter((a) => people(a).includes("宋爽")).map((a) => a.url);
      assert.ok(expected.length > 1);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(expected));
      assert.match(page.url(), new RegExp(`person=${encodeURIComponent("宋爽")}`));
    }));

  test("filtering by a region narrows a query's results to that league, with counts that add up", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("党员")}`);
      await showAllResults(page);
      const all = await resultLinks(page);
      await openFilters(page);
      const count = Number(
        (await page.textContent(`label:has(input[name="region"][value="包头市"]) .search-facet-count`))?.replace(/\D/g, ""),
      );
      await setFilter(page, "region", "包头市");
      await showAllResults(page);
      const narrowed = await resultLinks(page);
      const baotou = articles.filter((a) => a.data.location === "包头市").map((a) => a.url);
      assert.ok(narrowed.length > 0 && narrowed.length < all.length);
      assert.equal(narrowed.length, count);
      assert.deepEqual(sorted(narrowed), sorted(all.filter((url) => baotou.includes(url))));
      // Other regions still show what choosing them too would add.
      assert.ok((await page.locator('input[name="region"]:not(:checked)').count()) > 0);
      // Values within one filter are alternatives.
      await setFilter(page, "region", "赤峰市");
      await showAllResults(page);
      const either = articles.filter((a) => a.data.location === "包头市" || a.data.location === "赤峰市").map((a) => a.url);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(all.filter((url) => either.includes(url))));
    }));

  test("a shared URL restores query, filters and sort; back and forward step through them", () =>
    withPage(async (page) => {
      const url = `/search/?q=${encodeURIComponent("议事会")}&person=${encodeURIComponent("宋爽")}&region=${encodeURIComponent("包头市")}&sort=newest`;
      await openSearch(page, server.url, url);
      assert.equal(await page.inputValue("#search-query"), "议事会");
      assert.equal(await page.inputValue("#search-sort"), "newest");
      assert.ok(await page.isChecked('input[name="person"][value="宋爽"]'));
      assert.ok(await page.isChecked('input[name="region"][value="包头市"]'));
      assert.deepEqual(await resultLinks(page), [BAN_DENG]);

      await setFilter(page, "region", "包头市", false);
      assert.ok(!new URL(page.url()).searchParams.has("region"));
      const wider = await resultLinks(page);
      assert.ok(wider.length > 1);
      await page.goBack();
      await waitForSearch(page);
      assert.deepEqual(await resultLinks(page), [BAN_DENG]);
      assert.ok(await page.isChecked('input[name="region"][value="包头市"]'));
      await page.goForward();
      await waitForSearch(page);
      assert.deepEqual(await resultLinks(page), wider);
      await page.reload();
      await waitForSearch(page);
      assert.deepEqual(await resultLinks(page), wider);
      assert.equal(await page.inputValue("#search-query"), "议事会");
    }));
});

describe("the Traditional search page", () => {
  test("shows Traditional text and links into /zh-hant/", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/zh-hant/search/?q=${encodeURIComponent("議事會")}`);
      const links = await resultLinks(page);
      assert.ok(links.includes(`/zh-hant${BAN_DENG}`), `results: ${links.join(" ")}`);
      assert.ok(links.every((href) => href.startsWith("/zh-hant/articles/")));
      const item = page.locator(".search-result", { has: page.locator(`a[href="/zh-hant${BAN_DENG}"]`) });
      assert.match((await item.locator(".search-result-title").textContent()) ?? "", /板凳議事會/);
      assert.match((await item.locator(".search-result-meta").textContent()) ?? "", /記者 宋爽.*包頭市 白雲鄂博礦區/);
      assert.match((await item.locator(".search-result-excerpt").textContent()) ?? "", /議事會/);
      assert.match(await statusText(page), /找到 \d+ 篇文章/);
      assert.equal(await page.textContent("h1"), "搜索");
      await openFilters(page);
      // A filter's value stays Simplified (it is what the index holds); its label is Traditional.
      assert.ok(await page.isVisible('label:has(input[name="region"][value="包头市"]):has-text("包頭市")'));
      // The result's link leads to the Traditional article, whose headline reads as the result's.
      const title = await item.locator(".search-result-title").textContent();
      await page.click(`a[href="/zh-hant${BAN_DENG}"]`);
      await page.waitForURL(`**/zh-hant${BAN_DENG}`);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
      assert.equal(await page.textContent("h1"), title);
    }));
});

describe("quality", () => {
  test("the filters' files are fetched only when the filter panel opens", () =>
    withPage(async (page) => {
      const fetched: string[] = [];
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("议事会")}`);
      assert.deepEqual(fetched.filter((path) => path.endsWith(".pf_filter")), []);
      assert.equal(await page.isVisible("[data-search-facets]"), false);
      await page.focus("[data-filters-toggle]");
      await page.keyboard.press("Enter");
      await waitForSearch(page);
      assert.equal(await page.getAttribute("[data-filters-toggle]", "aria-expanded"), "true");
      assert.ok(fetched.some((path) => path.endsWith(".pf_filter")));
      assert.ok(await page.isVisible('input[name="person"][value="宋爽"]'));
    }));

  for (const url of ["/search/?q=%E8%AE%AE%E4%BA%8B%E4%BC%9A&region=%E5%8C%85%E5%A4%B4%E5%B8%82", "/zh-hant/search/"]) {
    test(`${decodeURIComponent(url)} has no accessibility violations`, () =>
      withPage(async (page) => {
        await openSearch(page, server.url, url);
        const violations = await runAxe(page, { options: { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        assert.equal(violations.length, 0, formatViolations(violations));
      }));
  }

  test("other pages carry a plain search form and load no search code", () =>
    withPage(async (page) => {
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${server.url}${BAN_DENG}`);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(requested.filter((url) => /pagefind|opencc|t2cn|cn2t/.test(url)), []);
      await page.fill("#site-search", "议事会");
      await page.press("#site-search", "Enter");
      await page.waitForURL(/\/search\/\?q=/);
      await waitForSearch(page);
      assert.ok((await resultLinks(page)).includes(BAN_DENG));
    }));
});

/**
 * Bytes on the wire of a response: Pagefind's index files are gzip already and count as stored;
 * everything else counts gzipped, as a compressing server sends it.
 */
async function wireBytes(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  return /\.(pagefind|pf_\w+)$/.test(new URL(response.url()).pathname) ? body.length : gzipSync(body, { level: 9 }).length;
}

interface Download {
  bytes: number;
  files: Map<string, number>;
}

/** Counts every response from now until `action` (and the search it starts) is done. */
async function measure(page: Page, action: () => Promise<void>): Promise<Download> {
  const pending: Promise<void>[] = [];
  const files = new Map<string, number>();
  const listener = (response: Response) => {
    pending.push(wireBytes(response).then((bytes) => void files.set(new URL(response.url()).pathname, bytes)));
  };
  page.on("response", listener);
  await action();
  await page.waitForLoadState("networkidle");
  page.off("response", listener);
  await Promise.all(pending);
  return { bytes: [...files.values()].reduce((sum, n) => sum + n, 0), files };
}

function describeDownload(label: string, download: Download): string {
  const groups = new Map<string, number>();
  for (const [file, bytes] of download.files) {
    const group = /\.pf_fragment$/.test(file)
      ? "fragments"
      : /\.pf_index$/.test(file)
        ? "index chunks"
        : /\.pf_filter$/.test(file)
          ? "filters"
          : /\/pagefind\//.test(file)
            ? "pagefind (js, worker, wasm, entry, meta)"
            : /\/_astro\/(core|traditional-characters|[A-Z]\w+)\.[\w-]+\.js$|traditional-phrases\.json$/.test(file)
              ? "script conversion (OpenCC)"
              : "page (html, css, js)";
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const parts = [...groups].map(([group, bytes]) => `${group} ${(bytes / 1024).toFixed(1)}`);
  return `${label}: ${(download.bytes / 1024).toFixed(1)} KB (${parts.join(", ")})`;
}

describe("download budget", () => {
  // At 10,000 articles a first query may download 300 KB; the seed corpus must stay well inside
  // (the figures are printed, to watch them grow).
  const FIRST = 300 * 1024;
  // A further query is meant to stay under 50 KB, which it does when its words' index chunks are
  // already loaded. A word in a chunk not yet loaded costs that chunk: Pagefind 1.6 cuts its index
  // every 20,000 word positions (pagefind/src/index/mod.rs: chunk_index(word_map, 20000), not an
  // option), about 36 KB gzipped here, and ten result fragments add about 20 KB. Checked at what
  // one new chunk and ten fragments cost, so that anything more shows up.
  const FURTHER = 64 * 1024;

  for (const { name, searchPath, firstQuery, furtherQuery } of [
    { name: "a first query and a further one", searchPath: "/search/", firstQuery: "议事会", furtherQuery: "乡村振兴" },
    { name: "the Traditional page's first query and a further one", searchPath: "/zh-hant/search/", firstQuery: "議事會", furtherQuery: "鄉村振興" },
  ]) {
    test(`${name} stay within budget`, async () => {
      const { page } = await freshPage();
      try {
        const first = await measure(page, () => openSearch(page, server.url, `${searchPath}?q=${encodeURIComponent(firstQuery)}`));
        const further = await measure(page, () => submitQuery(page, furtherQuery));
        console.log(describeDownload(`first query (${searchPath}?q=${firstQuery}, whole page)`, first));
        console.log(describeDownload(`further query (${furtherQuery})`, further));
        assert.ok(first.bytes <= FIRST, describeDownload("first query over budget", first));
        assert.ok(further.bytes <= FURTHER, describeDownload("further query over budget", further));
      } finally {
        await page.context().close();
      }
    });
  }
});
