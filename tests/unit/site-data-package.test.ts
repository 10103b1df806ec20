// The open-data files as a researcher gets them: the generators write them into a folder the way
// the /data/ routes do, and every resource datapackage.json lists must be there, readable with
// its format, encoding and compression, and every row must match its schema.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";
import { articlesToCsv, articlesToJson } from "../../src/lib/site/data-export.ts";
import { DATA_LICENCE, dataPackage, type DataPackage, type TableField } from "../../src/lib/site/data-package.ts";
import { fullTextByYear, fullTextJsonLines, fullTextYears, gzipDeterministic, htmlPlainText, markdownPlainText } from "../../src/lib/site/full-text.ts";
import { parseCsv } from "../support/site-paths.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const ORIGIN = "https://archive.example.org";

const entries: { entry: ArchiveEntry; markdown: string }[] = [
  {
    entry: sampleEntry("2022-11-08/wen-ming-xin-feng", { title: "文明新风拂遍青城大地", section: "广角", reporters: ["白丹"], location: "呼和浩特市", page: { no: 5, name: "党建" } }),
    markdown: "第一段。\n\n## 小标题\n\n第二段。\n",
  },
  {
    entry: sampleEntry("2022-09-06/shi", { title: "诗", kind: "article", authors: ["郝佳丽"], series: { name: "五化协同 大抓基层", no: 2 } }),
    markdown: "第一行\\\n第二行\n\n第三行\n",
  },
  {
    // A body with Markdown escapes, as the ingest writes text that would otherwise be markup.
    entry: sampleEntry("2024-10-15/gong-gao", { title: "-10℃ 公告", kind: "notice", order: 3 }),
    markdown: "\\- 降温 \\*10\\* 度 &amp; \\<b>\n",
  },
];

/** Problems of one row against a Table Schema (the types this package uses; null is a missing value). */
function rowProblems(fields: readonly TableField[], row: Record<string, unknown>, cells: "json" | "csv"): string[] {
  const problems: string[] = [];
  const names = fields.map((f) => f.name);
  const extra = Object.keys(row).filter((key) => !names.includes(key));
  if (extra.length > 0) problems.push(`fields not in the schema: ${extra.join(", ")}`);
  for (const field of fields) {
    const value = row[field.name];
    const missing = value === null || value === undefined || (cells === "csv" && value === "");
    if (missing) {
      if (field.constraints?.required) problems.push(`${field.name} is required`);
      continue;
    }
    const ok = {
      string: () => typeof value === "string" && (field.format !== "uri" || URL.canParse(value)),
      integer: () => (cells === "csv" ? /^-?\d+$/.test(String(value)) : Number.isInteger(value)),
      date: () => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value),
      object: () => typeof value === "object" && !Array.isArray(value),
      array: () => Array.isArray(value),
    }[field.type]();
    if (!ok) problems.push(`${field.name} is not a ${field.type}: ${JSON.stringify(value)}`);
    if (field.constraints?.enum && !field.constraints.enum.includes(String(value))) problems.push(`${field.name} is not one of the enum`);
    if (field.constraints?.minimum !== undefined && Number(value) < field.constraints.minimum) problems.push(`${field.name} is below the minimum`);
  }
  return problems;
}

/** Reads every resource of the package in `dir` as rows; fails on a missing file or a bad row. */
function checkPackage(dir: string, pkg: DataPackage): Map<string, Record<string, unknown>[]> {
  const rowsByResource = new Map<string, Record<string, unknown>[]>();
  for (const resource of pkg.resources) {
    let bytes = readFileSync(path.join(dir, resource.path));
    if (resource.compression === "gz") bytes = gunzipSync(bytes);
    let text = new TextDecoder(resource.encoding, { fatal: true }).decode(bytes);
    let rows: Record<string, unknown>[];
    if (resource.format === "json") rows = JSON.parse(text) as Record<string, unknown>[];
    else if (resource.format === "jsonl") {
      assert.ok(text.endsWith("\n"));
      rows = text.slice(0, -1).split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    } else {
      text = text.replace(/^\uFEFF/, "");
      const [header, ...records] = parseCsv(text);
      assert.deepEqual(header, resource.schema.fields.map((f) => f.name), `${resource.name}: header`);
      rows = records.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]])));
    }
    const problems = rows.flatMap((row, i) => rowProblems(resource.schema.fields, row, resource.format === "csv" ? "csv" : "json").map((p) => `${resource.name} row ${i + 1}: ${p}`));
    assert.deepEqual(problems, []);
    const keys = rows.map((row) => row[resource.schema.primaryKey]);
    assert.equal(new Set(keys).size, keys.length, `${resource.name}: the primary key is unique`);
    rowsByResource.set(resource.name, rows);
  }
  return rowsByResource;
}

let dir: string;
let pkg: DataPackage;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "archive-data-package-"));
  const records = entries.map((e) => e.entry);
  const years = fullTextYears(records);
  pkg = dataPackage({ origin: ORIGIN, years });
  writeFileSync(path.join(dir, "datapackage.json"), JSON.stringify(pkg));
  writeFileSync(path.join(dir, "articles.json"), articlesToJson(records, { origin: ORIGIN }));
  writeFileSync(path.join(dir, "articles.csv"), articlesToCsv(records, { origin: ORIGIN }));
  mkdirSync(path.join(dir, "text"));
  mkdirSync(path.join(dir, "articles"));
  const byYear = fullTextByYear(entries.map((e) => ({ ...e.entry, markdown: e.markdown })));
  assert.deepEqual([...byYear.keys()], years);
  for (const [year, yearEntries] of byYear) {
    const yearRecords = yearEntries.map(({ markdown: _markdown, ...entry }) => entry);
    writeFileSync(path.join(dir, "articles", `${year}.json`), articlesToJson(yearRecords, { origin: ORIGIN }));
    writeFileSync(path.join(dir, "articles", `${year}.csv`), articlesToCsv(yearRecords, { origin: ORIGIN }));
    const texts = await Promise.all(yearEntries.map(async ({ markdown, ...entry }) => ({ entry, text: await markdownPlainText(markdown) })));
    writeFileSync(path.join(dir, "text", `${year}.jsonl.gz`), gzipDeterministic(fullTextJsonLines(texts, ORIGIN)));
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe("datapackage.json", () => {
  it("lists the JSON and CSV metadata, whole and a year to a file, and one full-text file per year, oldest first", () => {
    assert.deepEqual(
      pkg.resources.map((r) => r.path),
      ["articles.json", "articles.csv", "articles/2022.json", "articles/2022.csv", "articles/2024.json", "articles/2024.csv", "text/2022.jsonl.gz", "text/2024.jsonl.gz"],
    );
    assert.equal(pkg.profile, "tabular-data-package");
    assert.match(pkg.name, /^[a-z0-9._/-]+$/, "a Data Package name");
    assert.deepEqual(pkg.licenses, [{ ...DATA_LICENCE }]);
    assert.ok(pkg.sources.length > 0 && pkg.sources.every((s) => URL.canParse(s.path)));
    for (const r of pkg.resources) assert.match(r.name, /^[a-z0-9._-]+$/, r.name);
  });

  it("describes files that exist, whose every row matches the resource's schema", () => {
    const rows = checkPackage(dir, pkg);
    assert.equal(rows.get("articles-json")!.length, 3);
    assert.equal(rows.get("articles-csv")!.length, 3);
    assert.equal(rows.get("text-2022")!.length + rows.get("text-2024")!.length, 3);
    for (const format of ["json", "csv"]) {
      assert.deepEqual(
        ["2022", "2024"].flatMap((year) => rows.get(`articles-${year}-${format}`)!),
        rows.get(`articles-${format}`),
        `the years' ${format} rows are the whole file's`,
      );
    }
  });

  it("full-text rows carry the article's metadata as in articles.json, plus its text", () => {
    const rows = checkPackage(dir, pkg);
    const json = new Map(rows.get("articles-json")!.map((row) => [row["id"], row]));
    for (const row of [...rows.get("text-2022")!, ...rows.get("text-2024")!]) {
      const { text, ...metadata } = row;
      assert.deepEqual(metadata, json.get(row["id"]));
      assert.equal(typeof text, "string");
    }
    const byId = new Map(rows.get("text-2022")!.map((row) => [row["id"], row["text"]]));
    assert.equal(byId.get("2022-11-08/wen-ming-xin-feng"), "第一段。\n\n小标题\n\n第二段。");
    assert.equal(byId.get("2022-09-06/shi"), "第一行\n第二行\n\n第三行");
    assert.equal(rows.get("text-2024")![0]!["text"], "- 降温 *10* 度 & <b>");
  });
});

describe("the full-text files", () => {
  it("are the same bytes for the same articles, in newspaper order whatever the input order", async () => {
    const texts = await Promise.all(entries.map(async (e) => ({ entry: e.entry, text: await markdownPlainText(e.markdown) })));
    const a = gzipDeterministic(fullTextJsonLines(texts, ORIGIN));
    const b = gzipDeterministic(fullTextJsonLines(texts.toReversed(), ORIGIN));
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
    // gzip header: no name, modification time 0.
    assert.deepEqual([...a.subarray(0, 8)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
  });

  it("turn rendered HTML into text: blocks by a blank line, <br> as a line break, entities decoded", () => {
    assert.equal(htmlPlainText("<p>一&amp;二</p>\n<h2>三</h2>\n<p>四<br>\n五 &#x3C;六></p>"), "一&二\n\n三\n\n四\n五 <六>");
  });
});
