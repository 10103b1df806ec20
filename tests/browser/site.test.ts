// The archive as a reader meets it: the seed site (the bundled issues, built by the tests for the
// base path $ARCHIVE_TEST_BASE, tests/support/test-site.ts) served from 127.0.0.1 under its base
// path and read in Chromium. What a page should say is read from the articles the ingest wrote for
// it and the raw issues (content/issues). Paths in the test data are site paths ("/issues/"); the
// pages write them under the base path ("/archive/issues/"), and every link read from a page must
// carry it. Every browser test fails on console errors, page errors, failed requests and requests
// that leave 127.0.0.1.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Browser, BrowserContextOptions, Locator, Page, Response } from "playwright-core";
import { FRONTMATTER_KEYS } from "../../src/lib/article.ts";
import { compareArticles } from "../../src/lib/site/archive.ts";
import { CSV_COLUMNS } from "../../src/lib/site/data-export.ts";
import { KIND_LABEL, ROLE_LABEL, formatPrintedPage } from "../../src/lib/site/format.ts";
import { isInstitutionalByline } from "../../src/lib/site/institutional-byline.ts";
import { ENTRIES_PER_LIST_PAGE } from "../../src/lib/site/site-info.ts";
import { toTraditional } from "../../src/lib/site/traditional.ts";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { collectPageProblems } from "../support/page-guards.ts";
import {
  PAGE_TYPES,
  ROOT,
  TRADITIONAL_PREFIX,
  issueArticles,
  listFiles,
  parseCsv,
  readSourceArticles,
  reporterPath,
  sitePathOf,
  type SourceArticle,
} from "../support/site-paths.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { atRootOnly, seedSite } from "../support/test-site.ts";

const run = promisify(execFile);
const site = await seedSite();
const articles = readSourceArticles(site.articlesDir);
const issueIds = [...new Set(articles.map((a) => a.data.issue))].sort().reverse();
const BAN_DENG = articles.find((a) => a.data.title.includes("板凳议事会"))!;

let server: StaticServer;
let browser: Browser;

before(async () => {
  server = await startStaticServer(site.dist, { base: site.base });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface PageOptions {
  context?: BrowserContextOptions;
  /** The site to read: the seed site unless a test serves one of its own (built for the same base path). */
  site?: StaticServer;
  /** Responses with these statuses are expected, by site path ("/no-such-page/" → 404). */
  expectedStatus?: Record<string, number>;
}

/**
 * Runs `visit` on a fresh page in its own context, then fails on anything that went wrong on
 * the way: console errors, uncaught page errors, dialogs, failed or erroring requests, and any
 * request to somewhere other than the test server.
 */
async function withPage(visit: (page: Page) => Promise<void>, options: PageOptions = {}): Promise<void> {
  const context = await browser.newContext(options.context);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const served = options.site ?? server;
  siteOf.set(page, served);
  const expectedStatus: Record<string, number> = Object.fromEntries(
    Object.entries(options.expectedStatus ?? {}).map(([sitePath, status]) => [site.path(sitePath), status]),
  );
  // A document without a <link rel="icon"> (the raw page text) makes Chromium ask the host's root
  // for /favicon.ico. The archive ships one for a site at the root; under a base path that root
  // belongs to someone else.
  if (site.base !== "/") expectedStatus["/favicon.ico"] ??= 404;
  const problems = collectPageProblems(page, served.url, { strict: true, expectedStatus });
  try {
    await visit(page);
    assert.deepEqual(problems, [], "the page had problems");
  } finally {
    await context.close();
  }
}

/** The site each page reads (withPage's `site`). */
const siteOf = new WeakMap<Page, StaticServer>();

/** Loads a site path (under the base path) and asserts it answered 200. */
async function open(page: Page, sitePath: string): Promise<Response> {
  const response = await page.goto((siteOf.get(page) ?? server).url + site.path(sitePath));
  assert.equal(response?.status(), 200, `GET ${site.path(sitePath)}`);
  return response!;
}

/**
 * A root-relative href (or URL path) as a page writes it, back to its site path: "/archive/issues/"
 * → "/issues/". Fails when it lacks the base path. Fragments, relative and absolute URLs are
 * returned as written.
 */
function fromPage(href: string): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  assert.ok(href.startsWith(site.base), `${href} carries the base path ${site.base}`);
  return site.sitePath(href);
}

/** The site path of the page's address. */
function pagePath(page: Page): string {
  return fromPage(new URL(page.url()).pathname);
}

/** The site's own absolute address of a site path, as canonical links, citations and feeds give it. */
function siteUrl(sitePath: string): string {
  return site.siteUrl + sitePath.replace(/^\//, "");
}

/** Clicks a link as a reader does and waits for the page it leads to; returns that page's site path. */
async function follow(page: Page, link: Locator): Promise<string> {
  const target = new URL((await link.getAttribute("href")) ?? "", page.url());
  // A failing status would be reported by withPage's response listener.
  await Promise.all([page.waitForURL(target.href), link.click()]);
  return pagePath(page);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Fetches a URL (as the page would write it) from within the page (so the request is the browser's own): status, type and text. */
function fetchInPage(page: Page, href: string): Promise<{ status: number; type: string; text: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
  }, href);
}

/** The hrefs of every link matched by `selector`, as site paths (each written with the base path). */
async function hrefs(page: Page, selector: string): Promise<string[]> {
  return (await page.$$eval(selector, (links) => links.map((a) => a.getAttribute("href") ?? ""))).map(fromPage);
}

function people(a: SourceArticle): string[] {
  return [...a.data.reporters, ...a.data.correspondents, ...a.data.photographers, ...a.data.authors];
}

/** The one element matched by `selector` whose text is exactly `name`. */
function linkNamed(page: Page, selector: string, name: string): Locator {
  return page.locator(selector).filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) });
}

function text(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().innerText();
}

describe("reading the archive", () => {
  test("from the home page a reader clicks through to the latest issue, an article, its reporter and its region", () =>
    withPage(async (page) => {
      const latest = issueIds[0]!;
      const items = issueArticles(articles, latest);
      // An article with every kind of link: a column, a reporter, a region, and neighbours on both sides.
      const index = items.findIndex((a, i) => i > 0 && i < items.length - 1 && a.data.section && a.data.reporters.length > 0 && a.data.location);
      assert.ok(index > 0, `the latest issue ${latest} has an article with column, reporter, region and both neighbours`);
      const article = items[index]!;
      const { data } = article;

      await open(page, "/");
      assert.equal(await follow(page, page.locator("#latest-heading a")), `/issues/${latest}/`);
      assert.equal(await follow(page, page.getByRole("link", { name: data.title, exact: true })), article.url);

      // What the article page says about the item.
      assert.equal(await text(page, "main h1"), data.title);
      assert.match(await page.title(), new RegExp(`^${escapeRegExp(data.title)}`));
      const bylineLinks = (await page.$$eval(".byline a", (links) => links.map((a) => ({ name: a.textContent, href: a.getAttribute("href") ?? "" })))).map(
        ({ name, href }) => ({ name, href: fromPage(href) }),
      );
      assert.deepEqual(
        bylineLinks,
        people(article).map((name) => ({ name, href: reporterPath(name) })),
      );
      assert.match(await text(page, ".byline"), new RegExp(`${ROLE_LABEL.reporter}\\s+${data.reporters[0]}`));
      const dateLink = page.locator(`.dateline a[href="${site.path(`/issues/${data.issue}/`)}"]`);
      assert.equal(await dateLink.locator("time").getAttribute("datetime"), data.date);
      const sectionLink = page.locator(".article-kicker a");
      assert.equal(await sectionLink.innerText(), data.section);
      assert.match(fromPage((await sectionLink.getAttribute("href")) ?? ""), /^\/sections\/[a-z0-9-]+\/$/);
      assert.equal(await text(page, ".article-kicker .kind"), KIND_LABEL[data.kind]);
      const regionLink = linkNamed(page, ".dateline a", data.location!);
      assert.match(fromPage((await regionLink.getAttribute("href")) ?? ""), /^\/regions\/[a-z0-9-]+\/$/);
      if (data.county) {
        assert.match(fromPage((await linkNamed(page, ".dateline a", data.county).getAttribute("href")) ?? ""), /^\/regions\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
      }
      assert.deepEqual(await hrefs(page, "nav.neighbours a[rel=prev]"), [items[index - 1]!.url]);
      assert.deepEqual(await hrefs(page, "nav.neighbours a[rel=next]"), [items[index + 1]!.url]);
      assert.ok((await page.locator(".article-body p").count()) > 0, "the body has paragraphs");

      // The citation: both formats, as text a click selects whole for copying.
      const citation = page.locator("section.citation");
      assert.deepEqual(await citation.locator("h3").allInnerTexts(), ["GB/T 7714", "BibTeX"]);
      const [gbt, bibtex] = await citation.locator("pre").all();
      const canonical = siteUrl(article.url);
      assert.match(await gbt!.innerText(), new RegExp(`${escapeRegExp(data.title)}\\[N/OL\\]\\. .*${data.date}\\. ${escapeRegExp(canonical)}$`));
      const bib = await bibtex!.innerText();
      assert.match(bib, /^@article\{/);
      assert.ok(bib.includes(`title = {${data.title}}`) && bib.includes(`url = {${canonical}}`), bib);
      await bibtex!.click();
      assert.equal(await page.evaluate(() => window.getSelection()?.toString()), bib, "a click selects the whole BibTeX entry");

      // The Markdown source, as the ingest wrote it.
      const markdown = page.locator('.source-links a[type="text/markdown"]');
      assert.equal(await markdown.getAttribute("href"), site.path(`/articles/${article.id}.md`));
      assert.notEqual(await markdown.getAttribute("download"), null);
      const md = await fetchInPage(page, site.path(`/articles/${article.id}.md`));
      assert.equal(md.status, 200);
      assert.match(md.type, /^text\/(markdown|plain)/);
      assert.ok(md.text.includes(`title: ${data.title}`), "the Markdown has the title");
      assert.equal(md.text, readFileSync(path.join(site.articlesDir, `${article.id}.md`), "utf8"));

      // Head metadata.
      const jsonLd = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent ?? ""));
      assert.equal(jsonLd.length, 1);
      const ld = JSON.parse(jsonLd[0]!) as Record<string, unknown>;
      assert.equal(ld["@type"], "NewsArticle");
      assert.equal(ld["headline"], data.title);
      assert.equal(ld["datePublished"], data.date);
      assert.equal(ld["url"], canonical);
      assert.equal(await page.getAttribute('link[rel="canonical"]', "href"), canonical);
      assert.equal(await page.getAttribute('meta[property="og:url"]', "content"), canonical);

      // No JavaScript: no script file, no inline script but the JSON-LD.
      const scripts = await page.$$eval("script", (all) => all.map((s) => ({ src: s.getAttribute("src"), type: s.getAttribute("type") })));
      assert.deepEqual(scripts, [{ src: null, type: "application/ld+json" }]);

      // Its reporter's page lists it; back on the article, its region's page lists it too.
      const reporter = data.reporters[0]!;
      assert.equal(await follow(page, linkNamed(page, ".byline a", reporter)), reporterPath(reporter));
      assert.equal(await text(page, "main h1"), reporter);
      assert.ok((await hrefs(page, "ol.items a.title")).includes(article.url), `${reporter}'s page lists ${article.url}`);
      await page.goBack();
      assert.equal(pagePath(page), article.url);
      const regionPath = await follow(page, regionLink);
      assert.match(regionPath, /^\/regions\/[a-z0-9-]+\/$/);
      assert.equal(await text(page, "main h1"), data.location);
      assert.ok((await hrefs(page, "ol.items a.title")).includes(article.url), `${data.location}'s page lists ${article.url}`);
    }));

  test("with JavaScript turned off an article page still shows its title and text", () =>
    withPage(
      async (page) => {
        await open(page, BAN_DENG.url);
        assert.equal(await text(page, "main h1"), BAN_DENG.data.title);
        const body = await page.locator(".article-body").innerText();
        assert.ok(body.includes("板凳议事会") && body.length > 200, "the body text is there");
        assert.ok(await page.locator(".article-body").isVisible());
      },
      { context: { javaScriptEnabled: false } },
    ));

  test("no article page, in either script, carries a script other than its JSON-LD", () => {
    const pages = [...listFiles(path.join(site.dist, "articles"), "index.html"), ...listFiles(path.join(site.dist, "zh-hant", "articles"), "index.html")];
    assert.equal(pages.length, articles.length * 2);
    const offenders = pages.flatMap((file) => {
      const tags = readFileSync(file, "utf8").match(/<script\b[^>]*>/gi) ?? [];
      const bad = tags.filter((tag) => tag !== '<script type="application/ld+json">');
      return bad.length > 0 ? [`${sitePathOf(file, site.dist)}: ${bad.join(" ")}`] : [];
    });
    assert.deepEqual(offenders, []);
  });

  test("a reporter's page lists their articles by role, with OCR misreadings of the name folded in (安黄东 → 安寅东)", () =>
    withPage(async (page) => {
      const name = "安寅东";
      await open(page, "/reporters/");
      assert.equal(await follow(page, page.getByRole("link", { name, exact: true })), reporterPath(name));
      assert.equal(await text(page, "main h1"), name);
      // The misread byline of 2022-11-08 (□本报记者 安黄东) is credited to him.
      const rows = page.locator("ol.items li");
      const border = rows.filter({ has: page.getByRole("link", { name: "边境线上最美一抹红", exact: true }) });
      assert.equal(await border.count(), 1);
      assert.equal(await border.locator("time").getAttribute("datetime"), "2022-11-08");
      assert.ok(!(await page.locator("body").innerText()).includes("安黄东"), "the misreading is not shown as a name");

      const credited = articles.filter((a) => people(a).includes(name));
      const listed = await rows.evaluateAll((lis) =>
        lis.map((li) => ({
          href: li.querySelector("a.title")?.getAttribute("href") ?? "",
          roles: li.querySelector(".meta > span:last-child")?.textContent ?? "",
        })),
      );
      const roleOf = (a: SourceArticle) =>
        (["reporter", "correspondent", "photographer", "author"] as const)
          .filter((role) => a.data[`${role}s`].includes(name))
          .map((role) => ROLE_LABEL[role])
          .join("、");
      assert.deepEqual(
        listed.map(({ href, roles }) => ({ href: fromPage(href), roles })).toSorted((x, y) => x.href.localeCompare(y.href)),
        credited.map((a) => ({ href: a.url, roles: roleOf(a) })).toSorted((x, y) => x.href.localeCompare(y.href)),
      );
      const dates = await rows.locator("time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
      assert.deepEqual(dates, dates.toSorted().reverse(), "newest first");
      const byRole = await text(page, ".lede");
      assert.match(byRole, new RegExp(`${ROLE_LABEL.reporter} ${credited.filter((a) => a.data.reporters.includes(name)).length} 篇`));
      assert.match(byRole, new RegExp(`${ROLE_LABEL.author} ${credited.filter((a) => a.data.authors.includes(name)).length} 篇`));
    }));

  test("the regions page shows a map whose twelve leagues are named links that lead somewhere", () =>
    withPage(async (page) => {
      await open(page, "/regions/");
      const map = page.locator("main svg.region-map");
      assert.equal(await map.count(), 1);
      assert.equal(await map.getAttribute("role"), "group");
      assert.ok((await map.locator("title").first().textContent())?.trim(), "the map has a title");
      const leagues = await map.locator("a").evaluateAll((links) => links.map((a) => ({ name: a.getAttribute("aria-label") ?? "", href: a.getAttribute("href") ?? "" })));
      assert.equal(leagues.length, 12);
      assert.equal(new Set(leagues.map((l) => l.name)).size, 12, "twelve distinct names");
      for (const league of leagues) {
        assert.match(league.name, /^\S+：\d+ 篇$/, "each league link is named with its count");
        assert.equal((await fetchInPage(page, site.path(fromPage(league.href)))).status, 200, league.href);
      }
      // A reader on the keyboard: focus 包头市 on the map and press Enter.
      const baotou = map.getByRole("link", { name: /^包头市：/ });
      await baotou.focus();
      await Promise.all([page.waitForURL(`${server.url}${site.path("/regions/bao-tou-shi/")}`), page.keyboard.press("Enter")]);
      assert.equal(await text(page, "main h1"), "包头市");
    }));

  test("a region page lists the region's articles and breaks them down by county", () =>
    withPage(async (page) => {
      const name = "包头市";
      await open(page, "/regions/");
      await follow(page, page.locator("main table").getByRole("link", { name, exact: true }));
      assert.equal(await text(page, "main h1"), name);
      const inRegion = articles.filter((a) => a.data.location === name);
      assert.deepEqual((await hrefs(page, "ol.items a.title")).toSorted(), inRegion.map((a) => a.url).toSorted());

      const counties = new Map<string, number>();
      for (const a of inRegion) if (a.data.county) counties.set(a.data.county, (counties.get(a.data.county) ?? 0) + 1);
      const breakdown = await page.locator('section[aria-labelledby="counties-heading"] li').evaluateAll((lis) =>
        lis.map((li) => [li.querySelector("a")?.textContent ?? "", li.querySelector(".count")?.textContent ?? ""]),
      );
      assert.deepEqual(
        breakdown.toSorted(),
        [...counties].map(([county, n]) => [county, `${n} 篇`]).toSorted(),
      );
      const [county] = [...counties.keys()];
      await follow(page, page.locator('section[aria-labelledby="counties-heading"]').getByRole("link", { name: county!, exact: true }));
      assert.equal(await text(page, "main h1"), county);
      assert.deepEqual(
        (await hrefs(page, "ol.items a.title")).toSorted(),
        inRegion.filter((a) => a.data.county === county).map((a) => a.url).toSorted(),
      );
    }));

  test("the issues page lists every issue by year and month, newest first", () =>
    withPage(async (page) => {
      await open(page, "/issues/");
      assert.equal(issueIds.length, listFiles(site.issuesDir, ".txt").length, "one issue per raw file");
      const months = (
        await page.locator('main h3[id^="m-"]').evaluateAll((headings) =>
          headings.map((h) => ({
            year: h.closest("section")?.querySelector("h2")?.textContent ?? "",
            month: h.textContent ?? "",
            links: [...(h.nextElementSibling?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href") ?? ""),
          })),
        )
      ).map((month) => ({ ...month, links: month.links.map(fromPage) }));
      const expected: { year: string; month: string; links: string[] }[] = [];
      for (const id of issueIds) {
        const [year, month] = id.split("-").map(Number);
        const label = `${year}年${month}月`;
        let group = expected.at(-1);
        if (group?.month !== label) expected.push((group = { year: `${year}年`, month: label, links: [] }));
        group.links.push(`/issues/${id}/`);
      }
      assert.deepEqual(months, expected);
      // The year/month directory jumps to each month.
      const directory = await hrefs(page, 'nav[aria-labelledby="directory-heading"] a');
      assert.deepEqual(directory, [...new Set(issueIds.map((id) => `/issues/#m-${id.slice(0, 7)}`))]);
      await page.locator('nav[aria-labelledby="directory-heading"] a').last().click();
      assert.equal(new URL(page.url()).hash, `#m-${issueIds.at(-1)!.slice(0, 7)}`);
    }));

  test("an issue page lists its items in page order with their kinds, and links the raw page text byte for byte", () =>
    withPage(async (page) => {
      const issue = "2022-11-08";
      await open(page, "/issues/");
      assert.equal(await follow(page, page.locator(`main a[href="${site.path(`/issues/${issue}/`)}"]`).last()), `/issues/${issue}/`);
      const items = issueArticles(articles, issue);
      const listed = await page.locator("main ol.items > li").evaluateAll((lis) =>
        lis.map((li) => ({
          href: li.querySelector("a.title")?.getAttribute("href") ?? "",
          kind: li.querySelector(".kind")?.className ?? "",
          label: li.querySelector(".kind")?.textContent ?? "",
        })),
      );
      assert.deepEqual(
        listed.map((item) => ({ ...item, href: fromPage(item.href) })),
        items.map((a) => ({ href: a.url, kind: `kind kind-${a.data.kind}`, label: KIND_LABEL[a.data.kind] })),
      );
      assert.ok(new Set(items.map((a) => a.data.kind)).size > 1, "the issue has items of more than one kind");

      const source = items[0]!.data.source;
      const raw = page.locator(`main a[href="${site.path(`/raw/${source}`)}"]`);
      assert.equal(await raw.getAttribute("type"), "text/plain");
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(site.path(`/raw/${source}`))), raw.click()]);
      assert.equal(response.status(), 200);
      assert.match(response.headers()["content-type"] ?? "", /^text\/plain/);
      assert.ok((await response.body()).equals(readFileSync(path.join(site.issuesDir, source))), "the raw text is the original bytes");
    }));

  test("the site answers a browser's request for favicon.ico, made for documents without an icon link", async () => {
    const response = await fetch(server.url + site.path("/favicon.ico"));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "image/x-icon");
    const bytes = Buffer.from(await response.arrayBuffer());
    // An icon directory (reserved 0, type 1) whose first image is a PNG.
    assert.deepEqual([bytes.readUInt16LE(0), bytes.readUInt16LE(2)], [0, 1]);
    assert.ok(bytes.readUInt16LE(4) >= 1, "at least one image");
    const offset = bytes.readUInt32LE(6 + 12);
    assert.ok(bytes.subarray(offset, offset + 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "a PNG image");
  });

  test("the columns page lists every column and a column's page lists its articles", () =>
    withPage(async (page) => {
      await open(page, "/sections/");
      const counts = new Map<string, number>();
      for (const a of articles) if (a.data.section) counts.set(a.data.section, (counts.get(a.data.section) ?? 0) + 1);
      const listed = await page.locator("main ul.tally li").evaluateAll((lis) =>
        lis.map((li) => [li.querySelector("a")?.textContent ?? "", li.querySelector(".count")?.textContent ?? ""]),
      );
      assert.deepEqual(listed.toSorted(), [...counts].map(([name, n]) => [name, `${n} 篇`]).toSorted());
      const column = "学思践悟";
      await follow(page, page.getByRole("link", { name: column, exact: true }));
      assert.equal(await text(page, "main h1"), column);
      assert.deepEqual(
        (await hrefs(page, "ol.items a.title")).toSorted(),
        articles.filter((a) => a.data.section === column).map((a) => a.url).toSorted(),
      );
      const dates = await page.locator("ol.items time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
      assert.deepEqual(dates, dates.toSorted().reverse(), "newest first");
    }));

  test("the statistics page draws its charts as labelled SVG images and groups", () =>
    withPage(async (page) => {
      await open(page, "/stats/");
      const charts = await page.locator("main svg").evaluateAll((svgs) =>
        svgs.map((svg) => {
          const labelledBy = svg.getAttribute("aria-labelledby") ?? "";
          const label = document.getElementById(labelledBy);
          return {
            role: svg.getAttribute("role"),
            titled: label?.tagName === "title" && label.parentElement === svg && (label.textContent ?? "").trim() !== "",
            links: svg.querySelectorAll("a").length,
            namedLinks: [...svg.querySelectorAll("a")].filter((a) => (a.getAttribute("aria-label") ?? "").trim() !== "").length,
          };
        }),
      );
      assert.ok(charts.length >= 4, `${charts.length} charts`);
      for (const chart of charts) {
        assert.ok(chart.role === "img" || chart.role === "group", `role ${chart.role}`);
        assert.ok(chart.titled, "each chart is labelled by its own <title>");
        if (chart.role === "img") assert.equal(chart.links, 0, "an image holds no links");
        assert.equal(chart.namedLinks, chart.links, "every bar that links is named");
      }
      assert.ok(charts.some((c) => c.role === "img") && charts.some((c) => c.role === "group"));
      const counted = articles.filter((a) => a.data.kind !== "notice").length;
      assert.match(await text(page, "main .lede"), new RegExp(`共 ${counted} 篇文章，${issueIds.length} 期`));
    }));

  test("the parse report shows every issue fully covered and links each warning to its article", () =>
    withPage(async (page) => {
      const report = JSON.parse(readFileSync(path.join(site.articlesDir, "parse-report.json"), "utf8")) as {
        issues: { issue: string; source: string; warnings: { article?: string | null }[] }[];
      };
      await open(page, "/report/");
      const sections = page.locator('main section[aria-labelledby^="r-"]');
      assert.equal(await sections.count(), issueIds.length);
      for (const issue of report.issues) {
        const section = page.locator(`main section[aria-labelledby="r-${issue.source}"]`);
        assert.match(await section.innerText(), /覆盖率 100\.0%/, `${issue.source} is fully covered`);
        const rows = section.locator("tbody tr");
        assert.equal(await rows.count(), issue.warnings.length, `${issue.source}: one row per warning`);
        const linked = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td:last-child a")?.getAttribute("href") ?? null));
        assert.deepEqual(
          linked.map((href) => (href === null ? null : fromPage(href))),
          issue.warnings.map((w) => (w.article ? `/articles/${w.article}/` : null)),
        );
      }
      const warned = report.issues.flatMap((i) => i.warnings).find((w) => w.article)!;
      const title = articles.find((a) => a.id === warned.article)!.data.title;
      assert.equal(await follow(page, page.locator(`main td a[href="${site.path(`/articles/${warned.article}/`)}"]`).first()), `/articles/${warned.article}/`);
      assert.equal(await text(page, "main h1"), title);
    }));

  test("the about page says where the text comes from and how to cite and download it", () =>
    withPage(async (page) => {
      await open(page, "/about/");
      assert.equal(await text(page, "main h1"), "关于本档案");
      const body = await page.locator("main").innerText();
      for (const words of ["OCR", "GB/T 7714", "BibTeX", "/zh-hant/"]) assert.ok(body.includes(words), `mentions ${words}`);
      for (const href of await hrefs(page, "main a")) assert.equal((await fetchInPage(page, site.path(href))).status, 200, href);
    }));

  test("an unknown address answers 404 with a page that leads back into the archive", () =>
    withPage(
      async (page) => {
        const response = await page.goto(server.url + site.path("/no-such-page/"));
        assert.equal(response?.status(), 404);
        assert.equal(await text(page, "main h1"), "页面不存在");
        assert.equal(await page.getAttribute('meta[name="robots"]', "content"), "noindex");
        assert.equal(await page.locator('link[rel="canonical"]').count(), 0);
        assert.deepEqual(await hrefs(page, "main a"), ["/", "/issues/", "/reporters/"]);
        assert.equal(await follow(page, page.getByRole("link", { name: "返回首页" })), "/");
      },
      { expectedStatus: { "/no-such-page/": 404 } },
    ));

  test("no list shows more than a page of items, and a list split over pages links each page to the next", () =>
    withPage(async (page) => {
      const lists = listFiles(site.dist, "index.html").filter((file) => /^\/(?:zh-hant\/)?(reporters|regions|sections|report)\//.test(sitePathOf(file, site.dist)) || /^\/(?:zh-hant\/)?issues\/(\d+\/)?$/.test(sitePathOf(file, site.dist)));
      assert.ok(lists.length > 0);
      const paginated: string[] = [];
      for (const file of lists) {
        const html = readFileSync(file, "utf8");
        const items = html.match(/<span class="kind kind-/g)?.length ?? 0;
        assert.ok(items <= ENTRIES_PER_LIST_PAGE, `${sitePathOf(file, site.dist)} lists ${items} items`);
        if (html.includes('class="pagination"')) paginated.push(sitePathOf(file, site.dist));
      }
      for (const first of paginated.filter((p) => !/\/\d+\/$/.test(p))) {
        await open(page, first);
        const numbers: number[] = [];
        while ((await page.locator(".pagination a[rel=next]").count()) > 0) {
          const previous = pagePath(page);
          const next = await follow(page, page.locator(".pagination a[rel=next]"));
          const number = Number(new RegExp(`^${first}(\\d+)/$`).exec(next)?.[1]);
          assert.ok(number > 0, `${next} is a numbered page of ${first}`);
          numbers.push(number);
          assert.deepEqual(await hrefs(page, ".pagination a[rel=prev]"), [previous]);
          assert.match(await text(page, '.pagination [aria-current="page"]'), new RegExp(`第 ${number}( / \\d+)? 页`));
        }
        // A list that grows counts its pages from the oldest (list-pages.ts): older pages count down to 1; a list by size counts up from 2.
        const countsDown = numbers.map((_, i) => numbers.length - i);
        const countsUp = numbers.map((_, i) => i + 2);
        assert.ok([countsDown, countsUp].some((order) => order.join() === numbers.join()), `${first}: pages ${numbers.join(", ")}`);
      }
      if (paginated.length === 0) {
        // Every list fits on one page at the seed's size; the bound above still holds.
        assert.ok(articles.length <= ENTRIES_PER_LIST_PAGE);
      }
    }));
});

describe("the Traditional-script mirror", () => {
  test("an article's Traditional twin is in Traditional characters at the same address under /zh-hant/, and the switch goes both ways", () =>
    withPage(async (page) => {
      const simplified = BAN_DENG.url;
      const traditional = `${TRADITIONAL_PREFIX}${simplified}`;
      const alternates = {
        "zh-CN": siteUrl(simplified),
        "zh-Hant": siteUrl(traditional),
        "x-default": siteUrl(simplified),
      };
      const readAlternates = () =>
        page.$$eval('link[rel="alternate"][hreflang]', (links) => Object.fromEntries(links.map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")])));

      await open(page, simplified);
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      assert.deepEqual(await readAlternates(), alternates);
      assert.match(await text(page, "main h1"), /议事会/);
      const simplifiedLinks = await hrefs(page, "a[href]");

      assert.equal(await follow(page, page.getByRole("link", { name: "繁體中文" })), traditional);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
      assert.deepEqual(await readAlternates(), alternates);
      assert.equal(await page.getAttribute('link[rel="canonical"]', "href"), siteUrl(traditional));
      const title = await text(page, "main h1");
      assert.match(title, /議事會/);
      assert.doesNotMatch(await page.locator("article").innerText(), /议事会/);
      // Same links, same slugs: pages get the prefix, files (Markdown, raw text, feeds) stay shared.
      const traditionalLinks = await hrefs(page, "a[href]");
      assert.deepEqual(
        traditionalLinks,
        simplifiedLinks.map((href) => {
          if (href === traditional) return simplified; // the language switch points back
          return href.startsWith("/") && href.endsWith("/") ? `${TRADITIONAL_PREFIX}${href}` : href;
        }),
      );

      assert.equal(await follow(page, page.getByRole("link", { name: "简体中文" })), simplified);
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      assert.match(await text(page, "main h1"), /议事会/);
    }));
});

// A page's markup is the same under any base path but for its URLs, which the link tests follow.
describe("accessibility", { skip: atRootOnly("the markup axe checks does not change with the base path") }, () => {
  for (const [type, sitePath] of Object.entries(PAGE_TYPES)) {
    test(`the ${type} page has no axe violations in either script, light or dark`, () =>
      withPage(async (page) => {
        const found: string[] = [];
        for (const prefix of ["", TRADITIONAL_PREFIX]) {
          await page.emulateMedia({ colorScheme: "light" });
          await open(page, `${prefix}${sitePath}`);
          for (const colorScheme of ["light", "dark"] as const) {
            await page.emulateMedia({ colorScheme });
            const violations = await runAxe(page);
            if (violations.length > 0) found.push(`${prefix}${sitePath} (${colorScheme}): ${formatViolations(violations)}`);
          }
        }
        assert.deepEqual(found, []);
      }));
  }
});

describe("small screens and budgets", () => {
  for (const [type, sitePath] of [
    ["home", "/"],
    ["article", BAN_DENG.url],
  ] as const) {
    test(`at 360 px wide the ${type} page does not scroll sideways`, () =>
      withPage(
        async (page) => {
          await open(page, sitePath);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `scrollWidth ${width}`);
        },
        { context: { viewport: { width: 360, height: 740 } } },
      ));
  }

  test("every article page, in either script, is at most 12 KB gzipped", () => {
    const BUDGET = 12 * 1024;
    const pages = [...listFiles(path.join(site.dist, "articles"), "index.html"), ...listFiles(path.join(site.dist, "zh-hant", "articles"), "index.html")];
    assert.equal(pages.length, articles.length * 2);
    const sizes = pages.map((file) => ({ page: sitePathOf(file, site.dist), bytes: gzipSync(readFileSync(file)).length }));
    const over = sizes.filter((s) => s.bytes > BUDGET).map((s) => `${s.page}: ${s.bytes} B`);
    assert.deepEqual(over, []);
  });
});

describe("feeds and data", () => {
  test("the RSS feed parses and lists at most 50 items, newest first", () =>
    withPage(async (page) => {
      await open(page, "/");
      const feed = await page.evaluate(async (rss) => {
        const response = await fetch(rss);
        const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
        return {
          status: response.status,
          error: xml.querySelector("parsererror")?.textContent ?? null,
          items: [...xml.querySelectorAll("channel > item")].map((item) => ({
            link: item.querySelector("link")?.textContent ?? "",
            date: Date.parse(item.querySelector("pubDate")?.textContent ?? ""),
          })),
        };
      }, site.path("/rss.xml"));
      assert.equal(feed.status, 200);
      assert.equal(feed.error, null);
      assert.equal(feed.items.length, Math.min(50, articles.filter((a) => a.data.kind !== "notice").length));
      const dates = feed.items.map((i) => i.date);
      assert.ok(dates.every((d) => !Number.isNaN(d)), "every item has a pubDate");
      assert.deepEqual(dates, dates.toSorted((a, b) => b - a), "newest first");
      const newest = articles.map((a) => a.data.date).toSorted().at(-1);
      assert.equal(articles.find((a) => siteUrl(a.url) === feed.items[0]!.link)?.data.date, newest, "the first item is of the newest issue");
      for (const item of feed.items) {
        assert.ok(item.link.startsWith(site.siteUrl), `${item.link} is on the site (${site.siteUrl})`);
        assert.ok(existsSync(path.join(site.dist, item.link.slice(site.siteUrl.length), "index.html")), item.link);
      }
    }));

  test("the sitemap lists every page in both scripts, and robots.txt points to it", () => {
    const robots = readFileSync(path.join(site.dist, "robots.txt"), "utf8");
    assert.ok(robots.includes(`Sitemap: ${siteUrl("/sitemap-index.xml")}`), robots);
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const sitemaps = locs(readFileSync(path.join(site.dist, "sitemap-index.xml"), "utf8"));
    for (const sitemap of sitemaps) assert.ok(sitemap.startsWith(site.siteUrl), `${sitemap} is on the site (${site.siteUrl})`);
    const listed = new Set(sitemaps.flatMap((sitemap) => locs(readFileSync(path.join(site.dist, sitemap.slice(site.siteUrl.length)), "utf8"))));
    const pages = listFiles(site.dist, "index.html").map((file) => siteUrl(sitePathOf(file, site.dist)));
    assert.ok(pages.some((p) => p.includes("/zh-hant/articles/")));
    assert.deepEqual(pages.filter((p) => !listed.has(p)), [], "pages missing from the sitemap");
    assert.deepEqual([...listed].filter((loc) => !pages.includes(loc)), [], "sitemap entries that are not pages");
  });

  test("articles.json has one entry per article with every frontmatter field", () => {
    const json = JSON.parse(readFileSync(path.join(site.dist, "data", "articles.json"), "utf8")) as Record<string, unknown>[];
    assert.equal(json.length, articles.length);
    assert.equal(json.length, 46, "the seed issues hold 46 items");
    assert.deepEqual(json.map((e) => e["id"]).toSorted(), articles.map((a) => a.id).toSorted());
    for (const entry of json) {
      const missing = FRONTMATTER_KEYS.filter((key) => !(key in entry));
      assert.deepEqual(missing, [], `${String(entry["id"])} lacks ${missing.join(", ")}`);
    }
  });

  test("articles.csv starts with a UTF-8 BOM and parses (RFC 4180) to a header and one record per article", () => {
    const bytes = readFileSync(path.join(site.dist, "data", "articles.csv"));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString("utf8"));
    assert.equal(records.length, articles.length + 1);
    assert.equal(records.length, 47);
    const [header, ...rows] = records;
    assert.deepEqual(header, [...CSV_COLUMNS]);
    assert.ok(header!.includes("page_no") && header!.includes("page_name"), "the page in two columns");
    for (const row of rows) assert.equal(row.length, header!.length, `record ${row[0]} has ${row.length} fields`);
    assert.deepEqual(rows.map((r) => r[0]).toSorted(), articles.map((a) => a.id).toSorted());
  });
});

// The seed pages print neither page number nor name; a paper of several pages is built here from
// the whole-paper fixture issue, ingested and built as `npm run build` does, into a temp folder
// with caches of its own. What the pages should show is read from what the ingest wrote.
describe("a whole paper: an issue printed on several pages", () => {
  const FIXTURE = path.join(ROOT, "tests", "fixtures", "whole-paper", "issue-b");
  const work = mkdtempSync(path.join(tmpdir(), "archive-site-paper-"));
  const articlesDir = path.join(work, "articles");
  let paper: StaticServer;
  let items: SourceArticle[] = [];
  let issue = "";

  before(
    async () => {
      const issues = path.join(work, "issues");
      mkdirSync(issues);
      for (const file of readdirSync(FIXTURE).filter((f) => f.endsWith(".txt"))) copyFileSync(path.join(FIXTURE, file), path.join(issues, file));
      const env = {
        ...process.env,
        ARCHIVE_ISSUES_DIR: issues,
        ARCHIVE_CONTENT_DIR: articlesDir,
        ARCHIVE_OUT_DIR: path.join(work, "dist"),
        // Built for the seed site's address and base path, and served under it.
        ARCHIVE_SITE_URL: site.siteUrl,
        ASTRO_TELEMETRY_DISABLED: "1",
      };
      await run(process.execPath, ["scripts/ingest.ts", "--in", issues, "--out", articlesDir], { cwd: ROOT, env });
      // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
      const build = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "error" });';
      await run(process.execPath, ["--input-type=module", "-e", build, path.join(work, "astro-cache")], { cwd: ROOT, env, maxBuffer: 16 << 20 });
      items = readSourceArticles(articlesDir).sort(compareArticles);
      issue = items[0]!.data.issue;
      paper = await startStaticServer(path.join(work, "dist"), { base: site.base });
    },
    { timeout: 600_000 },
  );

  after(async () => {
    await paper?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const onPage = (no: number) => items.filter((a) => a.data.page.no === no);
  const pageNumbers = () => [...new Set(items.map((a) => a.data.page.no))].filter((no) => no !== null).sort((a, b) => a - b);

  test("the issue page lists its pages in order, each with its items as printed, its staff and its teasers", () =>
    withPage(
      async (page) => {
        const numbers = pageNumbers();
        assert.ok(numbers.length > 1, "the fixture issue has several numbered pages");
        await open(page, `/issues/${issue}/`);
        const nav = page.getByRole("navigation", { name: "版面导航" });
        assert.deepEqual(
          await nav.locator("a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")])),
          numbers.map((no) => [formatPrintedPage(onPage(no)[0]!.data.page), `#page-${no}`]),
        );
        for (const no of numbers) {
          const section = page.locator(`#page-${no}`);
          assert.equal(await section.locator("h2").first().innerText(), formatPrintedPage(onPage(no)[0]!.data.page));
          const listed = await section.locator("ol.items a.title").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
          assert.deepEqual(listed.map(fromPage), onPage(no).map((a) => a.url), `page ${no} in printed order`);
        }

        // Staff and teasers as the parse report gives them, each on its own page.
        const report = JSON.parse(readFileSync(path.join(articlesDir, "parse-report.json"), "utf8")) as {
          issues: { page: { no: number | null; staff: { role: string; names: string[] }[]; teasers: { text: string }[] } }[];
        };
        const staffed = report.issues.filter((entry) => entry.page.no !== null && entry.page.staff.length > 0);
        assert.ok(staffed.length > 0, "the fixture pages name their staff");
        for (const { page: printed } of staffed) {
          const staff = await page.locator(`#page-${printed.no} .page-staff`).innerText();
          for (const { role, names } of printed.staff) assert.ok(staff.includes(`${role}：${names.join("、")}`), `page ${printed.no}: ${staff}`);
        }
        const teasers = page.locator(".teasers li");
        assert.equal(await teasers.count(), report.issues.reduce((n, entry) => n + entry.page.teasers.length, 0));
        assert.ok((await teasers.count()) > 0, "the front page has teasers");
        for (const href of await hrefs(page, ".teasers a")) {
          if (href.startsWith("#")) assert.equal(await page.locator(href).count(), 1, `${href} is a page of this issue`);
          else assert.ok(items.some((a) => a.url === href), `${href} is an article`);
        }

        // The page list leads to each page.
        const last = numbers.at(-1)!;
        await nav.locator(`a[href="#page-${last}"]`).click();
        assert.equal(new URL(page.url()).hash, `#page-${last}`);
        assert.ok(await page.locator(`#page-${last}`).isVisible());
      },
      { site: paper },
    ));

  test("an article printed under a kicker (引题) shows it over its headline", () =>
    withPage(
      async (page) => {
        const kicked = items.find((a) => a.data.kicker !== null);
        assert.ok(kicked, "the fixture has a headline printed under a kicker");
        await open(page, kicked.url);
        const header = page.locator(".article-header");
        assert.equal(await header.locator(".printed-kicker").innerText(), kicked.data.kicker);
        assert.equal(await header.locator("h1").innerText(), kicked.data.title);
      },
      { site: paper },
    ));

  test("an article shows its page by the date, its agency and the affiliation with the byline, and both citations give the page", () =>
    withPage(
      async (page) => {
        const wire = items.find((a) => a.data.page.no !== null && a.data.agency !== null);
        const signed = items.find((a) => a.data.affiliation !== null && a.data.authors.length > 0);
        assert.ok(wire && signed, "the fixture has a wire item and an author with an affiliation");

        await open(page, wire.url);
        const no = wire.data.page.no!;
        const pageLink = page.locator(`.dateline a[href="${site.path(`/issues/${issue}/#page-${no}`)}"]`);
        assert.equal(await pageLink.innerText(), formatPrintedPage(wire.data.page));
        assert.equal(await text(page, ".dateline .agency"), `来源：${wire.data.agency}`);
        const [gbt, bibtex] = await page.locator("section.citation pre").all();
        assert.ok((await gbt!.innerText()).includes(`, ${wire.data.date}(${no}). `), await gbt!.innerText());
        assert.ok((await bibtex!.innerText()).includes(`  pages = {${no}},`));
        const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
        assert.equal(ld["printPage"], String(no));
        assert.deepEqual(ld["sourceOrganization"], { "@type": "Organization", name: wire.data.agency });
        await pageLink.click();
        assert.equal(pagePath(page) + new URL(page.url()).hash, `/issues/${issue}/#page-${no}`);

        await open(page, signed.url);
        assert.equal(await text(page, ".byline .affiliation"), `（${signed.data.affiliation}）`);
      },
      { site: paper },
    ));

  test("an institutional byline (本报评论员) is shown as text and has no reporter page", () =>
    withPage(
      async (page) => {
        const editorial = items.find((a) => a.data.authors.some(isInstitutionalByline));
        assert.ok(editorial, "the fixture has an editorial");
        const name = editorial.data.authors.find(isInstitutionalByline)!;
        await open(page, editorial.url);
        assert.ok((await text(page, ".byline")).includes(name));
        assert.deepEqual(await page.locator(".byline a").filter({ hasText: name }).count(), 0);
        assert.equal(existsSync(path.join(work, "dist", reporterPath(name), "index.html")), false);
        await open(page, "/reporters/");
        assert.equal(await page.locator("main table").getByText(name, { exact: true }).count(), 0);
      },
      { site: paper },
    ));

  test("the issue page and an article page of the paper have no axe violations, light or dark, and fit 360 px", () =>
    withPage(
      async (page) => {
        const wire = items.find((a) => a.data.page.no !== null && a.data.agency !== null)!;
        const found: string[] = [];
        for (const sitePath of [`/issues/${issue}/`, `${TRADITIONAL_PREFIX}/issues/${issue}/`, wire.url]) {
          await page.emulateMedia({ colorScheme: "light" });
          await open(page, sitePath);
          for (const colorScheme of ["light", "dark"] as const) {
            await page.emulateMedia({ colorScheme });
            const violations = await runAxe(page);
            if (violations.length > 0) found.push(`${sitePath} (${colorScheme}): ${formatViolations(violations)}`);
          }
          await page.setViewportSize({ width: 360, height: 740 });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `${sitePath}: scrollWidth ${width} at 360 px`);
          await page.setViewportSize({ width: 1280, height: 800 });
        }
        assert.deepEqual(found, []);
      },
      { site: paper },
    ));

  test("notices are marked 公告 on their issue page and left out of the feed and the statistics", () =>
    withPage(
      async (page) => {
        const notices = items.filter((a) => a.data.kind === "notice");
        assert.ok(notices.length > 0, "the fixture has notices");
        await open(page, `/issues/${issue}/`);
        for (const notice of notices) {
          const item = page.locator("ol.items > li").filter({ has: page.locator(`a.title[href="${site.path(notice.url)}"]`) });
          assert.equal(await item.locator(".kind").innerText(), KIND_LABEL.notice);
        }
        const feed = (await fetchInPage(page, site.path("/rss.xml"))).text;
        for (const notice of notices) assert.equal(feed.includes(notice.url), false, `${notice.url} is not in the feed`);
        await open(page, "/stats/");
        assert.match(await text(page, "main .lede"), new RegExp(`共 ${items.length - notices.length} 篇文章`));
        await open(page, notices[0]!.url);
        assert.equal(await text(page, ".article-kicker .kind"), KIND_LABEL.notice);
      },
      { site: paper },
    ));

  test("citation managers get the page number, and notices are never related articles nor have any", () =>
    withPage(
      async (page) => {
        const numbered = items.find((a) => a.data.page.no !== null && a.data.kind !== "notice")!;
        await open(page, numbered.url);
        assert.equal(await page.locator('head meta[name="citation_firstpage"]').getAttribute("content"), String(numbered.data.page.no));
        const ris = (await fetchInPage(page, site.path(`${numbered.url.slice(0, -1)}.ris`))).text;
        assert.ok(ris.includes(`\r\nSP  - ${numbered.data.page.no}\r\n`), ris);
        const notices = new Set(items.filter((a) => a.data.kind === "notice").map((a) => a.url));
        for (const item of items) {
          const html = readFileSync(path.join(work, "dist", item.url, "index.html"), "utf8");
          const related = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
          if (notices.has(item.url)) assert.equal(related, "", `${item.url} is a notice and lists no related articles`);
          // Its link, with the base path or without it.
          for (const notice of notices) assert.equal(related.includes(`${notice}"`), false, `${item.url} lists the notice ${notice}`);
        }
      },
      { site: paper },
    ));
});

describe("researchers and readers: citation managers, related articles, on this day, the text as data", () => {
  /** The <meta name content> tags of the page's head, in order. */
  const metaTags = (page: Page, prefix: string) =>
    page.$$eval(`head meta[name^="${prefix}"]`, (tags) => tags.map((tag) => [tag.getAttribute("name") ?? "", tag.getAttribute("content") ?? ""] as [string, string]));

  test("an article's head carries Highwire and Dublin Core tags, kept as printed in the Traditional twin", () =>
    withPage(async (page) => {
      await open(page, BAN_DENG.url);
      const highwire = await metaTags(page, "citation_");
      const value = (name: string) => highwire.filter(([n]) => n === name).map(([, c]) => c);
      assert.deepEqual(value("citation_title"), [BAN_DENG.data.subtitle ? `${BAN_DENG.data.title}：${BAN_DENG.data.subtitle}` : BAN_DENG.data.title]);
      assert.deepEqual(value("citation_author"), [...BAN_DENG.data.reporters, ...BAN_DENG.data.correspondents]);
      assert.deepEqual(value("citation_publication_date"), [BAN_DENG.data.date.replaceAll("-", "/")]);
      assert.deepEqual(value("citation_journal_title"), ["内蒙古日报"]);
      assert.deepEqual(value("citation_language"), ["zh"]);
      assert.deepEqual(value("citation_public_url"), [siteUrl(BAN_DENG.url)]);
      const dc = new Map(await metaTags(page, "DC."));
      assert.equal(dc.get("DC.date"), BAN_DENG.data.date);
      assert.equal(dc.get("DC.identifier"), siteUrl(BAN_DENG.url));
      for (const name of ["DC.title", "DC.creator", "DC.type", "DC.publisher", "DC.language", "DC.source"]) assert.ok(dc.get(name), name);

      await open(page, `${TRADITIONAL_PREFIX}${BAN_DENG.url}`);
      const twin = await metaTags(page, "citation_");
      assert.deepEqual(
        twin.filter(([n]) => n !== "citation_public_url" && n !== "citation_fulltext_html_url"),
        highwire.filter(([n]) => n !== "citation_public_url" && n !== "citation_fulltext_html_url"),
        "the Traditional page cites the title as printed",
      );
      assert.deepEqual(twin.find(([n]) => n === "citation_public_url"), ["citation_public_url", siteUrl(`${TRADITIONAL_PREFIX}${BAN_DENG.url}`)]);
    }));

  test("an article offers RIS and CSL-JSON beside the Markdown, in both scripts, and they describe the article", () =>
    withPage(async (page) => {
      for (const prefix of ["", TRADITIONAL_PREFIX]) {
        await open(page, `${prefix}${BAN_DENG.url}`);
        const links = await hrefs(page, ".source-links a[download]");
        const stem = BAN_DENG.url.slice(0, -1);
        assert.deepEqual(links, [`${stem}.md`, `${stem}.ris`, `${stem}.json`]);
        const ris = await fetchInPage(page, site.path(`${stem}.ris`));
        assert.equal(ris.status, 200);
        assert.match(ris.text, /^TY {2}- NEWS\r\n/);
        assert.ok(ris.text.includes(`\r\nTI  - ${BAN_DENG.data.title}`), ris.text);
        assert.ok(ris.text.includes(`\r\nDA  - ${BAN_DENG.data.date.replaceAll("-", "/")}\r\n`));
        assert.ok(ris.text.includes(`\r\nUR  - ${siteUrl(BAN_DENG.url)}\r\n`));
        assert.ok(ris.text.endsWith("\r\nER  - \r\n"));
        const csl = await fetchInPage(page, site.path(`${stem}.json`));
        const [item] = JSON.parse(csl.text) as Record<string, unknown>[];
        assert.equal(item!["type"], "article-newspaper");
        assert.equal(item!["URL"], siteUrl(BAN_DENG.url));
        assert.deepEqual(item!["issued"], { "date-parts": [BAN_DENG.data.date.split("-").map(Number)] });
      }
    }));

  test("an article lists up to five related articles from other issues, never a notice, each a working link", () =>
    withPage(async (page) => {
      const byUrl = new Map(articles.map((a) => [a.url, a]));
      let listed = 0;
      for (const article of articles.filter((a) => a.data.kind !== "notice").slice(0, 12)) {
        await open(page, article.url);
        const related = await hrefs(page, "section.related a.title");
        assert.ok(related.length <= 5, `${article.url}: ${related.length}`);
        for (const href of related) {
          const other = byUrl.get(href);
          assert.ok(other, `${href} is an article`);
          assert.notEqual(other.data.issue, article.data.issue, `${href} is from another issue`);
          assert.notEqual(other.data.kind, "notice");
        }
        listed += related.length;
      }
      assert.ok(listed > 0, "some article has related articles");
      await open(page, BAN_DENG.url);
      const first = page.locator("section.related a.title").first();
      assert.equal(await page.getByRole("heading", { name: "相关文章" }).count(), 1);
      await follow(page, first);
    }));

  test("the home page shows what was printed on today's date in earlier years, refreshed for the reader's day, in both scripts", async () => {
    const day = "2022-11-08";
    const printed = articles.filter((a) => a.data.date === day && a.data.kind !== "notice");
    for (const prefix of ["", TRADITIONAL_PREFIX]) {
      await withPage(async (page) => {
        // A reader on 8 November 2025: the build's day is another, so the script fetches this day's list.
        await page.clock.setFixedTime(new Date(2025, 10, 8, 10, 0, 0));
        await open(page, `${prefix}/`);
        const section = page.locator("section.on-this-day");
        await page.waitForFunction(() => document.querySelector<HTMLElement>("section.on-this-day")?.dataset["onThisDay"] === "11-08");
        assert.equal(await section.locator("h2").innerText(), "往年今日：11月8日");
        const links = (await section.locator("a.title").evaluateAll((as) => as.map((a) => [a.getAttribute("href") ?? "", a.textContent] as const))).map(
          ([href, title]) => [fromPage(href), title] as const,
        );
        assert.equal(links.length, Math.min(5, printed.length));
        for (const [href, title] of links) {
          const article = printed.find((a) => `${prefix}${a.url}` === href);
          assert.ok(article, `${href} was printed on ${day}`);
          assert.equal(title, prefix === "" ? article.data.title : toTraditional(article.data.title));
        }
        assert.deepEqual(await runAxe(page).then((v) => v.map((x) => x.id)), []);
        // A day with nothing printed in earlier years says so.
        await page.clock.setFixedTime(new Date(2025, 0, 1, 10, 0, 0));
        await page.reload();
        await page.waitForFunction(() => document.querySelector<HTMLElement>("section.on-this-day")?.dataset["onThisDay"] === "01-01");
        assert.equal(await section.locator("a.title").count(), 0);
        assert.equal(await section.locator("[data-empty]").isVisible(), true);
      });
    }
  });

  test("the home page's list is there without JavaScript, as picked for the day of the build", () =>
    withPage(
      async (page) => {
        await open(page, "/");
        const section = page.locator("section.on-this-day");
        const monthDay = await section.getAttribute("data-on-this-day");
        const year = Number(await section.getAttribute("data-year"));
        const expected = articles.filter((a) => a.data.date.slice(5) === monthDay && Number(a.data.date.slice(0, 4)) < year && a.data.kind !== "notice");
        const links = await hrefs(page, "section.on-this-day a.title");
        assert.equal(links.length, Math.min(5, expected.length));
        for (const href of links) assert.ok(expected.some((a) => a.url === href), href);
      },
      { context: { javaScriptEnabled: false } },
    ));

  test("datapackage.json lists files that exist, and each file's rows have the fields its schema names", () => {
    const pkg = JSON.parse(readFileSync(path.join(site.dist, "data", "datapackage.json"), "utf8")) as {
      resources: { name: string; path: string; format: string; compression?: string; schema: { fields: { name: string; constraints?: { required?: boolean } }[] } }[];
    };
    const years = [...new Set(articles.map((a) => a.data.date.slice(0, 4)))].sort();
    assert.deepEqual(
      pkg.resources.map((r) => r.path),
      ["articles.json", "articles.csv", ...years.flatMap((y) => [`articles/${y}.json`, `articles/${y}.csv`]), ...years.map((y) => `text/${y}.jsonl.gz`)],
    );
    let texts = 0;
    for (const resource of pkg.resources) {
      const file = path.join(site.dist, "data", resource.path);
      assert.ok(existsSync(file), resource.path);
      if (resource.format !== "jsonl") continue;
      const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
      for (const line of lines) {
        const row = JSON.parse(line) as Record<string, unknown>;
        assert.deepEqual(Object.keys(row), resource.schema.fields.map((f) => f.name));
        // A photo printed without a caption has no text of its own: an empty string.
        assert.equal(typeof row["text"], "string", `${String(row["id"])} has its text`);
        if (row["id"] === BAN_DENG.id) assert.ok((row["text"] as string).includes("板凳议事会"), "the body's text is there");
      }
      texts += lines.length;
    }
    assert.equal(texts, articles.length, "every article is in the full text once");
  });
});
