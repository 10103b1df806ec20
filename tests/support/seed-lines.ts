// The five seed pages in content/issues, by issue date, and their lines: for tests whose tables
// point at a line of a real page. Each page is read once.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The seed page file of each issue date. */
export const SEED_PAGES = {
  "2022-09-06": "2022-09-06_004_5a48dc7921c40574.txt",
  "2022-09-20": "2022-09-20_003_dddc6a7051c1087a.txt",
  "2022-11-08": "2022-11-08_000_0e8d57b71d93ccd5.txt",
  "2022-12-13": "2022-12-13_002_9478187308266f87.txt",
  "2024-10-15": "2024-10-15_001_554b9e868c6e5a63.txt",
} as const;
export type SeedDate = keyof typeof SEED_PAGES;

/** The path of the seed page of `date`. */
export function seedPagePath(date: SeedDate): string {
  return fileURLToPath(new URL(`../../content/issues/${SEED_PAGES[date]}`, import.meta.url));
}

const texts = new Map<SeedDate, string>();
/** The text of the seed page of `date`. */
export function seedPageText(date: SeedDate): string {
  let text = texts.get(date);
  if (text === undefined) {
    text = readFileSync(seedPagePath(date), "utf8");
    texts.set(date, text);
  }
  return text;
}

const pageLines = new Map<SeedDate, string[]>();
/**
 * Line `line` (1-based) of a seed page, trimmed as the page splitter trims it; `start` or `end`
 * proves the table points at the right line.
 */
export function seedLine(date: SeedDate, line: number, check: { start?: string; end?: string } = {}): string {
  let lines = pageLines.get(date);
  if (!lines) {
    lines = seedPageText(date).split("\n");
    pageLines.set(date, lines);
  }
  const raw = lines[line - 1];
  assert.ok(raw !== undefined, `${date} has no line ${line}`);
  const text = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
  if (check.start) assert.ok(text.startsWith(check.start), `${date}:${line} starts "${text.slice(0, 20)}"`);
  if (check.end) assert.ok(text.endsWith(check.end), `${date}:${line} ends "${text.slice(-20)}"`);
  return text;
}
