/**
 * Final article ids. Two pages of one date form one issue, so a headline may repeat
 * across them: the id the previous run gave to the article of the same page and the same
 * parser id stays with it, ids of pages that failed this run stay reserved, and the rest are
 * made unique in file-name order. So adding a page never takes an existing article's path,
 * and a rerun gives every article the path it had.
 */
import { claimUnique } from "../slug.ts";
import type { Manifest } from "./manifest.ts";
import type { PageArticle, ParsedIssue } from "./parse-page.ts";

export function assignArticleIds(
  parsedIssues: readonly Pick<ParsedIssue, "issue" | "articles">[],
  previous: Manifest,
  failedSources: ReadonlySet<string>,
): Map<PageArticle, string> {
  const taken = new Set<string>();
  // (source, parser id) → the id it was given; a manifest written before parser ids were kept
  // knows only the final id, which is the parser id for every article that was not renamed.
  const given = new Map<string, string>();
  for (const [path, entry] of Object.entries(previous.articles)) {
    const id = path.replace(/\.md$/u, "");
    if (failedSources.has(entry.source)) taken.add(id);
    given.set(`${entry.source}\0${entry.base ?? id}`, id);
  }
  const claims = parsedIssues.flatMap((parsed) => parsed.articles.map((article) => ({ article, source: parsed.issue.source })));
  const ids = new Map<PageArticle, string>();
  for (const { article, source } of claims) {
    const id = given.get(`${source}\0${article.id}`);
    if (id !== undefined && !taken.has(id)) {
      taken.add(id);
      ids.set(article, id);
    }
  }
  for (const { article } of claims) {
    if (ids.has(article)) continue;
    ids.set(article, claimUnique(article.id, taken));
  }
  return ids;
}
