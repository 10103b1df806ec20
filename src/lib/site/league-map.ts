/**
 * A choropleth of the configured province's leagues (Inner Mongolia's twelve 盟市), drawn at build
 * time as an SVG string: each league is a link to its page under /regions/, shaded by how many
 * articles are about it. Works without JavaScript; colours follow the page theme (see
 * RegionMap.astro, which styles the map by its "region-map…" classes, as the browser tests find it).
 * Geometry: league-geometry.ts, the province's shapes from src/lib/places/geometry/.
 */
import type { ArchiveEntry } from "./archive.ts";
import { escapeMarkup } from "../escape-markup.ts";
import { LEAGUE_SHAPES, MAP_HEIGHT, MAP_WIDTH } from "./league-geometry.ts";

export type LeagueName = (typeof LEAGUE_SHAPES)[number]["name"];

/** The official names, in administrative-code order (呼和浩特市 … 阿拉善盟). */
export const LEAGUE_NAMES: readonly LeagueName[] = LEAGUE_SHAPES.map((shape) => shape.name);

/** Number of shades for leagues with articles; shade 0 is "none". */
export const SHADE_STEPS = 5;

/** Fill opacity of each shade over the accent colour; also the fallback without the stylesheet. */
const SHADE_OPACITY = [0.04, 0.2, 0.36, 0.54, 0.72, 0.9] as const;

export function isLeagueName(name: string): name is LeagueName {
  return (LEAGUE_NAMES as readonly string[]).includes(name);
}

/**
 * Shade 0 for no articles, else 1‥5 by equal fifths of the largest count:
 * shade k holds counts in ((k−1)·max/5, k·max/5]. Equal steps keep the legend readable as
 * plain ranges ("3–4 篇"); the exact count is in every league's name and the page's table.
 */
export function shadeClass(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(SHADE_STEPS, Math.max(1, Math.ceil((count * SHADE_STEPS) / max)));
}

export interface ShadeRange {
  shade: number;
  min: number;
  max: number;
}

/** The count range each shade stands for, for the legend; shades that no whole count reaches are left out. */
export function shadeRanges(max: number): ShadeRange[] {
  const ranges: ShadeRange[] = [{ shade: 0, min: 0, max: 0 }];
  if (!(max > 0)) return ranges;
  for (let shade = 1; shade <= SHADE_STEPS; shade++) {
    const low = Math.floor(((shade - 1) * max) / SHADE_STEPS) + 1;
    const high = Math.floor((shade * max) / SHADE_STEPS);
    if (low <= high) ranges.push({ shade, min: low, max: high });
  }
  return ranges;
}

/** Articles per league, every league present (0 when none); province-wide and unplaced articles are skipped. */
export function leagueCounts(articles: Iterable<Pick<ArchiveEntry, "data">>): Record<LeagueName, number> {
  const counts = Object.fromEntries(LEAGUE_NAMES.map((name) => [name, 0])) as Record<LeagueName, number>;
  for (const { data } of articles) {
    if (data.location !== null && isLeagueName(data.location)) counts[data.location] = (counts[data.location] ?? 0) + 1;
  }
  return counts;
}

export interface LeagueMapOptions {
  /** The map's accessible name, e.g. "各盟市报道数量". */
  title: string;
  /** URL of a league's page. */
  hrefFor(name: LeagueName): string;
  /** Prefix for element ids, unique within the page; defaults to "region-map". */
  id?: string;
}

/**
 * Hand placement where the computed label point (the spot deepest inside the league) does not
 * suit, as offsets in map units. 乌海市 is too small to hold its name: the label sits to the west,
 * over 阿拉善盟's empty eastern edge, with a leader line. 乌兰察布市 wraps around 呼和浩特市,
 * whose long name would run into it; its label moves up into the league's wide northern part.
 */
const LABEL_PLACEMENT: Partial<Record<LeagueName, { offset: readonly [number, number]; leader: boolean }>> = {
  乌海市: { offset: [-52, 34], leader: true },
  乌兰察布市: { offset: [-13, -36], leader: false },
};

const LABEL_SIZE = 17;

/**
 * The map. Each league is an <a href> named "呼和浩特市：12 篇" (aria-label, and a <title> as
 * tooltip) wrapping its shaded outline; tab order is administrative-code order. The SVG is a
 * group (role="group") named by its own <title>, because role="img" would hide the links.
 * League names drawn on the map are aria-hidden (the links already carry them) and let clicks
 * through to the league beneath.
 */
export function leagueMapSvg(counts: Partial<Record<LeagueName, number>>, options: LeagueMapOptions): string {
  const id = options.id ?? "region-map";
  const titleId = `${id}-title`;
  const max = Math.max(0, ...LEAGUE_NAMES.map((name) => counts[name] ?? 0));

  const leagues = LEAGUE_SHAPES.map((shape) => {
    const count = counts[shape.name] ?? 0;
    const shade = shadeClass(count, max);
    const name = escapeMarkup(`${shape.name}：${count} 篇`);
    return (
      `<a class="region-map-league" href="${escapeMarkup(options.hrefFor(shape.name))}" aria-label="${name}">` +
      `<title>${name}</title>` +
      `<path class="region-map-shade-${shade}" d="${shape.path}" fill-opacity="${SHADE_OPACITY[shade]}"/></a>`
    );
  }).join("");

  const labels = LEAGUE_SHAPES.map((shape) => {
    const [x, y] = shape.label;
    const placement = LABEL_PLACEMENT[shape.name];
    if (!placement) return `<text x="${x}" y="${y}">${shape.name}</text>`;
    const [lx, ly] = [x + placement.offset[0], y + placement.offset[1]];
    if (!placement.leader) return `<text x="${lx}" y="${ly}">${shape.name}</text>`;
    return (
      `<line x1="${x}" y1="${y}" x2="${lx + 4}" y2="${ly - LABEL_SIZE / 2}" stroke="currentColor"/>` +
      `<text x="${lx}" y="${ly}" text-anchor="end">${shape.name}</text>`
    );
  }).join("");

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="region-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" ` +
    `role="group" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeMarkup(options.title)}</title>` +
    `<g class="region-map-leagues" fill="currentColor" fill-rule="evenodd" stroke="currentColor" ` +
    `stroke-width="1" stroke-linejoin="round">${leagues}</g>` +
    `<g class="region-map-labels" aria-hidden="true" pointer-events="none" font-size="${LABEL_SIZE}" ` +
    `text-anchor="middle" dominant-baseline="central" fill="currentColor" stroke="Canvas" ` +
    `stroke-width="3" paint-order="stroke" stroke-linejoin="round">${labels}</g>` +
    legend(max) +
    `</svg>`
  );
}

/** Swatches and count ranges in the empty north-west corner (Mongolia lies there). */
function legend(max: number): string {
  const x = 24;
  const rowHeight = 28;
  const rows = shadeRanges(max).map((range, i) => {
    const y = 70 + i * rowHeight;
    const text = range.shade === 0 ? "0 篇" : range.min === range.max ? `${range.min} 篇` : `${range.min}–${range.max} 篇`;
    return (
      `<rect class="region-map-shade-${range.shade}" x="${x}" y="${y}" width="32" height="20" ` +
      `fill-opacity="${SHADE_OPACITY[range.shade]}" stroke="currentColor"/>` +
      `<text x="${x + 44}" y="${y + 10}" dominant-baseline="central">${text}</text>`
    );
  });
  return (
    `<g class="region-map-legend" font-size="18" fill="currentColor">` +
    `<text x="${x}" y="44" font-weight="bold">报道篇数</text>${rows.join("")}</g>`
  );
}
