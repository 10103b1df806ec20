// The index's body HTML is the site renderer's, byte for byte: on every seed article, and on
// bodies that look plain but are not (syntax, white space, entities), which must take the renderer.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { articleBodyHtml } from "../../src/lib/articles/article-body.ts";
import { articleFilesByYear, parseArticleFile } from "../../src/lib/articles/article-files.ts";
import { indexBodyHtml } from "../../src/lib/search/index-body-html.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

let work = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "search-index-body-html-"));
  ingestSeedArticles(work);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("every seed article's body is the renderer's", async () => {
  const files = [...(await articleFilesByYear(work)).values()].flat();
  assert.equal(files.length, 46);
  for (const { file } of files) {
    const { body } = parseArticleFile(file, readFileSync(join(work, file), "utf8"));
    assert.equal(await indexBodyHtml(body), await articleBodyHtml(body), file);
  }
});

const CASES = [
  "\n第一段文字。\n\n第二段，2024年10月15日。\n",
  "## 小标题\n\n正文。\n\n## 小标题\n\n正文。\n\n## 另一个 标题\n",
  "诗句一\\\n诗句二\\\n诗句三\n\n正文\\\n",
  "第一行\n第二行\n",
  "1. 不是段落\n",
  "正文\n2) 第二行\n",
  "一\n\n\n\n二\n",
  "　全角空格开头\n",
  "结尾有空格  \n下一行\n",
  "中间\u00a0不换行空格与\u3000全角空格\n",
  "带 *强调* 和 _下划线_ 的文字\n",
  "A &amp; B < C > D\n",
  "引号“中文”和\"英文\"以及'单引号'\n",
  "- 列表\n",
  "> 引文\n",
  "标题\n===\n",
  "段落\n---\n",
  "    缩进代码\n",
  "## 标题 ##\n",
  "#不是标题\n",
  "## {大括号}\n",
  "网址 http://example.org/a_b 和 www.example.org\n",
  "tab\tinside\n",
  "\u0000控制字符\n",
  "",
  "\n\n",
];

test("bodies that are not plain are rendered, and plain ones come out the same", async () => {
  for (const body of CASES) assert.equal(await indexBodyHtml(body), await articleBodyHtml(body), JSON.stringify(body));
});
