// Frontmatter in the ingest's form read without js-yaml (src/lib/articles/plain-frontmatter.ts):
// whatever it returns must be what gray-matter and js-yaml give for the same text, and anything
// outside the form must be left to them.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { ArticleFileError, readArticleFile } from "../../src/lib/articles/article-files.ts";
import { plainFrontmatterBlock, readPlainFrontmatter } from "../../src/lib/articles/plain-frontmatter.ts";
import { frontmatterYaml } from "../../src/lib/ingest/markdown.ts";
import { FRONTMATTER_ENGINES, parseYaml } from "../../src/lib/yaml.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";

const SEED = fileURLToPath(new URL("../fixtures/seed-articles/", import.meta.url));
const seedFiles = readdirSync(SEED, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file) => path.join(SEED, file));

/** What gray-matter with js-yaml (the project's engines) gives for a file's text. */
function grayMatter(text: string): { data: unknown; body: string } {
  const parsed = matter(text, FRONTMATTER_ENGINES);
  return { data: parsed.data, body: parsed.content };
}

/** The block read plainly equals js-yaml's reading, or is left to js-yaml (null); returns whether it was read. */
function agreesWithYaml(block: string): boolean {
  const plain = readPlainFrontmatter(block);
  if (plain === null) return false;
  assert.deepStrictEqual(plain, parseYaml(block), `read differently from js-yaml:\n${block}`);
  return true;
}

describe("the seed articles, as the ingest wrote them", () => {
  test("every one is read without js-yaml, to the same frontmatter and body as gray-matter gives", () => {
    assert.ok(seedFiles.length >= 40, `${seedFiles.length} seed articles`);
    for (const file of seedFiles) {
      const text = readFileSync(file, "utf8");
      const block = plainFrontmatterBlock(text);
      assert.ok(block !== null && readPlainFrontmatter(block) !== null, `${file} is in the ingest's form`);
      assert.deepStrictEqual(readArticleFile(file, text), grayMatter(text), file);
    }
  });
});

describe("values", () => {
  // Each as the value of a key, of a list item and of a small mapping's key.
  const values = [
    "某地 党建 2022",
    "Ａ类 项目",
    "党建#1",
    "党建 #1",
    "标题: 副题",
    "标题：副题",
    "null",
    "Null",
    "~",
    "true",
    "yes",
    "no",
    "0",
    "12",
    "007",
    "0x1F",
    "1e3",
    "1_000",
    ".inf",
    "-5",
    "'2022-11-08'",
    "2022-11-08",
    "2022-11-08_p5.txt",
    "article",
    "'it''s'",
    "'未闭合",
    '"双引号\\t转义"',
    '"\\u515a建"',
    "a: b",
    "- x",
    "[a, b]",
    "{a: 1}",
    "&anchor 锚",
    "*anchor",
    "!!str 123",
    "|",
    ">",
    "foo #bar",
    "@at",
    "`tick",
    "%percent",
    "“引号”",
    "　全角空格　",
    "---",
    "--- 标题",
    "---x",
    "...",
    "... 标题",
    "-- 标题",
    "标题\u0085续",
    "#注",
    "标题:",
    "?x",
    "&a",
    "\ufeff12",
    "\ufeffnull",
    "\ufeff---",
    "\ufeff |",
  ];
  for (const value of values) {
    test(`${JSON.stringify(value)} reads as js-yaml reads it, or is left to js-yaml`, () => {
      agreesWithYaml(`title: ${value}\nkind: article\n`);
      agreesWithYaml(`reporters:\n  - 宋爽\n  - ${value}\n`);
      agreesWithYaml(`page:\n  'no': 5\n  name: ${value}\n`);
    });
  }

  test("text, null and integers, the ingest's common values, are read without js-yaml", () => {
    assert.ok(agreesWithYaml("title: 建设党群服务 促服务\nsubtitle: null\norder: 8\nreporters:\n  - 田野\nauthors: []\npage:\n  'no': 2\n  name: 党建\n"));
    assert.deepStrictEqual(readPlainFrontmatter("series:\n  name: 五化协同 大抓基层\n  'no': null\n"), { series: { name: "五化协同 大抓基层", no: null } });
  });
});

describe("outside the form, js-yaml reads the text", () => {
  const blocks: Record<string, string> = {
    "a comment": "# note\ntitle: 标题\n",
    "a blank line": "title: 标题\n\nkind: article\n",
    "a value on two lines": "title: 标题\n  续行\n",
    "a block scalar": "title: |\n  标题\n",
    "a key with nothing under it": "title:\nkind: article\n",
    "a deeper list": "reporters:\n  - 田野\n    - 王五\n",
    "a list and a mapping under one key": "page:\n  - 1\n  name: 党建\n",
    "a repeated key": "title: 甲\ntitle: 乙\n",
    "a repeated key in a mapping": "page:\n  name: 甲\n  name: 乙\n",
    "__proto__": "__proto__: 标题\n",
    "CR line ends": "title: 标题\r\nkind: article\r\n",
    "a tab": "title:\t标题\n",
    "an empty value": "title: \n",
    "a flow mapping": "page: {name: 党建}\n",
    "an indented key": "  title: 标题\n",
    "an alias to another key": "a: &x 甲\nb: *x\n",
    "a key YAML reads as a boolean": "True: 1\n",
    "a key YAML reads as null, clashing with another": "null: 1\nNull: 2\n",
    "a nested key YAML reads as a boolean": "p:\n  FALSE: 1\n",
    "nothing": "",
  };
  for (const [what, block] of Object.entries(blocks)) {
    test(what, () => {
      assert.equal(readPlainFrontmatter(block), null);
    });
  }

  test("a file whose frontmatter js-yaml refuses still fails naming the file and the line", () => {
    const text = "---\ntitle: 甲\ntitle: 乙\n---\n正文\n";
    assert.throws(() => readArticleFile("2022-11-08/x.md", text), (error: unknown) => error instanceof ArticleFileError && /2022-11-08\/x\.md:\d+: bad frontmatter YAML/.test(error.message));
  });

  test("where the frontmatter ends is where gray-matter ends it", () => {
    for (const text of ["---\ntitle: 标题\n---\n正文", "---\ntitle: 标题\n---", "---\ntitle: 标题\n----\n正文", "---\ntitle: 标题\n---\r\n正文", "---\n---\n正文", "----\ntitle: 标题\n---\n", "\ufeff---\ntitle: 标题\n---\n正文", "---yaml\ntitle: 标题\n---\n正文", "正文"]) {
      assert.deepStrictEqual(readArticleFile("x.md", text), grayMatter(text), JSON.stringify(text));
    }
  });
});

describe("the ingest's writer and this reader", () => {
  test("frontmatter the ingest writes reads back to the same values, plainly whenever it is all text, null and integers", () => {
    const names = ["宋爽", "王五", "李 四", "O'Brien", "Ａ", "#话题", "2022", "true", "“张三”", "内蒙古日报社 记者"];
    let plain = 0;
    let cases = 0;
    for (let i = 0; i < names.length; i++) {
      for (let j = 0; j < names.length; j++) {
        const data = sampleFrontmatter("2022-11-08", {
          title: `${names[i]} 与 ${names[j]}`,
          subtitle: names[j]!,
          reporters: [names[i]!, names[j]!],
          section: names[i]!,
          page: { no: j + 1, name: names[j]! },
          series: i % 2 === 0 ? { name: names[i]!, no: i } : null,
          order: i + j + 1,
        });
        const yaml = frontmatterYaml(data);
        cases++;
        if (agreesWithYaml(yaml)) plain++;
        assert.deepStrictEqual(readArticleFile("x.md", `---\n${yaml}---\n正文\n`).data, parseYaml(yaml));
      }
    }
    assert.ok(plain >= cases / 2, `${plain} of ${cases} read without js-yaml`);
  });
});
