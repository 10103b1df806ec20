import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { ARTICLE_MARKDOWN } from "../../src/lib/articles/markdown.ts";

const processor = await createMarkdownProcessor({ ...ARTICLE_MARKDOWN, syntaxHighlight: false });
const render = async (markdown: string) => (await processor.render(markdown)).code;

describe("article Markdown", () => {
  it("shows escaped markup as text", async () => {
    const html = await render("正文中的 \\<script>alert(1)\\</script> 与 \\[x\\](javascript:alert(1))。");
    assert.equal(html, "<p>正文中的 &#x3C;script>alert(1)&#x3C;/script> 与 [x](javascript:alert(1))。</p>");
  });

  it("drops raw HTML and script links that reach it unescaped", async () => {
    const html = await render('甲 <b>乙</b> <img src=x onerror=alert(1)> [丙](javascript:alert(2)) [丁](https://example.org/)\n\n<script>alert(3)</script>');
    assert.doesNotMatch(html, /<(?:b|img|script)\b|javascript:|onerror/);
    assert.match(html, /丙 <a href="https:\/\/example.org\/">丁<\/a>/);
  });

  it("keeps the printed text: no strikethrough, no smart quotes, no autolinks", async () => {
    assert.equal(await render('增收10~20万元，"引号"... www.nmg.gov.cn'), '<p>增收10~20万元，"引号"... www.nmg.gov.cn</p>');
  });

  it("renders subheads as h2 with ids", async () => {
    assert.match(await render("## 在哪做？\n\n正文"), /<h2 id="[^"]+">在哪做？<\/h2>\n<p>正文<\/p>/);
  });
});
