// Every URL the site links to comes from src/lib/site/paths.ts: each has a route (or a file the
// build writes) that answers at it, and the pages, components and layouts write no path of their own.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as paths from "../../src/lib/site/paths.ts";
import { isArticleDownload } from "../../src/lib/site/article-downloads.ts";
import { SITEMAP_INDEX } from "../../src/lib/site/sitemap.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pagesDir = path.join(root, "src/pages");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** A route file as the pattern of the URLs it answers: pages end in "/", endpoints are the file's own name. */
function routePattern(file: string): RegExp | null {
  if (file.split("/").some((part) => part.startsWith("_"))) return null;
  const page = file.endsWith(".astro");
  if (!page && !file.endsWith(".ts")) return null;
  let route = file.replace(/\.(astro|ts)$/u, "");
  if (page) route = `${route.replace(/(^|\/)index$/u, "")}/`.replace(/^\/$/u, "");
  const pattern = route
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/u)
    .map((part) => (part.startsWith("[...") ? ".*?" : part.startsWith("[") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")))
    .join("");
  return new RegExp(`^/${pattern.replace(/\/\.\*\?\/$/u, "(?:/.*?)?/")}$`, "u");
}

const routes = filesUnder(pagesDir).flatMap((file) => {
  const pattern = routePattern(file);
  return pattern ? [{ file, pattern }] : [];
});

/**
 * What can answer at `url`: the route files whose pattern matches it (which of them makes the page
 * depends on their getStaticPaths), or the public/ file or build output it names.
 */
function answering(url: string): string[] {
  const pathname = decodeURIComponent(url.split("#")[0]!);
  if (statSync(path.join(root, "public", pathname), { throwIfNoEntry: false })?.isFile()) return [`public${pathname}`];
  if (pathname === `/${SITEMAP_INDEX}` || /^\/sitemap-\d+\.xml$/u.test(pathname)) return ["src/integrations/archive-sitemap.ts"];
  if (isArticleDownload(pathname.slice(1))) return ["src/integrations/article-downloads.ts"];
  return routes.filter((route) => route.pattern.test(pathname)).map((route) => route.file);
}

describe("site paths", () => {
  const cases: [string, string, string][] = [
    [paths.homePath(), "/", "index.astro"],
    [paths.issuesPath(), "/issues/", "issues/[...page].astro"],
    [paths.issuePath("2022-11-08"), "/issues/2022-11-08/", "issues/[issue].astro"],
    [paths.listPagePath(paths.issuesPath(), 2), "/issues/2/", "issues/[...page].astro"],
    [paths.listPagePath(paths.issuesPath(), 1), "/issues/1/", "issues/[...page].astro"],
    [paths.listPagePath(paths.issuesPath(), null), "/issues/", "issues/[...page].astro"],
    [paths.articlePath("2022-11-08/wen-ming"), "/articles/2022-11-08/wen-ming/", "articles/[date]/[slug].astro"],
    [paths.articleMarkdownPath("2022-11-08/wen-ming"), "/articles/2022-11-08/wen-ming.md", "src/integrations/article-downloads.ts"],
    [paths.articleRisPath("2022-11-08/wen-ming"), "/articles/2022-11-08/wen-ming.ris", "src/integrations/article-downloads.ts"],
    [paths.articleCslJsonPath("2022-11-08/wen-ming"), "/articles/2022-11-08/wen-ming.json", "src/integrations/article-downloads.ts"],
    [paths.peoplePath(), "/reporters/", "reporters/[...page].astro"],
    [paths.personPath("bai-dan"), "/reporters/bai-dan/", "reporters/[person]/[...page].astro"],
    [paths.listPagePath(paths.personPath("bai-dan"), 3), "/reporters/bai-dan/3/", "reporters/[person]/[...page].astro"],
    [paths.leaguesPath(), "/regions/", "regions/index.astro"],
    [paths.leaguePath("hu-he-hao-te-shi"), "/regions/hu-he-hao-te-shi/", "regions/[league]/[...page].astro"],
    [paths.countyPath("hu-he-hao-te-shi", "yu-quan-qu"), "/regions/hu-he-hao-te-shi/yu-quan-qu/", "regions/[league]/[county]/[...page].astro"],
    [paths.sectionsPath(), "/sections/", "sections/[...page].astro"],
    [paths.sectionPath("guang-jiao"), "/sections/guang-jiao/", "sections/[section]/[...page].astro"],
    [paths.statsPath(), "/stats/", "stats.astro"],
    [paths.reportPath(), "/report/", "report/[...page].astro"],
    [paths.aboutPath(), "/about/", "about.astro"],
    [paths.searchPath(), "/search/", "search/index.astro"],
    [paths.rssPath(), "/rss.xml", "rss.xml.ts"],
    [paths.rawIssuePath("2024-10-15_p5.txt"), "/raw/2024-10-15_p5.txt", "raw/[name].txt.ts"],
    // Joined from the years' files by the build; the route answers in the dev server.
    [paths.articlesJsonPath(), "/data/articles.json", "data/[whole].json.ts"],
    [paths.articlesCsvPath(), "/data/articles.csv", "data/[whole].csv.ts"],
    [paths.articlesYearPath("2022", "json"), "/data/articles/2022.json", "data/articles/[year].json.ts"],
    [paths.articlesYearPath("2022", "csv"), "/data/articles/2022.csv", "data/articles/[year].csv.ts"],
    [paths.dataPackagePath(), "/data/datapackage.json", "data/datapackage.json.ts"],
    [paths.fullTextPath("2022"), "/data/text/2022.jsonl.gz", "data/text/[year].jsonl.gz.ts"],
    [paths.onThisDayPath("11-08"), "/data/on-this-day/11-08.json", "data/on-this-day/[day].json.ts"],
  ];
  for (const [url, expected, route] of cases) {
    // A route file under src/pages/, or the integration that writes the file.
    it(`${expected} is answered by ${route.startsWith("src/") ? route : `src/pages/${route}`}`, () => {
      assert.equal(url, expected);
      assert.ok(answering(url).includes(route), `${url} matches ${answering(url).join(", ") || "no route"}`);
    });
  }

  it("files outside the routes: the icon from public/, the sitemap from its integration", () => {
    assert.deepEqual(answering(paths.faviconPath()), ["public/favicon.svg"]);
    assert.equal(paths.sitemapIndexPath(), "/sitemap-index.xml");
    assert.deepEqual(answering(paths.sitemapIndexPath()), ["src/integrations/archive-sitemap.ts"]);
    assert.deepEqual(answering(paths.sitemapPath(0)), ["src/integrations/archive-sitemap.ts"]);
  });

  it("the data package names the data folder's files relative to it", () => {
    assert.equal(paths.dataFolderPath(), "/data/");
    assert.equal(paths.dataFolderRelative(paths.fullTextPath("2022")), "text/2022.jsonl.gz");
    assert.throws(() => paths.dataFolderRelative(paths.rssPath()), /not in \/data\//u);
  });

  it("siteUrl leaves root-relative URLs alone for a site at the root", () => {
    assert.equal(paths.siteUrl(paths.issuesPath()), "/issues/");
  });
});

describe("no URL written outside paths.ts", () => {
  // The search page is left to its own module's owner; it links with the same functions.
  const checked = [
    ...filesUnder(pagesDir).filter((file) => file !== "search/index.astro").map((file) => `src/pages/${file}`),
    ...filesUnder(path.join(root, "src/components")).map((file) => `src/components/${file}`),
    ...filesUnder(path.join(root, "src/layouts")).map((file) => `src/layouts/${file}`),
    ...filesUnder(path.join(root, "src/lib/site"))
      .filter((file) => file !== "paths.ts")
      .map((file) => `src/lib/site/${file}`),
  ];
  // A quoted root-relative path of the site's own folders or files ("/issues/", `/data/…`), or the home page as a link (href="/").
  const literal =
    /["'`]\/(?:(?:articles|issues|reporters|regions|sections|stats|report|about|search|data|raw|zh-hant)\b[^"'`]*|rss\.xml|sitemap[^"'`]*|favicon\.svg)["'`]|href(?:=|:\s*)["'`]\/["'`]/gu;
  for (const file of checked) {
    it(file, () => {
      const text = readFileSync(path.join(root, file), "utf8")
        // Comments and doc examples may show a URL.
        .replace(/\/\*[\s\S]*?\*\//gu, "")
        .replace(/(^|\s)\/\/.*$/gmu, "$1");
      const found = [...text.matchAll(literal)].map((match) => match[0]);
      assert.deepEqual(found, [], `${file} writes a URL of its own: use src/lib/site/paths.ts`);
    });
  }
});
