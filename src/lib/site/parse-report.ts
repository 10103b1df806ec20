/**
 * The ingest's parse report (content/articles/parse-report.json): per issue, the items found,
 * warnings with their source line, and how much of the page text ended up in some item.
 * The site shows it at /report/; a missing or malformed report is shown as such, never a failed build.
 * It is read through the schema the ingest writes it by (src/lib/ingest/parse-report.ts).
 */
import { readFile } from "node:fs/promises";
import { ARCHIVE } from "../config/archive-config.ts";
import { REPORT_FILE, parseReportSchema, type IssueReport, type ParseReport } from "../ingest/parse-report.ts";
import type { PageFurniture } from "./issue-pages.ts";

export type { IssueReport, ParseReport };

/** Where the ingest writes the report: beside the articles (the config's articles folder). */
export const PARSE_REPORT_FILE = `${ARCHIVE.folders.articles}/${REPORT_FILE}`;

export type ParseReportResult = { report: ParseReport; problem: null } | { report: null; problem: string };

/** Validates a parsed parse-report.json; the problem names the first offending field. */
export function readParseReportJson(json: unknown, file: string): ParseReportResult {
  const result = parseReportSchema.safeParse(json);
  if (result.success) {
    return { report: { ...result.data, issues: result.data.issues.toSorted(newestFirst) }, problem: null };
  }
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
  return { report: null, problem: `${file}: unexpected shape${where}: ${first?.message ?? "invalid"}` };
}

function newestFirst(a: IssueReport, b: IssueReport): number {
  const ka = `${a.date} ${a.issue} ${a.source}`;
  const kb = `${b.date} ${b.issue} ${b.source}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** Reads and validates the report file; a missing file is not an error, just "no report yet". */
export async function loadParseReport(file: string): Promise<ParseReportResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { report: null, problem: `${file} does not exist yet: run \`npm run ingest\`.` };
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { report: null, problem: `${file}: not valid JSON (${(error as Error).message})` };
  }
  return readParseReportJson(json, file);
}

/** Each page file of the issue `issueId` with its staff and teasers, for the issue page; empty without a report. */
export function pageFurnitureOf(report: { issues: readonly { issue: string; source: string; page: PageFurniture }[] } | null, issueId: string): Map<string, PageFurniture> {
  const furniture = new Map<string, PageFurniture>();
  for (const entry of report?.issues ?? []) {
    if (entry.issue === issueId) furniture.set(entry.source, { staff: entry.page.staff, teasers: entry.page.teasers });
  }
  return furniture;
}

export interface ReportTotals {
  issues: number;
  articles: number;
  warnings: number;
  errors: number;
  /** Covered lines over all lines, across every issue; 1 when there are no lines. */
  coverage: number;
}

export function reportTotals(report: {
  issues: readonly { coverage: { lines: number; covered: number }; articles: readonly unknown[]; warnings: readonly unknown[] }[];
  errors: readonly unknown[];
}): ReportTotals {
  let lines = 0;
  let covered = 0;
  let articles = 0;
  let warnings = 0;
  for (const issue of report.issues) {
    lines += issue.coverage.lines;
    covered += issue.coverage.covered;
    articles += issue.articles.length;
    warnings += issue.warnings.length;
  }
  return {
    issues: report.issues.length,
    articles,
    warnings,
    errors: report.errors.length,
    coverage: lines === 0 ? 1 : covered / lines,
  };
}

/** "97.3%" */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}
