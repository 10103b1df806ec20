// Drives the built site's search page (/search/, /zh-hant/search/) as a reader does: type,
// submit, tick filters, press "more" until every result is listed. Shared by the search and the
// recall tests, so both go through the page's own code (src/lib/search/search-page.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { Page } from "playwright-core";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const ARTICLES = path.join(ROOT, "content", "articles");

export interface SourceArticle {
  /** "/articles/<date>/<slug>/" */
  url: string;
  data: ArticleFrontmatter;
  /** The Markdown body (after the frontmatter). */
  body: string;
}

/** Every article Markdown file under content/articles/<date>/, in path order. */
export function readSourceArticles(dir: string = ARTICLES): SourceArticle[] {
  const articles: SourceArticle[] = [];
  for (const date of readdirSync(dir).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()) {
    for (const file of readdirSync(path.join(dir, date)).filter((f) => f.endsWith(".md")).sort()) {
      const text = readFileSync(path.join(dir, date, file), "utf8");
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${date}/${file}: no frontmatter`);
      articles.push({
        url: `/articles/${date}/${file.slice(0, -".md".length)}/`,
        data: yaml.load(match[1]!) as ArticleFrontmatter,
        body: match[2]!,
      });
    }
  }
  return articles;
}

/** Waits until the search page has finished its current search (or failed). */
export async function waitForSearch(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>("[data-search-root]");
    return root !== null && (root.dataset["searchState"] === "done" || root.dataset["searchState"] === "error");
  });
}

/** Opens a search page URL ("/search/?q=…") and waits for its results. */
export async function openSearch(page: Page, origin: string, url: string): Promise<void> {
  await page.goto(origin + url);
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

/** The result links listed so far, in order (as written in the page: "/articles/…/" or "/zh-hant/articles/…/"). */
export function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval(".search-result-title a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
}

/** The status line (the live region). */
export async function statusText(page: Page): Promise<string> {
  return (await page.textContent("[data-search-status]")) ?? "";
}

/** Ticks or unticks a filter value's checkbox and waits for the new results. */
export async function setFilter(page: Page, key: string, value: string, on = true): Promise<void> {
  const box = page.locator(`[data-search-facets] input[name="${key}"][value="${value}"]`);
  if (!(await box.isVisible())) await page.click(`[data-facet-toggle="${key}"]`);
  // A click, not check(): the page rebuilds the filters when the new results arrive.
  if ((await box.isChecked()) !== on) await box.click();
  await waitForSearch(page);
}
