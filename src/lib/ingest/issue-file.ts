/**
 * An issue file: optional YAML frontmatter (date, paper, page) and the page text.
 * The date comes from the frontmatter, else from a leading YYYY-MM-DD in the file name.
 */
import matter from "gray-matter";
import type { IngestError } from "./errors.ts";

export interface IssueFile {
  /** File name relative to the input folder, with forward slashes. */
  source: string;
  date: string;
  paper: string | null;
  page: string | null;
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

function frontmatterValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // js-yaml turns an unquoted 2022-11-08 into a Date at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim() || null;
}

export function readIssueFile(source: string, text: string): { ok: true; issue: IssueFile } | { ok: false; error: IngestError } {
  let data: Record<string, unknown> = {};
  let body = text.startsWith("\ufeff") ? text.slice(1) : text;
  let firstLine = 1;
  if (/^---[ \t]*\n/.test(body)) {
    try {
      // gray-matter caches by input string; an empty options object disables that cache.
      const parsed = matter(body, {});
      data = parsed.data as Record<string, unknown>;
      const consumed = body.length - parsed.content.length;
      firstLine = body.slice(0, consumed).split("\n").length;
      body = parsed.content;
    } catch (err) {
      const mark = (err as { mark?: { line?: number } }).mark;
      const reason = (err as { reason?: string }).reason ?? (err as Error).message;
      return {
        ok: false,
        error: {
          file: source,
          // js-yaml counts lines from 0 within the frontmatter, which begins on file line 2.
          line: mark?.line !== undefined ? mark.line + 2 : null,
          message: `bad frontmatter YAML: ${reason}`,
        },
      };
    }
  }

  const fmDate = frontmatterValue(data.date);
  if (fmDate !== null && !isValidIsoDate(fmDate)) {
    return { ok: false, error: { file: source, line: 2, message: `frontmatter date "${fmDate}" is not a valid YYYY-MM-DD date` } };
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
    issue: { source, date, paper: frontmatterValue(data.paper), page: frontmatterValue(data.page), text: body, firstLine },
  };
}
