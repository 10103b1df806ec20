// The search page, used as a reader uses it, on the production build (dist/, built by the test
// command before the browser tests) served from 127.0.0.1 in Chromium. Expected results are
// read from the articles' frontmatter in content/articles. What the seed articles cannot show
// (page names, agencies, notices) is checked on a small site of generated articles, built and
// indexed by the test itself (tests/support/fixture-site.ts).
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import type { Browser, Page, Response } from "playwright-core";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { buildFixtureSite, fixtureArticleUrl, type FixtureArticle, type FixtureSite } from "../support/fixture-site.ts";
import { collectPageProblems } from "../support/page-guards.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";
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
import { readSourceArticles } from "../support/site-paths.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { seedSite } from "../support/test-site.ts";

const BAN_DENG = "/articles/2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban/";
const seed = await seedSite();
const articles = readSourceArticles(seed.articlesDir);
/** A site path as the pages write it, with the base path. */
const p = seed.path;
const people = (a: (typeof articles)[number]) => [...a.data.reporters, ...a.data.correspondents, ...a.data.photographers, ...a.data.authors];
const sorted = (urls: string[]) => [...urls].sort();

let server: StaticServer;
let browser: Browser;

before(async () => {
  server = await startStaticServer(seed.dist, { base: seed.base });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page (own cache) that fails the test on console errors, page errors and off-site requests. */
async function freshPage(origin: string = server.url): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, problems: collectPageProblems(page, origin) };
}

/** Runs `run` on a fresh page of the site at `origin` (the seed site unless told). */
async function withPage(run: (page: Page) => Promise<void>, origin: string = server.url): Promise<void> {
  const { page, problems } = await freshPage(origin);
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
      const item = page.locator(".search-result", { has: page.locator(`a[href="${p(BAN_DENG)}"]`) });
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
      const item = page.locator(".search-result", { has: page.locator(`a[href="${p(`/zh-hant${BAN_DENG}`)}"]`) });
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
      await page.click(`a[href="${p(`/zh-hant${BAN_DENG}`)}"]`);
      await page.waitForURL(`**/zh-hant${BAN_DENG}`);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
      assert.equal(await page.textContent("h1"), title);
    }));
});

/** The whole paper's items: pages with names and without, wire copy, notices; every body holds 草原. */
const WHOLE_PAPER: readonly FixtureArticle[] = [
  {
    slug: "chun-geng-bei-geng",
    data: sampleFrontmatter("2023-03-01", { title: "全区春耕备耕有序推进", page: { no: 1, name: "要闻" }, order: 1, reporters: ["宋爽"] }),
    paragraphs: ["草原上春耕备耕工作有序推进，农牧民忙着检修农机、调运种子。"],
  },
  {
    slug: "huang-he-sheng-tai",
    data: sampleFrontmatter("2023-03-01", { title: "黄河流域生态保护取得新进展", page: { no: 1, name: "要闻" }, order: 2, agency: "新华社" }),
    paragraphs: ["沿黄各地统筹草原治理和水土保持，流域生态持续向好。"],
  },
  {
    slug: "xian-feng-gang",
    data: sampleFrontmatter("2023-03-01", { title: "党员先锋岗扎根基层", page: { no: 5, name: "党建" }, order: 1, location: "包头市" }),
    paragraphs: ["草原牧区的党员先锋岗扎根基层，为牧民办实事。"],
  },
  {
    slug: "liu-dong-dang-yuan",
    data: sampleFrontmatter("2023-03-01", { title: "流动党员有了新家", page: { no: 5, name: "党建" }, order: 2 }),
    paragraphs: ["外出务工的流动党员在草原新城找到了组织。"],
  },
  {
    slug: "yi-shi-sheng-ming",
    data: sampleFrontmatter("2023-03-01", { title: "遗失声明", kind: "notice", page: { no: 8, name: null }, order: 1 }),
    paragraphs: ["草原牧歌合作社遗失公章一枚，特此声明作废。"],
  },
  {
    slug: "bian-jiang-fa-zhan",
    data: sampleFrontmatter("2024-06-04", { title: "边疆发展谱新篇", page: { no: 1, name: "要闻" }, order: 1, agency: "人民日报" }),
    paragraphs: ["草原儿女奋力书写边疆发展新篇章。"],
  },
  {
    slug: "ru-ye-chan-ye-lian",
    data: sampleFrontmatter("2024-06-04", { title: "乳业产业链延伸增效", page: { no: 3, name: "经济" }, order: 1, reporters: ["宋爽"] }),
    paragraphs: ["草原乳业产业链不断延伸，奶农收入稳步增长。"],
  },
  {
    slug: "wai-mao-zeng-chang",
    data: sampleFrontmatter("2024-06-04", { title: "前五个月外贸进出口增长", page: { no: 3, name: "经济" }, order: 2, agency: "新华社" }),
    paragraphs: ["经草原口岸进出的货物持续增加，外贸进出口保持增长。"],
  },
  {
    slug: "cao-yuan-shu-wu",
    data: sampleFrontmatter("2024-06-04", { title: "草原书屋开进牧户家", order: 4 }),
    paragraphs: ["流动的草原书屋开进了牧户家，孩子们有了新书读。"],
  },
  {
    slug: "zhao-pin-qi-shi",
    data: sampleFrontmatter("2024-06-04", { title: "招聘启事", kind: "notice", page: { no: 8, name: "广告" }, order: 1 }),
    paragraphs: ["草原文化传媒公司招聘编辑两名，有意者请来电。"],
  },
];

const urlsOf = (keep: (data: FixtureArticle["data"]) => boolean) =>
  sorted(WHOLE_PAPER.filter((article) => keep(article.data)).map(fixtureArticleUrl));

/** The values of a filter in the open panel, each with its count: {要闻: 3, …}. */
function facetCounts(page: Page, key: string): Promise<Record<string, number>> {
  return page.$$eval(`[data-search-facets] input[name="${key}"]`, (boxes) =>
    Object.fromEntries(
      boxes.map((box) => [
        (box as HTMLInputElement).value,
        Number(box.closest("label")?.querySelector(".search-facet-count")?.textContent?.replace(/\D/g, "")),
      ]),
    ),
  );
}

/** The label a filter value shows, without its count. */
async function facetLabel(page: Page, key: string, value: string): Promise<string> {
  const text = await page.locator(`label:has(input[name="${key}"][value="${value}"])`).textContent();
  return (text ?? "").replace(/（\d+）/, "").trim();
}

describe("the whole paper: page names, agencies and notices", () => {
  let site: FixtureSite;
  let paper: StaticServer;

  before(async () => {
    site = await buildFixtureSite("search-whole-paper", WHOLE_PAPER);
    paper = await startStaticServer(site.dist, { base: site.base });
  });

  after(async () => {
    await paper?.close();
    site?.remove();
  });

  test("filtering by a page's name (版面) lists that page's articles, combined with the other filters and kept in the URL", () =>
    withPage(async (page) => {
      await openSearch(page, paper.url, `/search/?q=${encodeURIComponent("草原")}`);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), urlsOf(() => true));
      await openFilters(page);
      assert.ok(await page.isVisible('[data-search-facets] legend:text-is("版面")'));
      // Each named page counts its articles; an article whose page has no name counts under none.
      assert.deepEqual(await facetCounts(page, "page"), { 要闻: 3, 党建: 2, 经济: 2, 广告: 1 });

      await setFilter(page, "page", "要闻");
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), urlsOf((data) => data.page.name === "要闻"));
      assert.equal(new URL(page.url()).searchParams.get("page"), "要闻");
      // The other filters count within the page chosen.
      assert.deepEqual(await facetCounts(page, "year"), { 2024: 1, 2023: 2 });
      assert.deepEqual(await facetCounts(page, "agency"), { 新华社: 1, 人民日报: 1 });

      await setFilter(page, "year", "2024");
      assert.deepEqual(await resultLinks(page), urlsOf((data) => data.page.name === "要闻" && data.date.startsWith("2024")));
      // Values of one filter are alternatives.
      await setFilter(page, "page", "经济");
      await showAllResults(page);
      const expected = urlsOf((data) => (data.page.name === "要闻" || data.page.name === "经济") && data.date.startsWith("2024"));
      assert.deepEqual(sorted(await resultLinks(page)), expected);
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent("草原")}&page=${encodeURIComponent("经济")}&page=${encodeURIComponent("要闻")}&year=2024`);

      await page.reload();
      await waitForSearch(page);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), expected);
      assert.ok(await page.isChecked('input[name="page"][value="要闻"]'));
      assert.ok(await page.isChecked('input[name="page"][value="经济"]'));
      await page.goBack();
      await waitForSearch(page);
      assert.deepEqual(await resultLinks(page), urlsOf((data) => data.page.name === "要闻" && data.date.startsWith("2024")));
    }, paper.url));

  test("wire copy is found by its agency, as a filter (来源) and as text, and its result names the agency and the page", () =>
    withPage(async (page) => {
      await openSearch(page, paper.url, `/search/?agency=${encodeURIComponent("新华社")}`);
      assert.deepEqual(sorted(await resultLinks(page)), urlsOf((data) => data.agency === "新华社"));
      assert.ok(await page.isVisible('[data-search-facets] legend:text-is("来源")'));
      assert.deepEqual(await facetCounts(page, "agency"), { 新华社: 2, 人民日报: 1 });
      const item = page.locator(".search-result", { has: page.locator(`a[href="${p("/articles/2023-03-01/huang-he-sheng-tai/")}"]`) });
      assert.equal(await item.locator(".search-result-meta").textContent(), "2023年3月1日 · 报道 · 第1版 要闻 · 新华社");

      await openSearch(page, paper.url, `/search/?q=${encodeURIComponent("人民日报")}`);
      assert.deepEqual(await resultLinks(page), urlsOf((data) => data.agency === "人民日报"));
    }, paper.url));

  test("notices are found, tagged 公告 in the results, and filtered as 公告", () =>
    withPage(async (page) => {
      await openSearch(page, paper.url, `/search/?q=${encodeURIComponent("遗失声明")}`);
      const notice = page.locator(".search-result", { has: page.locator(`a[href="${p("/articles/2023-03-01/yi-shi-sheng-ming/")}"]`) });
      assert.equal(await notice.locator(".search-result-tag").textContent(), "公告");
      assert.ok(await notice.locator(".search-result-tag").isVisible());
      assert.equal(await notice.getAttribute("data-kind"), "notice");
      assert.equal(await notice.locator(".search-result-meta").textContent(), "2023年3月1日 · 第8版");

      await openSearch(page, paper.url, `/search/?q=${encodeURIComponent("草原")}`);
      await showAllResults(page);
      assert.equal(await page.locator(".search-result-tag").count(), 2, "only the notices are tagged");
      await openFilters(page);
      assert.equal(await facetLabel(page, "kind", "notice"), "公告");
      await setFilter(page, "kind", "notice");
      assert.deepEqual(sorted(await resultLinks(page)), urlsOf((data) => data.kind === "notice"));
      assert.equal(new URL(page.url()).searchParams.get("kind"), "notice");
    }, paper.url));

  test("the Traditional search page labels the new filters and tags in Traditional script", () =>
    withPage(async (page) => {
      await openSearch(page, paper.url, `/zh-hant/search/?q=${encodeURIComponent("草原")}&page=${encodeURIComponent("要闻")}`);
      await showAllResults(page);
      const links = await resultLinks(page);
      assert.deepEqual(sorted(links), urlsOf((data) => data.page.name === "要闻").map((url) => `/zh-hant${url}`));
      assert.ok(await page.isVisible('[data-search-facets] legend:text-is("版面")'));
      assert.ok(await page.isVisible('[data-search-facets] legend:text-is("來源")'));
      // The value stays what the index holds; its label reads Traditional.
      assert.ok(await page.isChecked('input[name="page"][value="要闻"]'));
      assert.equal(await facetLabel(page, "page", "要闻"), "要聞");
      assert.equal(await facetLabel(page, "agency", "新华社"), "新華社");
      const wire = page.locator(".search-result", { has: page.locator(`a[href="${p("/zh-hant/articles/2023-03-01/huang-he-sheng-tai/")}"]`) });
      assert.match((await wire.locator(".search-result-meta").textContent()) ?? "", /第1版 要聞 · 新華社/);

      await setFilter(page, "page", "要闻", false);
      await setFilter(page, "kind", "notice");
      assert.equal(await facetLabel(page, "kind", "notice"), "公告");
      const tags = await page.$$eval(".search-result-tag", (spans) => spans.map((span) => span.textContent));
      assert.deepEqual(tags, ["公告", "公告"]);
    }, paper.url));

  test("the filters and a tagged notice have no accessibility violations", () =>
    withPage(async (page) => {
      await openSearch(page, paper.url, `/search/?q=${encodeURIComponent("草原")}&page=${encodeURIComponent("广告")}`);
      assert.equal(await page.locator(".search-result-tag").count(), 1);
      const violations = await runAxe(page, { options: { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      assert.equal(violations.length, 0, formatViolations(violations));
    }, paper.url));
});

describe("quality", () => {
  test("the filters' files are fetched only when the filter panel opens, but for the months' one the timeline counts with", () =>
    withPage(async (page) => {
      const fetched: string[] = [];
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("议事会")}`);
      const before = fetched.filter((path) => path.endsWith(".pf_filter"));
      const bundles = before.map((path) => path.replace(/filter\/[^/]+$/, ""));
      assert.ok(before.length > 0 && new Set(bundles).size === bundles.length, `one filter file per bundle: ${before.join(" ")}`);
      assert.equal(await page.isVisible("[data-search-facets]"), false);
      await page.focus("[data-filters-toggle]");
      await page.keyboard.press("Enter");
      await waitForSearch(page);
      assert.equal(await page.getAttribute("[data-filters-toggle]", "aria-expanded"), "true");
      assert.ok(fetched.filter((path) => path.endsWith(".pf_filter")).length > before.length);
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
      await page.goto(`${server.url}${p(BAN_DENG)}`);
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
