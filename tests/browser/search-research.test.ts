// The search page as a researcher uses it: a date range kept in the URL with filters and sort,
// the timeline of matches (its bars add up to the results, a click narrows the range), exact
// phrases and excluded words, and the results exported as RIS and CSV. On a small site of
// generated articles spread over three years (tests/support/fixture-site.ts), built and indexed by
// the test, served from 127.0.0.1 in Chromium; expected results are computed from the articles.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { buildFixtureSite, fixtureArticleUrl, type FixtureArticle, type FixtureSite } from "../support/fixture-site.ts";
import { withGuardedPage } from "../support/page-guards.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";
import { openFilters, openSearch, resultLinks, showAllResults, statusText, submitQuery, waitForSearch } from "../support/search-page.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { underBase } from "../support/test-site.ts";

/** An article of the fixture: its date, title, region and body. */
function article(slug: string, date: string, title: string, text: string, fields: Partial<ArticleFrontmatter> = {}): FixtureArticle {
  return { slug, data: sampleFrontmatter(date, { title, page: { no: 5, name: "党建" }, reporters: ["宋爽"], ...fields }), paragraphs: [text] };
}

const ARTICLES: readonly FixtureArticle[] = [
  article("a-2021-03", "2021-03-05", "春季草原乡村振兴起步", "牧区全面推进乡村振兴，草原合作社开春备耕。", { location: "包头市" }),
  article("b-2021-11", "2021-11-20", "冬季草原基层党建", "基层党建引领草原牧区冬季防灾，党员带头。", { location: "赤峰市" }),
  article("c-2022-01", "2022-01-10", "新年草原乡村新貌", "振兴乡村的新路子在草原上铺开，牧民增收。", { location: "包头市" }),
  article("d-2022-09a", "2022-09-06", "九月草原乡村振兴观察", "草原牧区乡村振兴与党建工作同步推进。", { location: "包头市" }),
  article("e-2022-09b", "2022-09-30", "秋收草原乡村振兴见闻", "草原乡村振兴带来秋收好光景。", { location: "包头市", kind: "photo", photographers: ["白雪"], reporters: [] }),
  article("f-2022-10", "2022-10-15", "十月草原乡村的振兴之路", "乡村的振兴离不开草原人才。", { location: "赤峰市" }),
  article("g-2022-12", "2022-12-31", "年终草原乡村振兴回顾", "回顾一年来草原乡村振兴成效。", { location: "包头市", subtitle: "写在岁末" }),
  article("h-2023-01", "2023-01-01", "元旦草原乡村振兴新篇", "新年伊始，草原乡村振兴再出发，基层党建再加强。", { location: "包头市" }),
  article("i-2023-06", "2023-06-18", "夏日草原乡村振兴调研", "草原乡村振兴调研组深入牧户。", { location: "赤峰市" }),
];

const byUrl = new Map(ARTICLES.map((a) => [fixtureArticleUrl(a), a]));
const textOf = (a: FixtureArticle) => `${a.data.title} ${a.paragraphs.join(" ")} ${a.data.subtitle ?? ""}`;
const urlsWhere = (keep: (a: FixtureArticle) => boolean) => ARTICLES.filter(keep).map(fixtureArticleUrl);
const sorted = (urls: readonly string[]) => [...urls].sort();

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

before(async () => {
  site = await buildFixtureSite("search-research", ARTICLES);
  server = await startStaticServer(site.dist, { base: site.base });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  return withGuardedPage(browser, server.url, run, { context: { acceptDownloads: true } });
}

/** The timeline's bars: key, count and the range a click narrows to. */
function timelineBars(page: Page): Promise<{ key: string; count: number; from: string; to: string; label: string }[]> {
  return page.$$eval("[data-timeline-bar]", (bars) =>
    bars.map((bar) => ({
      key: bar.getAttribute("data-timeline-bar") ?? "",
      count: Number(bar.getAttribute("data-count")),
      from: bar.getAttribute("data-from") ?? "",
      to: bar.getAttribute("data-to") ?? "",
      label: bar.getAttribute("aria-label") ?? "",
    })),
  );
}

/** The number of results the status line gives. */
async function resultCount(page: Page): Promise<number> {
  const match = /(?:找到|共) (\d+) 篇/.exec(await statusText(page));
  return match ? Number(match[1]) : 0;
}

/** The dates of the listed results, in order. */
function resultDates(page: Page): Promise<string[]> {
  return page.$$eval(".search-result time", (times) => times.map((t) => t.getAttribute("datetime") ?? ""));
}

describe("date ranges", () => {
  const inAutumn = (a: FixtureArticle) => a.data.date >= "2022-09-01" && a.data.date <= "2022-12-31";
  const url = `?q=${encodeURIComponent("草原")}&region=${encodeURIComponent("包头市")}&from=2022-09-01&to=2022-12-31&sort=oldest`;

  for (const prefix of ["", "/zh-hant"]) {
    test(`${prefix || "/"}: a range from the URL, with a filter and a sort, restored on reload`, () =>
      withPage(async (page) => {
        await openSearch(page, server.url, `${prefix}/search/${url}`);
        await showAllResults(page);
        const expected = urlsWhere((a) => inAutumn(a) && a.data.location === "包头市").map((u) => prefix + u);
        assert.deepEqual(sorted(await resultLinks(page)), sorted(expected));
        const dates = await resultDates(page);
        assert.deepEqual(dates, [...dates].sort(), "oldest first");
        assert.equal(await resultCount(page), expected.length);
        assert.equal(await page.inputValue("#search-from"), "2022-09-01");
        assert.equal(await page.inputValue("#search-to"), "2022-12-31");
        await page.reload();
        await waitForSearch(page);
        await showAllResults(page);
        assert.deepEqual(sorted(await resultLinks(page)), sorted(expected));
        // The filter counts are within the range too: the regions of the autumn's 草原 articles.
        await openFilters(page);
        const regions = await page.$$eval('[data-search-facets] input[name="region"]', (boxes) =>
          boxes.map((box) => `${(box as HTMLInputElement).value}${box.closest("label")?.querySelector(".search-facet-count")?.textContent ?? ""}`),
        );
        assert.deepEqual(sorted(regions), sorted(["包头市（3）", "赤峰市（1）"]));
      }));
  }

  test("a range typed into the form, one end open, goes into the URL and back", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}`);
      await page.fill("#search-from", "2022-10-01");
      await page.press("#search-from", "Enter");
      await waitForSearch(page);
      assert.equal(new URL(page.url()).searchParams.get("from"), "2022-10-01");
      assert.equal(new URL(page.url()).searchParams.get("to"), null);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(urlsWhere((a) => a.data.date >= "2022-10-01")));
      await page.goBack();
      await waitForSearch(page);
      assert.equal(await page.inputValue("#search-from"), "");
      assert.equal(await resultCount(page), ARTICLES.length);
      await page.goForward();
      await waitForSearch(page);
      await page.click("[data-clear-range]");
      await waitForSearch(page);
      assert.equal(new URL(page.url()).searchParams.get("from"), null);
    }));

  test("a range reaching before the archive's first issue still lets a new query be submitted", () =>
    withPage(async (page) => {
      // The date inputs' min is the first issue; a bar's range (the whole of 2021) starts before it.
      await openSearch(page, server.url, "/search/?from=2021-01-01&to=2021-12-31");
      await submitQuery(page, "草原");
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent("草原")}&from=2021-01-01&to=2021-12-31`);
      assert.equal(await resultCount(page), 2);
    }));
});

describe("the timeline of matches", () => {
  test("its bars add up to the results, by year, then by month; a click narrows the range", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}`);
      let bars = await timelineBars(page);
      assert.deepEqual(
        bars.map((b) => [b.key, b.count]),
        [["2021", 2], ["2022", 5], ["2023", 2]],
      );
      assert.equal(bars.reduce((sum, b) => sum + b.count, 0), await resultCount(page));
      assert.match(bars[1]!.label, /2022年：5 篇/);

      await page.click('[data-timeline-bar="2022"]');
      await waitForSearch(page);
      assert.equal(new URL(page.url()).searchParams.get("from"), "2022-01-01");
      assert.equal(new URL(page.url()).searchParams.get("to"), "2022-12-31");
      bars = await timelineBars(page);
      // A range within two years is drawn by month; months without a match have no link.
      assert.deepEqual(
        bars.map((b) => [b.key, b.count]),
        [["2022-01", 1], ["2022-09", 2], ["2022-10", 1], ["2022-12", 1]],
      );
      assert.equal(await page.locator("[data-search-timeline] svg rect.search-timeline-bar").count(), 4);
      assert.equal(bars.reduce((sum, b) => sum + b.count, 0), await resultCount(page));

      // By keyboard: the bars are links.
      await page.focus('[data-timeline-bar="2022-09"]');
      await page.keyboard.press("Enter");
      await waitForSearch(page);
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent("草原")}&from=2022-09-01&to=2022-09-30`);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(urlsWhere((a) => a.data.date.startsWith("2022-09"))));
      assert.deepEqual((await timelineBars(page)).map((b) => [b.key, b.count]), [["2022-09", 2]]);
    }));

  test("it follows a filter and the query's exclusions", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原 -党建")}&region=${encodeURIComponent("赤峰市")}`);
      const expected = urlsWhere((a) => a.data.location === "赤峰市" && !textOf(a).includes("党建"));
      // 2022-10 to 2023-06 is within two years: by month, the months between without a link.
      assert.deepEqual(
        (await timelineBars(page)).map((b) => [b.key, b.count]),
        [["2022-10", 1], ["2023-06", 1]],
      );
      assert.equal(await page.locator("[data-search-timeline] svg .search-timeline-label").count(), 9);
      assert.equal(await resultCount(page), expected.length);
    }));
});

describe("exact phrases and exclusions", () => {
  const withPhrase = urlsWhere((a) => textOf(a).includes("乡村振兴"));

  for (const query of ['"乡村振兴"', "“乡村振兴”"]) {
    test(`${query} finds only the articles holding 乡村振兴 as written`, () =>
      withPage(async (page) => {
        await openSearch(page, server.url, "/search/");
        await submitQuery(page, query);
        await showAllResults(page);
        assert.deepEqual(sorted(await resultLinks(page)), sorted(withPhrase));
        // 振兴乡村 and 乡村的振兴 hold the words, not the phrase.
        assert.ok(withPhrase.length < urlsWhere((a) => textOf(a).includes("乡村") && textOf(a).includes("振兴")).length);
      }));
  }

  test("乡村振兴 -党建 leaves out the articles holding 党建; the Traditional page does the same with 「鄉村振興」 -黨建", () =>
    withPage(async (page) => {
      const expected = urlsWhere((a) => textOf(a).includes("乡村振兴") && !textOf(a).includes("党建"));
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent('"乡村振兴" -党建')}`);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(expected));
      await openSearch(page, server.url, `/zh-hant/search/?q=${encodeURIComponent(`「${toTraditional("乡村振兴")}」 -${toTraditional("党建")}`)}`);
      await showAllResults(page);
      assert.deepEqual(sorted(await resultLinks(page)), sorted(expected.map((u) => `/zh-hant${u}`)));
      assert.match((await page.textContent("#search-help")) ?? "", /逐篇核對/);
    }));

  test("a phrase combines with a range and the filters count what is kept", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent('"乡村振兴"')}&from=2022-01-01&to=2022-12-31`);
      await showAllResults(page);
      const expected = urlsWhere((a) => textOf(a).includes("乡村振兴") && a.data.date.startsWith("2022"));
      assert.deepEqual(sorted(await resultLinks(page)), sorted(expected));
      await openFilters(page);
      const kinds = await page.$$eval('[data-search-facets] input[name="kind"]', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
      assert.deepEqual(sorted(kinds), ["article", "photo"]);
    }));
});

describe("exporting results", () => {
  /** Clicks an export button and returns the downloaded file's name and text. */
  async function exported(page: Page, format: "ris" | "csv"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${format}"]`)]);
    return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
  }

  test("RIS and CSV of the results, in their order, the same bytes every time", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}&from=2022-09-01&sort=newest`);
      await showAllResults(page);
      const links = await resultLinks(page);
      assert.match(await page.textContent("[data-export=ris]") ?? "", new RegExp(`前 ${links.length} 篇`));

      const ris = await exported(page, "ris");
      assert.equal(ris.name, "search-results-from-2022-09-01.ris");
      const records = ris.text.split("ER  - \r\n").filter((r) => r.trim() !== "");
      assert.equal(records.length, links.length);
      records.forEach((record, i) => {
        const fields = Object.fromEntries(record.trim().split("\r\n").map((line) => [line.slice(0, 2), line.slice(6)]));
        assert.equal(fields["TY"], "NEWS");
        assert.equal(fields["UR"], `${server.url}${underBase(links[i]!, site.base)}`);
        assert.equal(fields["TI"]?.split("：")[0], byUrl.get(links[i]!)!.data.title);
        assert.equal(fields["DA"], byUrl.get(links[i]!)!.data.date.replaceAll("-", "/"));
        assert.equal(fields["SP"], "5");
      });
      assert.match(ris.text, /TI {2}- 年终草原乡村振兴回顾：写在岁末\r\n/);
      assert.match(ris.text, /AU {2}- 白雪\r\n/);
      assert.equal((await exported(page, "ris")).text, ris.text);

      const csv = await exported(page, "csv");
      assert.ok(csv.text.startsWith("\uFEFFid,url,date,title,"));
      const rows = csv.text.slice(1).split("\r\n").filter(Boolean);
      assert.equal(rows.length, links.length + 1);
      assert.ok(rows[1]!.includes(links[0]!));
      assert.equal((await exported(page, "csv")).text, csv.text);
    }));

  test("the Traditional page exports the same records, its buttons in Traditional", () =>
    withPage(async (page) => {
      await openSearch(page, server.url, `/search/?q=${encodeURIComponent("草原")}&from=2022-09-01&sort=newest`);
      const simplified = await exported(page, "ris");
      await openSearch(page, server.url, `/zh-hant/search/?q=${encodeURIComponent("草原")}&from=2022-09-01&sort=newest`);
      assert.equal((await page.textContent("[data-export=csv]"))?.trim(), toTraditional("导出 CSV（前 6 篇）"));
      assert.equal((await exported(page, "ris")).text, simplified.text);
    }));
});

describe("accessibility", () => {
  for (const url of [
    `/search/?q=${encodeURIComponent("草原")}&from=2022-01-01&to=2022-12-31`,
    `/zh-hant/search/?q=${encodeURIComponent("草原")}`,
    `/search/?q=${encodeURIComponent('"乡村振兴" -党建')}`,
  ]) {
    test(`${decodeURIComponent(url)}, with its timeline and export buttons, has no accessibility violations`, () =>
      withPage(async (page) => {
        await openSearch(page, server.url, url);
        assert.ok(await page.isVisible("[data-search-timeline] svg"));
        await openFilters(page);
        const violations = await runAxe(page, { options: { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        assert.equal(violations.length, 0, formatViolations(violations));
      }));
  }
});
