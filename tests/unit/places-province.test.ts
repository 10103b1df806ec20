// Any province: the gazetteer, the article locator and the map follow archive.config.yaml's
// province. A second paper's pages (tests/fixtures/second-province/, Ningxia's real place names)
// are ingested with its config, in a process of their own, since the config is read once.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import matter from "gray-matter";
import { derivedShortForm } from "../../src/lib/places/gazetteer.ts";
import { loadProvinceMap } from "../../src/lib/places/geometry/province-map.ts";
import { provinceByName } from "../../src/lib/places/province.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "second-province");

describe("a province by its official name", () => {
  test("short name, level and seat", () => {
    assert.deepEqual(provinceByName("内蒙古自治区"), { code: "15", name: "内蒙古自治区", short: "内蒙古", level: "自治区", seat: "呼和浩特市" });
    assert.deepEqual(provinceByName("宁夏回族自治区"), { code: "64", name: "宁夏回族自治区", short: "宁夏", level: "自治区", seat: "银川市" });
    assert.deepEqual(provinceByName("浙江省"), { code: "33", name: "浙江省", short: "浙江", level: "省", seat: "杭州市" });
    assert.equal(provinceByName("新疆维吾尔自治区").short, "新疆");
    assert.equal(provinceByName("广西壮族自治区").short, "广西");
    assert.throws(() => provinceByName("宁夏"), /宁夏: not the official name/u);
  });

  test("short forms by rule: suffixes dropped where a name is left; not districts, autonomous units or 左旗", () => {
    const cases: [string, "league" | "county", string | null][] = [
      ["银川市", "league", "银川"],
      ["兴安盟", "league", "兴安"],
      ["和田地区", "league", "和田"],
      ["平罗县", "county", "平罗"],
      ["青铜峡市", "county", "青铜峡"],
      ["敖汉旗", "county", "敖汉"],
      ["兴庆区", "county", null],
      ["西湖区", "county", null],
      ["土默特左旗", "county", null],
      ["鄂伦春自治旗", "county", null],
      ["景宁畲族自治县", "county", null],
      ["沙县", "county", null],
    ];
    for (const [name, level, short] of cases) assert.equal(derivedShortForm(name, level), short, name);
  });

  test("maps of Inner Mongolia, Ningxia and Zhejiang: every prefecture of the divisions package, one shape each", async () => {
    const expected: Record<string, string[]> = {
      内蒙古自治区: ["呼和浩特市", "包头市", "乌海市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "兴安盟", "锡林郭勒盟", "阿拉善盟"],
      宁夏回族自治区: ["银川市", "石嘴山市", "吴忠市", "固原市", "中卫市"],
      浙江省: ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"],
    };
    for (const [province, names] of Object.entries(expected)) {
      const map = await loadProvinceMap(province);
      assert.ok(map, province);
      assert.deepEqual(map.shapes.map((shape) => shape.name), names);
      for (const shape of map.shapes) assert.match(shape.path, /^M\d+ \d+l/u);
      assert.match(map.source, /echarts@3\.8\.5/u);
    }
  });
});

describe("a Ningxia paper's pages, ingested with its config", () => {
  const work = mkdtempSync(path.join(tmpdir(), "archive-second-province-"));
  const out = path.join(work, "articles");
  let articles: { title: string; location: string | null; county: string | null }[] = [];

  before(async () => {
    const env = { ...process.env, ARCHIVE_CONFIG: path.join(FIXTURE, "archive.config.yaml") };
    await run(process.execPath, ["scripts/ingest.ts", "--in", path.join(FIXTURE, "issues"), "--out", out, "--quiet"], { cwd: ROOT, env });
    articles = readdirSync(out, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".md"))
      .map((file) => matter(readFileSync(path.join(out, file), "utf8")).data as { title: string; location: string | null; county: string | null });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const filed = (title: string) => {
    const article = articles.find((a) => a.title.includes(title));
    assert.ok(article, `an article titled …${title}…, among ${articles.map((a) => a.title).join(" / ")}`);
    return { location: article.location, county: article.county };
  };

  test("a Yinchuan story is filed under 银川市 (兴庆区, 永宁县 and 贺兰县 are its)", () => {
    assert.equal(filed("沿黄生态廊道").location, "银川市");
  });

  test("全区 and 自治区 are Ningxia: a region-wide story is filed under 宁夏", () => {
    assert.deepEqual(filed("全区秋粮"), { location: "宁夏", county: null });
  });

  test("a county's story is filed under its prefecture and county, by the county's short name too", () => {
    assert.deepEqual(filed("盐碱地"), { location: "石嘴山市", county: "平罗县" });
  });

  test("a story over three of a prefecture's counties is the prefecture's, with no county", () => {
    assert.deepEqual(filed("马铃薯"), { location: "固原市", county: null });
  });

  test("贺兰山 is the mountain, not 贺兰县: the wine story is 永宁县's", () => {
    assert.deepEqual(filed("葡萄酒"), { location: "银川市", county: "永宁县" });
  });

  test("a district by its hand alias (沙坡头) and a prefecture by its derived short form (中卫)", () => {
    assert.equal(filed("枸杞").location, "中卫市");
  });

  test("Inner Mongolia is elsewhere for a Ningxia paper: its story is filed nowhere in Ningxia", () => {
    assert.equal(filed("草原").location, null);
  });
});
