// First results: a reader's first search shows the results of the newest year's bundle while the
// older years' bundle loads, marked as partial, then the complete ranked list. On a small site of
// generated articles over three years (tests/support/fixture-site.ts), whose index is two bundles
// (the newest year alone, the older years together: src/lib/search/index-shards.ts), served from
// 127.0.0.1 (under the run's base path) in Chromium; the older bundle's requests are held back
// (page.route) until the test has looked at the partial state.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { buildFixtureSite, fixtureArticleUrl, type FixtureArticle, type FixtureSite } from "../support/fixture-site.ts";
import { withGuardedPage } from "../support/page-guards.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";
import { openSearch, resultLinks, showAllResults, statusText, waitForSearch } from "../support/search-page.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { underBase } from "../support/test-site.ts";

const PLACES = ["包头市", "赤峰市", "通辽市", "鄂尔多斯市"];

/** An article of `date` whose body holds 草原 `times` times. */
function article(slug: string, date: string, title: string, times: number): FixtureArticle {
  const body = `${"草原牧区的".repeat(times)}${title}，牧民说起这些年的变化。`;
  return { slug, data: sampleFrontmatter(date, { title, page: { no: 5, name: "党建" }, location: PLACES[times % PLACES.length]! }), paragraphs: [body] };
}

// Twelve of the newest year, more than a first page of ten; six of the two years before it.
const NEWEST = Array.from({ length: 12 }, (_, i) => {
  const month = String(1 + (i % 12)).padStart(2, "0");
  return article(`xin-${i + 1}`, `2023-${month}-${String(10 + (i % 9)).padStart(2, "0")}`, `新年草原第${i + 1}篇见闻`, 1 + (i % 4));
});
const OLDER = [
  article("jiu-1", "2021-03-05", "春季草原合作社起步", 3),
  article("jiu-2", "2021-11-20", "冬季草原防灾有序", 1),
  article("jiu-3", "2022-01-10", "新年草原新貌", 5),
  article("jiu-4", "2022-06-18", "夏日草原调研", 2),
  article("jiu-5", "2022-09-30", "秋收草原见闻", 4),
  article("jiu-6", "2022-12-31", "年终草原回顾", 1),
];
const ARTICLES = [...NEWEST, ...OLDER];
const newestUrls = new Set(NEWEST.map(fixtureArticleUrl));

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
/** The older years' bundles (every bundle but the newest). */
let olderBundles: string[];

before(async () => {
  site = await buildFixtureSite("search-partial", ARTICLES);
  server = await startStaticServer(site.dist, { base: site.base });
  browser = await launchChromium();
  const bundles = (await readdir(path.join(site.dist, "pagefind"))).sort().reverse();
  assert.deepEqual(bundles, ["2023", "2021-2022"], "the index is the newest year's bundle and the older years' one");
  olderBundles = bundles.slice(1);
});

after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

interface Held {
  /** Lets the held requests through (and every later one). */
  release(): void;
  /** The page's data-search-state when each held request was made. */
  statesAtRequest: string[];
}

/** Holds back every request for an older bundle's files until released. */
async function holdOlderBundles(page: Page): Promise<Held> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const statesAtRequest: string[] = [];
  const older = new RegExp(`/pagefind/(${olderBundles.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})/`);
  await page.route(
    (url) => older.test(url.pathname),
    async (route) => {
      statesAtRequest.push(await page.evaluate(() => document.querySelector<HTMLElement>("[data-search-root]")?.dataset["searchState"] ?? ""));
      await released;
      await route.continue();
    },
  );
  return { release, statesAtRequest };
}

/** Goes to a search page by its site path ("/search/?q=…", under the site's base path) and waits for its first results. */
async function openPartial(page: Page, url: string): Promise<void> {
  await page.goto(server.url + underBase(url, site.base));
  await page.waitForFunction(() => document.querySelector<HTMLElement>("[data-search-root]")?.dataset["searchState"] === "partial");
}

/** Records every text the status line (the live region) takes, from the page's start. */
async function recordStatus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const texts: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = texts;
    // The whole document from its start: the page's script may fill the line before it is parsed to its end.
    new MutationObserver(() => {
      const status = document.querySelector("[data-search-status]");
      const text = status?.textContent ?? "";
      if (status && text !== "" && text !== texts.at(-1)) texts.push(text);
    }).observe(document, { childList: true, characterData: true, subtree: true });
  });
}

const statusTexts = (page: Page) => page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);

/** The complete list of results of a search URL, on a page that holds nothing back. */
async function completeList(url: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openSearch(page, server.url, url);
    await showAllResults(page);
    return await resultLinks(page);
  } finally {
    await context.close();
  }
}

function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  return withGuardedPage(browser, server.url, run);
}

describe("first results", () => {
  test("a query shows the newest year's results first, marked as partial, then the complete ranked list", () =>
    withPage(async (page) => {
      const url = `/search/?q=${encodeURIComponent("草原")}`;
      const expected = await completeList(url);
      assert.equal(expected.length, ARTICLES.length);

      await recordStatus(page);
      const held = await holdOlderBundles(page);
      await openPartial(page, url);
      const partial = await resultLinks(page);
      // Ten of the newest year's twelve, and nothing of the years still loading.
      assert.equal(partial.length, 10);
      assert.ok(partial.every((link) => newestUrls.has(link)), `partial results: ${partial.join(" ")}`);
      assert.equal(await statusText(page), "2023年的文章中找到 12 篇，正在载入更早年份……");
      assert.equal(await page.getAttribute("[data-search-results]", "aria-busy"), "true");
      // What would mislead while part of the archive is searched waits for the complete list.
      assert.equal(await page.isVisible("[data-search-timeline]"), false);
      assert.equal(await page.isVisible("[data-search-export]"), false);
      assert.equal(await page.isVisible("[data-search-more]"), false);

      held.release();
      await waitForSearch(page);
      assert.equal(await page.getAttribute("[data-search-root]", "data-search-state"), "done");
      assert.equal(await statusText(page), `找到 ${ARTICLES.length} 篇文章。已显示 10 篇。`);
      assert.equal(await page.getAttribute("[data-search-results]", "aria-busy"), null);
      assert.ok(await page.isVisible("[data-search-timeline] svg"));
      // The live region spoke three times: searching, the first results, the complete count.
      assert.deepEqual(await statusTexts(page), ["正在检索……", "2023年的文章中找到 12 篇，正在载入更早年份……", `找到 ${ARTICLES.length} 篇文章。已显示 10 篇。`]);
      await showAllResults(page);
      const complete = await resultLinks(page);
      assert.deepEqual(complete, expected);
      // The newest year's results keep their order within the complete list.
      assert.deepEqual(complete.filter((link) => newestUrls.has(link)).slice(0, partial.length), partial);

      // The older bundle was asked for only once the first results were shown.
      assert.ok(held.statesAtRequest.length > 0);
      assert.deepEqual(new Set(held.statesAtRequest), new Set(["partial"]));
    }));

  test("a listing without a query shows the newest articles first, newest first, and they lead the complete list", () =>
    withPage(async (page) => {
      const expected = await completeList("/search/");
      const held = await holdOlderBundles(page);
      await openPartial(page, "/search/");
      const partial = await resultLinks(page);
      const dates = await page.$$eval(".search-result time", (times) => times.map((t) => t.getAttribute("datetime") ?? ""));
      assert.ok(dates.length === 10 && dates.every((date) => date.startsWith("2023-")));
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.equal(await statusText(page), "2023年共 12 篇文章，正在载入更早年份……");
      held.release();
      await waitForSearch(page);
      await showAllResults(page);
      const complete = await resultLinks(page);
      assert.deepEqual(complete, expected);
      assert.deepEqual(complete.slice(0, partial.length), partial);
    }));

  test("the Traditional page marks its first results in Traditional script, and the partial page has no accessibility violations", () =>
    withPage(async (page) => {
      const held = await holdOlderBundles(page);
      await openPartial(page, `/zh-hant/search/?q=${encodeURIComponent("草原")}`);
      assert.equal(await statusText(page), "2023年的文章中找到 12 篇，正在載入更早年份……");
      assert.ok((await resultLinks(page)).every((link) => link.startsWith("/zh-hant/articles/2023-")));
      const violations = await runAxe(page, { options: { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      assert.equal(violations.length, 0, formatViolations(violations));
      held.release();
      await waitForSearch(page);
      assert.equal(await statusText(page), `找到 ${ARTICLES.length} 篇文章。已顯示 10 篇。`);
    }));

  test("a search within the newest year is complete on its bundle alone, without loading the others", () =>
    withPage(async (page) => {
      const held = await holdOlderBundles(page);
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}&from=2023-01-01`);
      assert.equal(await statusText(page), "找到 12 篇文章。已显示 10 篇。");
      assert.deepEqual(held.statesAtRequest, []);
      held.release();
    }));

  test("a later search, with every bundle loaded, goes straight to its complete list", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}`);
      await page.evaluate(() => {
        const root = document.querySelector<HTMLElement>("[data-search-root]")!;
        const states: string[] = [];
        (window as unknown as { states: string[] }).states = states;
        new MutationObserver(() => states.push(root.dataset["searchState"] ?? "")).observe(root, { attributes: true, attributeFilter: ["data-search-state"] });
      });
      await page.fill("#search-query", "牧民");
      await page.press("#search-query", "Enter");
      await waitForSearch(page);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { states: string[] }).states), ["loading", "done"]);
    }));
});
