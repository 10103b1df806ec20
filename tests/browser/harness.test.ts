// Smoke test for the browser-test harness: static server + Debian Chromium +
// axe-core, on a tiny hand-written page (no site build needed).
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Browser } from "playwright-core";
import { formatViolations, runAxe } from "../support/axe.ts";
import { launchChromium } from "../support/chromium.ts";
import { withGuardedPage } from "../support/page-guards.ts";
import { startStaticServer } from "../support/static-server.ts";
import { atRootOnly } from "../support/test-site.ts";
import type { StaticServer } from "../support/static-server.ts";

const PAGE = `<!doctype html>
<html lang="zh-Hans">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>測試 · 新聞檔案</title>
</head>
<body>
  <header><a href="/">新聞檔案</a></header>
  <main>
    <h1>人民日報 1949年10月1日</h1>
    <p>中華人民共和國中央人民政府今天成立。</p>
  </main>
</body>
</html>
`;

// Needs no site, so the suite's run under a base path has nothing to add.
const skip = atRootOnly("needs no site");

test("static server + Chromium + axe: a minimal page has no violations", { timeout: 60_000, skip }, async () => {
  const root = await mkdtemp(path.join(tmpdir(), "news-archive-harness-"));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    await writeFile(path.join(root, "index.html"), PAGE);
    server = await startStaticServer(root);
    browser = await launchChromium();
    const page = await browser.newPage();

    const response = await page.goto(`${server.url}/`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.title(), "測試 · 新聞檔案");

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  } finally {
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  }
});

test("a guarded page passes when healthy and fails on a console error, closing its context either way", { timeout: 60_000, skip }, async () => {
  const root = await mkdtemp(path.join(tmpdir(), "news-archive-guard-"));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    await writeFile(path.join(root, "index.html"), PAGE);
    await writeFile(path.join(root, "broken.html"), PAGE.replace("</body>", "<script>console.error('boom')</script></body>"));
    server = await startStaticServer(root);
    browser = await launchChromium();
    const origin = server.url;
    await withGuardedPage(browser, origin, async (page) => {
      await page.goto(`${origin}/`);
    });
    await assert.rejects(
      withGuardedPage(browser, origin, async (page) => {
        await page.goto(`${origin}/broken.html`);
      }),
      /the page had problems[\s\S]*console error: boom/,
    );
    assert.equal(browser.contexts().length, 0, "both contexts are closed");
  } finally {
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  }
});
