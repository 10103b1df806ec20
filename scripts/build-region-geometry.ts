/**
 * Generates the map of a province's prefectures ("leagues"), src/lib/places/geometry/<file>.ts:
 * one SVG path per prefecture, projected, simplified and rounded, ready for
 * src/lib/site/region-map.ts (which draws the configured province's, src/lib/places/geometry/).
 *
 *   node scripts/build-region-geometry.ts                          # the configured province; fetches echarts@3.8.5 with `npm pack`
 *   node scripts/build-region-geometry.ts --province 浙江省         # another province
 *   node scripts/build-region-geometry.ts --province 浙江省 FILE.json  # or reads an already extracted copy
 *
 * Source: `map/json/province/<pinyin>.json` in the npm package echarts@3.8.5, which ships under
 * the package's BSD-3-Clause licence (Copyright (c) 2017, Baidu Inc.); see public/geo/LICENSE.md
 * for why these files were chosen and what their terms ask of us. A province whose file's digest
 * is not yet recorded below is written with its digest printed, to be reviewed and recorded.
 *
 * Steps: decode ECharts' compressed coordinates → project (equirectangular, x scaled by
 * cos of the mid latitude) → simplify each border once (Douglas–Peucker on arcs between
 * junctions, so neighbouring leagues keep exactly the same shared border and no slivers open)
 * → round to whole units → write relative path strings and a label point per league.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export type Point = readonly [number, number];
type Ring = Point[];
/** A league's outline: closed rings (outer boundaries and holes) to be filled even-odd. */
type Rings = Ring[];

const SOURCE_PACKAGE = "echarts@3.8.5";

/** The source file of each province (division code → file name in map/json/province/ of the package). */
export const PROVINCE_FILES: Readonly<Record<string, string>> = {
  "11": "beijing", "12": "tianjin", "13": "hebei", "14": "shanxi", "15": "neimenggu", "21": "liaoning", "22": "jilin",
  "23": "heilongjiang", "31": "shanghai", "32": "jiangsu", "33": "zhejiang", "34": "anhui", "35": "fujian", "36": "jiangxi",
  "37": "shandong", "41": "henan", "42": "hubei", "43": "hunan", "44": "guangdong", "45": "guangxi", "46": "hainan",
  "50": "chongqing", "51": "sichuan", "52": "guizhou", "53": "yunnan", "54": "xizang", "61": "shanxi1", "62": "gansu",
  "63": "qinghai", "64": "ningxia", "65": "xinjiang",
};

/** SHA-256 of each reviewed source file as published; a different file means the geometry must be re-reviewed. */
const SOURCE_SHA256: Readonly<Record<string, string>> = {
  neimenggu: "60b7ad14d11a80022fb2032dc65a58edd4170a7459b21a67e08cf30ebc406815",
  ningxia: "c55a2b4daf7e6526a972f103d4780e0d657669dc1a25277fc7f7f5cb64cf2ecb",
  zhejiang: "af5af3b80ef1ea026f09b57a64b148ddaddfee671d93152d77cd9b81c1e5a2cd",
};

const sourceFile = (name: string) => `package/map/json/province/${name}.json`;
const outputFile = (name: string) => fileURLToPath(new URL(`../src/lib/places/geometry/${name}.ts`, import.meta.url));

/** Width of the map in SVG user units; the height follows from the projection. */
const WIDTH = 1000;
const PADDING = 8;
/** Douglas–Peucker tolerance in SVG units: about 2 km on the ground; keeps the data near 30 KB. */
const TOLERANCE = 0.5;
/** Rings smaller than this (square SVG units) after simplification are dropped as invisible. */
const MIN_RING_AREA = 40;

interface SourceFeature {
  id: string;
  properties: { name: string };
  geometry:
    | { type: "Polygon"; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: "MultiPolygon"; coordinates: string[][]; encodeOffsets: [number, number][][] };
}

/**
 * ECharts' UTF8Encoding: each coordinate pair is two characters holding zig-zag encoded deltas
 * (offset by 64) in units of 1/1024 degree, starting from the ring's encode offset.
 * Returns integer grid points, so shared vertices of neighbouring leagues compare exactly.
 */
export function decodeRing(encoded: string, offset: readonly [number, number]): Ring {
  const ring: Ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x, y]);
  }
  return ring;
}

function decodeFeature(feature: SourceFeature): Rings {
  const g = feature.geometry;
  const polygons =
    g.type === "Polygon"
      ? [g.coordinates.map((ring, i) => decodeRing(ring, g.encodeOffsets[i]!))]
      : g.coordinates.map((polygon, p) => polygon.map((ring, i) => decodeRing(ring, g.encodeOffsets[p]![i]!)));
  return dissolve(polygons);
}

/**
 * Merges a feature's polygons into one outline. 呼伦贝尔市 comes as two polygons that share a
 * border; drawn as they are, that border would show as a line through the league. Rings are
 * oriented alike (outer rings counter-clockwise, holes clockwise), so an inner border appears
 * once in each direction; such edge pairs cancel and the remaining edges are chained into rings.
 */
export function dissolve(polygons: readonly (readonly Ring[])[]): Rings {
  const edgeCount = new Map<string, number>();
  for (const polygon of polygons) {
    polygon.forEach((closedRing, r) => {
      const open = sameKey(closedRing[0]!, closedRing.at(-1)!) ? closedRing.slice(0, -1) : closedRing;
      const counterClockwise = ringArea(open) > 0;
      const ring = counterClockwise === (r === 0) ? open : [...open].reverse();
      ring.forEach((a, i) => {
        const b = ring[(i + 1) % ring.length]!;
        const edge = `${key(a)}>${key(b)}`;
        edgeCount.set(edge, (edgeCount.get(edge) ?? 0) + 1);
      });
    });
  }
  /** Outgoing edges left after cancelling, by start vertex. */
  const nextVertices = new Map<string, string[]>();
  for (const [edge, count] of edgeCount) {
    const [from, to] = edge.split(">") as [string, string];
    const reverse = edgeCount.get(`${to}>${from}`) ?? 0;
    for (let i = 0; i < count - reverse; i++) {
      if (!nextVertices.has(from)) nextVertices.set(from, []);
      nextVertices.get(from)!.push(to);
    }
  }
  const rings: Rings = [];
  for (const start of [...nextVertices.keys()].sort()) {
    while ((nextVertices.get(start)?.length ?? 0) > 0) {
      const ring: Ring = [fromKey(start)];
      for (let at = nextVertices.get(start)!.shift()!; at !== start; at = nextVertices.get(at)!.shift()!) {
        ring.push(fromKey(at));
      }
      if (ring.length >= 3) rings.push(ring);
    }
  }
  return rings;
}

const key = (p: Point): string => `${p[0]},${p[1]}`;
const fromKey = (k: string): Point => {
  const [x, y] = k.split(",").map(Number);
  return [x!, y!];
};

function perpendicularDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker on an open polyline; keeps both ends. */
export function douglasPeucker(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies every ring so that a border shared by two leagues is simplified once:
 * a vertex is a junction where the set of rings through it changes, rings are cut into arcs
 * at junctions, and each arc is simplified in one canonical direction and cached.
 */
export function simplifyShared(leagues: readonly Rings[], tolerance: number): Rings[] {
  const owners = new Map<string, Set<number>>();
  let ringId = 0;
  for (const rings of leagues) {
    for (const ring of rings) {
      for (const p of ring) {
        const k = key(p);
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(ringId);
      }
      ringId++;
    }
  }
  const ownerSignature = (p: Point): string => [...owners.get(key(p))!].sort((a, b) => a - b).join(" ");
  const arcCache = new Map<string, Point[]>();
  const simplifyArc = (arc: Point[]): Point[] => {
    const forward = arc.map(key).join(";");
    const backward = [...arc].reverse().map(key).join(";");
    const canonicalIsForward = forward <= backward;
    const cacheKey = canonicalIsForward ? forward : backward;
    let simplified = arcCache.get(cacheKey);
    if (!simplified) {
      simplified = douglasPeucker(canonicalIsForward ? arc : [...arc].reverse(), tolerance);
      arcCache.set(cacheKey, simplified);
    }
    return canonicalIsForward ? simplified : [...simplified].reverse();
  };

  return leagues.map((rings) =>
    rings.map((closedRing) => {
        const ring = sameKey(closedRing[0]!, closedRing.at(-1)!) ? closedRing.slice(0, -1) : closedRing;
        const n = ring.length;
        const junctions: number[] = [];
        for (let i = 0; i < n; i++) {
          const here = ownerSignature(ring[i]!);
          if (here !== ownerSignature(ring[(i - 1 + n) % n]!) || here !== ownerSignature(ring[(i + 1) % n]!)) {
            junctions.push(i);
          }
        }
        // A ring that touches nobody (or one neighbour all round) still needs two fixed points.
        if (junctions.length < 2) junctions.splice(0, junctions.length, 0, Math.floor(n / 2));
        const out: Point[] = [];
        for (let j = 0; j < junctions.length; j++) {
          const start = junctions[j]!;
          const end = junctions[(j + 1) % junctions.length]!;
          const arc: Point[] = [];
          for (let i = start; ; i = (i + 1) % n) {
            arc.push(ring[i]!);
            if (i === end && arc.length > 1) break;
          }
          out.push(...simplifyArc(arc).slice(0, -1));
        }
        return out;
      }),
  );
}

function sameKey(a: Point, b: Point): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function pointInRings(p: Point, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

function distanceToEdges(p: Point, rings: readonly Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
    }
  }
  return best;
}

/**
 * Where to write a league's name: the point inside its largest ring farthest from any edge,
 * found by a grid search refined twice (a small stand-in for polylabel). Centroids fall
 * outside crescent-shaped leagues such as 锡林郭勒盟.
 */
export function labelPoint(rings: Rings): Point {
  const largest = [...rings].sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0]!;
  const xs = largest.map((p) => p[0]);
  const ys = largest.map((p) => p[1]);
  let minX = Math.min(...xs);
  let maxX = Math.max(...xs);
  let minY = Math.min(...ys);
  let maxY = Math.max(...ys);
  let best: Point = [(minX + maxX) / 2, (minY + maxY) / 2];
  let bestDistance = -1;
  for (let round = 0; round < 3; round++) {
    const steps = 40;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p: Point = [minX + ((maxX - minX) * i) / steps, minY + ((maxY - minY) * j) / steps];
        if (!pointInRings(p, rings)) continue;
        const d = distanceToEdges(p, rings);
        if (d > bestDistance) {
          best = p;
          bestDistance = d;
        }
      }
    }
    const spanX = (maxX - minX) / 8;
    const spanY = (maxY - minY) / 8;
    [minX, maxX, minY, maxY] = [best[0] - spanX, best[0] + spanX, best[1] - spanY, best[1] + spanY];
  }
  return [Math.round(best[0]), Math.round(best[1])];
}

/** Relative path data (`M x y l dx dy … z`) with whole-unit coordinates. */
export function ringsToPath(rings: Rings): string {
  return rings
    .map((ring) => {
      let [px, py] = ring[0]!;
      const deltas: string[] = [];
      for (const [x, y] of ring.slice(1)) {
        deltas.push(`${x - px} ${y - py}`);
        [px, py] = [x, y];
      }
      return `M${ring[0]![0]} ${ring[0]![1]}l${deltas.join(" ").replace(/ -/g, "-")}z`;
    })
    .join("");
}

function roundRing(ring: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const [x, y] of ring) {
    const p: Point = [Math.round(x), Math.round(y)];
    const last = out.at(-1);
    if (!last || !sameKey(last, p)) out.push(p);
  }
  while (out.length > 1 && sameKey(out[0]!, out.at(-1)!)) out.pop();
  return out;
}

function readSource(path: string | undefined, member: string): string {
  if (path) return readFileSync(path, "utf8");
  const dir = mkdtempSync(join(tmpdir(), "region-geometry-"));
  try {
    execFileSync("npm", ["pack", SOURCE_PACKAGE, "--pack-destination", dir, "--silent"], { stdio: "ignore" });
    execFileSync("tar", ["-xzf", join(dir, "echarts-3.8.5.tgz"), "-C", dir, member]);
    return readFileSync(join(dir, member), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { province: { type: "string" } }, allowPositionals: true });
  const [{ ARCHIVE }, { provinceByName }] = await Promise.all([import("../src/lib/config/archive-config.ts"), import("../src/lib/places/province.ts")]);
  const province = provinceByName(values.province ?? ARCHIVE.province);
  const name = PROVINCE_FILES[province.code];
  if (!name) throw new Error(`${province.name}: no map file in ${SOURCE_PACKAGE}`);
  const SOURCE_FILE = sourceFile(name);
  const OUTPUT = outputFile(name);
  const text = readSource(positionals[0], SOURCE_FILE);
  const digest = createHash("sha256").update(text).digest("hex");
  const expected = SOURCE_SHA256[name];
  if (expected === undefined) {
    console.warn(`${SOURCE_FILE}: SHA-256 ${digest}, not yet recorded: review the file, then add it to SOURCE_SHA256`);
  } else if (digest !== expected) {
    throw new Error(`${SOURCE_FILE} has SHA-256 ${digest}, expected ${expected}`);
  }
  const source = JSON.parse(text) as { features: SourceFeature[] };
  const features = [...source.features].sort((a, b) => a.id.localeCompare(b.id));
  const decoded = features.map(decodeFeature);

  // Grid units are 1/1024 degree. Equirectangular with x scaled by cos(mid latitude).
  const all = decoded.flat(2);
  const minLon = Math.min(...all.map((p) => p[0]));
  const maxLon = Math.max(...all.map((p) => p[0]));
  const minLat = Math.min(...all.map((p) => p[1]));
  const maxLat = Math.max(...all.map((p) => p[1]));
  const cosMid = Math.cos(((minLat + maxLat) / 2 / 1024) * (Math.PI / 180));
  const scale = (WIDTH - 2 * PADDING) / ((maxLon - minLon) * cosMid);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * PADDING);
  const project = (p: Point): Point => [
    PADDING + (p[0] - minLon) * cosMid * scale,
    PADDING + (maxLat - p[1]) * scale,
  ];

  // Projecting is deterministic, so vertices shared on the grid stay equal after it.
  const projected = decoded.map((rings) => rings.map((ring) => ring.map(project)));
  const simplified = simplifyShared(projected, TOLERANCE);
  const leagues = features.map((feature, i) => {
    const rings = simplified[i]!
      .map(roundRing)
      .filter((ring) => ring.length >= 3 && Math.abs(ringArea(ring)) >= MIN_RING_AREA);
    return {
      name: feature.properties.name,
      adcode: feature.id,
      path: ringsToPath(rings),
      label: labelPoint(rings),
    };
  });

  const body = leagues
    .map(
      (l) =>
        `  {\n    name: ${JSON.stringify(l.name)},\n    adcode: ${JSON.stringify(l.adcode)},\n` +
        `    label: [${l.label[0]}, ${l.label[1]}],\n    path: ${JSON.stringify(l.path)},\n  },`,
    )
    .join("\n");
  const output = `// Generated by scripts/build-region-geometry.ts --province ${province.name}; do not edit by hand.
// Geometry: ${SOURCE_FILE.replace("package/", "")} from the npm package ${SOURCE_PACKAGE},
// BSD-3-Clause, Copyright (c) 2017, Baidu Inc. Terms and caveats: public/geo/LICENSE.md.
// Source SHA-256: ${digest}
// Projection: equirectangular, x scaled by cos(${((minLat + maxLat) / 2 / 1024).toFixed(2)}°);
// Douglas–Peucker tolerance ${TOLERANCE} units on shared arcs; whole-unit coordinates.

import type { ProvinceMap } from "./map-shape.ts";

/** The ${leagues.length} prefecture-level divisions of ${province.name}, in adcode order. */
export const MAP: ProvinceMap = {
  province: ${JSON.stringify(province.name)},
  source: ${JSON.stringify(`${SOURCE_FILE.replace("package/", "")} (${SOURCE_PACKAGE})`)},
  width: ${WIDTH},
  height: ${height},
  shapes: [
${body.replace(/^/gmu, "  ")}
  ],
};
`;
  writeFileSync(OUTPUT, output);
  const pointCount = leagues.reduce((n, l) => n + (l.path.match(/ /g)?.length ?? 0), 0);
  console.log(
    `wrote ${OUTPUT}: ${Buffer.byteLength(output)} bytes, ${leagues.length} leagues, ~${pointCount} points, ${WIDTH}×${height}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
