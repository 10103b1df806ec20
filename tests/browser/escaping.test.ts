// Nothing printed on a page becomes markup on the site. A one-article issue whose headline and
// body hold HTML, Markdown and javascript: URLs (tests/fixtures/escaping-issue/) is ingested and
// built into a site of its own, in temp folders ($ARCHIVE_CONTENT_DIR, $ARCHIVE_ISSUES_DIR,
// $ARCHIVE_OUT_DIR, and a cache of its own so the project's content store is left alone), for this
// run's base path ($ARCHIVE_TEST_BASE, tests/support/test-site.ts) and served under it; the
// article is then read in Chromium, in both scripts, and must show that text as text.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { ROOT, TRADITIONAL_PREFIX } from "../support/site-paths.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { configuredOrigin, testBase, underBase } from "../support/test-site.ts";

const run = promisify(execFile);
const FIXTURE = path.join(ROOT, "tests", "fixtures", "escaping-issue");
const BASE = testBase();
/**
 * What the body prints, and what a reader must therefore see character for character:
 * [Simplified page, Traditional page].
 */
const LITERALS: readonly (readonly [string, string])[] = [
  ["<script>window.__pwned=1</script>", "<script>window.__pwned=1</script>"],
  ['<img src=x onerror="window.__pwned=2">', '<img src=x onerror="window.__pwned=2">'],
  ["[点我](javascript:window.__pwned=3)", "[點我](javascript:window.__pwned=3)"],
  ['<a href="javascript:alert(1)">链接</a>', '<a href="javascript:alert(1)">鏈接</a>'],
  ["**粗**", "**粗**"],
  ["# 不是标题", "# 不是標題"],
  ["<b>粗体</b>标题", "<b>粗體</b>標題"],
];

let work: string;
let server: StaticServer;
let browser: Browser;
let articlePath: string;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "archive-escaping-"));
  const issues = path.join(work, "issues");
  const articles = path.join(work, "articles");
  const dist = path.join(work, "dist");
  cpSync(FIXTURE, issues, { recursive: true });
  const env = {
    ...process.env,
    ARCHIVE_ISSUES_DIR: issues,
    ARCHIVE_CONTENT_DIR: articles,
    ARCHIVE_OUT_DIR: dist,
    ARCHIVE_SITE_URL: configuredOrigin() + BASE,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  await run(process.execPath, ["scripts/ingest.ts", "--in", issues, "--out", articles, "--quiet"], { cwd: ROOT, env });
  // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
  const build = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "error" });';
  await run(process.execPath, ["--input-type=module", "-e", build, path.join(work, "cache")], { cwd: ROOT, env, maxBuffer: 16 << 20 });

  const [date] = readdirSync(articles).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const [file] = readdirSync(path.join(articles, date!)).filter((f) => f.endsWith(".md"));
  articlePath = `/articles/${date}/${file!.slice(0, -".md".length)}/`;
  server = await startStaticServer(dist, { base: BASE });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Everything on the article page that could have turned text into markup or run it. */
async function inspect(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector(".article-body");
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: [...document.scripts].map((s) => s.getAttribute("type") ?? "(none)"),
      images: document.querySelectorAll("img").length,
      javascriptLinks: [...document.querySelectorAll("[href], [src], [action]")]
        .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? "")
        .filter((url) => /^\s*javascript:/i.test(url)),
      handlers: [...document.querySelectorAll("*")].flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith("on"))),
      headings: [...document.querySelectorAll("h1")].map((h) => h.textContent),
      // Markup the body text could have become (the body also holds the hidden search record: <div>, <p>, <data>).
      bodyMarkup: [...(body?.querySelectorAll("a, b, strong, i, em, h1, h2, h3, h4, h5, h6, img, script, iframe, object, embed, svg, ul, ol, li, blockquote, pre, code, hr") ?? [])].map((e) => e.tagName.toLowerCase()),
      visibleBlocks: [...(body?.children ?? [])].filter((e) => !e.hasAttribute("hidden")).map((e) => e.tagName.toLowerCase()),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ""),
      text: document.body.innerText,
    };
  });
}

for (const [script, prefix, column] of [
  ["Simplified", "", 0],
  ["Traditional", TRADITIONAL_PREFIX, 1],
] as const) {
  test(`HTML, Markdown and javascript: URLs printed in an issue show as text on the ${script} article page`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    context.on("request", (request) => {
      if (!request.url().startsWith(`${server.url}/`)) problems.push(`request leaving 127.0.0.1: ${request.url()}`);
    });
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      const response = await page.goto(server.url + underBase(`${prefix}${articlePath}`, BASE));
      assert.equal(response?.status(), 200);
      const seen = await inspect(page);
      assert.equal(seen.pwned, undefined, "no script from the page text ran");
      assert.deepEqual(seen.scripts, ["application/ld+json"], "the only script is the JSON-LD");
      assert.equal(seen.images, 0, "no <img>");
      assert.deepEqual(seen.javascriptLinks, [], "no javascript: URL");
      assert.deepEqual(seen.handlers, [], "no on… attribute");
      assert.deepEqual(seen.bodyMarkup, [], "no <strong>, heading, link or image in the body");
      assert.deepEqual(seen.visibleBlocks, Array(seen.visibleBlocks.length).fill("p"), "the visible body is paragraphs");
      assert.equal(seen.visibleBlocks.length, 6, "one paragraph per printed paragraph");
      assert.equal(seen.headings.length, 1, "one <h1>, the headline");
      assert.ok(seen.headings[0]!.startsWith("<b>"), `the headline keeps its tag as text: ${seen.headings[0]}`);
      assert.ok((JSON.parse(seen.jsonLd[0]!) as { headline: string }).headline.startsWith("<b>"), "the JSON-LD headline is the text");
      for (const literal of [...LITERALS.map((pair) => pair[column]), "<img src=x onerror=", "javascript:window.__pwned=3"]) {
        assert.ok(seen.text.includes(literal), `the page shows ${literal}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test("the raw page text of the escaping issue is published byte for byte", async () => {
  const response = await fetch(server.url + underBase("/raw/2030-01-01_escaping.txt", BASE));
  assert.equal(response.status, 200);
  assert.ok(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(FIXTURE, "2030-01-01_escaping.txt"))));
});
