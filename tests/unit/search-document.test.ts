// The search index reads the ingest's articles, not the built pages: the article files of the
// seed issues, read back (article-files.ts), and the documents Pagefind is given for them
// (search-document.ts).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { ArticleFileError, articleFilesByYear, parseArticleFile, type ArticleFile } from "../../src/lib/articles/article-files.ts";
import { escapeMarkup } from "../../src/lib/escape-markup.ts";
import { searchDocument, searchDocumentTexts } from "../../src/lib/search/search-document.ts";
import { TITLE_WEIGHT } from "../../src/lib/search/search-record.ts";
import { ARTICLE_MARKDOWN } from "../../src/lib/articles/markdown.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

const BAN_DENG = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban";

let work = "";
let articles = "";
let byYear: Map<string, ArticleFile[]>;
const markdown = await createMarkdownProcessor({ ...ARTICLE_MARKDOWN, syntaxHighlight: false });

before(async () => {
  work = mkdtempSync(join(tmpdir(), "search-document-"));
  articles = join(work, "articles");
  ingestSeedArticles(articles);
  byYear = await articleFilesByYear(articles);
});

after(() => rmSync(work, { recursive: true, force: true }));

/** The seed article, read and rendered as the index reads and renders it. */
async function seedArticle(id: string) {
  const file = `${id}.md`;
  const parsed = parseArticleFile(file, readFileSync(join(articles, file), "utf8"));
  const { code } = await markdown.render(parsed.body);
  return { ...parsed, bodyHtml: code };
}

describe("article files", () => {
  it("lists the ingest's articles by year, in path order, with the ids of their pages", () => {
    assert.deepEqual([...byYear.keys()], ["2022", "2024"]);
    const ids = [...byYear.values()].flat().map((article) => article.id);
    assert.equal(ids.length, 46);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(ids.includes(BAN_DENG));
    assert.ok(byYear.get("2024")!.every((article) => article.id.startsWith("2024-10-15/") && article.file === `${article.id}.md`));
  });

  it("skips what is not an article: the report, the manifest, stray files", async () => {
    mkdirSync(join(work, "mixed", "2022-11-08"), { recursive: true });
    mkdirSync(join(work, "mixed", "notes"), { recursive: true });
    writeFileSync(join(work, "mixed", "2022-11-08", "a.md"), "");
    writeFileSync(join(work, "mixed", "2022-11-08", "a.txt"), "");
    writeFileSync(join(work, "mixed", "notes", "b.md"), "");
    writeFileSync(join(work, "mixed", "c.md"), "");
    writeFileSync(join(work, "mixed", "2022-11-08", "._a.md"), "");
    const ignored: string[] = [];
    const found = await articleFilesByYear(join(work, "mixed"), (file) => ignored.push(file));
    assert.deepEqual([...found.values()].flat(), [{ id: "2022-11-08/a", file: "2022-11-08/a.md" }]);
    assert.deepEqual(ignored, ["2022-11-08/._a.md", "c.md", "notes/b.md"]);
    assert.deepEqual(await articleFilesByYear(join(work, "missing")), new Map());
  });

  it("reads an article's frontmatter and body back as the ingest wrote them", async () => {
    const { data, body } = await seedArticle(BAN_DENG);
    assert.equal(data.title, "“板凳议事会” 问题现场办");
    assert.deepEqual(data.reporters, ["宋爽"]);
    assert.equal(data.location, "包头市");
    assert.equal(data.county, "白云鄂博矿区");
    assert.match(body, /板凳议事会/);
    assert.doesNotMatch(body, /^---/);
  });

  it("names the file and the line of bad YAML, and what is wrong with a bad field", () => {
    const good = readFileSync(join(articles, `${BAN_DENG}.md`), "utf8");
    const badYaml = good.replace(/^title: .*$/m, 'title: "unclosed');
    assert.throws(
      () => parseArticleFile("x/bad.md", badYaml),
      (err: unknown) => err instanceof ArticleFileError && err.file === "x/bad.md" && err.line !== null && /^x\/bad\.md:\d+: bad frontmatter YAML/.test(err.message),
    );
    const badDate = good.replace(/^date: .*$/m, "date: 2022-11");
    assert.throws(() => parseArticleFile("x/bad.md", badDate), /^ArticleFileError: x\/bad\.md: bad frontmatter: date: /);
  });
});

describe("search document", () => {
  it("holds the article's body as the site renders it, marked as what Pagefind indexes", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const html = searchDocument(data, bodyHtml);
    assert.match(html, /^<!doctype html><html lang="zh-CN">/);
    const body = html.slice(html.indexOf("<div data-pagefind-body>") + "<div data-pagefind-body>".length);
    assert.ok(body.startsWith(bodyHtml), "the body comes first, so excerpts start with the article's text");
  });

  it("gives the headline as the result's title and as weighted text, and the names and places as text", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const html = searchDocument(data, bodyHtml);
    assert.match(html, /<h1 data-pagefind-meta="title">“板凳议事会” 问题现场办<\/h1>/);
    assert.ok(html.includes(`<p data-pagefind-weight="${TITLE_WEIGHT}">“板凳议事会” 问题现场办</p>`));
    assert.ok(html.includes("<p>宋爽 包头市 白云鄂博矿区</p>"));
  });

  it("carries every filter, meta value and the sort key on an element of its own", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const html = searchDocument(data, bodyHtml);
    for (const element of [
      '<data data-pagefind-filter="person[value]" value="宋爽"></data>',
      '<data data-pagefind-filter="region[value]" value="包头市"></data>',
      '<data data-pagefind-filter="county[value]" value="白云鄂博矿区"></data>',
      '<data data-pagefind-filter="year[value]" value="2022"></data>',
      '<data data-pagefind-meta="date[value]" value="2022-11-08"></data>',
      '<data data-pagefind-meta="byline[value]" value="记者 宋爽"></data>',
      '<data data-pagefind-sort="date[value]" value="2022-11-08"></data>',
    ]) {
      assert.ok(html.includes(element), element);
    }
  });

  it("carries the page's name and the agency as filters, the printed page as metadata, the agency also as text", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const html = searchDocument({ ...data, page: { no: 5, name: "党建" }, agency: "新华社" }, bodyHtml);
    for (const element of [
      '<data data-pagefind-filter="page[value]" value="党建"></data>',
      '<data data-pagefind-filter="agency[value]" value="新华社"></data>',
      '<data data-pagefind-meta="page[value]" value="第5版 党建"></data>',
      '<data data-pagefind-meta="agency[value]" value="新华社"></data>',
    ]) {
      assert.ok(html.includes(element), element);
    }
    assert.ok(html.includes("<p>宋爽 新华社 包头市 白云鄂博矿区</p>"));
    assert.doesNotMatch(searchDocument(data, bodyHtml), /"(page|agency)\[value\]"/, "nothing for a page without a name or an item of the paper's own");
  });

  it("escapes markup in every field, so no value can open an element", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const hostile = { ...data, title: '<img src=x onerror="alert(1)">&', reporters: ['"><script>'] };
    const html = searchDocument(hostile, bodyHtml);
    assert.doesNotMatch(html, /<img|<script/);
    assert.ok(html.includes(`<h1 data-pagefind-meta="title">${escapeMarkup(hostile.title)}</h1>`));
    assert.ok(html.includes('value="&#34;&#62;&#60;script&#62;"'));
  });

  it("lists the texts a result can show, entities decoded, for the Traditional phrase table", async () => {
    const { data, bodyHtml } = await seedArticle(BAN_DENG);
    const texts = searchDocumentTexts(data, bodyHtml);
    assert.equal(texts[0], data.title);
    assert.ok(texts.includes("记者 宋爽"));
    assert.ok(texts.some((text) => text.includes("板凳议事会")));
    assert.ok(texts.every((text) => !text.includes("<") || !/<\w/.test(text)));
    assert.deepEqual(searchDocumentTexts({ ...data, title: "甲" }, "<p>A &#x3C; B &#x26; C</p>").at(-1), "A < B & C");
  });
});
