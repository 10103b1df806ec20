// Drives the built site's search page (/search/, /zh-hant/search/) as a reader does: type,
// submit, tick filters, press "more" until every result is listed. Shared by the search and the
// recall tests, so both go through the page's own code (src/lib/search/search-page.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ARTICLES_DIR } from "./site-paths.ts";
import { testBase, underBase } from "./test-site.ts";

export interface ArticleBody {
  /** "/articles/<date>/<slug>/" */
  url: string;
  /** The Markdown after the frontmatter. */
  body: string;
}

/** The body of every article the ingest wrote (content/articles/<date>/<slug>.md), in path order. */
export function readArticleBodies(dir: string = ARTICLES_DIR): ArticleBody[] {
  const bodies: ArticleBody[] = [];
  for (const date of readdirSync(dir).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()) {
    for (const file of readdirSync(path.join(dir, date)).filter((f) => f.endsWith(".md")).sort()) {
      const text = readFileSync(path.join(dir, date, file), "utf8");
      const body = /^---\n[\s\S]*?\n---\n?([\s\S]*)$/.exec(text)?.[1];
      if (body === undefined) throw new Error(`${date}/${file}: no frontmatter`);
      bodies.push({ url: `/articles/${date}/${file.slice(0, -".md".length)}/`, body });
    }
  }
  return bodies;
}

/** Waits until the search page has finished its current search (or failed). */
export async function waitForSearch(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>("[data-search-root]");
    return root !== null && (root.dataset["searchState"] === "done" || root.dataset["searchState"] === "error");
  });
}

/** Opens a search page by its site path ("/search/?q=…", under the run's base path) and waits for its results. */
export async function openSearch(page: Page, origin: string, url: string): Promise<void> {
  await page.goto(origin + underBase(url, testBase()));
  await waitForSearch(page);
}

/** Types a query into the page's search box and submits it, as a reader does. */
export async function submitQuery(page: Page, query: string): Promise<void> {
  await page.fill("#search-query", query);
  await page.press("#search-query", "Enter");
  await waitForSearch(page);
}

/** Presses "more" until every result is listed. */
export async function showAllResults(page: Page): Promise<void> {
  while (await page.isVisible("[data-search-more]")) {
    await page.click("[data-search-more]");
    await waitForSearch(page);
  }
}

/**
 * The result links listed so far, in order, as site paths ("/articles/…/" or "/zh-hant/articles/…/"):
 * the page writes them with the base path, which is checked and taken off.
 */
export async function resultLinks(page: Page): Promise<string[]> {
  const base = testBase();
  const hrefs = await page.$$eval(".search-result-title a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => {
    if (!href.startsWith(base)) throw new Error(`a result link without the base path ${base}: ${href}`);
    return href.slice(base.length - 1);
  });
}

/** The status line (the live region). */
export async function statusText(page: Page): Promise<string> {
  return (await page.textContent("[data-search-status]")) ?? "";
}

/** Opens the filter panel (which loads the filter counts), unless it is open. */
export async function openFilters(page: Page): Promise<void> {
  if ((await page.getAttribute("[data-filters-toggle]", "aria-expanded")) === "true") return;
  await page.click("[data-filters-toggle]");
  await waitForSearch(page);
}

/** Ticks or unticks a filter value's checkbox (opening the panel first) and waits for the new results. */
export async function setFilter(page: Page, key: string, value: string, on = true): Promise<void> {
  await openFilters(page);
  const box = page.locator(`[data-search-facets] input[name="${key}"][value="${value}"]`);
  if (!(await box.isVisible())) await page.click(`[data-facet-toggle="${key}"]`);
  // A click, not check(): the page rebuilds the filters when the new results arrive.
  if ((await box.isChecked()) !== on) await box.click();
  await waitForSearch(page);
}
