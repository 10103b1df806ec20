// Watches a browser page for what a healthy page of the archive never does, so that a test can
// end by asserting that the list of problems is empty.
import assert from "node:assert/strict";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export interface PageGuardOptions {
  /** Also report dialogs (and dismiss them), failed requests and HTTP error responses. */
  strict?: boolean;
  /** Responses with these statuses are expected, by path ("/no-such-page/" → 404). */
  expectedStatus?: Record<string, number>;
}

/**
 * Starts collecting the problems of `page` (and of its context's requests) into the returned
 * list: console errors, uncaught page errors and requests to anywhere but `origin` (data: and
 * about: URLs aside); with `strict`, also dialogs, failed requests (bar aborted ones) and
 * responses of 400 or more. A status listed in `expectedStatus` is no problem, nor is the
 * console error Chromium logs for it.
 */
export function collectPageProblems(page: Page, origin: string, options: PageGuardOptions = {}): string[] {
  const context = page.context();
  const problems: string[] = [];
  const expected = options.expectedStatus ?? {};
  const isExpected = (url: string, status: number) => expected[new URL(url).pathname] === status;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    // Chromium logs every 4xx load ("… status of 404 (Not Found)"); an expected one is no problem.
    const status = /status of (\d+)/.exec(message.text())?.[1];
    if (source && status && isExpected(source, Number(status))) return;
    problems.push(`console error: ${message.text()} (${source})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "about:") return;
    if (url.origin !== origin) problems.push(`request leaving ${origin}: ${request.url()}`);
  });
  if (!options.strict) return problems;
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    // Leaving a page cancels what it still loads (often the favicon): that is not a failure.
    if (error !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${error})`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400 && !isExpected(response.url(), response.status())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/**
 * Runs `run` on a fresh page in a context of its own, then fails on the problems the page had
 * (collectPageProblems, with `options`); the context is closed either way.
 */
export async function withGuardedPage(
  browser: Browser,
  origin: string,
  run: (page: Page) => Promise<void>,
  options: PageGuardOptions & { context?: BrowserContextOptions } = {},
): Promise<void> {
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  const problems = collectPageProblems(page, origin, options);
  try {
    await run(page);
    assert.deepEqual(problems, [], "the page had problems");
  } finally {
    await context.close();
  }
}
