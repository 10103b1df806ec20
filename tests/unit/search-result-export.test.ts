import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  EXPORT_CSV_COLUMNS,
  citedAuthorsOf,
  csvExport,
  csvField,
  exportFileName,
  exportRecord,
  risExport,
} from "../../src/lib/search/result-export.ts";

const ORIGIN = "https://archive.example";
const CONTEXT = { newspaper: "内蒙古日报", lang: "zh-CN" };

const BAN_DENG = exportRecord(
  {
    url: "/articles/2022-11-08/ban-deng-yi-shi-hui/",
    meta: {
      title: "板凳\u200b议事会",
      date: "2022-11-08",
      kind: "article",
      page: "第5版 党建",
      section: "基层",
      byline: "记者 宋爽；通讯员 李四",
      location: "包头市",
      county: "白云鄂博矿区",
    },
  },
  ORIGIN,
);
const EDITORIAL = exportRecord(
  { url: "/articles/2024-10-15/ping-lun/", meta: { title: '=SUM(A1), "引号"', subtitle: "副题", date: "2024-10-15", kind: "commentary", page: "要闻", byline: "作者 赵六" } },
  ORIGIN,
);

/** A small RIS reader: records of tag → values, per the specification's line form. */
function readRis(text: string): Record<string, string[]>[] {
  const records: Record<string, string[]>[] = [];
  let current: Record<string, string[]> | null = null;
  for (const line of text.split("\r\n")) {
    if (line === "") continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    assert.ok(match, `not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = match;
    if (tag === "TY") current = {};
    assert.ok(current, "a record starts with TY");
    (current[tag!] ??= []).push(value!);
    if (tag === "ER") {
      records.push(current);
      current = null;
    }
  }
  assert.equal(current, null, "every record ends with ER");
  return records;
}

/** An RFC 4180 reader. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("result export: records", () => {
  it("reads a result's metadata: id, absolute URL, page number and name, the cited authors", () => {
    assert.equal(BAN_DENG.id, "2022-11-08/ban-deng-yi-shi-hui");
    assert.equal(BAN_DENG.url, "https://archive.example/articles/2022-11-08/ban-deng-yi-shi-hui/");
    assert.equal(BAN_DENG.title, "板凳议事会");
    assert.deepEqual([BAN_DENG.pageNo, BAN_DENG.pageName], [5, "党建"]);
    assert.deepEqual(BAN_DENG.authors, ["宋爽", "李四"]);
    assert.deepEqual([EDITORIAL.pageNo, EDITORIAL.pageName], [null, "要闻"]);
  });

  it("cites reporters and correspondents, else authors, else photographers", () => {
    assert.deepEqual(citedAuthorsOf("记者 宋爽 王五；通讯员 李四；摄影 赵六"), ["宋爽", "王五", "李四"]);
    assert.deepEqual(citedAuthorsOf("作者 赵六"), ["赵六"]);
    assert.deepEqual(citedAuthorsOf("摄影 白雪"), ["白雪"]);
    assert.deepEqual(citedAuthorsOf(""), []);
  });
});

describe("result export: RIS", () => {
  const ris = risExport([BAN_DENG, EDITORIAL], CONTEXT);

  it("writes NEWS records a RIS reader parses back, one per result, in order", () => {
    const records = readRis(ris);
    assert.equal(records.length, 2);
    assert.deepEqual(records[0], {
      TY: ["NEWS"],
      ID: ["2022-11-08/ban-deng-yi-shi-hui"],
      TI: ["板凳议事会"],
      AU: ["宋爽", "李四"],
      PY: ["2022"],
      DA: ["2022/11/08"],
      T2: ["内蒙古日报"],
      SP: ["5"],
      SE: ["党建"],
      LA: ["zh-CN"],
      UR: ["https://archive.example/articles/2022-11-08/ban-deng-yi-shi-hui/"],
      N1: ["栏目：基层；地区：包头市 白云鄂博矿区"],
      ER: [""],
    });
    assert.deepEqual(records[1]!["TI"], ['=SUM(A1), "引号"：副题']);
    assert.equal(records[1]!["SP"], undefined);
  });

  it("uses CRLF line ends only, and the same bytes for the same results", () => {
    assert.equal(/[^\r]\n/.test(ris), false);
    assert.equal(risExport([BAN_DENG, EDITORIAL], CONTEXT), ris);
    assert.equal(risExport([], CONTEXT), "");
  });
});

describe("result export: CSV", () => {
  const csv = csvExport([BAN_DENG, EDITORIAL]);

  it("starts with a BOM and a header row, one row per result, read back as written", () => {
    assert.ok(csv.startsWith("\uFEFFid,url,date,"));
    const rows = readCsv(csv.slice(1));
    assert.deepEqual(rows[0], [...EXPORT_CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    const row = Object.fromEntries(EXPORT_CSV_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    assert.deepEqual(row, {
      id: "2022-11-08/ban-deng-yi-shi-hui",
      url: "https://archive.example/articles/2022-11-08/ban-deng-yi-shi-hui/",
      date: "2022-11-08",
      title: "板凳议事会",
      subtitle: "",
      kind: "article",
      page_no: "5",
      page_name: "党建",
      section: "基层",
      agency: "",
      byline: "记者 宋爽；通讯员 李四",
      authors: "宋爽、李四",
      location: "包头市",
      county: "白云鄂博矿区",
    });
  });

  it("quotes commas and quotes, and keeps a formula as text", () => {
    assert.equal(readCsv(csv.slice(1))[2]![3], `'=SUM(A1), "引号"`);
    assert.equal(csvField("a,b"), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField("-党建"), "'-党建");
    assert.equal(csvField("line\nbreak"), '"line\nbreak"');
  });

  it("names the files by the range", () => {
    assert.equal(exportFileName("search-results", { from: null, to: null }, "csv"), "search-results.csv");
    assert.equal(exportFileName("search-results", { from: "2022-09-01", to: "2022-12-31" }, "ris"), "search-results-from-2022-09-01-to-2022-12-31.ris");
  });
});

describe("a record's address under a base path", () => {
  const fragment = { url: "/articles/2022-11-08/ban-deng-yi-shi-hui/", meta: { title: "板凳议事会", date: "2022-11-08" } };
  it("is the article's path under the site's root, base path included", () => {
    assert.equal(exportRecord(fragment, "https://host.example/archive/").url, "https://host.example/archive/articles/2022-11-08/ban-deng-yi-shi-hui/");
  });
  it("is the same for a bare origin and the root", () => {
    assert.equal(exportRecord(fragment, "https://host.example").url, exportRecord(fragment, "https://host.example/").url);
  });
});
