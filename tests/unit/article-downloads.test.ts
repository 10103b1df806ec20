// Each article's downloads (.md, .ris, .json) made from its file, the URLs they answer at, and
// what a rebuild decides from the last build's manifest (src/lib/site/article-downloads.ts).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseArticleFile } from "../../src/lib/articles/article-files.ts";
import {
  DOWNLOAD_TYPES,
  articleDownloadPaths,
  articleDownloads,
  downloadAt,
  goneArticles,
  isArticleDownload,
  parseManifest,
  serializeManifest,
  sourceDigest,
  unchangedSource,
  type DownloadsManifest,
} from "../../src/lib/site/article-downloads.ts";
import { articleCslJson, articleRis } from "../../src/lib/site/citation-export.ts";
import * as paths from "../../src/lib/site/paths.ts";

const SEED = fileURLToPath(new URL("../fixtures/seed-articles/", import.meta.url));
const ID = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban";
const FILE = path.join(SEED, `${ID}.md`);
const SITE = "https://archive.example.org";

describe("articleDownloads", () => {
  const source = readFileSync(FILE);
  const downloads = articleDownloads(ID, source, SITE, FILE);

  it("makes the Markdown, RIS and CSL-JSON files at the URLs paths.ts gives them", () => {
    assert.deepEqual(
      downloads.map((d) => [d.kind, d.path]),
      [
        ["md", paths.articleMarkdownPath(ID)],
        ["ris", paths.articleRisPath(ID)],
        ["json", paths.articleCslJsonPath(ID)],
      ],
    );
    assert.deepEqual(articleDownloadPaths(ID), { md: `/articles/${ID}.md`, ris: `/articles/${ID}.ris`, json: `/articles/${ID}.json` });
    assert.deepEqual(Object.keys(DOWNLOAD_TYPES), ["md", "ris", "json"]);
  });

  it("the Markdown file is the article file's bytes, unchanged", () => {
    assert.ok(Buffer.from(downloads[0]!.bytes).equals(source));
  });

  it("the references are the article's frontmatter cited at the article page's absolute URL", () => {
    const article = { id: ID, data: parseArticleFile(FILE, source.toString("utf8")).data };
    const url = `${SITE}/articles/${ID}/`;
    assert.equal(downloads[1]!.bytes, articleRis(article, { url }));
    assert.equal(downloads[2]!.bytes, articleCslJson(article, { url }));
    assert.match(String(downloads[1]!.bytes), new RegExp(`^UR {2}- ${url.replace(/[.]/gu, "\\.")}\r$`, "mu"));
    assert.equal((JSON.parse(String(downloads[2]!.bytes)) as { URL: string }[])[0]!.URL, url);
  });

  it("cites the page at the site's origin whatever path the site's address has: the base path is added after the build", () => {
    const [, ris] = articleDownloads(ID, source, `${SITE}/archive/`, FILE);
    assert.match(String(ris!.bytes), new RegExp(`^UR {2}- ${SITE.replace(/[.]/gu, "\\.")}/articles/`, "mu"));
  });

  it("a file that is not an article, or an id of another shape, is an error naming it", () => {
    assert.throws(() => articleDownloads(ID, Buffer.from("---\ntitle: [\n---\n"), SITE, "/x/a.md"), /\/x\/a\.md/u);
    assert.throws(() => articleDownloads(ID, Buffer.from("---\ntitle: 标题\n---\n"), SITE, "/x/a.md"), /\/x\/a\.md: bad frontmatter/u);
    assert.throws(() => articleDownloads("2022-11-08/Wen Ming", source, SITE, FILE), /is not "<date>\/<slug>"/u);
  });
});

describe("downloadAt and isArticleDownload", () => {
  const cases: [string, { id: string; kind: string } | null][] = [
    ["/articles/2022-11-08/wen-ming.md", { id: "2022-11-08/wen-ming", kind: "md" }],
    ["/articles/2022-11-08/wen-ming-2.ris", { id: "2022-11-08/wen-ming-2", kind: "ris" }],
    ["/articles/2022-11-08/wen-ming.json", { id: "2022-11-08/wen-ming", kind: "json" }],
    ["/articles/2022-11-08/wen-ming/", null],
    ["/articles/2022-11-08/wen-ming/index.html", null],
    ["/articles/2022-11-08/wen-ming.txt", null],
    ["/articles/2022-11-08/Wen-Ming.md", null],
    ["/articles/2022-11-08/.wen-ming.md", null],
    ["/zh-hant/articles/2022-11-08/wen-ming.md", null],
    ["/data/articles.json", null],
    ["/articles/wen-ming.md", null],
  ];
  for (const [pathname, expected] of cases) {
    it(`${pathname} → ${expected ? `${expected.id} ${expected.kind}` : "none"}`, () => {
      assert.deepEqual(downloadAt(pathname), expected);
      assert.equal(isArticleDownload(pathname.slice(1)), expected !== null);
    });
  }
});

describe("what a rebuild writes", () => {
  const stamp = { size: 120, mtimeMs: 5_000, digest: sourceDigest(Buffer.from("a")) };

  it("an unchanged size and time: the file is not read; a new time: its bytes tell; a new size or a new file: written", () => {
    assert.equal(unchangedSource(stamp, { size: 120, mtimeMs: 5_000 }), "same");
    assert.equal(unchangedSource(stamp, { size: 120, mtimeMs: 6_000 }), "read");
    assert.equal(unchangedSource(stamp, { size: 121, mtimeMs: 5_000 }), "changed");
    assert.equal(unchangedSource(undefined, { size: 120, mtimeMs: 5_000 }), "changed");
  });

  it("the digest is of the bytes", () => {
    assert.equal(sourceDigest(Buffer.from("a")), stamp.digest);
    assert.notEqual(sourceDigest(Buffer.from("b")), stamp.digest);
  });

  it("articles gone since the last build, in id order", () => {
    const previous: DownloadsManifest = { version: "v", articles: { "2022-11-08/b": stamp, "2022-09-06/a": stamp, "2022-11-08/c": stamp } };
    assert.deepEqual(goneArticles(previous, new Set(["2022-11-08/c", "2024-10-15/d"])), ["2022-09-06/a", "2022-11-08/b"]);
  });

  it("the manifest is written in id order and read back; any other text reads as none", () => {
    const manifest: DownloadsManifest = { version: "v1", articles: { b: stamp, a: stamp } };
    const text = serializeManifest(manifest);
    assert.ok(text.indexOf('"a"') < text.indexOf('"b"'));
    assert.deepEqual(parseManifest(text), manifest);
    assert.equal(parseManifest("{"), null);
    assert.equal(parseManifest('{"version": 1, "articles": {}}'), null);
    assert.equal(parseManifest('{"version": "v1"}'), null);
  });
});
