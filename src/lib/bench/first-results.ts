/**
 * The time and the bytes to a search's first results and to its complete list, as a reader with
 * an empty cache gets them: Debian's Chromium (through playwright-core) opens the search page of a
 * served dist at /search/?q=<query>, on a throttled network (Chromium's own emulation through a
 * CDP session: 10 Mbit/s and 40 ms a round trip unless told), and watches the page's
 * data-search-state (src/lib/search/search-page.ts). The first results are shown when it becomes
 * "partial" (the newest bundle's results, the older bundles still loading) or, for a search with
 * nothing more to load, "done"; the complete list when it becomes "done".
 *
 * Bytes are what the server sent for every request finished by then (headers and body as sent:
 * gzipped where the host gzips), counted through Playwright, which sees the requests of
 * Pagefind's web worker as well (a CDP session on the page does not). Times are from the start of
 * the page's navigation, in the page's own clock. Each query runs in a new browser context, so
 * nothing is cached from the one before.
 */
import type { Browser, Request } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import type { FirstResultsMeasure } from "./report.ts";

export type { FirstResultsMeasure } from "./report.ts";

export interface Throttle {
  downloadBitsPerSecond: number;
  /** Added to every request's round trip. */
  latencyMs: number;
}

/** A reader on an ordinary connection. */
export const DEFAULT_THROTTLE: Throttle = { downloadBitsPerSecond: 10_000_000, latencyMs: 40 };

/** Longest a search may take to complete before its measure fails. */
const SEARCH_TIMEOUT_MS = 180_000;

/** The search page's URL for a query on the site at `siteUrl` (with or without its trailing slash). */
export function searchPageUrl(siteUrl: string, query: string): string {
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  return new URL(`search/?q=${encodeURIComponent(query)}`, base).href;
}

/** A change of the page's data-search-state: the state, when (ms since navigation) and the requests finished by then. */
export interface StateMark {
  state: string;
  ms: number;
  requests: number;
}

/** The first marks of the first results ("partial", or "done" without it) and of the complete list ("done"). */
export function firstAndComplete(marks: readonly StateMark[]): { first: StateMark; complete: StateMark } {
  const failed = marks.find((mark) => mark.state === "error");
  if (failed) throw new Error(`the search failed after ${Math.round(failed.ms)} ms`);
  const complete = marks.find((mark) => mark.state === "done");
  if (!complete) throw new Error(`the search did not complete (states: ${marks.map((mark) => mark.state).join(", ") || "none"})`);
  const first = marks.find((mark) => mark.state === "partial" && mark.ms <= complete.ms) ?? complete;
  return { first, complete };
}

/** The binding through which the page reports its states. */
const BINDING = "__archiveSearchState";

/** Bytes the server sent for a finished request: its response's headers and body, as sent. */
async function responseBytes(request: Request): Promise<number> {
  const sizes = await request.sizes();
  return Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize);
}

async function measureQuery(browser: Browser, siteUrl: string, query: string, throttle: Throttle): Promise<FirstResultsMeasure> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const bytesPerSecond = throttle.downloadBitsPerSecond / 8;
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: throttle.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });

    const finished: Request[] = [];
    page.on("requestfinished", (request) => finished.push(request));
    const marks: StateMark[] = [];
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    await page.exposeBinding(BINDING, (_source, state: string, ms: number) => {
      marks.push({ state, ms, requests: finished.length });
      if (state === "done" || state === "error") settle();
    });
    await page.addInitScript((binding: string) => {
      let last = "";
      // From the document's start: the search page's root gets its state from the page's script.
      new MutationObserver((records) => {
        for (const record of records) {
          const state = (record.target as Element).getAttribute("data-search-state") ?? "";
          if (state === last) continue;
          last = state;
          void (window as unknown as Record<string, (state: string, ms: number) => Promise<void>>)[binding]!(state, performance.now());
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-search-state"] });
    }, BINDING);

    await page.goto(searchPageUrl(siteUrl, query));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`"${query}": no complete results within ${SEARCH_TIMEOUT_MS / 1000} s`)), SEARCH_TIMEOUT_MS);
    });
    try {
      await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
    const { first, complete } = firstAndComplete(marks);
    const bytes = await Promise.all(finished.slice(0, complete.requests).map(responseBytes));
    const sum = (n: number) => bytes.slice(0, n).reduce((total, b) => total + b, 0);
    return {
      query,
      bytesToFirst: sum(first.requests),
      msToFirst: first.ms,
      bytesToComplete: sum(complete.requests),
      msToComplete: complete.ms,
      requestsToFirst: first.requests,
      requestsToComplete: complete.requests,
    };
  } finally {
    await context.close();
  }
}

/** Measures each query in turn (see the module note); the site must be served at `siteUrl`. */
export async function measureFirstResults(options: { siteUrl: string; queries: string[]; throttle?: Throttle }): Promise<FirstResultsMeasure[]> {
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  const browser = await launchChromium();
  try {
    const measures: FirstResultsMeasure[] = [];
    for (const query of options.queries) measures.push(await measureQuery(browser, options.siteUrl, query, throttle));
    return measures;
  } finally {
    await browser.close();
  }
}
