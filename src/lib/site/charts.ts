/**
 * Statistics pages' bar charts, drawn at build time as SVG strings: no script, no library.
 * Colours come from the text colour (fill="currentColor"), which the BarChart component's CSS
 * overrides with var(--accent), so the charts follow the page's light or dark theme.
 * The numbers behind each chart are the rows the helpers below return; the page prints them
 * again as a table for readers who cannot see the chart.
 */
import { escapeMarkup } from "../escape-markup.ts";
import type { ArchiveEntry } from "./archive.ts";
import { isInstitutionalByline } from "./institutional-byline.ts";

export interface BarRow {
  label: string;
  value: number;
  /** When given, the bar links here (a person's, section's or league's page). */
  href?: string;
}

export interface BarChartOptions {
  /** The chart's accessible name, also shown as a tooltip. */
  title: string;
  /** Width in SVG user units (CSS pixels at natural size); the chart scales down with its box. */
  width?: number;
  /** Prefix for element ids, unique within the page; defaults to "bar-chart". */
  id?: string;
  /** Counter word after each value in accessible names, e.g. "篇". */
  unit?: string;
}

const FONT_SIZE = 14;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const GAP = 8;
const PADDING = 4;

/**
 * Approximate rendered width, for layout without a font: Han characters and full-width
 * punctuation take 1 em, everything else about 0.6 em.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

/** Shortens `text` with "…" to fit `width`; the full label stays in the accessible name. */
function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A horizontal bar chart: label, bar, value, one row per entry, in the order given.
 * Without links the SVG is one image (role="img") named by its <title>. With links it is a group
 * (role="group"), because links inside role="img" would be hidden from assistive technology;
 * each link is then named "label：value unit".
 */
export function barChartSvg(rows: readonly BarRow[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const id = options.id ?? "bar-chart";
  const titleId = `${id}-title`;
  const unit = options.unit ? ` ${options.unit}` : "";
  const linked = rows.some((row) => row.href !== undefined);
  const role = linked ? "group" : "img";
  const max = Math.max(0, ...rows.map((row) => row.value));

  const labelWidth = Math.min(Math.max(0, ...rows.map((row) => textWidth(row.label))), width * 0.35);
  const valueWidth = Math.max(0, ...rows.map((row) => textWidth(String(row.value))));
  const barX = PADDING + labelWidth + GAP;
  const barSpace = Math.max(1, width - barX - GAP - valueWidth - PADDING);
  const height = Math.max(1, rows.length) * ROW_HEIGHT + 2 * PADDING;

  const open =
    `<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="${role}" aria-labelledby="${titleId}" ` +
    `font-size="${FONT_SIZE}" fill="currentColor">` +
    `<title id="${titleId}">${escapeMarkup(options.title)}</title>`;
  if (rows.length === 0) {
    return `${open}<text x="${PADDING}" y="${PADDING + ROW_HEIGHT / 2}" dominant-baseline="central">暂无数据</text></svg>`;
  }

  const body = rows.map((row, i) => {
    const y = PADDING + i * ROW_HEIGHT;
    const middle = round(y + ROW_HEIGHT / 2);
    const barWidth = max > 0 && row.value > 0 ? Math.max(1, (row.value / max) * barSpace) : 0;
    const name = `${row.label}：${row.value}${unit}`;
    const shapes =
      `<text class="bar-chart-label" x="${round(barX - GAP)}" y="${middle}" text-anchor="end" ` +
      `dominant-baseline="central">${escapeMarkup(fitText(row.label, labelWidth))}</text>` +
      `<rect class="bar-chart-bar" x="${round(barX)}" y="${round(y + (ROW_HEIGHT - BAR_HEIGHT) / 2)}" ` +
      `width="${round(barWidth)}" height="${BAR_HEIGHT}"/>` +
      `<text class="bar-chart-value" x="${round(barX + barWidth + GAP / 2)}" y="${middle}" ` +
      `dominant-baseline="central">${row.value}</text>`;
    return row.href === undefined
      ? `<g class="bar-chart-row">${linked ? `<title>${escapeMarkup(name)}</title>` : ""}${shapes}</g>`
      : `<a class="bar-chart-row" href="${escapeMarkup(row.href)}" aria-label="${escapeMarkup(name)}">` +
          `<title>${escapeMarkup(name)}</title>${shapes}</a>`;
  });
  return `${open}${body.join("")}</svg>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Ranks counts: most first, ties by label in code-point order, which does not vary by locale. */
export function byCountThenLabel(a: BarRow, b: BarRow): number {
  return b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function countRows(keys: Iterable<string | null>): BarRow[] {
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([label, value]) => ({ label, value }));
}

type Articles = Iterable<Pick<ArchiveEntry, "data">>;

/**
 * Articles per year of publication ("2022"), in calendar order rather than by count, since a
 * time axis read out of order would mislead; years in between with no article are listed with 0
 * so that a gap in the archive shows.
 */
export function articlesPerYear(articles: Articles): BarRow[] {
  const counts = new Map(countRows([...articles].map((a) => a.data.date.slice(0, 4))).map((r) => [Number(r.label), r.value]));
  if (counts.size === 0) return [];
  const rows: BarRow[] = [];
  for (let year = Math.min(...counts.keys()); year <= Math.max(...counts.keys()); year++) {
    rows.push({ label: String(year), value: counts.get(year) ?? 0 });
  }
  return rows;
}

/** Articles per section (栏目); articles printed under no section label are not counted. */
export function articlesPerSection(articles: Articles): BarRow[] {
  return countRows([...articles].map((a) => a.data.section)).sort(byCountThenLabel);
}

/**
 * Articles per league: the league an article is about (its `location`), or "内蒙古" for province-wide news.
 * Articles with no place are not counted.
 */
export function articlesPerLeague(articles: Articles): BarRow[] {
  return countRows([...articles].map((a) => a.data.location)).sort(byCountThenLabel);
}

/**
 * The `n` people named on most articles, counting every role (reporter, correspondent,
 * photographer, author). A person with two roles on one article counts once for it; an
 * institutional byline (本报评论员) is no person and is not counted.
 */
export function topPeople(articles: Articles, n: number): BarRow[] {
  const names = [...articles].flatMap((a) => [
    ...new Set([...a.data.reporters, ...a.data.correspondents, ...a.data.photographers, ...a.data.authors]),
  ].filter((name) => !isInstitutionalByline(name)));
  return countRows(names).sort(byCountThenLabel).slice(0, Math.max(0, n));
}
