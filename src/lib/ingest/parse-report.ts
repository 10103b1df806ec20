/**
 * The parse report written beside the articles: per issue its articles, the warnings
 * an editor should look at, and the coverage account of its lines.
 */
import type { ItemKind } from "../article.ts";
import type { IngestError } from "./errors.ts";
import type { WarningCode } from "./page-item.ts";
import type { Coverage, ParsedIssue } from "./parse-page.ts";
import { comparableText } from "./text-shape.ts";

export interface ParseReport {
  issues: {
    issue: string;
    date: string;
    source: string;
    /** The newspaper page this file holds, with its staff and front-page teasers. */
    page: {
      no: number | null;
      name: string | null;
      staff: { role: string; names: string[] }[];
      /** A teaser's `article` is the id of the item it announces, when found in the issue. */
      teasers: { text: string; summary: string | null; page: number | null; line: number; article: string | null }[];
    };
    articles: { id: string; title: string; kind: ItemKind; order: number }[];
    /** Warnings about the whole file (truncated-file) come first, with no line and no article. */
    warnings: { code: WarningCode | "truncated-file"; message: string; line: number | null; article: string | null }[];
    coverage: Coverage;
  }[];
  errors: IngestError[];
}

/** The article a front-page teaser announces: on the page it names, with its headline. */
function teasedArticle(parsed: ParsedIssue[], date: string, teaser: { text: string; page: number | null }): string | null {
  const wanted = comparableText(teaser.text);
  if (wanted === "") return null;
  for (const issue of parsed) {
    if (issue.issue.date !== date || (teaser.page !== null && issue.page.no !== teaser.page)) continue;
    const found = issue.articles.find((a) => {
      const title = comparableText(a.frontmatter.title);
      return title === wanted || (title.length >= 6 && (wanted.includes(title) || title.includes(wanted)));
    });
    if (found) return found.id;
  }
  return null;
}

export function buildParseReport(parsed: ParsedIssue[], errors: IngestError[]): ParseReport {
  return {
    issues: parsed.map(({ issue, page, articles, coverage, fileWarnings }) => ({
      issue: issue.date,
      date: issue.date,
      source: issue.source,
      page: { no: page.no, name: page.name, staff: page.staff, teasers: page.teasers.map((t) => ({ ...t, article: teasedArticle(parsed, issue.date, t) })) },
      articles: articles.map((a) => ({ id: a.id, title: a.frontmatter.title, kind: a.frontmatter.kind, order: a.frontmatter.order })),
      warnings: [
        ...(fileWarnings ?? []).map((w) => ({ code: w.code, message: w.message, line: null, article: null })),
        ...articles.flatMap((a) => a.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line, article: a.id }))),
      ],
      coverage,
    })),
    errors: [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))),
  };
}
