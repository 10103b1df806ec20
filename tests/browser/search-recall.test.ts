// Recall: a reader who types any run of characters from an article must find that article.
//
// 500 substrings of 2–6 Han characters are drawn (seeded, so every run draws the same ones) from
// the article bodies in content/articles, each with the article it came from. Each is searched on
// the built site, served from dist/ on 127.0.0.1, in Chromium:
//   - Pagefind alone: pagefind.search(substring), the figure before any help of ours;
//   - the search page, as a reader: typed into /search/, submitted, "more" pressed until every
//     result is listed (the page's own code: query normalisation, Pagefind, result pages);
//   - the Traditional search page: the substring converted as the Traditional pages convert it
//     (what a reader copies from /zh-hant/), typed into /zh-hant/search/.
// "Found" means the article's link (/zh-hant/… on the Traditional page) is among all the results,
// on whichever result page. Finding also other articles is not a miss: an article holding the
// characters in another order or apart matches too (Pagefind matches words, not phrases); the
// excerpt shows where.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { toTraditional } from "../../src/lib/site/traditional.ts";
import { launchChromium } from "../support/chromium.ts";
import { openSearch, readArticleBodies, resultLinks, showAllResults, submitQuery } from "../support/search-page.ts";
import { startStaticServer, type StaticServer } from "../support/static-server.ts";
import { atRootOnly, seedSite } from "../support/test-site.ts";
import { createRandom } from "../../src/lib/bench/prng.ts";

const SAMPLES = 500;
const SEED = 20221108;
const TARGET = 0.99;
// Recall is the index's and the query converter's, the same under any base path; the run under a
// sub-path checks its search by the search tests and the bundle list below.
const RECALL_RUN = { skip: atRootOnly("recall does not depend on the base path") };

interface Sample {
  query: string;
  /** The article it was drawn from: "/articles/<date>/<slug>/". */
  url: string;
}


/**
 * `count` substrings: a position drawn uniformly over all body text (so longer articles give
 * more), a length uniformly from 2 to 6; kept when every character is Han, drawn again otherwise.
 */
function drawSamples(count: number, seed: number): Sample[] {
  const articles = readArticleBodies(site.articlesDir).map((a) => ({ url: a.url, chars: [...a.body] }));
  const total = articles.reduce((sum, a) => sum + a.chars.length, 0);
  const random = createRandom(seed);
  const next = () => random.next();
  const samples: Sample[] = [];
  while (samples.length < count) {
    let at = Math.floor(next() * total);
    const length = 2 + Math.floor(next() * 5);
    const article = articles.find((a) => {
      if (at < a.chars.length) return true;
      at -= a.chars.length;
      return false;
    })!;
    const query = article.chars.slice(at, at + length).join("");
    if ([...query].length === length && /^\p{Script=Han}+$/u.test(query)) samples.push({ query, url: article.url });
  }
  return samples;
}

interface Tally {
  found: number;
  misses: string[];
}

function report(label: string, tally: Tally): string {
  const share = ((100 * tally.found) / SAMPLES).toFixed(1);
  const misses = tally.misses.length > 0 ? `; missed: ${tally.misses.slice(0, 20).join(" ")}` : "";
  return `${label}: ${tally.found}/${SAMPLES} found (${share}%)${misses}`;
}

const site = await seedSite();
let server: StaticServer;
let browser: Browser;
let page: Page;
const samples = drawSamples(SAMPLES, SEED);

before(async () => {
  server = await startStaticServer(site.dist, { base: site.base });
  browser = await launchChromium();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("Pagefind alone finds the article of each substring (the figure before our help)", { ...RECALL_RUN, timeout: 300_000 }, async () => {
  await page.goto(`${server.url}${site.path("/about/")}`);
  // The index bundles, newest first, merged as the search page merges them.
  const shards = (await readdir(path.join(site.dist, "pagefind"))).sort().reverse();
  const found = await page.evaluate(async ({ samples, shards, base }) => {
    const [primary, ...merged] = shards;
    const pagefind = await import(`${base}pagefind/${primary}/pagefind.js`);
    await pagefind.init();
    for (const shard of merged) await pagefind.mergeIndex(`${base}pagefind/${shard}/`);
    const found: boolean[] = [];
    for (const sample of samples) {
      const search = await pagefind.search(sample.query);
      const urls: string[] = await Promise.all(
        search.results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url),
      );
      found.push(urls.includes(sample.url) || urls.includes(base + sample.url.slice(1)));
    }
    return found;
  }, { samples, shards, base: site.base });
  const tally = { found: found.filter(Boolean).length, misses: samples.filter((_, i) => !found[i]).map((s) => s.query) };
  console.log(report("recall, Pagefind alone", tally));
});

test(`the search page finds the article of each substring (≥ ${TARGET * 100}%)`, { ...RECALL_RUN, timeout: 600_000 }, async () => {
  await openSearch(page, server.url, "/search/");
  const tally: Tally = { found: 0, misses: [] };
  for (const sample of samples) {
    await submitQuery(page, sample.query);
    await showAllResults(page);
    if ((await resultLinks(page)).includes(sample.url)) tally.found++;
    else tally.misses.push(sample.query);
  }
  console.log(report("recall, search page (Simplified)", tally));
  assert.ok(tally.found / SAMPLES >= TARGET, report("recall below target", tally));
});

test(`the Traditional search page finds the article of each substring written in Traditional (≥ ${TARGET * 100}%)`, { ...RECALL_RUN, timeout: 600_000 }, async () => {
  await openSearch(page, server.url, "/zh-hant/search/");
  const tally: Tally = { found: 0, misses: [] };
  for (const sample of samples) {
    const query = toTraditional(sample.query);
    await submitQuery(page, query);
    await showAllResults(page);
    if ((await resultLinks(page)).includes(`/zh-hant${sample.url}`)) tally.found++;
    else tally.misses.push(`${query}(${sample.query})`);
  }
  console.log(report("recall, Traditional search page", tally));
  assert.ok(tally.found / SAMPLES >= TARGET, report("recall below target", tally));
});

test("the search pages load exactly the bundles the index wrote, newest first", async () => {
  const written = (await readdir(path.join(site.dist, "pagefind"))).sort().reverse();
  for (const page of ["search/index.html", "zh-hant/search/index.html"]) {
    const html = await readFile(path.join(site.dist, page), "utf8");
    const attribute = /data-search-shards="([^"]*)"/.exec(html)?.[1];
    assert.ok(attribute, `${page} names its bundles`);
    assert.deepEqual(JSON.parse(attribute.replaceAll("&quot;", '"')), written, page);
  }
});
