// What the site tests need to know about the project and its build: where things are, the
// articles the ingest wrote (the truth the pages are checked against), the site's origin, and
// one page of each type. Reads files only; no browser, nothing from astro:*.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { slugify } from "../../src/lib/slug.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const ARTICLES_DIR = path.join(ROOT, "content", "articles");
export const ISSUES_DIR = path.join(ROOT, "content", "issues");
export const TRADITIONAL_PREFIX = "/zh-hant";

export interface SourceArticle {
  /** "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban" */
  id: string;
  /** "/articles/<id>/" */
  url: string;
  data: ArticleFrontmatter;
}

/** Every article the ingest wrote (content/articles/<date>/<slug>.md), in path order. */
export function readSourceArticles(dir: string = ARTICLES_DIR): SourceArticle[] {
  const articles: SourceArticle[] = [];
  for (const date of readdirSync(dir).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()) {
    for (const file of readdirSync(path.join(dir, date)).filter((f) => f.endsWith(".md")).sort()) {
      const text = readFileSync(path.join(dir, date, file), "utf8");
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!match) throw new Error(`${date}/${file}: no frontmatter`);
      const id = `${date}/${file.slice(0, -".md".length)}`;
      articles.push({ id, url: `/articles/${id}/`, data: yaml.load(match[1]!) as ArticleFrontmatter });
    }
  }
  return articles;
}

/** The articles of one issue in page order. */
export function issueArticles(articles: readonly SourceArticle[], issue: string): SourceArticle[] {
  return articles.filter((a) => a.data.issue === issue).sort((a, b) => a.data.order - b.data.order);
}

/** A reporter's page, named by the archive's one slug function (no two seed reporters share a slug). */
export function reporterPath(name: string): string {
  return `/reporters/${slugify(name)}/`;
}

/** The site's origin as the build wrote it into the home page's canonical link. */
export function siteOrigin(dist: string = DIST): string {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`${dist}/index.html has no canonical link: was the site built?`);
  return new URL(href).origin;
}

/** Every file under `dir` whose name ends with `suffix`, as absolute paths, sorted. */
export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The site path of a built HTML file: dist/a/b/index.html → "/a/b/", dist/404.html → "/404.html". */
export function sitePathOf(file: string, dist: string = DIST): string {
  const relative = path.relative(dist, file).split(path.sep).join("/");
  return "/" + relative.replace(/(^|\/)index\.html$/, "$1");
}

/**
 * One page of each type the site has, by Simplified path (the Traditional twin is the same path
 * under /zh-hant/). The seed content decides which: the 2022-11-08 issue, its 板凳议事会 article,
 * the reporter 安寅东, the league 包头市 and the column 学思践悟.
 */
export const PAGE_TYPES: Readonly<Record<string, string>> = {
  home: "/",
  issues: "/issues/",
  issue: "/issues/2022-11-08/",
  article: "/articles/2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban/",
  reporters: "/reporters/",
  reporter: reporterPath("安寅东"),
  regions: "/regions/",
  region: `/regions/${slugify("包头市")}/`,
  county: `/regions/${slugify("包头市")}/${slugify("白云鄂博矿区")}/`,
  sections: "/sections/",
  section: `/sections/${slugify("学思践悟")}/`,
  stats: "/stats/",
  report: "/report/",
  about: "/about/",
  "404": "/404.html",
};

/**
 * Records of a CSV text by RFC 4180: fields separated by commas, records by CRLF (LF accepted),
 * fields in double quotes may hold commas, line breaks and doubled quotes. A final line break
 * does not start a record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
