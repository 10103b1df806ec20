import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { LEAGUES } from "../../src/lib/places/gazetteer.ts";
import { REGION_WIDE } from "../../src/lib/places/locate.ts";
import { LEAGUE_SHAPES, MAP_HEIGHT, MAP_WIDTH } from "../../src/lib/site/league-geometry.ts";
import {
  LEAGUE_NAMES,
  leagueCounts,
  leagueMapSvg,
  shadeClass,
  shadeRanges,
  type LeagueName,
} from "../../src/lib/site/league-map.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";
import { findAll, parseSvg, textContent } from "./site-svg-tree.ts";

const OFFICIAL_NAMES = [
  "呼和浩特市",
  "包头市",
  "乌海市",
  "赤峰市",
  "通辽市",
  "鄂尔多斯市",
  "呼伦贝尔市",
  "巴彦淖尔市",
  "乌兰察布市",
  "兴安盟",
  "锡林郭勒盟",
  "阿拉善盟",
];

const hrefFor = (name: LeagueName): string => `/regions/${encodeURIComponent(name)}/`;

describe("geometry", () => {
  it("has the twelve leagues under their official names, in administrative-code order", () => {
    assert.deepEqual([...LEAGUE_NAMES], OFFICIAL_NAMES);
    assert.deepEqual(
      LEAGUE_SHAPES.map((s) => s.adcode),
      ["150100", "150200", "150300", "150400", "150500", "150600", "150700", "150800", "150900", "152200", "152500", "152900"],
    );
  });

  it("uses the gazetteer's names and codes, so articles' leagues match the map's", () => {
    assert.deepEqual(
      LEAGUE_SHAPES.map((s) => [s.name, s.adcode.slice(0, 4)]),
      LEAGUES.map((l) => [l.name, l.code]),
    );
  });

  it("is stored in under 80 KB", () => {
    const file = fileURLToPath(new URL("../../src/lib/site/league-geometry.ts", import.meta.url));
    const size = statSync(file).size;
    assert.ok(size < 80 * 1024, `${size} bytes`);
  });

  for (const shape of LEAGUE_SHAPES) {
    it(`${shape.name}: closed relative subpaths inside the map, label inside the map`, () => {
      assert.match(shape.path, /^(M\d+ \d+l-?\d+[ -]\d+(?:[ -]\d+)*z)+$/);
      // Walk the relative moves to check every vertex lies within the view box.
      for (const subpath of shape.path.split("z").filter(Boolean)) {
        const numbers = subpath.replace(/[Ml]/g, " ").replace(/-/g, " -").trim().split(/\s+/).map(Number);
        let x = numbers[0]!;
        let y = numbers[1]!;
        for (let i = 2; i < numbers.length; i += 2) {
          x += numbers[i]!;
          y += numbers[i + 1]!;
          assert.ok(x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT, `${shape.name} vertex ${x},${y}`);
        }
      }
      const [lx, ly] = shape.label;
      assert.ok(lx > 0 && lx < MAP_WIDTH && ly > 0 && ly < MAP_HEIGHT);
    });
  }
});

describe("shadeClass", () => {
  const cases: [count: number, max: number, shade: number][] = [
    [0, 0, 0],
    [0, 12, 0],
    [1, 12, 1],
    [2, 12, 1],
    [3, 12, 2],
    [7, 12, 3],
    [9, 12, 4],
    [10, 12, 5],
    [12, 12, 5],
    [1, 1, 5],
    [1, 3, 2],
    [1, 1000, 1],
    [999, 1000, 5],
    [13, 12, 5],
    [-1, 12, 0],
    [Number.NaN, 12, 0],
    [3, 0, 0],
  ];
  for (const [count, max, shade] of cases) {
    it(`${count} of max ${max} → ${shade}`, () => assert.equal(shadeClass(count, max), shade));
  }
});

describe("shadeRanges", () => {
  const cases: [max: number, ranges: [number, number, number][]][] = [
    [0, [[0, 0, 0]]],
    [1, [[0, 0, 0], [5, 1, 1]]],
    [3, [[0, 0, 0], [2, 1, 1], [4, 2, 2], [5, 3, 3]]],
    [12, [[0, 0, 0], [1, 1, 2], [2, 3, 4], [3, 5, 7], [4, 8, 9], [5, 10, 12]]],
  ];
  for (const [max, expected] of cases) {
    it(`max ${max}`, () => {
      const ranges = shadeRanges(max);
      assert.deepEqual(ranges.map((r) => [r.shade, r.min, r.max]), expected);
      for (const r of ranges) {
        for (let c = r.min; c <= r.max; c++) assert.equal(shadeClass(c, max), r.shade, `count ${c}`);
      }
    });
  }
});

describe("leagueCounts", () => {
  const article = (location: string | null): { data: ArticleFrontmatter } => ({
    data: sampleFrontmatter("2024-10-15", { location, source: "2024-10-15_001_554b9e868c6e5a63.txt" }),
  });

  it("counts every league, zero included, and skips province-wide and unplaced articles", () => {
    const counts = leagueCounts(
      ["阿拉善盟", "阿拉善盟", "呼和浩特市", REGION_WIDE, null, "鄂尔多斯市"].map(article),
    );
    assert.deepEqual(Object.keys(counts), OFFICIAL_NAMES);
    assert.equal(counts["阿拉善盟"], 2);
    assert.equal(counts["呼和浩特市"], 1);
    assert.equal(counts["鄂尔多斯市"], 1);
    assert.equal(counts["乌海市"], 0);
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 4);
  });
});

describe("leagueMapSvg", () => {
  const counts: Partial<Record<LeagueName, number>> = {
    呼和浩特市: 12,
    包头市: 5,
    赤峰市: 9,
    阿拉善盟: 3,
    鄂尔多斯市: 1,
  };
  const markup = leagueMapSvg(counts, { title: "各盟市报道数量", hrefFor });
  const svg = parseSvg(markup);
  const links = findAll(svg, "a");

  it("is a well-formed SVG group named by its title", () => {
    assert.equal(svg.name, "svg");
    assert.equal(svg.attributes.role, "group");
    assert.equal(svg.attributes.viewBox, `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`);
    const title = svg.children[0]!;
    assert.equal(title.name, "title");
    assert.equal(title.text, "各盟市报道数量");
    assert.equal(svg.attributes["aria-labelledby"], title.attributes.id);
  });

  it("has twelve links, one per league, each with its href and accessible name", () => {
    assert.equal(links.length, 12);
    assert.deepEqual(
      links.map((a) => a.attributes.href),
      OFFICIAL_NAMES.map((name) => `/regions/${encodeURIComponent(name)}/`),
    );
    for (const [i, a] of links.entries()) {
      const name = OFFICIAL_NAMES[i]!;
      const expected = `${name}：${counts[name as LeagueName] ?? 0} 篇`;
      assert.equal(a.attributes["aria-label"], expected);
      assert.equal(a.children[0]!.name, "title");
      assert.equal(a.children[0]!.text, expected);
      assert.equal(findAll(a, "path").length, 1);
    }
    assert.equal(links[0]!.attributes["aria-label"], "呼和浩特市：12 篇");
  });

  it("shades each league by its count", () => {
    const shadeOf = (name: string): string =>
      findAll(links[OFFICIAL_NAMES.indexOf(name)]!, "path")[0]!.attributes.class!;
    assert.equal(shadeOf("呼和浩特市"), "region-map-shade-5");
    assert.equal(shadeOf("赤峰市"), "region-map-shade-4");
    assert.equal(shadeOf("包头市"), "region-map-shade-3");
    assert.equal(shadeOf("阿拉善盟"), "region-map-shade-2");
    assert.equal(shadeOf("鄂尔多斯市"), "region-map-shade-1");
    assert.equal(shadeOf("乌海市"), "region-map-shade-0");
  });

  it("has a legend with the count range of each shade", () => {
    const legend = findAll(svg, "g").find((g) => g.attributes.class === "region-map-legend")!;
    const text = textContent(legend);
    for (const range of ["报道篇数", "0 篇", "1–2 篇", "3–4 篇", "5–7 篇", "8–9 篇", "10–12 篇"]) {
      assert.ok(text.includes(range), range);
    }
    assert.equal(findAll(legend, "rect").length, 6);
  });

  it("writes league names on the map, hidden from assistive technology and from the pointer", () => {
    const labels = findAll(svg, "g").find((g) => g.attributes.class === "region-map-labels")!;
    assert.equal(labels.attributes["aria-hidden"], "true");
    assert.equal(labels.attributes["pointer-events"], "none");
    assert.deepEqual(findAll(labels, "text").map((t) => t.text), OFFICIAL_NAMES);
  });

  it("uses theme colours only", () => {
    assert.doesNotMatch(markup, /#[0-9a-f]{3,6}\b|rgb\(/i);
    assert.match(markup, /fill="currentColor"/);
  });

  it("escapes hrefs and titles, and uses the given id", () => {
    const odd = parseSvg(
      leagueMapSvg({}, { title: "<地图> & 统计", hrefFor: (name) => `/r/?n=${name}&x="1"`, id: "home-map" }),
    );
    assert.equal(odd.children[0]!.text, "<地图> & 统计");
    assert.equal(odd.attributes["aria-labelledby"], "home-map-title");
    assert.equal(findAll(odd, "a")[0]!.attributes.href, '/r/?n=呼和浩特市&x="1"');
    for (const a of findAll(odd, "a")) assert.match(a.attributes["aria-label"]!, /：0 篇$/);
  });

  it("is deterministic", () => {
    assert.equal(leagueMapSvg(counts, { title: "各盟市报道数量", hrefFor }), markup);
  });
});
