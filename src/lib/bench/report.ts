/**
 * The benchmark's result: one record, printed as a table for people or as one JSON object
 * (`--json`) for scripts. The first ten keys are fixed; extra keys follow them.
 */

export const RESULT_KEYS = [
  "articles",
  "ingest_s",
  "astro_s",
  "index_s",
  "total_s",
  "peak_rss_mb",
  "dist_mb",
  "first_query_kb",
  "next_query_kb",
  "rebuild_s",
] as const;

export interface BenchResult {
  articles: number;
  ingest_s: number | null;
  astro_s: number | null;
  index_s: number | null;
  total_s: number;
  peak_rss_mb: number | null;
  dist_mb: number | null;
  first_query_kb: number | null;
  next_query_kb: number | null;
  rebuild_s: number | null;
  /** Extra keys, printed after the fixed ones. */
  [extra: string]: unknown;
}

export function round(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The result as one JSON object, fixed keys first, in order. */
export function resultJson(result: BenchResult): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RESULT_KEYS) ordered[key] = result[key] ?? null;
  for (const [key, value] of Object.entries(result)) if (!(key in ordered)) ordered[key] = value;
  return JSON.stringify(ordered);
}

/**
 * A plain-text table: a header, a rule, and rows; numeric cells right-aligned. Widths count
 * characters (full-width characters as two columns).
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const columns = headers.length;
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const numeric = (s: string) => /^[-+]?[\d.,]+(\s?[%×a-zA-Z/]+)?$/.test(s.trim());
  const cell = (s: string, c: number) => {
    const pad = " ".repeat(widths[c]! - width(s));
    return numeric(s) ? pad + s : s + pad;
  };
  const line = (cells: readonly string[]) =>
    Array.from({ length: columns }, (_, c) => cell(cells[c] ?? "", c))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function show(value: unknown, unit: string, digits: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

/** One query's way to its results, as src/lib/bench/first-results.ts measures it in Chromium. */
export interface FirstResultsMeasure {
  query: string;
  bytesToFirst: number;
  msToFirst: number;
  bytesToComplete: number;
  msToComplete: number;
  requestsToFirst: number;
  requestsToComplete: number;
}

/** The JSON's `first_results` entry of one query: the same figures, in the JSON's snake_case. */
export interface FirstResultsJson {
  query: string;
  bytes_to_first: number;
  ms_to_first: number;
  requests_to_first: number;
  bytes_to_complete: number;
  ms_to_complete: number;
  requests_to_complete: number;
}

export function firstResultsJson(measures: readonly FirstResultsMeasure[]): FirstResultsJson[] {
  return measures.map((m) => ({
    query: m.query,
    bytes_to_first: m.bytesToFirst,
    ms_to_first: round(m.msToFirst, 0) ?? m.msToFirst,
    requests_to_first: m.requestsToFirst,
    bytes_to_complete: m.bytesToComplete,
    ms_to_complete: round(m.msToComplete, 0) ?? m.msToComplete,
    requests_to_complete: m.requestsToComplete,
  }));
}

/** The first-results table (one row a query), or null when the result has none. */
export function renderFirstResults(result: BenchResult): string | null {
  const list = result.first_results;
  if (!Array.isArray(list) || list.length === 0) return null;
  const cell = (bytes: unknown, ms: unknown, requests: unknown) =>
    `${show(typeof bytes === "number" ? bytes / 1024 : null, "kB", 1)}, ${show(ms, "ms", 0)}, ${show(requests, "requests", 0)}`;
  const rows = (list as FirstResultsJson[]).map((m) => [m.query, cell(m.bytes_to_first, m.ms_to_first, m.requests_to_first), cell(m.bytes_to_complete, m.ms_to_complete, m.requests_to_complete)]);
  return formatTable(["search, in Chromium", "to the first results", "to the complete list"], rows);
}

/** The human-readable report: the figures, further tables (`sections`), then any notes. */
export function renderReport(result: BenchResult, sections: readonly (string | null)[] = []): string {
  const rows: [string, string][] = [
    ["articles", show(result.articles, "", 0)],
    ["issue files", show(result.issue_files, "", 0)],
    ["ingest", show(result.ingest_s, "s", 2)],
    ["ingest rate", show(result.ingest_articles_per_s, "art/s", 0)],
    ["astro build", show(result.astro_s, "s", 2)],
    ["search index (beside it)", show(result.index_s, "s", 2)],
    ["total (wall)", show(result.total_s, "s", 2)],
    ["overall rate", show(result.articles_per_s, "art/s", 0)],
    ["peak RSS (all at once)", show(result.peak_rss_mb, "MB", 1)],
    ["peak RSS of the build alone", show(result.build_peak_rss_mb, "MB", 1)],
    ["dist files", show(result.dist_files, "", 0)],
    ["dist size", show(result.dist_mb, "MB", 1)],
    ["first query", show(result.first_query_kb, "kB", 1)],
    ["next query", show(result.next_query_kb, "kB", 1)],
    ["rebuild (+1 issue)", show(result.rebuild_s, "s", 2)],
  ];
  const perStage = (key: string, label: string, unit: string, digits: number) => {
    const values = result[key];
    if (!values || typeof values !== "object") return;
    for (const [stage, value] of Object.entries(values as Record<string, unknown>)) rows.push([`${label}: ${stage}`, show(value, unit, digits)]);
  };
  perStage("stage_cpu_s", "CPU time", "s", 2);
  perStage("stage_peak_rss_mb", "peak RSS", "MB", 1);
  const notes = Array.isArray(result.notes) ? (result.notes as unknown[]).map(String) : [];
  const tables = [formatTable(["measure", "value"], rows), renderFirstResults(result), ...sections].filter((t): t is string => typeof t === "string" && t !== "");
  if (notes.length > 0) tables.push(notes.map((n) => `note: ${n}`).join("\n"));
  return tables.join("\n\n");
}
