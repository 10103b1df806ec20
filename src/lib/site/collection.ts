/**
 * The one bridge between the content collection and the site: reads `articles` once per build
 * and hands it to buildArchive (and reads the parse report beside it once). This is the only module under src/lib that imports `astro:*`;
 * it holds no logic of its own, so everything it returns is tested through archive.ts.
 */
import { getEntry } from "astro:content";
import { buildArchive, type Archive } from "./archive.ts";
import { RECORDS_ENTRY_ID, readArticleRecords, type ArticleRecord } from "./article-records.ts";
import { issuePageViews, type IssuePageView } from "./issue-pages.ts";
import { PARSE_REPORT_FILE, loadParseReport, pageFurnitureOf, type ParseReportResult } from "./parse-report.ts";

export type ArticleEntry = ArticleRecord;
export type SiteArchive = Archive<ArticleEntry>;

/** Every article as the content sync left it: the records file its one store entry names (article-loader.ts). */
async function articleRecords(): Promise<ArticleEntry[]> {
  const entry = await getEntry("articles", RECORDS_ENTRY_ID);
  return entry ? readArticleRecords(entry.data.file) : [];
}

let built: Promise<SiteArchive> | undefined;

/**
 * The archive of every article. Memoised for the build (all pages share one module instance);
 * rebuilt on each request in dev, where the ingest may rewrite articles at any time.
 */
export async function getArchive(): Promise<SiteArchive> {
  if (import.meta.env.DEV) return buildArchive(await articleRecords());
  built ??= articleRecords().then(buildArchive);
  return built;
}

let report: Promise<ParseReportResult> | undefined;

/** The ingest's parse report beside the articles, read once per build like the archive (every issue page shows part of it). */
export async function getParseReport(): Promise<ParseReportResult> {
  if (import.meta.env.DEV) return loadParseReport(PARSE_REPORT_FILE);
  report ??= loadParseReport(PARSE_REPORT_FILE);
  return report;
}

/** An issue's pages ready to show, with the staff and teasers the parse report gives each page file. */
export async function getIssuePages(archive: SiteArchive, issueId: string): Promise<IssuePageView<ArticleEntry>[]> {
  const { report } = await getParseReport();
  const issue = archive.issueById.get(issueId);
  if (!issue) return [];
  return issuePageViews(issue.pages, pageFurnitureOf(report, issueId), (id) => archive.articleById.has(id));
}
