import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PrintedPage } from "../../src/lib/article.ts";
import { formatPrintedPage, formatSeries } from "../../src/lib/site/format.ts";

describe("formatPrintedPage", () => {
  const table: [PrintedPage, string | null][] = [
    [{ no: 5, name: "党建" }, "第5版 党建"],
    [{ no: 1, name: "要闻" }, "第1版 要闻"],
    [{ no: 12, name: null }, "第12版"],
    [{ no: null, name: "副刊" }, "副刊"],
    [{ no: null, name: null }, null],
  ];
  for (const [page, expected] of table) {
    it(`${JSON.stringify(page)} → ${JSON.stringify(expected)}`, () => assert.equal(formatPrintedPage(page), expected));
  }
});

describe("formatSeries", () => {
  const table: [{ name: string; no: number | null }, string][] = [
    [{ name: "五化协同 大抓基层", no: 2 }, "五化协同 大抓基层（2）"],
    [{ name: "五化协同 大抓基层", no: null }, "五化协同 大抓基层"],
  ];
  for (const [series, expected] of table) {
    it(`${JSON.stringify(series)} → ${expected}`, () => assert.equal(formatSeries(series), expected));
  }
});
