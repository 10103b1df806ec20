// Article Markdown: frontmatter with exactly the article keys in order, dates that stay
// strings, and page text that can never become markup when the site renders it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import matter from "gray-matter";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { dump, load as parseYaml } from "js-yaml";
import { unified } from "unified";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { FRONTMATTER_KEYS } from "../../src/lib/article.ts";
import { articleFrontmatterSchema } from "../../src/lib/article-schema.ts";
import { articleMarkdown, bodyMarkdown, frontmatterYaml } from "../../src/lib/ingest/markdown.ts";
import type { BodyBlock } from "../../src/lib/ingest/markdown.ts";

const FRONTMATTER: ArticleFrontmatter = {
  title: "文明新风拂遍青城大地",
  subtitle: "赤峰市推动基层党组织全面进步全面过硬",
  kicker: null,
  kind: "article",
  section: "五化协同 大抓基层",
  series: { name: "五化协同 大抓基层", no: 2 },
  reporters: ["白丹"],
  correspondents: ["王筱瑜"],
  photographers: [],
  authors: [],
  affiliation: null,
  agency: null,
  location: "呼和浩特市",
  county: null,
  date: "2022-11-08",
  issue: "2022-11-08",
  page: { no: null, name: null },
  order: 1,
  source: "2022-11-08_000_0e8d57b71d93ccd5.txt",
};

/** Text that Markdown or HTML would read as markup if it were not escaped. */
const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "![i](x.png)",
  "# not a heading",
  "1. not a list",
  "*em*",
  "`code`",
  "&amp;",
  "- not a bullet",
  "> not a quote",
  "---",
  "<https://example.org>",
  "__strong__",
  "[ref]: http://example.org",
  "&#60;b&#62;",
  "    four spaces",
  "\\*backslash\\*",
  "a<b>c</b>d",
  "<!-- comment -->",
  "10~20万元",
];

function renderHast(markdown: string): HastRoot {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: false });
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}

function renderHtml(markdown: string): string {
  return String(unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: false }).use(rehypeStringify).processSync(markdown));
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function topElements(root: HastRoot): Element[] {
  return root.children.filter((n): n is Element => n.type === "element");
}

function allTagNames(root: HastRoot): Set<string> {
  const names = new Set<string>();
  const walk = (nodes: readonly (ElementContent | HastRoot["children"][number])[]) => {
    for (const n of nodes) {
      if (n.type === "element") {
        names.add(n.tagName);
        walk(n.children);
      }
    }
  };
  walk(root.children);
  return names;
}

describe("frontmatter", () => {
  test("has exactly the FRONTMATTER_KEYS, in order", () => {
    const yaml = frontmatterYaml(FRONTMATTER);
    const keys = [...yaml.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, [...FRONTMATTER_KEYS]);
    assert.deepEqual(Object.keys(parseYaml(yaml) as object), [...FRONTMATTER_KEYS]);
  });

  test("extra properties on the object are not written", () => {
    const withExtra = { ...FRONTMATTER, body: "x", warnings: [] } as ArticleFrontmatter;
    assert.deepEqual(Object.keys(parseYaml(frontmatterYaml(withExtra)) as object), [...FRONTMATTER_KEYS]);
  });

  test("re-read with gray-matter: date and issue stay strings and every field round-trips", () => {
    const md = articleMarkdown(FRONTMATTER, [{ text: "正文。", heading: false }]);
    const { data, content } = matter(md, {});
    assert.equal(typeof data.date, "string");
    assert.equal(data.date, "2022-11-08");
    assert.equal(typeof data.issue, "string");
    assert.deepEqual(Object.keys(data), [...FRONTMATTER_KEYS]);
    assert.deepEqual(data, FRONTMATTER);
    assert.equal(content.trim(), "正文。");
    assert.ok(articleFrontmatterSchema.safeParse(data).success);
  });

  test("null and empty-list fields round-trip", () => {
    const sparse: ArticleFrontmatter = { ...FRONTMATTER, subtitle: null, section: null, series: null, reporters: [], correspondents: [], location: null };
    assert.deepEqual(matter(articleMarkdown(sparse, []), {}).data, sparse);
  });

  test("hostile strings in title, subtitle and names round-trip as the same strings", () => {
    for (const value of [...HOSTILE, "a: b", "#tag", "\"quoted\"", "'single'", "@at", "%pct", "!bang", "*alias", "&anchor", "[list]", "{map}", "|", ">", "~", "null", "true", "yes", "1.5", "007"]) {
      const fm: ArticleFrontmatter = { ...FRONTMATTER, title: value, subtitle: value, section: value, reporters: [value] };
      const { data } = matter(articleMarkdown(fm, []), {});
      assert.deepEqual(data, fm, `value ${JSON.stringify(value)}`);
    }
  });

  test("date- and time-like titles stay strings when re-read with gray-matter", () => {
    for (const value of ["2022-11-08", "2022-11-08 10:00", "12:30", "0b101", "0x1F", "1e3", "no", "off"]) {
      const fm: ArticleFrontmatter = { ...FRONTMATTER, title: value };
      const { data } = matter(articleMarkdown(fm, []), {});
      assert.equal(data.title, value, `title ${JSON.stringify(value)} came back as ${JSON.stringify(data.title)}`);
    }
  });
});

describe("frontmatter is written as js-yaml writes it", () => {
  /** js-yaml's own writing of the frontmatter, the reference the ingest's own writer must equal. */
  const jsYaml = (frontmatter: ArticleFrontmatter) => dump(Object.fromEntries(FRONTMATTER_KEYS.map((key) => [key, frontmatter[key]])), { lineWidth: -1, noRefs: true });

  /** Pieces of strings: CJK, the ASCII YAML reads as syntax or types, spaces, line ends and odd code points. */
  const PIECES = ["党建", "白丹", "·", "“", "”", "——", "①", " ", "  ", "\u3000", "a", "Z", "7", "2022", "-", ":", "#", "'", '"', "!", "&", "*", "?", ",", "[", "]", "{", "}", "|", ">", "%", "@", "`", "~", "null", "yes", "no", "on", "true", "1e3", ".5", "0x1F", "1_000", "2022-11-08", "12:30", "<<", "\n", "\r", "\t", "\u00a0", "\u0085", "\u2028", "\ufeff", "\ud83d\ude00", "\ue000", "\ud800"];

  /** Every two pieces side by side, alone and within CJK text, then strings of 1–4 pieces from a seeded generator (a failure must repeat). */
  function* strings(count: number): Generator<string> {
    for (const a of PIECES) {
      for (const b of PIECES) {
        yield `${a}${b}`;
        yield `党${a}${b}建`;
      }
    }
    let state = 20_261_204;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    for (let i = 0; i < count; i++) yield Array.from({ length: 1 + next(4) }, () => PIECES[next(PIECES.length)]!).join("");
  }

  test("every seed-like and hostile string, in every kind of field, is written byte for byte as js-yaml writes it", () => {
    let checked = 0;
    for (const text of strings(4000)) {
      const variants: ArticleFrontmatter[] = [
        { ...FRONTMATTER, title: text, subtitle: text, location: text, reporters: [text, "白丹"], page: { no: 5, name: text } },
        { ...FRONTMATTER, section: text, authors: [text], series: { name: text, no: null }, source: text, date: text, issue: text },
      ];
      for (const frontmatter of variants) {
        assert.equal(frontmatterYaml(frontmatter), jsYaml(frontmatter), JSON.stringify(text));
        checked++;
      }
    }
    assert.equal(checked, 2 * (2 * PIECES.length ** 2 + 4000));
  });

  test("numbers, nulls, empty lists and the order of a page's keys are as js-yaml writes them", () => {
    for (const frontmatter of [
      FRONTMATTER,
      { ...FRONTMATTER, series: null, page: { no: 12, name: "要闻" }, order: 10 },
      { ...FRONTMATTER, page: { name: "党建", no: 5 } as ArticleFrontmatter["page"] },
      { ...FRONTMATTER, series: { name: "系列", no: 0 }, reporters: [], kicker: "" },
    ]) {
      assert.equal(frontmatterYaml(frontmatter), jsYaml(frontmatter));
    }
  });
});

describe("page text cannot become markup", () => {
  const body: BodyBlock[] = HOSTILE.map((text) => ({ text, heading: false }));

  /** Asserts that `root` is one `tag` element per hostile string, with that string as its text, and nothing else. */
  function assertOneElementPerHostile(root: HastRoot, tag: string): void {
    const elements = topElements(root);
    assert.deepEqual(
      elements.map((e) => e.tagName),
      HOSTILE.map(() => tag),
    );
    assert.deepEqual(elements.map(textOf), HOSTILE);
    assert.deepEqual([...allTagNames(root)], [tag]);
  }

  test("each hostile paragraph renders as one <p> whose visible text is the input", () => {
    const md = articleMarkdown(FRONTMATTER, body);
    const { content } = matter(md, {});
    assertOneElementPerHostile(renderHast(content), "p");
  });

  test("the HTML has no script, img, a, em, strong, h1, ol, ul, code, pre, blockquote or hr element", () => {
    const html = renderHtml(bodyMarkdown(body));
    for (const tag of ["script", "img", "a", "em", "strong", "h1", "ol", "ul", "li", "code", "pre", "blockquote", "hr"]) {
      assert.doesNotMatch(html, new RegExp(`<${tag}[\\s>]`, "i"), `<${tag}> in ${html}`);
    }
    assert.match(html, /&#x3C;img src=x onerror=alert\(1\)>/, "the img tag survives only as escaped text");
  });

  test("hostile subheads render as <h2> with the input as their text", () => {
    assertOneElementPerHostile(renderHast(bodyMarkdown(HOSTILE.map((text) => ({ text, heading: true })))), "h2");
  });

  test("all hostile strings in one paragraph", () => {
    const text = HOSTILE.filter((t) => !t.startsWith(" ")).join(" ");
    const root = renderHast(bodyMarkdown([{ text, heading: false }]));
    const elements = topElements(root);
    assert.equal(elements.length, 1);
    assert.equal(textOf(elements[0]!), text);
    assert.deepEqual([...allTagNames(root)], ["p"]);
  });

  test("seed-like text with subheads and quotes keeps its order and text", () => {
    const blocks: BodyBlock[] = [
      { text: "推进、旗县抓落实”的工作原则,着眼凝聚群众、引导群众。", heading: false },
      { text: "在哪做?——高标准建设阵地,打造文明实践的“青城品牌”", heading: true },
      { text: "截至目前,全市共建新时代文明实践中心(所、站)1366个。", heading: false },
      { text: "“三新领域”凝聚合力集中攻坚", heading: true },
      { text: "1.“提级述评比武” 2.“擂台晒绩比武”", heading: false },
    ];
    const elements = topElements(renderHast(bodyMarkdown(blocks)));
    assert.deepEqual(
      elements.map((e) => e.tagName),
      blocks.map((b) => (b.heading ? "h2" : "p")),
    );
    assert.deepEqual(elements.map(textOf), blocks.map((b) => b.text));
  });
});

describe("bodyMarkdown: a poem's stanzas keep their line breaks", () => {
  // Lines of 写给锡林郭勒的初夏 (tests/fixtures/whole-paper/issue-b/2024-05-20_p6.txt, lines 29–36).
  const stanzas: BodyBlock[] = [
    { text: "风把最后一场雪\n送回了北方\n草尖上的露水\n一颗一颗亮起来", heading: false, verse: true },
    { text: "勒勒车停在坡上\n毡房的炊烟", heading: false, verse: true },
  ];

  test("each stanza is one paragraph whose lines end in hard breaks", async () => {
    const html = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(bodyMarkdown(stanzas)));
    assert.equal(html, "<p>风把最后一场雪<br>\n送回了北方<br>\n草尖上的露水<br>\n一颗一颗亮起来</p>\n<p>勒勒车停在坡上<br>\n毡房的炊烟</p>");
  });

  test("a verse line with markup characters is escaped and keeps its break", async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeStringify)
        .process(bodyMarkdown([{ text: "风把*最后*一场雪\n[送回]了北方", heading: false, verse: true }])),
    );
    assert.equal(html, "<p>风把*最后*一场雪<br>\n[送回]了北方</p>");
  });
});
