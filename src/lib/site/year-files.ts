/**
 * The routes with one file per year of articles (the full text, the metadata as JSON and CSV):
 * the paths of this part's years, each keyed by its articles' ids and file digests, so that a
 * rebuild renders only the years whose articles changed.
 */
import type { ArticleRecord } from "./article-records.ts";
import { fullTextByYear } from "./full-text.ts";
import { cacheKey } from "./page-keys.ts";
import { datedPaths } from "./site-part.ts";

export interface YearFilePath<E> {
  params: { year: string };
  props: { articles: E[] };
  cacheKey: string;
}

/** One path a year, oldest first, for the years whose file (`urlOf`) this part of the site makes. */
export function yearFilePaths<E extends ArticleRecord>(articles: Iterable<E>, urlOf: (year: string) => string): YearFilePath<E>[] {
  const byYear = fullTextByYear(articles);
  return datedPaths([...byYear.keys()], urlOf).map((year) => {
    const entries = byYear.get(year)!;
    return { params: { year }, props: { articles: entries }, cacheKey: cacheKey(year, entries.map((a) => [a.id, a.digest])) };
  });
}
