import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";
import {
  bibtexKey,
  citedAuthors,
  escapeBibtex,
  formatBibtex,
  formatGbt7714,
} from "../../src/lib/site/citation.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const ORIGIN = "https://archive.example.org";

const url = (a: ArchiveEntry): string => `${ORIGIN}/articles/${a.id}/`;

// Seed 000 (2022-11-08): ◎广角 / □本报记者 白丹 / 文明新风拂遍青城大地
const baiDan = sampleEntry("2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di", {
  title: "文明新风拂遍青城大地",
  section: "广角",
  reporters: ["白丹"],
  location: "呼和浩特市",
});
// Seed 001 (2024-10-15): □本报记者 许敬 通讯员 王筱瑜
const xuJing = sampleEntry("2024-10-15/hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng", {
  title: "汇聚非公领域发展“红色动能”",
  section: "北疆党旗红",
  reporters: ["许敬"],
  correspondents: ["王筱瑜"],
  location: "阿拉善盟",
});
// Seed 002 (2022-12-13): ◎观潮 / 筑牢基层治理根基 / □郝佳丽 — a signed commentary.
const commentary = sampleEntry("2022-12-13/zhu-lao-ji-ceng-zhi-li-gen-ji", {
  title: "筑牢基层治理根基",
  kind: "commentary",
  section: "观潮",
  authors: ["郝佳丽"],
});
// Seed 004: a photo credited "本报记者 陈春艳 摄".
const photo = sampleEntry("2022-09-06/zhong-wen-ru-dang-shi-ci", {
  title: "重温入党誓词 永葆入党初心",
  kind: "photo",
  photographers: ["陈春艳"],
  location: "赤峰市",
  county: "阿鲁科尔沁旗",
});
const fourReporters = sampleEntry("2022-09-20/zhuan-jia-ren-cai-fu-ji-ceng", {
  title: "专家人才赴基层一线开展“定制服务”",
  subtitle: "五化协同 大抓基层",
  reporters: ["宋爽", "潘佳"],
  correspondents: ["冯红梅", "王筱瑜"],
});
const unsigned = sampleEntry("2022-09-20/ji-ceng-dang-jian-jian-xun", { title: "基层党建简讯", kind: "brief" });
// Seed 002 as the paper prints it: 2022年12月13日 第5版 党建.
const onPage5 = sampleEntry("2022-12-13/zeng-qiang-dang-xing-xiu-yang", {
  title: "增强党性修养",
  authors: ["郝佳丽"],
  page: { no: 5, name: "党建" },
});
const editorial = sampleEntry("2024-10-15/ben-bao-ping-lun-yuan", {
  title: "以实干担当践行初心",
  kind: "commentary",
  authors: ["本报评论员"],
  page: { no: 1, name: "要闻" },
});
const namedPageOnly = sampleEntry("2024-10-15/dang-jian", { title: "党建", page: { no: null, name: "党建" } });

describe("formatGbt7714", () => {
  const cases: { name: string; article: ArchiveEntry; accessed?: string; expected: string }[] = [
    {
      name: "one reporter",
      article: baiDan,
      expected: `白丹. 文明新风拂遍青城大地[N/OL]. 内蒙古日报, 2022-11-08. ${url(baiDan)}`,
    },
    {
      name: "reporter and correspondent, in byline order, with the access date",
      article: xuJing,
      accessed: "2025-01-15",
      expected: `许敬, 王筱瑜. 汇聚非公领域发展“红色动能”[N/OL]. 内蒙古日报, 2024-10-15[2025-01-15]. ${url(xuJing)}`,
    },
    {
      name: "a commentary cites its signed author",
      article: commentary,
      expected: `郝佳丽. 筑牢基层治理根基[N/OL]. 内蒙古日报, 2022-12-13. ${url(commentary)}`,
    },
    {
      name: "a photo cites its photographer",
      article: photo,
      expected: `陈春艳. 重温入党誓词 永葆入党初心[N/OL]. 内蒙古日报, 2022-09-06. ${url(photo)}`,
    },
    {
      name: "more than three authors: three, then 等; the subtitle follows a colon",
      article: fourReporters,
      expected: `宋爽, 潘佳, 冯红梅, 等. 专家人才赴基层一线开展“定制服务”：五化协同 大抓基层[N/OL]. 内蒙古日报, 2022-09-20. ${url(fourReporters)}`,
    },
    {
      name: "no author: the entry starts with the title",
      article: unsigned,
      expected: `基层党建简讯[N/OL]. 内蒙古日报, 2022-09-20. ${url(unsigned)}`,
    },
    {
      name: "the page number in parentheses after the date",
      article: onPage5,
      expected: `郝佳丽. 增强党性修养[N/OL]. 内蒙古日报, 2022-12-13(5). ${url(onPage5)}`,
    },
    {
      name: "the page number before the access date",
      article: onPage5,
      accessed: "2025-01-15",
      expected: `郝佳丽. 增强党性修养[N/OL]. 内蒙古日报, 2022-12-13(5)[2025-01-15]. ${url(onPage5)}`,
    },
    {
      name: "an institutional byline is cited as printed",
      article: editorial,
      expected: `本报评论员. 以实干担当践行初心[N/OL]. 内蒙古日报, 2024-10-15(1). ${url(editorial)}`,
    },
    {
      name: "a page name without a number gives no page",
      article: namedPageOnly,
      expected: `党建[N/OL]. 内蒙古日报, 2024-10-15. ${url(namedPageOnly)}`,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const options = c.accessed === undefined ? { url: url(c.article) } : { url: url(c.article), accessed: c.accessed };
      assert.equal(formatGbt7714(c.article, options), c.expected);
    });
  }

  it("is deterministic", () => {
    assert.equal(formatGbt7714(xuJing, { url: url(xuJing) }), formatGbt7714(xuJing, { url: url(xuJing) }));
  });

  it("rejects an access date that is not YYYY-MM-DD", () => {
    assert.throws(() => formatGbt7714(baiDan, { url: url(baiDan), accessed: "2025/1/15" }), RangeError);
  });
});

describe("citedAuthors", () => {
  it("prefers the byline over authors and photographers, without repeating a name", () => {
    const both = sampleEntry("2022-09-06/x", { reporters: ["陈春艳"], photographers: ["陈春艳"], authors: ["郝佳丽"] });
    assert.deepEqual(citedAuthors(both), ["陈春艳"]);
    assert.deepEqual(citedAuthors(sampleEntry("2022-09-06/y", { reporters: ["宋爽", "宋爽"] })), ["宋爽"]);
  });
});

describe("bibtexKey", () => {
  const cases: { id: string; expected: RegExp | string }[] = [
    { id: "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di", expected: "nmgrb-2022-11-08-wen-ming-xin-feng-fu-bian-qing-cheng-da-di" },
    { id: "2022-11-08/文明新风", expected: /^nmgrb-2022-11-08-[0-9a-z]+$/ },
    { id: "2022-11-08/Wen_Ming 2", expected: /^nmgrb-2022-11-08-wen-ming-2-[0-9a-z]+$/ },
  ];
  for (const c of cases) {
    it(`${c.id} → an ASCII key`, () => {
      const key = bibtexKey(sampleEntry(c.id, { title: "t" }));
      if (typeof c.expected === "string") assert.equal(key, c.expected);
      else assert.match(key, c.expected);
      assert.match(key, /^[\x21-\x7e]+$/);
      assert.doesNotMatch(key, /[{}(),=\\#%"~]/);
    });
  }

  it("tells apart slugs that lose the same characters", () => {
    assert.notEqual(bibtexKey(sampleEntry("2022-11-08/文明", {})), bibtexKey(sampleEntry("2022-11-08/新风", {})));
  });
});

describe("escapeBibtex", () => {
  const cases: [string, string][] = [
    ["{ }", "\\{ \\}"],
    ["\\", "\\textbackslash{}"],
    ["100%", "100\\%"],
    ["A&B", "A\\&B"],
    ["$5", "\\$5"],
    ["#1", "\\#1"],
    ["a_b", "a\\_b"],
    ["~", "\\textasciitilde{}"],
    ["x^2", "x\\textasciicircum{}2"],
    ["“党建+”推动人大代表耕好“责任田”", "“党建+”推动人大代表耕好“责任田”"],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(escapeBibtex(input), expected));
  }
});

describe("formatBibtex", () => {
  it("writes the seed article with reporter and correspondent", () => {
    assert.equal(
      formatBibtex(xuJing, { url: url(xuJing), accessed: "2025-01-15" }),
      [
        "@article{nmgrb-2024-10-15-hui-ju-fei-gong-ling-yu-fa-zhan-hong-se-dong-neng,",
        "  title = {汇聚非公领域发展“红色动能”},",
        "  author = {许敬 and 王筱瑜},",
        "  journal = {内蒙古日报},",
        "  year = {2024},",
        "  month = {10},",
        "  day = {15},",
        "  date = {2024-10-15},",
        `  url = {${url(xuJing)}},`,
        "  urldate = {2025-01-15},",
        "  language = {chinese}",
        "}",
      ].join("\n"),
    );
  });

  it("adds the subtitle, drops leading zeros of month and day, and omits an empty author", () => {
    const entry = formatBibtex(
      sampleEntry("2022-09-06/t", { title: "标题", subtitle: "副题" }),
      { url: `${ORIGIN}/articles/2022-09-06/t/` },
    );
    assert.match(entry, /\n {2}subtitle = \{副题\},\n/);
    assert.match(entry, /\n {2}month = \{9\},\n {2}day = \{6\},\n/);
    assert.doesNotMatch(entry, /author/);
    assert.doesNotMatch(entry, /urldate/);
  });

  it("escapes special characters in the title and braces a name holding a comma", () => {
    const entry = formatBibtex(
      sampleEntry("2022-09-06/t", { title: "100% 绿色_能源 & {新}", reporters: ["Smith, J."] }),
      { url: `${ORIGIN}/articles/2022-09-06/t/` },
    );
    assert.match(entry, /title = \{100\\% 绿色\\_能源 \\& \\\{新\\\}\}/);
    assert.match(entry, /author = \{\{Smith, J\.\}\}/);
  });

  it("gives the page number as pages, after the date, and none when unknown", () => {
    const cases: [ArchiveEntry, RegExp | null][] = [
      [onPage5, /\n {2}date = \{2022-12-13\},\n {2}pages = \{5\},\n {2}url = /],
      [editorial, /\n {2}pages = \{1\},\n/],
      [namedPageOnly, null],
      [unsigned, null],
    ];
    for (const [article, expected] of cases) {
      const entry = formatBibtex(article, { url: url(article) });
      if (expected) assert.match(entry, expected, article.id);
      else assert.doesNotMatch(entry, /pages/, article.id);
    }
  });

  it("braces an institutional byline so no style splits it into names", () => {
    assert.match(formatBibtex(editorial, { url: url(editorial) }), /\n {2}author = \{\{本报评论员\}\},\n/);
  });

  it("has balanced braces, so BibTeX reads the entry to its end", () => {
    const entry = formatBibtex(sampleEntry("2022-09-06/t", { title: "{{{ } \\" }), { url: `${ORIGIN}/a/` });
    let depth = 0;
    for (let i = 0; i < entry.length; i++) {
      if (entry[i] === "\\") {
        i++;
        continue;
      }
      if (entry[i] === "{") depth++;
      if (entry[i] === "}") depth--;
      assert.ok(depth >= 0);
    }
    assert.equal(depth, 0);
  });
});
