/**
 * A search's results as files for citation managers and spreadsheets: RIS (type NEWS, as the
 * article pages' own RIS downloads write it) and CSV (UTF-8 with a BOM, RFC 4180, the column
 * names of /data/articles.csv where they are the same). Made in the browser from the results'
 * index metadata (search-record.ts), in the results' order; nothing depends on the clock, so the
 * same results give the same bytes. Titles and names stay as printed (Simplified), on either
 * script's page, as the site's citations do.
 */
import { ROLE_LABEL } from "../site/format.ts";

/** Most results one export holds (the first ones, in the order listed). */
export const MAX_EXPORT = 500;

/** One result as exported. */
export interface ExportRecord {
  /** "2022-11-08/slug": the article's id, its path after /articles/. */
  id: string;
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  subtitle: string;
  /** ISO date of the issue. */
  date: string;
  kind: string;
  pageNo: number | null;
  pageName: string;
  section: string;
  agency: string;
  /** The byline as one line ("记者 宋爽；通讯员 李四"). */
  byline: string;
  /** The cited authors: reporters and correspondents, else authors, else photographers. */
  authors: string[];
  location: string;
  county: string;
}

/** The part of a Pagefind fragment an export reads. */
export interface ExportFragment {
  url: string;
  meta: Record<string, string | undefined>;
}

export interface ExportContext {
  /** The site's origin ("https://…"), for absolute URLs. */
  origin: string;
  /** The newspaper's name (RIS T2). */
  newspaper: string;
  /** Language of the records (RIS LA): the printed text's. */
  lang: string;
}

const ZERO_WIDTH = /\u200b/g;

/** The names of each role in a byline line as search-record.ts writes it ("记者 宋爽 王五；通讯员 李四"). */
export function bylineRoles(byline: string): Record<keyof typeof ROLE_LABEL, string[]> {
  const roles = { reporter: [], correspondent: [], photographer: [], author: [] } as Record<keyof typeof ROLE_LABEL, string[]>;
  const byLabel = new Map(Object.entries(ROLE_LABEL).map(([role, label]) => [label, role as keyof typeof ROLE_LABEL]));
  for (const part of byline.split("；")) {
    const [label, ...names] = part.trim().split(/\s+/);
    const role = label === undefined ? undefined : byLabel.get(label);
    if (role) roles[role].push(...names.filter((name) => name !== ""));
  }
  return roles;
}

/** Who a citation names as author (the rule of the article pages' citations): reporters and correspondents, else authors, else photographers. */
export function citedAuthorsOf(byline: string): string[] {
  const roles = bylineRoles(byline);
  const byline1 = [...roles.reporter, ...roles.correspondent];
  const names = byline1.length > 0 ? byline1 : roles.author.length > 0 ? roles.author : roles.photographer;
  return [...new Set(names)];
}

/**
 * A result's record from its fragment (its URL is the Simplified article path, /articles/<id>/).
 * `siteRoot` is the site's own address with its base path ("https://host/archive/"); a bare origin is the root.
 */
export function exportRecord(fragment: ExportFragment, siteRoot: string): ExportRecord {
  const meta = (key: string) => (fragment.meta[key] ?? "").replace(ZERO_WIDTH, "").trim();
  const path = fragment.url;
  const id = path.replace(/^\/articles\//, "").replace(/\/$/, "");
  const page = meta("page");
  const pageNo = /第(\d+)版/.exec(page);
  const byline = meta("byline");
  return {
    id,
    url: new URL(path.replace(/^\//u, ""), siteRoot.endsWith("/") ? siteRoot : `${siteRoot}/`).href,
    title: meta("title"),
    subtitle: meta("subtitle"),
    date: meta("date"),
    kind: meta("kind"),
    pageNo: pageNo ? Number(pageNo[1]) : null,
    pageName: page.replace(/^第\d+版\s*/, ""),
    section: meta("section"),
    agency: meta("agency"),
    byline,
    authors: citedAuthorsOf(byline),
    location: meta("location"),
    county: meta("county"),
  };
}

/** A value on one RIS line: line breaks and runs of white space become one space. */
function risValue(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * RIS records of type NEWS, tags in the specification's order, CRLF line ends, "ER  - " closing
 * each: TI the title (with its subtitle after a colon, as the site's citations cite it), AU each
 * author, PY the year, DA the date (YYYY/MM/DD), T2 the newspaper, SP the page number, SE the page
 * name, LA, UR, and N1 the column, the source agency and the place when there are any.
 */
export function risExport(records: readonly ExportRecord[], context: Pick<ExportContext, "newspaper" | "lang">): string {
  return records
    .map((record) => {
      const notes = [
        record.section ? `栏目：${record.section}` : "",
        record.agency ? `来源：${record.agency}` : "",
        [record.location, record.county].filter(Boolean).length > 0 ? `地区：${[record.location, record.county].filter(Boolean).join(" ")}` : "",
      ].filter(Boolean);
      const lines: [string, string | null][] = [
        ["TY", "NEWS"],
        ["ID", record.id],
        ["TI", record.subtitle ? `${record.title}：${record.subtitle}` : record.title],
        ...record.authors.map((name): [string, string] => ["AU", name]),
        ["PY", record.date.slice(0, 4) || null],
        ["DA", record.date ? record.date.replaceAll("-", "/") : null],
        ["T2", context.newspaper],
        ["SP", record.pageNo === null ? null : String(record.pageNo)],
        ["SE", record.pageName || null],
        ["LA", context.lang],
        ["UR", record.url],
        ["N1", notes.length > 0 ? notes.join("；") : null],
      ];
      const body = lines
        .filter((line): line is [string, string] => line[1] !== null && risValue(line[1]) !== "")
        .map(([tag, value]) => `${tag}  - ${risValue(value)}\r\n`)
        .join("");
      return `${body}ER  - \r\n`;
    })
    .join("\r\n");
}

/** The CSV columns of an export (names as in /data/articles.csv where the field is the same). */
export const EXPORT_CSV_COLUMNS = [
  "id",
  "url",
  "date",
  "title",
  "subtitle",
  "kind",
  "page_no",
  "page_name",
  "section",
  "agency",
  "byline",
  "authors",
  "location",
  "county",
] as const;

/** Joins the authors in one cell, as /data/articles.csv joins its name lists. */
export const CSV_LIST_SEPARATOR = "、";

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. A
 * cell starting with = + - @ (or a tab or CR) gets a leading apostrophe, so a spreadsheet shows it
 * as text instead of running it as a formula (the OWASP "CSV injection" guard).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The records as CSV: a BOM (so spreadsheets read UTF-8), a header row, CRLF line ends. */
export function csvExport(records: readonly ExportRecord[]): string {
  const rows = records.map((r) => {
    const cells: Record<(typeof EXPORT_CSV_COLUMNS)[number], string> = {
      id: r.id,
      url: r.url,
      date: r.date,
      title: r.title,
      subtitle: r.subtitle,
      kind: r.kind,
      page_no: r.pageNo === null ? "" : String(r.pageNo),
      page_name: r.pageName,
      section: r.section,
      agency: r.agency,
      byline: r.byline,
      authors: r.authors.join(CSV_LIST_SEPARATOR),
      location: r.location,
      county: r.county,
    };
    return EXPORT_CSV_COLUMNS.map((column) => csvField(cells[column])).join(",");
  });
  return `\uFEFF${[EXPORT_CSV_COLUMNS.join(","), ...rows].map((line) => `${line}\r\n`).join("")}`;
}

/** "search-results-from-2022-09-01-to-2022-12-31.ris": a download's file name, with the search's range when it has one. */
export function exportFileName(base: string, range: { from: string | null; to: string | null }, extension: "ris" | "csv"): string {
  const from = range.from === null ? "" : `-from-${range.from}`;
  const to = range.to === null ? "" : `-to-${range.to}`;
  return `${base}${from}${to}.${extension}`;
}
