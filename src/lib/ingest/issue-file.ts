/**
 * An issue file: optional YAML frontmatter (date, paper, page) and the page text.
 * The date comes from the frontmatter, else from a leading YYYY-MM-DD in the file name.
 */
import matter from "gray-matter";
import { FRONTMATTER_ENGINES, yamlErrorLine, yamlErrorReason } from "../yaml.ts";
import type { IngestError } from "./errors.ts";

export interface IssueFile {
  /** File name relative to the input folder, with forward slashes. */
  source: string;
  date: string;
  paper: string | null;
  /** Page number from the frontmatter (`page: 5`), or null. */
  pageNo: number | null;
  /** Page name from the frontmatter (`page_name: 党建`, or a `page:` that is not a number), or null. */
  pageName: string | null;
  /** Page number the file name gives (2022-09-06_p5.txt, …_第5版.txt), or null. */
  fileNamePageNo: number | null;
  /** Page text without the frontmatter. */
  text: string;
  /** 1-based line in the file where `text` starts (after frontmatter). */
  firstLine: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dateFromFileName(source: string): string | null {
  const base = source.split("/").pop() ?? source;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(base);
  return m && m[1] && isValidIsoDate(m[1]) ? m[1] : null;
}

/** 2022-09-06_p5.txt, 2022-09-06_第5版.txt, 2022-09-06-5版.txt → 5. */
export function pageNoFromFileName(source: string): number | null {
  const base = (source.split("/").pop() ?? source).replace(/\.[^.]*$/u, "");
  const m = /(?:^|[_\-\s.])(?:[pP](\d{1,3})|第?(\d{1,3})版)(?=$|[_\-\s.])/u.exec(base.replace(/^\d{4}-\d{2}-\d{2}/u, ""));
  const digits = m ? (m[1] ?? m[2]) : undefined;
  return digits && Number(digits) > 0 ? Number(digits) : null;
}

function frontmatterValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // js-yaml turns an unquoted 2022-11-08 into a Date at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim() || null;
}

function pageNo(value: unknown): number | null {
  const text = frontmatterValue(value);
  const m = text === null ? null : /^(?:第\s*)?(\d{1,3})\s*版?$/u.exec(text);
  return m && m[1] && Number(m[1]) > 0 ? Number(m[1]) : null;
}

/** Byte-order marks (UTF-8, GB18030) the decoded text may open with, one after another. */
const LEADING_MARKS = [
  [0xef, 0xbb, 0xbf],
  [0x84, 0x31, 0x95, 0x33],
];

/**
 * Whether the file's text may open with frontmatter (and so with a date other than its name's),
 * told from its bytes before they are decoded: UTF-16, or a first character "-" after any
 * byte-order marks. Any other file's issue date is the one its name starts with.
 */
export function mayHaveFrontmatter(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let at = 0;
  const markAt = () => LEADING_MARKS.find((mark) => mark.every((b, i) => bytes[at + i] === b));
  for (let mark = markAt(); mark; mark = markAt()) at += mark.length;
  return bytes[at] === 0x2d;
}

export function readIssueFile(source: string, text: string): { ok: true; issue: IssueFile } | { ok: false; error: IngestError } {
  let data: Record<string, unknown> = {};
  let body = text.startsWith("\ufeff") ? text.slice(1) : text;
  let firstLine = 1;
  if (/^---[ \t]*\n/.test(body)) {
    try {
      // gray-matter caches by input string; passing options disables that cache. The core
      // schema keeps 2022-02-30 a string instead of rolling it over to a Date of 2022-03-02.
      const parsed = matter(body, FRONTMATTER_ENGINES);
      data = parsed.data as Record<string, unknown>;
      const consumed = body.length - parsed.content.length;
      firstLine = body.slice(0, consumed).split("\n").length;
      body = parsed.content;
    } catch (err) {
      return {
        ok: false,
        error: {
          file: source,
          // js-yaml counts from 0 within the text after the opening "---", which starts on line 1.
          line: yamlErrorLine(err),
          message: `bad frontmatter YAML: ${yamlErrorReason(err)}`,
        },
      };
    }
  }

  const fmDate = frontmatterValue(data.date);
  if (fmDate !== null && !isValidIsoDate(fmDate)) {
    const dateLine = body === text ? null : text.split("\n").findIndex((line) => /^date\s*:/u.test(line));
    return { ok: false, error: { file: source, line: dateLine === null || dateLine < 0 ? null : dateLine + 1, message: `frontmatter date "${fmDate}" is not a valid YYYY-MM-DD date` } };
  }
  const date = fmDate ?? dateFromFileName(source);
  if (date === null) {
    return {
      ok: false,
      error: { file: source, line: null, message: "no issue date: add `date: YYYY-MM-DD` frontmatter or start the file name with YYYY-MM-DD" },
    };
  }
  if (body.trim() === "") {
    return { ok: false, error: { file: source, line: null, message: "the file has no page text" } };
  }
  return {
    ok: true,
    issue: {
      source,
      date,
      paper: frontmatterValue(data.paper),
      pageNo: pageNo(data.page),
      pageName: frontmatterValue(data.page_name) ?? (pageNo(data.page) === null ? frontmatterValue(data.page) : null),
      fileNamePageNo: pageNoFromFileName(source),
      text: body,
      firstLine,
    },
  };
}
