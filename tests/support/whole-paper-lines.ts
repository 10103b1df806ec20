// The whole-paper fixture pages in tests/fixtures/whole-paper and their lines: for tests whose
// tables point at a line of a real page of a whole issue (a wire story, a poem, a notice …)
// where the party-building seed pages print no such form. Each page is read once.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A fixture page by its set and file name: "issue-a/2023-03-06_p1.txt". */
export type WholePaperPage = `${"issue-a" | "issue-b"}/${string}.txt`;

/** The path of a whole-paper fixture page. */
export function wholePaperPath(page: WholePaperPage): string {
  return fileURLToPath(new URL(`../fixtures/whole-paper/${page}`, import.meta.url));
}

const texts = new Map<WholePaperPage, string>();
/** The text of a whole-paper fixture page, as the ingest reads it (frontmatter included). */
export function wholePaperText(page: WholePaperPage): string {
  let text = texts.get(page);
  if (text === undefined) {
    text = readFileSync(wholePaperPath(page), "utf8");
    texts.set(page, text);
  }
  return text;
}

/**
 * Line `line` (1-based) of a whole-paper page, trimmed as the page splitter trims it; `start`
 * or `end` proves the table points at the right line.
 */
export function wholePaperLine(page: WholePaperPage, line: number, check: { start?: string; end?: string } = {}): string {
  const raw = wholePaperText(page).split("\n")[line - 1];
  assert.ok(raw !== undefined, `${page} has no line ${line}`);
  const text = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
  if (check.start) assert.ok(text.startsWith(check.start), `${page}:${line} starts "${text.slice(0, 20)}"`);
  if (check.end) assert.ok(text.endsWith(check.end), `${page}:${line} ends "${text.slice(-20)}"`);
  return text;
}

/** Lines `from`..`to` (1-based, inclusive) of a whole-paper page, exactly as printed. */
export function wholePaperLines(page: WholePaperPage, from: number, to: number): string {
  const lines = wholePaperText(page).split("\n");
  assert.ok(to <= lines.length, `${page} has no line ${to}`);
  return lines.slice(from - 1, to).join("\n");
}
