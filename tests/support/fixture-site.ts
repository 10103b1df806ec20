// A site of a test's own, made from articles the test writes: the article files are written as the
// ingest writes them (src/lib/ingest/markdown.ts), then built and indexed as `npm run build` does
// (the Astro build, then the Pagefind bundles), all in a temp folder ($ARCHIVE_CONTENT_DIR,
// $ARCHIVE_ISSUES_DIR, $ARCHIVE_OUT_DIR, and caches of its own, so the project's content, dist/
// and caches are left alone). For what the seed pages cannot show: fields the seed articles
// leave empty, such as a page's name or an agency. Built for this run's base path
// ($ARCHIVE_TEST_BASE, tests/support/test-site.ts), like the seed site.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { articleMarkdown } from "../../src/lib/ingest/markdown.ts";
import { ROOT } from "./site-paths.ts";
import { configuredOrigin, testBase } from "./test-site.ts";

const run = promisify(execFile);

export interface FixtureArticle {
  /** The file's name in its issue's folder, without ".md": the article's URL is /articles/<date>/<slug>/. */
  slug: string;
  data: ArticleFrontmatter;
  /** Paragraphs of the body. */
  paragraphs: string[];
}

export interface FixtureSite {
  /** The built site, to be served under `base`. */
  dist: string;
  /** The base path it was built for. */
  base: string;
  /** Removes every file the site was made of. */
  remove(): void;
}

/** "/articles/<date>/<slug>/" */
export function fixtureArticleUrl(article: FixtureArticle): string {
  return `/articles/${article.data.date}/${article.slug}/`;
}

/** Writes the articles, builds the site of both scripts and its search index; `name` names the temp folder. */
export async function buildFixtureSite(name: string, articles: readonly FixtureArticle[]): Promise<FixtureSite> {
  const base = testBase();
  const work = mkdtempSync(path.join(tmpdir(), `archive-${name}-`));
  const remove = () => rmSync(work, { recursive: true, force: true });
  try {
    const articlesDir = path.join(work, "articles");
    const dist = path.join(work, "dist");
    for (const article of articles) {
      mkdirSync(path.join(articlesDir, article.data.date), { recursive: true });
      const body = article.paragraphs.map((text) => ({ text, heading: false }));
      writeFileSync(path.join(articlesDir, article.data.date, `${article.slug}.md`), articleMarkdown(article.data, body));
    }
    const env = {
      ...process.env,
      ARCHIVE_ISSUES_DIR: path.join(work, "issues"),
      ARCHIVE_CONTENT_DIR: articlesDir,
      ARCHIVE_OUT_DIR: dist,
      ...(base === "/" ? {} : { ARCHIVE_SITE_URL: configuredOrigin() + base }),
      ASTRO_TELEMETRY_DISABLED: "1",
    };
    // `astro build` through its API, only to give it a cache folder of its own (no CLI flag does).
    const build = 'import { build } from "astro"; await build({ cacheDir: process.argv[1], logLevel: "error" });';
    await run(process.execPath, ["--input-type=module", "-e", build, path.join(work, "astro-cache")], { cwd: ROOT, env, maxBuffer: 16 << 20 });
    await run(process.execPath, ["scripts/index-search.ts", "--cache", path.join(work, "search-cache")], { cwd: ROOT, env });
    return { dist, base, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
