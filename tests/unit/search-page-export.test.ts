// What the export buttons offer and the file a press downloads (src/lib/search/search-page/export-offer.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_EXPORT, type ExportRecord } from "../../src/lib/search/result-export.ts";
import { exportCount, exportFile } from "../../src/lib/search/search-page/export-offer.ts";

const RECORD: ExportRecord = {
  id: "2022-11-08/ban-deng",
  url: "https://archive.example/articles/2022-11-08/ban-deng/",
  title: "板凳议事会",
  subtitle: "",
  date: "2022-11-08",
  kind: "article",
  pageNo: 5,
  pageName: "党建",
  section: "",
  agency: "",
  byline: "记者 宋爽",
  authors: ["宋爽"],
  location: "包头市",
  county: "",
};
const CONTEXT = { newspaper: "内蒙古日报", lang: "zh-CN" };

describe("export offer", () => {
  it("offers the first MAX_EXPORT results, none without results", () => {
    assert.equal(exportCount(0), 0);
    assert.equal(exportCount(7), 7);
    assert.equal(exportCount(MAX_EXPORT + 1), MAX_EXPORT);
  });

  it("names the file by the search's range and types it by format", () => {
    const ris = exportFile("ris", [RECORD], { from: "2022-09-01", to: null }, CONTEXT);
    assert.equal(ris.name, "search-results-from-2022-09-01.ris");
    assert.equal(ris.type, "application/x-research-info-systems;charset=utf-8");
    assert.match(ris.text, /^TY {2}- NEWS\r\n/);
    const csv = exportFile("csv", [RECORD], { from: null, to: null }, CONTEXT);
    assert.equal(csv.name, "search-results.csv");
    assert.equal(csv.type, "text/csv;charset=utf-8");
    assert.ok(csv.text.startsWith("\uFEFFid,url,date,title,"));
  });
});
