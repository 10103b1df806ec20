import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { FRONTMATTER_KEYS } from "../../src/lib/article.ts";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";
import {
  articlesToCsv,
  articlesToJson,
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  csvCell,
  ExportPartError,
  joinCsvExports,
  joinJsonExports,
} from "../../src/lib/site/data-export.ts";
import { writeWholeExports } from "../../src/lib/build/whole-exports.ts";
import { fullTextByYear } from "../../src/lib/site/full-text.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const ORIGIN = "https://archive.example.org";

// Listed out of newspaper order on purpose.
const records: ArchiveEntry[] = [
  sampleEntry("2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", {
    title: "汇聚非公领域发展“红色动能”",
    section: "北疆党旗红",
    reporters: ["许敬"],
    correspondents: ["王筱瑜"],
    location: "阿拉善盟",
    page: { no: 5, name: "党建" },
    order: 4,
    source: "2024-10-15_001_554b9e868c6e5a63.txt",
  }),
  // A wire commentary printed on page 1 of the same issue: it comes before page 5 whatever its order.
  sampleEntry("2024-10-15/xin-hua-she-ping-lun", {
    title: "奋力谱写新篇章",
    kind: "commentary",
    authors: ["张三"],
    affiliation: "中央党校教授",
    agency: "新华社",
    page: { no: 1, name: "要闻" },
    order: 8,
    source: "2024-10-15_000_aaaa.txt",
  }),
  sampleEntry("2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji", {
    title: "比出新活力 争出好业绩",
    series: { name: "五化协同 大抓基层", no: 1 },
    reporters: ["宋爽"],
    location: "赤峰市",
    county: "元宝山区",
    order: 7,
    source: "2022-11-08_000_0e8d57b71d93ccd5.txt",
  }),
  sampleEntry("2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di", {
    title: "文明新风拂遍青城大地",
    section: "广角",
    reporters: ["白丹"],
    photographers: ["孟和朝鲁"],
    location: "呼和浩特市",
    order: 1,
    source: "2022-11-08_000_0e8d57b71d93ccd5.txt",
  }),
  sampleEntry("2024-10-15/dang-jian-tui-dong-ren-da-dai-biao", {
    title: "“党建+”推动人大代表耕好“责任田”",
    subtitle: '西街街道 "党建+人大", 代表闭会期间\r\n充分履职',
    section: "代表委员“零距离”",
    reporters: ["宋爽"],
    correspondents: ["冯红梅"],
    page: { no: 5, name: "党建" },
    order: 5,
    source: "2024-10-15_001_554b9e868c6e5a63.txt",
  }),
  sampleEntry("2022-09-20/ji-ceng-zhi-li-jian-xun", {
    title: "=HYPERLINK(\"http://evil.example\",\"点击\")",
    kind: "brief",
    series: { name: "-10℃的坚守", no: null },
    authors: ["+86", "@某人"],
    order: 9,
    source: "2022-09-20_003_dddc6a7051c1087a.txt",
  }),
];

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      assert.ok(ch !== '"' && ch !== "\n" && ch !== "\r", `bare ${JSON.stringify(ch)} outside quotes at ${i}`);
      field += ch;
    }
  }
  assert.equal(field, "", "the file ends with CRLF");
  assert.equal(row.length, 0);
  return rows;
}

describe("articlesToCsv", () => {
  const csv = articlesToCsv(records, { origin: ORIGIN });

  it("starts with a UTF-8 byte order mark and ends every line with CRLF", () => {
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.ok(csv.endsWith("\r\n"));
    assert.equal(csv.replace(/\r\n/g, "").includes("\r\n"), false);
    assert.ok(Buffer.from(csv, "utf8").subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  });

  const rows = parseCsv(csv.slice(1));
  const [header, ...body] = rows;
  const byId = new Map(body.map((cells) => [cells[0], Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]]))]));

  it("has a header and one row per article, every row as wide as the header", () => {
    assert.deepEqual(header, [...CSV_COLUMNS]);
    assert.equal(body.length, records.length);
    for (const cells of body) assert.equal(cells.length, CSV_COLUMNS.length);
  });

  it("lists articles in newspaper order: date, issue, page, order", () => {
    assert.deepEqual(
      body.map((cells) => cells[0]),
      [
        "2022-09-20/ji-ceng-zhi-li-jian-xun",
        "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di",
        "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji",
        "2024-10-15/xin-hua-she-ping-lun",
        "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng",
        "2024-10-15/dang-jian-tui-dong-ren-da-dai-biao",
      ],
    );
  });

  const roundTrips: { id: string; column: (typeof CSV_COLUMNS)[number]; expected: string }[] = [
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "title", expected: "汇聚非公领域发展“红色动能”" },
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "reporters", expected: "许敬" },
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "correspondents", expected: "王筱瑜" },
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "url", expected: `${ORIGIN}/articles/2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng/` },
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "location", expected: "阿拉善盟" },
    { id: "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", column: "subtitle", expected: "" },
    { id: "2024-10-15/dang-jian-tui-dong-ren-da-dai-biao", column: "subtitle", expected: '西街街道 "党建+人大", 代表闭会期间\r\n充分履职' },
    { id: "2024-10-15/dang-jian-tui-dong-ren-da-dai-biao", column: "section", expected: "代表委员“零距离”" },
    { id: "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji", column: "series", expected: "五化协同 大抓基层" },
    { id: "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji", column: "series_no", expected: "1" },
    { id: "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji", column: "county", expected: "元宝山区" },
    { id: "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji", column: "order", expected: "7" },
    { id: "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di", column: "photographers", expected: "孟和朝鲁" },
    { id: "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di", column: "source", expected: "2022-11-08_000_0e8d57b71d93ccd5.txt" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "kind", expected: "brief" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "series_no", expected: "" },
    { id: "2024-10-15/xin-hua-she-ping-lun", column: "page_no", expected: "1" },
    { id: "2024-10-15/xin-hua-she-ping-lun", column: "page_name", expected: "要闻" },
    { id: "2024-10-15/xin-hua-she-ping-lun", column: "agency", expected: "新华社" },
    { id: "2024-10-15/xin-hua-she-ping-lun", column: "affiliation", expected: "中央党校教授" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "page_no", expected: "" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "page_name", expected: "" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "agency", expected: "" },
    // Formula guard: cells a spreadsheet would evaluate are read back with a leading '.
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "title", expected: "'=HYPERLINK(\"http://evil.example\",\"点击\")" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "series", expected: "'-10℃的坚守" },
    { id: "2022-09-20/ji-ceng-zhi-li-jian-xun", column: "authors", expected: `'+86${CSV_LIST_SEPARATOR}@某人` },
  ];
  for (const c of roundTrips) {
    it(`reads back ${c.column} of ${c.id.slice(11, 30)}… as ${JSON.stringify(c.expected).slice(0, 40)}`, () => {
      assert.equal(byId.get(c.id)?.[c.column], c.expected);
    });
  }

  it("splits series and page into two columns each, in frontmatter order", () => {
    const at = (column: string) => CSV_COLUMNS.indexOf(column);
    assert.deepEqual(
      ["series", "series_no", "page_no", "page_name"].map((column) => at(column) - at("id")),
      [at("series"), at("series") + 1, at("issue") + 1, at("issue") + 2],
    );
    assert.equal(at("page"), -1);
  });

  it("fills every column of an article that has the field", () => {
    const full = sampleEntry("2024-10-15/x", {
      title: "题",
      subtitle: "副",
      section: "栏",
      series: { name: "系列", no: 2 },
      reporters: ["甲"],
      correspondents: ["乙"],
      photographers: ["丙"],
      authors: ["丁"],
      affiliation: "单位",
      agency: "新华社",
      location: "赤峰市",
      county: "元宝山区",
      page: { no: 3, name: "经济" },
    });
    const [, row] = parseCsv(articlesToCsv([full], { origin: ORIGIN }).slice(1));
    // Only a field the sample leaves null may give an empty cell.
    const nullFields = FRONTMATTER_KEYS.filter((key) => full.data[key] === null);
    assert.deepEqual(
      CSV_COLUMNS.filter((_, i) => row![i] === ""),
      nullFields,
    );
  });

  it("joins several names with 、", () => {
    const two = sampleEntry("2024-10-15/x", { reporters: ["宋爽", "潘佳"], correspondents: ["冯红梅"] });
    const [, row] = parseCsv(articlesToCsv([two], { origin: ORIGIN }).slice(1));
    assert.equal(row![CSV_COLUMNS.indexOf("reporters")], "宋爽、潘佳");
  });

  it("gives the same bytes for the same articles in any order", () => {
    assert.equal(articlesToCsv([...records].reverse(), { origin: ORIGIN }), csv);
  });
});

describe("csvCell", () => {
  const cases: [string, string][] = [
    ["文明新风拂遍青城大地", "文明新风拂遍青城大地"],
    ["a,b", '"a,b"'],
    ['说"好"', '"说""好"""'],
    ["第一行\n第二行", '"第一行\n第二行"'],
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ['=A1,"x"', `"'=A1,""x"""`],
    ["1-1", "1-1"],
    ["", ""],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(csvCell(input), expected));
  }
});

describe("articlesToJson", () => {
  const json = articlesToJson(records, { origin: ORIGIN });
  const parsed = JSON.parse(json) as Record<string, unknown>[];

  it("is pretty-printed with a final newline", () => {
    assert.ok(json.startsWith("[\n  {\n    \"id\": "));
    assert.ok(json.endsWith("]\n"));
  });

  it("has id, url, then every frontmatter field in the ingest's order", () => {
    for (const object of parsed) assert.deepEqual(Object.keys(object), ["id", "url", ...FRONTMATTER_KEYS]);
  });

  it("keeps every value, in newspaper order", () => {
    assert.deepEqual(
      parsed.map((o) => o.id),
      [
        "2022-09-20/ji-ceng-zhi-li-jian-xun",
        "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di",
        "2022-11-08/bi-chu-xin-huo-li-zheng-chu-hao-ye-ji",
        "2024-10-15/xin-hua-she-ping-lun",
        "2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng",
        "2024-10-15/dang-jian-tui-dong-ren-da-dai-biao",
      ],
    );
    for (const record of records) {
      const object = parsed.find((o) => o.id === record.id)!;
      assert.equal(object.url, `${ORIGIN}/articles/${record.id}/`);
      for (const key of FRONTMATTER_KEYS) assert.deepEqual(object[key], record.data[key], key);
    }
  });

  it("writes series with name before no, and ignores fields outside the schema", () => {
    const extra = { ...records[1]!, data: { ...records[1]!.data, series: { no: 1, name: "五化协同 大抓基层" }, body: "正文" } };
    const [object] = JSON.parse(articlesToJson([extra], { origin: ORIGIN })) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(object!.series as object), ["name", "no"]);
    assert.equal("body" in object!, false);
  });

  it("writes page with no before name, null parts kept", () => {
    const objects = JSON.parse(articlesToJson([records[0]!, records[2]!], { origin: ORIGIN })) as { page: object }[];
    assert.deepEqual(
      objects.map((o) => [Object.keys(o.page), o.page]),
      [
        [["no", "name"], { no: null, name: null }],
        [["no", "name"], { no: 5, name: "党建" }],
      ],
    );
  });

  it("gives the same text for the same articles in any order", () => {
    assert.equal(articlesToJson([...records].reverse(), { origin: ORIGIN }), json);
  });
});

describe("the whole exports joined from the years' files", () => {
  const byYear = fullTextByYear(records);
  const years = [...byYear].map(([year, entries]) => ({ year, entries }));
  const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString("utf8");
  const yearFiles = (make: typeof articlesToJson) =>
    years.map(({ year, entries }) => ({ name: `${year}`, bytes: Buffer.from(make(entries, { origin: ORIGIN })) }));

  it("are byte for byte the exports of every article, for one year, two or none", () => {
    assert.equal(years.length, 2);
    assert.equal(joined(joinJsonExports(yearFiles(articlesToJson))), articlesToJson(records, { origin: ORIGIN }));
    assert.equal(joined(joinCsvExports(yearFiles(articlesToCsv))), articlesToCsv(records, { origin: ORIGIN }));
    const [first] = yearFiles(articlesToJson);
    assert.equal(joined(joinJsonExports([first!])), articlesToJson(years[0]!.entries, { origin: ORIGIN }));
    assert.equal(joined(joinJsonExports([])), articlesToJson([], { origin: ORIGIN }));
    assert.equal(joined(joinCsvExports([])), articlesToCsv([], { origin: ORIGIN }));
  });

  it("name a year's file that is not an export, rather than write a broken whole", () => {
    const [first, second] = yearFiles(articlesToJson);
    const cut = { name: "2024.json", bytes: second!.bytes.subarray(0, second!.bytes.byteLength - 5) };
    assert.throws(() => joined(joinJsonExports([first!, cut])), (err: unknown) => err instanceof ExportPartError && err.message.startsWith("2024.json: not the JSON"));
    const [csv] = yearFiles(articlesToCsv);
    const noBom = { name: "2022.csv", bytes: csv!.bytes.subarray(3) };
    assert.throws(() => joined(joinCsvExports([noBom])), /^ExportPartError: 2022\.csv: not the CSV/);
  });

  it("are written from a built site's year files, a year's JSON without its CSV named", () => {
    const root = mkdtempSync(path.join(tmpdir(), "whole-exports-"));
    try {
      const folder = path.join(root, "data", "articles");
      mkdirSync(folder, { recursive: true });
      for (const { year, entries } of years) {
        writeFileSync(path.join(folder, `${year}.json`), articlesToJson(entries, { origin: ORIGIN }));
        writeFileSync(path.join(folder, `${year}.csv`), articlesToCsv(entries, { origin: ORIGIN }));
      }
      const written = writeWholeExports(root);
      assert.deepEqual(written.years, ["2022", "2024"]);
      assert.equal(readFileSync(path.join(root, "data", "articles.json"), "utf8"), articlesToJson(records, { origin: ORIGIN }));
      assert.equal(readFileSync(path.join(root, "data", "articles.csv"), "utf8"), articlesToCsv(records, { origin: ORIGIN }));
      assert.equal(written.jsonBytes, Buffer.byteLength(articlesToJson(records, { origin: ORIGIN })));
      rmSync(path.join(folder, "2024.csv"));
      assert.throws(() => writeWholeExports(root), /2024\.json without the other format/);
      assert.equal(readFileSync(path.join(root, "data", "articles.json"), "utf8"), articlesToJson(records, { origin: ORIGIN }), "the last whole file stays");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
