// RIS and CSL-JSON downloads, read back by Citation.js (its RIS plugin and its CSL-JSON input),
// the reader many citation tools are built on.
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";
import { articleCsl, articleCslJson, articleRis, referenceId } from "../../src/lib/site/citation-export.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const url = (a: ArchiveEntry) => `https://archive.example.org/articles/${a.id}/`;

// Seed 001 (2024-10-15) on a numbered page: □本报记者 许敬 通讯员 王筱瑜
const xuJing = sampleEntry("2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", {
  title: "汇聚非公领域发展“红色动能”",
  reporters: ["许敬"],
  correspondents: ["王筱瑜"],
  page: { no: 5, name: "党建" },
});
// Text from the wild: a deck with a line break, a title with quotes, markup characters and a minus.
const awkward = sampleEntry("2022-11-08/er-ling", {
  title: '-10℃ "引号" & <标签>',
  subtitle: "第一行\r\n第二行",
  authors: ["本报评论员"],
});
const unsigned = sampleEntry("2022-09-06/xiao-xi", { title: "消息" });

/** The RIS lines as [tag, value] pairs. */
function risLines(ris: string): [string, string][] {
  assert.ok(ris.endsWith("ER  - \r\n"), "ends with the ER line");
  const lines = ris.split("\r\n").slice(0, -1);
  for (const line of lines) assert.match(line, /^[A-Z][A-Z0-9] {2}- /, `a tagged line: ${JSON.stringify(line)}`);
  return lines.map((line) => [line.slice(0, 2), line.slice(6)]);
}

describe("articleRis", () => {
  it("writes a NEWS record with the year in PY, the date in DA, page, section, paper, place, language and URL", () => {
    assert.equal(
      articleRis(xuJing, { url: url(xuJing) }),
      [
        "TY  - NEWS",
        `ID  - ${referenceId(xuJing)}`,
        "TI  - 汇聚非公领域发展“红色动能”",
        "AU  - 许敬",
        "AU  - 王筱瑜",
        "PY  - 2024",
        "DA  - 2024/10/15",
        "T2  - 内蒙古日报",
        "SP  - 5",
        "SE  - 党建",
        "CY  - 呼和浩特",
        "LA  - zh-CN",
        `UR  - ${url(xuJing)}`,
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });

  it("is read back by Citation.js as the same newspaper article", () => {
    const [item] = plugins.input.chain(articleRis(xuJing, { url: url(xuJing) }), { forceType: "@ris/file", generateGraph: false });
    assert.deepEqual(item, {
      id: referenceId(xuJing),
      type: "article-newspaper",
      title: "汇聚非公领域发展“红色动能”",
      // RIS defines AU of a NEWS record as its reporter.
      reporter: ["许敬", "王筱瑜"],
      issued: { "date-parts": [[2024]] },
      "container-title": "内蒙古日报",
      page: "5",
      section: "党建",
      "publisher-place": "呼和浩特",
      language: "zh-CN",
      URL: url(xuJing),
    });
  });

  it("keeps every value on its line: line breaks in the text become spaces, nothing can end the record early", () => {
    const ris = articleRis(awkward, { url: url(awkward) });
    const lines = risLines(ris);
    assert.deepEqual(lines.filter(([tag]) => tag === "ER"), [["ER", ""]]);
    assert.deepEqual(Object.fromEntries(lines.filter(([tag]) => tag === "TI")), { TI: '-10℃ "引号" & <标签>：第一行 第二行' });
    const [item] = plugins.input.chain(ris, { forceType: "@ris/file", generateGraph: false });
    assert.equal(item!["title"], '-10℃ "引号" & <标签>：第一行 第二行');
    assert.equal(item!["reporter"], "本报评论员");
  });

  it("leaves out the page, section and authors an item does not have", () => {
    const tags = risLines(articleRis(unsigned, { url: url(unsigned) })).map(([tag]) => tag);
    assert.deepEqual(tags, ["TY", "ID", "TI", "PY", "DA", "T2", "CY", "LA", "UR", "ER"]);
  });
});

describe("articleCsl", () => {
  it("is an article-newspaper item with literal names, date parts, page, section, place, language, URL and archive", () => {
    assert.deepEqual(articleCsl(xuJing, { url: url(xuJing) }), {
      id: referenceId(xuJing),
      type: "article-newspaper",
      title: "汇聚非公领域发展“红色动能”",
      author: [{ literal: "许敬" }, { literal: "王筱瑜" }],
      "container-title": "内蒙古日报",
      issued: { "date-parts": [[2024, 10, 15]] },
      page: "5",
      section: "党建",
      "publisher-place": "呼和浩特",
      language: "zh-CN",
      URL: url(xuJing),
      archive: "报纸档案",
    });
  });

  it("has no page, section or author when the item has none, and never an accessed date", () => {
    const item = articleCsl(unsigned, { url: url(unsigned) });
    for (const key of ["page", "section", "author", "accessed"]) assert.equal(key in item, false, key);
  });
});

/** CSL 1.0.2 (csl-data.json): the kind of value each variable the download uses must hold. */
const CSL_VARIABLES: Record<string, "string" | "names" | "date"> = {
  id: "string",
  type: "string",
  title: "string",
  author: "names",
  "container-title": "string",
  issued: "date",
  page: "string",
  section: "string",
  "publisher-place": "string",
  language: "string",
  URL: "string",
  archive: "string",
};

function cslProblems(item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    const kind = CSL_VARIABLES[key];
    if (kind === undefined) problems.push(`${key} is not a variable of the download`);
    else if (kind === "string" && typeof value !== "string") problems.push(`${key} is not a string`);
    else if (kind === "names" && !(Array.isArray(value) && value.every((n) => typeof n === "object" && n !== null && typeof (n as { literal?: unknown }).literal === "string")))
      problems.push(`${key} is not a list of names`);
    else if (kind === "date") {
      const parts = (value as { "date-parts"?: unknown })["date-parts"];
      if (!(Array.isArray(parts) && parts.length === 1 && Array.isArray(parts[0]) && parts[0].every((p: unknown) => Number.isInteger(p)))) problems.push(`${key} has no date-parts`);
    }
  }
  for (const key of ["id", "type"]) if (!(key in item)) problems.push(`${key} is missing`);
  return problems;
}

describe("articleCslJson", () => {
  for (const article of [xuJing, awkward, unsigned]) {
    it(`is a CSL-JSON array that Citation.js reads as CSL and keeps unchanged (${article.id})`, () => {
      const text = articleCslJson(article, { url: url(article) });
      const json = JSON.parse(text) as Record<string, unknown>[];
      assert.equal(json.length, 1);
      assert.deepEqual(cslProblems(json[0]!), []);
      assert.equal(plugins.input.type(json), "@csl/list+object");
      const cite = new Cite(json);
      const { _graph, ...read } = cite.data[0]!;
      assert.ok(_graph);
      assert.deepEqual(read, json[0]);
    });
  }

  it("is the same bytes for the same article (no clock in it)", () => {
    assert.equal(articleCslJson(xuJing, { url: url(xuJing) }), articleCslJson(structuredClone(xuJing), { url: url(xuJing) }));
  });
});
