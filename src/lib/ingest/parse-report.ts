/**
 * The parse report written beside the articles (parse-report.json): per issue file its page, its
 * articles, the warnings an editor should look at and the coverage account of its lines, then the
 * files that could not be read. One schema for the ingest that writes it and the site that reads
 * it (src/lib/site/parse-report.ts, the /report/ page).
 */
import { z } from "zod";
import { ITEM_KINDS } from "../article.ts";
import type { IngestError } from "./errors.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { comparableText } from "./text-shape.ts";

/** The report's file name, in the articles folder. */
export const REPORT_FILE = "parse-report.json";

const reportWarning = z.object({
  /** What the parser saw: a code of src/lib/ingest/page-item.ts (WarningCode), or truncated-file; any string reads, so a report of another parser version still shows. */
  code: z.string(),
  /** The warning for an editor, in Chinese, naming what to check. */
  message: z.string(),
  /** 1-based line of the issue file it is about, or null (a warning about the whole file or a whole article). */
  line: z.number().int().nullable(),
  /** The id of the article it concerns, or null when it concerns the file. */
  article: z.string().nullable(),
});

const issueReport = z.object({
  /** The issue id: the issue date. */
  issue: z.string(),
  /** The issue date, YYYY-MM-DD. */
  date: z.string(),
  /** The issue file, relative to the issues folder, with forward slashes. */
  source: z.string(),
  /** The newspaper page this file holds. */
  page: z.object({
    /** Page number (版次), or null when neither the page nor its file says. */
    no: z.number().int().nullable(),
    /** Page name (版名), or null. */
    name: z.string().nullable(),
    /** The people the page names for its making: 责任编辑 李四 → {role: 责任编辑, names: [李四]}. */
    staff: z.array(z.object({ role: z.string(), names: z.array(z.string()) })),
    /** Front-page teasers (导读 … 详见第3版). */
    teasers: z.array(
      z.object({
        /** The teaser's headline as printed. */
        text: z.string(),
        /** The summary printed with it, when it is more than a headline. */
        summary: z.string().nullable(),
        /** The page it points to, when printed. */
        page: z.number().int().nullable(),
        /** 1-based line of the issue file. */
        line: z.number().int(),
        /** The id of the article it announces, when found in the issue. */
        article: z.string().nullable(),
      }),
    ),
  }),
  /** The articles of the page, in page order, as written (final ids, corrections applied). */
  articles: z.array(
    z.object({
      /** `<date>/<slug>`, the article's permalink. */
      id: z.string(),
      /** Its headline. */
      title: z.string(),
      /** article, commentary, photo, brief or notice. */
      kind: z.enum(ITEM_KINDS),
      /** Its position on the page, from 1. */
      order: z.number().int(),
    }),
  ),
  /** Warnings about the whole file (truncated-file) first, then the articles' in page order. */
  warnings: z.array(reportWarning),
  /** The coverage account: every non-empty line of the page must land in an article, a label, a byline or the page's furniture. */
  coverage: z.object({
    /** Non-empty lines of the page. */
    lines: z.number().int(),
    /** Lines whose text was found in what was written. */
    covered: z.number().int(),
    /** covered / lines; 1 for a page without lines. */
    ratio: z.number(),
    /** The lines not covered, 1-based. */
    uncovered: z.array(z.number().int()),
  }),
});

export const parseReportSchema = z.object({
  /** One entry per issue file read, in file-name order. */
  issues: z.array(issueReport),
  /** The files that could not be read, and corrections that could not be applied, by file and line. */
  errors: z.array(
    z.object({
      /** The issue file (relative to the issues folder) or the corrections file. */
      file: z.string(),
      /** 1-based line, when one line is to blame. */
      line: z.number().int().nullable(),
      /** What is wrong. */
      message: z.string(),
    }),
  ),
});

export type ParseReport = z.infer<typeof parseReportSchema>;
export type IssueReport = z.infer<typeof issueReport>;

/** The article a front-page teaser announces: on the page it names, with its headline; `pages` are its issue's. */
function teasedArticle(pages: readonly ParsedIssue[], teaser: { text: string; page: number | null }): string | null {
  const wanted = comparableText(teaser.text);
  if (wanted === "") return null;
  for (const issue of pages) {
    if (teaser.page !== null && issue.page.no !== teaser.page) continue;
    const found = issue.articles.find((a) => {
      const title = comparableText(a.frontmatter.title);
      return title === wanted || (title.length >= 6 && (wanted.includes(title) || title.includes(wanted)));
    });
    if (found) return found.id;
  }
  return null;
}

/** The report entries of one issue's pages as written (their articles with final ids and corrections), in the order given. */
export function issueReports(pages: readonly ParsedIssue[]): IssueReport[] {
  return pages.map(({ issue, page, articles, coverage, fileWarnings }) => ({
    issue: issue.date,
    date: issue.date,
    source: issue.source,
    page: { no: page.no, name: page.name, staff: page.staff, teasers: page.teasers.map((t) => ({ ...t, article: teasedArticle(pages, t) })) },
    articles: articles.map((a) => ({ id: a.id, title: a.frontmatter.title, kind: a.frontmatter.kind, order: a.frontmatter.order })),
    warnings: [
      ...fileWarnings.map((w) => ({ code: w.code, message: w.message, line: null, article: null })),
      ...articles.flatMap((a) => a.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line, article: a.id }))),
    ],
    coverage,
  }));
}

/** The report of the issues' entries (in file-name order) and the run's errors. */
export function parseReport(issues: IssueReport[], errors: readonly IngestError[]): ParseReport {
  return { issues, errors: sortedErrors(errors) };
}

const sortedErrors = (errors: readonly IngestError[]) =>
  [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

/** JSON text as it stands `depth` levels into JSON.stringify(…, null, 2): a string in JSON holds no raw line break. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll("\n", `\n${" ".repeat(2 * depth)}`);

/** An issue's entry as it stands in the report's text, so that a run can keep it and write it again without making it anew. */
export function reportEntryText(entry: IssueReport): Uint8Array {
  return Buffer.from(`    ${indented(entry, 2)}`);
}

/**
 * The report's file from its entries' texts (reportEntryText, in file-name order) and the run's
 * errors: byte for byte `${JSON.stringify(parseReport(issues, errors), null, 2)}\n`.
 */
export function parseReportBytes(entries: readonly Uint8Array[], errors: readonly IngestError[]): Buffer {
  const tail = Buffer.from(`\n  ],\n  "errors": ${indented(sortedErrors(errors), 1)}\n}\n`);
  if (entries.length === 0) return Buffer.from(`{\n  "issues": [],\n  "errors": ${indented(sortedErrors(errors), 1)}\n}\n`);
  const separator = Buffer.from(",\n");
  return Buffer.concat([Buffer.from('{\n  "issues": [\n'), ...entries.flatMap((entry, at) => (at === 0 ? [entry] : [separator, entry])), tail]);
}
