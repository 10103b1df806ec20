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

export class ArticleIds {
  /** (source, parser id) → the id the last run gave it. */
  readonly #given = new Map<string, string>();
  /** Each source's ids in the last run. */
  readonly #bySource = new Map<string, string[]>();

  constructor(previous: Manifest) {
    for (const [path, entry] of Object.entries(previous.articles)) {
      const id = path.replace(/\.md$/u, "");
      // A manifest written before parser ids were kept knows only the final id, which is the
      // parser id for every article that was not renamed.
      this.#given.set(`${entry.source}\0${entry.base ?? id}`, id);
      const ids = this.#bySource.get(entry.source);
      if (ids) ids.push(id);
      else this.#bySource.set(entry.source, [id]);
    }
  }

  /** The ids the last run gave to articles of `date` from `failedSources`: held for those files while they fail. */
  reservedIds(failedSources: ReadonlySet<string>, date: string): string[] {
    return [...failedSources].flatMap((source) => this.#bySource.get(source) ?? []).filter((id) => id.startsWith(`${date}/`));
  }

  /**
   * The final ids of the articles of `pages` (an issue's, in file-name order; ids are unique
   * within a date, so one issue's ids depend on no other's), with the ids of `failedSources`
   * reserved.
   */
  assign(pages: readonly Pick<ParsedIssue, "issue" | "articles">[], failedSources: ReadonlySet<string>): Map<PageArticle, string> {
    const taken = new Set<string>([...failedSources].flatMap((source) => this.#bySource.get(source) ?? []));
    const claims = pages.flatMap((parsed) => parsed.articles.map((article) => ({ article, source: parsed.issue.source })));
    const ids = new Map<PageArticle, string>();
    for (const { article, source } of claims) {
      const id = this.#given.get(`${source}\0${article.id}`);
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
}
