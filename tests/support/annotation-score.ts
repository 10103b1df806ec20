/**
 * Scores an ingest against an editor's annotation of a set of pages
 * (tests/fixtures/whole-paper/<set>/expected.json).
 *
 * An expected item is found when an actual item on the same page (same source file, or
 * the same printed page number) has the same headline once spaces and punctuation are
 * ignored, or failing that, a body that starts with the expected `body_starts`. Over the
 * found items each metadata field is compared (people lists as sets); actual items that
 * match nothing are spurious; coverage is read from the parse report. `body_starts` and
 * `body_ends` are checked too and reported, apart from the field tally.
 *
 * `scoreAnnotation` is pure; `readIngestOutput` and `readExpected` do the reading.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";

export interface ExpectedPage {
  source: string;
  no: number | null;
  name: string | null;
  staff: { role: string; names: string[] }[];
  teasers: { text: string; page: number | null }[];
}

export interface ExpectedItem {
  source: string;
  title: string;
  subtitle: string | null;
  kind: string;
  section: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
  affiliation: string | null;
  agency: string | null;
  page: { no: number | null; name: string | null };
  location: string | null;
  county: string | null;
  body_starts: string;
  body_ends: string;
}

export interface Annotation {
  pages: ExpectedPage[];
  items: ExpectedItem[];
}

/** One article the ingest wrote: its frontmatter and Markdown body. */
export interface ActualItem {
  /** Path of the Markdown file relative to the output folder. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** The parts of parse-report.json the scorer reads. */
export interface ReportInput {
  issues: {
    source: string;
    page?: {
      no: number | null;
      name: string | null;
      staff?: { role: string; names: string[] }[];
      teasers?: { text: string; page: number | null }[];
    };
    coverage: { ratio: number; uncovered?: number[] };
  }[];
  errors?: { file: string; line: number | null; message: string }[];
}

export interface IngestOutput {
  items: ActualItem[];
  report: ReportInput;
}

export const SCORED_FIELDS = [
  "title",
  "subtitle",
  "kind",
  "section",
  "reporters",
  "correspondents",
  "photographers",
  "authors",
  "affiliation",
  "agency",
  "page",
  "location",
  "county",
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const LIST_FIELDS = new Set<ScoredField>(["reporters", "correspondents", "photographers", "authors"]);
const TEXT_FIELDS = new Set<ScoredField>(["title", "subtitle"]);

export interface Tally {
  right: number;
  total: number;
}

export interface AnnotationScore {
  items: { expected: number; found: number; ratio: number };
  fields: { right: number; total: number; ratio: number; byField: Record<ScoredField, Tally> };
  /** body_starts / body_ends over the found items (reported, not part of `fields`). */
  body: { starts: Tally; ends: Tally };
  /** Printed page number, name, staff and teasers of each expected page, from the report. */
  pages: Tally;
  spurious: { source: string; title: string; kind: string }[];
  coverage: { source: string; ratio: number; uncovered: number[] }[];
  /** Every miss, wrong field, spurious item and shortfall, one line each, by category. */
  misses: Miss[];
}

export type MissCategory = "error" | "not-found" | "field" | "body" | "spurious" | "page" | "coverage";

export interface Miss {
  category: MissCategory;
  text: string;
}

/** How far into the (normalised) body `body_starts` may begin and still match. */
const NEAR_START = 60;

/**
 * Text for comparison: NFKC, no Markdown escapes or heading marks, no whitespace,
 * punctuation or symbols (so “ ” " , ， are all ignored).
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/^#{1,6}[ \t]+/gmu, "")
    .replace(/\\(.)/gu, "$1")
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

function baseName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

function asString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

function actualPage(item: ActualItem): { no: number | null; name: string | null } {
  const page = item.data.page as { no?: unknown; name?: unknown } | null | undefined;
  const no = page && typeof page.no === "number" ? page.no : null;
  const name = page ? asString(page.name) : null;
  return { no, name };
}

function actualSource(item: ActualItem): string {
  return baseName(asString(item.data.source) ?? "");
}

function show(value: unknown): string {
  return JSON.stringify(value ?? null);
}

function sameList(expected: string[], actual: string[]): boolean {
  const e = new Set(expected.map((s) => s.trim()));
  const a = new Set(actual.map((s) => s.trim()));
  return e.size === a.size && [...e].every((s) => a.has(s));
}

function sameScalar(expected: string | null, actual: string | null): boolean {
  const e = expected === null ? null : expected.normalize("NFKC").replace(/\s+/gu, "");
  const a = actual === null ? null : actual.normalize("NFKC").replace(/\s+/gu, "");
  return (e === "" ? null : e) === (a === "" ? null : a);
}

function sameText(expected: string | null, actual: string | null): boolean {
  const e = expected === null ? "" : normaliseText(expected);
  const a = actual === null ? "" : normaliseText(actual);
  return e === a;
}

function fieldRight(field: ScoredField, expected: ExpectedItem, actual: ActualItem): { right: boolean; got: unknown } {
  if (field === "page") {
    const got = actualPage(actual);
    return { right: got.no === expected.page.no && sameScalar(expected.page.name, got.name), got };
  }
  const raw = actual.data[field];
  if (LIST_FIELDS.has(field)) {
    const got = asList(raw);
    return { right: sameList(expected[field] as string[], got), got };
  }
  const got = asString(raw);
  if (TEXT_FIELDS.has(field)) return { right: sameText(expected[field] as string | null, got), got };
  return { right: sameScalar(expected[field] as string | null, got), got };
}

function onSamePage(expected: ExpectedItem, actual: ActualItem): boolean {
  if (actualSource(actual) === baseName(expected.source)) return true;
  const page = actualPage(actual);
  return expected.page.no !== null && page.no === expected.page.no;
}

function startsNear(body: string, start: string): boolean {
  const s = normaliseText(start);
  if (s === "") return false;
  const at = normaliseText(body).indexOf(s);
  return at >= 0 && at <= NEAR_START;
}

function endsWith(body: string, end: string): boolean {
  const e = normaliseText(end);
  return e !== "" && normaliseText(body).endsWith(e);
}

function ratio(right: number, total: number): number {
  return total === 0 ? 1 : right / total;
}

function scorePages(expected: ExpectedPage[], report: ReportInput, misses: Miss[]): Tally {
  const tally: Tally = { right: 0, total: 0 };
  for (const page of expected) {
    const issue = report.issues.find((i) => baseName(i.source) === baseName(page.source));
    const checks: [string, boolean, unknown, unknown][] = [];
    const got = issue?.page;
    checks.push(["no", got?.no === page.no, page.no, got?.no]);
    checks.push(["name", sameScalar(page.name, got?.name ?? null), page.name, got?.name]);
    const staffKey = (s: { role: string; names: string[] }[]) => s.flatMap((r) => r.names.map((n) => `${r.role.trim()}:${n.trim()}`));
    checks.push(["staff", sameList(staffKey(page.staff), staffKey(got?.staff ?? [])), page.staff, got?.staff]);
    const teaserKey = (t: { text: string; page: number | null }[]) => t.map((x) => `${normaliseText(x.text)}→${x.page}`);
    checks.push(["teasers", sameList(teaserKey(page.teasers), teaserKey(got?.teasers ?? [])), page.teasers, got?.teasers]);
    for (const [what, right, want, have] of checks) {
      tally.total += 1;
      if (right) tally.right += 1;
      else misses.push({ category: "page", text: `[${page.source}] page ${what}: expected ${show(want)}, got ${issue ? show(have) : "no report entry"}` });
    }
  }
  return tally;
}

/** Scores one set's ingest output against its annotation. Pure. */
export function scoreAnnotation(annotation: Annotation, output: IngestOutput): AnnotationScore {
  const misses: Miss[] = [];
  const { items: actual, report } = output;
  for (const error of report.errors ?? [])
    misses.push({ category: "error", text: `[${error.file}] ingest error${error.line ? ` (line ${error.line})` : ""}: ${error.message}` });

  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  // First every headline match, then body openings for the rest: a later item's title
  // match is never taken by an earlier item's looser body match.
  annotation.items.forEach((exp, e) => {
    const title = normaliseText(exp.title);
    const sameTitle = (act: ActualItem, i: number) => !taken.has(i) && onSamePage(exp, act) && normaliseText(asString(act.data.title) ?? "") === title;
    // Several items may share a headline (three 遗失声明 in a row): the one whose text opens the same is this one.
    const byBody = actual.findIndex((act, i) => sameTitle(act, i) && startsNear(act.body, exp.body_starts));
    const a = byBody >= 0 ? byBody : actual.findIndex(sameTitle);
    if (a >= 0) {
      matchOf.set(e, a);
      taken.add(a);
    }
  });
  annotation.items.forEach((exp, e) => {
    if (matchOf.has(e)) return;
    const a = actual.findIndex((act, i) => !taken.has(i) && onSamePage(exp, act) && startsNear(act.body, exp.body_starts));
    if (a >= 0) {
      matchOf.set(e, a);
      taken.add(a);
    }
  });

  const byField = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<ScoredField, Tally>;
  const body = { starts: { right: 0, total: 0 }, ends: { right: 0, total: 0 } };
  annotation.items.forEach((exp, e) => {
    const label = `[${exp.source}] ${exp.title} (${exp.kind})`;
    const a = matchOf.get(e);
    if (a === undefined) {
      misses.push({ category: "not-found", text: `${label}: not found` });
      return;
    }
    const act = actual[a]!;
    for (const field of SCORED_FIELDS) {
      const { right, got } = fieldRight(field, exp, act);
      byField[field].total += 1;
      if (right) byField[field].right += 1;
      else misses.push({ category: "field", text: `${label}: ${field} expected ${show(exp[field])}, got ${show(got)}` });
    }
    body.starts.total += 1;
    if (startsNear(act.body, exp.body_starts)) body.starts.right += 1;
    else misses.push({ category: "body", text: `${label}: body should start ${show(exp.body_starts)}, starts ${show(normaliseText(act.body).slice(0, 24))}` });
    body.ends.total += 1;
    if (endsWith(act.body, exp.body_ends)) body.ends.right += 1;
    else misses.push({ category: "body", text: `${label}: body should end ${show(exp.body_ends)}, ends ${show(normaliseText(act.body).slice(-24))}` });
  });

  const spurious = actual
    .filter((_, i) => !taken.has(i))
    .map((act) => ({ source: actualSource(act), title: asString(act.data.title) ?? "", kind: asString(act.data.kind) ?? "" }));
  for (const s of spurious) misses.push({ category: "spurious", text: `[${s.source}] spurious: ${s.title} (${s.kind})` });

  const pages = scorePages(annotation.pages, report, misses);
  const coverage = report.issues.map((i) => ({ source: i.source, ratio: i.coverage.ratio, uncovered: i.coverage.uncovered ?? [] }));
  for (const c of coverage)
    if (c.ratio < 1)
      misses.push({ category: "coverage", text: `[${c.source}] coverage ${(c.ratio * 100).toFixed(1)}%, lines not accounted for: ${c.uncovered.join(", ")}` });

  const fieldRightTotal = SCORED_FIELDS.reduce((n, f) => n + byField[f].right, 0);
  const fieldTotal = SCORED_FIELDS.reduce((n, f) => n + byField[f].total, 0);
  return {
    items: { expected: annotation.items.length, found: matchOf.size, ratio: ratio(matchOf.size, annotation.items.length) },
    fields: { right: fieldRightTotal, total: fieldTotal, ratio: ratio(fieldRightTotal, fieldTotal), byField },
    body,
    pages,
    spurious,
    coverage,
    misses,
  };
}

function percent(r: number): string {
  return `${(r * 100).toFixed(1)}%`;
}

/** The misses of the given categories, one per line. */
export function missLines(score: AnnotationScore, categories: readonly MissCategory[]): string {
  return score.misses
    .filter((m) => categories.includes(m.category))
    .map((m) => `  - ${m.text}`)
    .join("\n");
}

/** A readable account of a score: the totals, each field, then every miss. */
export function formatScore(name: string, score: AnnotationScore): string {
  const minCoverage = score.coverage.length === 0 ? 1 : Math.min(...score.coverage.map((c) => c.ratio));
  const lines = [
    `${name}: items found ${score.items.found}/${score.items.expected} (${percent(score.items.ratio)}), ` +
      `fields right ${score.fields.right}/${score.fields.total} (${percent(score.fields.ratio)}), ` +
      `spurious ${score.spurious.length}, coverage min ${percent(minCoverage)}, ` +
      `body starts ${score.body.starts.right}/${score.body.starts.total}, ends ${score.body.ends.right}/${score.body.ends.total}, ` +
      `page metadata ${score.pages.right}/${score.pages.total}`,
    "  by field: " + SCORED_FIELDS.map((f) => `${f} ${score.fields.byField[f].right}/${score.fields.byField[f].total}`).join(", "),
    ...score.misses.map((m) => `  - ${m.text}`),
  ];
  return lines.join("\n");
}

/** Reads an annotation file. */
export function readExpected(path: string): Annotation {
  return JSON.parse(readFileSync(path, "utf8")) as Annotation;
}

/** Reads what the ingest wrote into `outDir`: every Markdown article and parse-report.json. */
export function readIngestOutput(outDir: string): IngestOutput {
  const files = readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .map((p) => p.split("\\").join("/"))
    .filter((p) => p.endsWith(".md") && !p.startsWith("."))
    .sort();
  const items = files.map((file) => {
    // Options disable gray-matter's cache keyed by the file text.
    const parsed = matter(readFileSync(join(outDir, file), "utf8"), {});
    return { file, data: parsed.data as Record<string, unknown>, body: parsed.content };
  });
  const report = JSON.parse(readFileSync(join(outDir, "parse-report.json"), "utf8")) as ReportInput;
  return { items, report };
}
