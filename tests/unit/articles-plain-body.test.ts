// A plain body written without the Markdown processor is the processor's HTML byte for byte:
// on the seed articles, on every ASCII character and some others in each place of a body, and
// on bodies made at random from the pieces where Markdown is most particular.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { articleBodyHtml, renderedBodyHtml } from "../../src/lib/articles/article-body.ts";
import { articleFileBody, readArticleFile } from "../../src/lib/articles/article-files.ts";
import { plainBlocks, plainBodyHtml, plainBodyText } from "../../src/lib/articles/plain-body.ts";
import { createRandom } from "../../src/lib/bench/prng.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

/** The fast HTML when the body is plain, checked against the processor; whether it was plain. */
async function agrees(markdown: string): Promise<boolean> {
  const blocks = plainBlocks(markdown);
  if (blocks === null) return false;
  assert.equal(plainBodyHtml(blocks), await renderedBodyHtml(markdown), JSON.stringify(markdown));
  return true;
}

let work = "";
const bodies: string[] = [];

before(() => {
  work = mkdtempSync(join(tmpdir(), "plain-body-"));
  ingestSeedArticles(work);
  for (const file of readdirSync(work, { recursive: true }) as string[]) {
    if (file.endsWith(".md")) bodies.push(readArticleFile(file, readFileSync(join(work, file), "utf8")).body);
  }
});

after(() => rmSync(work, { recursive: true, force: true }));

describe("plain article bodies", () => {
  it("the seed articles: most are plain, subheads among them, and each is the processor's HTML", async () => {
    let plain = 0;
    for (const body of bodies) if (await agrees(body)) plain++;
    assert.equal(bodies.length, 46);
    assert.ok(plain >= 40, `${plain} of ${bodies.length} plain`);
    const kinds = bodies.flatMap((body) => plainBlocks(body) ?? []);
    assert.ok(kinds.some((block) => block.heading));
  });

  it("a poem: its lines apart by a line break", async () => {
    assert.ok(await agrees("序\n\n床前明月光\\\n疑是地上霜\n\n跋"));
    assert.equal(plainBodyHtml(plainBlocks("甲\\\n乙")!), "<p>甲<br>\n乙</p>");
  });

  it("articleBodyHtml gives the processor's HTML, plain or not", async () => {
    for (const body of [...bodies, "甲 \\*乙\\*", "## 一\n\n## 一\n\n正文"]) assert.equal(await articleBodyHtml(body), await renderedBodyHtml(body));
  });

  it("any character, anywhere in a paragraph, a poem or a subhead", async () => {
    const characters = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), "\u00a0", "\u3000", "\u2028", "\ufeff", "\ud83d", "😀", "\u200b", "é", "〇", "﹏", "＃", "１．"];
    const places = [(c: string) => `${c}文`, (c: string) => `文${c}`, (c: string) => `文${c}字`, (c: string) => `${c}${c}${c}`, (c: string) => `1${c} 文`];
    let plain = 0;
    for (const c of characters) {
      for (const place of places) {
        const text = place(c);
        for (const body of [text, `## ${text}`, `前\\\n${text}\\\n后`, `\n${text}\n\n## 题${text}\n\n${text}\n`]) if (await agrees(body)) plain++;
      }
    }
    assert.ok(plain > 1000, `${plain} plain`);
  });

  it("bodies made at random from Markdown's particular pieces", async () => {
    const random = createRandom("plain-body");
    const pieces = ["文字", "## ", "\\", "\n", "\n\n", "\n\n\n", " ", "  ", "\t", "1.", "1)", "- ", "+", "=", "==", "---", ">", "#", "（一）", "2022年", "10.5亿", "“引号”", "a", "B", "-", "!", "(", ")", ":", "/", "http://x.cn", "{", "$", "%", "'", '"', "\u3000"];
    let plain = 0;
    for (let i = 0; i < 3000; i++) {
      let body = "";
      for (let n = random.int(1, 12); n > 0; n--) body += random.pick(pieces);
      if (await agrees(body)) plain++;
    }
    assert.ok(plain > 300, `${plain} of 3000 plain`);
  });

  it("repeated subheads get the processor's numbered ids", async () => {
    assert.ok(await agrees("## 一、总体要求\n\n正文\n\n## 一、总体要求\n\n## 一、总体要求"));
    assert.match(plainBodyHtml(plainBlocks("## 甲\n\n## 甲")!), /id="甲-1"/);
  });

  it("an empty body is empty", async () => {
    for (const body of ["", "\n", "\n\n\n"]) assert.ok(await agrees(body));
  });

  it("the text of plain blocks: blocks apart by a blank line, a poem's lines by a line break", () => {
    assert.equal(plainBodyText(plainBlocks("\n甲\n\n## 乙\n\n丙\\\n丁\n")!), "甲\n\n乙\n\n丙\n丁");
    assert.equal(plainBlocks("甲\n乙"), null);
    assert.equal(plainBlocks("甲\\"), null);
    assert.equal(plainBlocks("## 甲\n乙"), null);
  });
});

describe("an article file's body without its frontmatter", () => {
  it("is gray-matter's content, for the seed articles and for files of every shape", () => {
    const shapes = [
      "",
      "no frontmatter\n\n正文",
      "\ufeff---\ntitle: 甲\n---\n\n正文",
      "---\ntitle: 甲\n---\n正文",
      "---\r\ntitle: 甲\r\n---\r\n\r\n正文",
      "---yaml\ntitle: 甲\n---\n\n正文",
      "--- \ntitle: 甲\n---\n\n正文",
      "----\ntitle: 甲\n---\n\n正文",
      "---\ntitle: 甲\n",
      "---\n---\n\n正文",
      "---\n# 注释\n---\n\n正文",
      "---\ntitle: 甲\n---more\n正文\n---\n尾",
      "---\ntitle: 甲\n---",
      "---",
    ];
    const texts = [...shapes, ...readdirSync(work, { recursive: true }).filter((f) => String(f).endsWith(".md")).map((f) => readFileSync(join(work, String(f)), "utf8"))];
    for (const text of texts) assert.equal(articleFileBody(text), readArticleFile("a.md", text).body, JSON.stringify(text.slice(0, 60)));
  });
});
