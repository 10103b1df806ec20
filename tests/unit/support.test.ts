// Tests for the browser-test support modules (static server, link checker).
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { checkInternalLinks, formatBrokenLinks, parseSrcset } from "../support/link-check.ts";
import { startStaticServer } from "../support/static-server.ts";
import type { StaticServer } from "../support/static-server.ts";

async function makeTree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "news-archive-support-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

/** Raw GET that sends the path verbatim (fetch would normalise away ".."). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startStaticServer", () => {
  let root: string;
  let outside: string;
  let server: StaticServer;

  before(async () => {
    root = await makeTree({
      "index.html": "<!doctype html><title>home</title>",
      "404.html": "<!doctype html><title>not found</title>",
      "style.css": "body{}",
      "issues/1949/index.html": "<!doctype html><title>1949</title>",
      "pagefind/index/zh_abc.pf_index": "\x1f\x8b binary",
      "pagefind/wasm.zh.pagefind": "wasm",
      "中文/index.html": "<!doctype html><title>zh</title>",
    });
    outside = await makeTree({ "secret.txt": "secret" });
    await symlink(path.join(outside, "secret.txt"), path.join(root, "leak.txt"));
    server = await startStaticServer(root);
  });

  after(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  test("listens on 127.0.0.1 on a random port", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("serves index.html for / and /dir/ with HTML content type", async () => {
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    assert.equal(home.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(await home.text(), /<title>home<\/title>/);

    const issue = await fetch(`${server.url}/issues/1949/`);
    assert.equal(issue.status, 200);
    assert.match(await issue.text(), /1949/);

    const zh = await fetch(`${server.url}/${encodeURIComponent("中文")}/`);
    assert.equal(zh.status, 200);
  });

  test("redirects a directory without trailing slash, keeping the query", async () => {
    const res = await fetch(`${server.url}/issues/1949?q=1`, { redirect: "manual" });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get("location"), "/issues/1949/?q=1");
  });

  test("content types, and no Content-Encoding for Pagefind files", async () => {
    const css = await fetch(`${server.url}/style.css`);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
    await css.body?.cancel();
    const raw = await rawGet(server.url, "/pagefind/index/zh_abc.pf_index");
    assert.equal(raw.status, 200);
    assert.equal(raw.headers["content-type"], "application/octet-stream");
    assert.equal(raw.headers["content-encoding"], undefined);
    const wasm = await rawGet(server.url, "/pagefind/wasm.zh.pagefind");
    assert.equal(wasm.headers["content-type"], "application/octet-stream");
  });

  test("missing files get 404.html with status 404", async () => {
    const res = await fetch(`${server.url}/no/such/page/`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /not found/);
  });

  test("never escapes the root", async () => {
    for (const attempt of ["/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/issues/../../etc/passwd"]) {
      const res = await rawGet(server.url, attempt);
      assert.ok(res.status === 400 || res.status === 404, `${attempt} -> ${res.status}`);
      assert.doesNotMatch(res.body, /root:/, attempt);
    }
    const leak = await rawGet(server.url, "/leak.txt");
    assert.equal(leak.status, 404, "symlink pointing outside the root must not be served");
    assert.doesNotMatch(leak.body, /secret/);
  });

  test("rejects non-GET methods", async () => {
    const res = await fetch(`${server.url}/`, { method: "POST" });
    assert.equal(res.status, 405);
    await res.body?.cancel();
  });
});

describe("checkInternalLinks", () => {
  const page = (body: string): string => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  const roots: string[] = [];
  after(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  test("passes a site whose internal links all resolve", async () => {
    const root = await makeTree({
      "index.html": page(`
        <link rel="stylesheet" href="/_astro/site.css">
        <link rel="preconnect" href="https://fonts.example.com">
        <a href="/issues/1949/">issue</a>
        <a href="/issues/1949">issue, no slash</a>
        <a href="issues/1949/#page-2">relative with fragment</a>
        <a href="/search/?q=%E6%96%B0%E8%81%9E">search with query</a>
        <a href="#top">fragment only</a>
        <a href="mailto:editor@example.com">mail</a>
        <a href="https://example.com/elsewhere">external</a>
        <a href="//cdn.example.com/x.js">protocol-relative</a>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
        <picture><source srcset="/img/a.webp 1x, /img/b.webp 2x"><img src="/img/a.png" alt="a"></picture>
        <script src="/_astro/app.js"></script>
        <a href="/${encodeURIComponent("中文")}/">zh</a>`),
      "issues/1949/index.html": page(`<a href="../../">home</a><a href="./">self</a><a href="../../rss.xml">rss</a>`),
      "search/index.html": page(""),
      "中文/index.html": page(""),
      "_astro/site.css": "",
      "_astro/app.js": "",
      "img/a.webp": "",
      "img/b.webp": "",
      "img/a.png": "",
      "rss.xml": "<rss/>",
    });
    roots.push(root);
    const result = await checkInternalLinks(root);
    assert.deepEqual(result.broken, [], formatBrokenLinks(result.broken));
    assert.equal(result.checked, 13);
  });

  test("reports broken links with their page", async () => {
    const root = await makeTree({
      "index.html": page(`<a href="/issues/1950/">missing issue</a><a href="/issues/1949/">ok</a>`),
      "issues/1949/index.html": page(`<img src="scan.png" alt="scan"><a href="../../../../etc/passwd">escape</a>`),
      "empty-dir/.keep": "",
      "about/index.html": page(`<a href="/empty-dir/">dir without index</a><script src="/_astro/gone.js"></script>`),
    });
    roots.push(root);
    const result = await checkInternalLinks(root);
    assert.deepEqual(result.broken, [
      { page: "about/index.html", href: "/_astro/gone.js" },
      { page: "about/index.html", href: "/empty-dir/" },
      { page: "index.html", href: "/issues/1950/" },
      { page: "issues/1949/index.html", href: "../../../../etc/passwd" },
      { page: "issues/1949/index.html", href: "scan.png" },
    ]);
    assert.equal(result.checked, 6);
    assert.match(formatBrokenLinks(result.broken), /5 broken internal link\(s\):\n {2}about\/index.html: \/_astro\/gone.js/);
  });

  test("honours base and site options", async () => {
    const root = await makeTree({
      "index.html": page(
        `<a href="/archive/issues/1/">ok</a><link rel="canonical" href="https://news.example.org/archive/">` +
          `<a href="/archive/issues/2/">missing</a><a href="/elsewhere/">outside base</a>`,
      ),
      "issues/1/index.html": page(""),
    });
    roots.push(root);
    const result = await checkInternalLinks(root, { base: "/archive", site: "https://news.example.org" });
    assert.equal(result.checked, 4);
    assert.deepEqual(
      result.broken.map((b) => b.href),
      ["/archive/issues/2/", "/elsewhere/"],
    );
  });

  test("parseSrcset", () => {
    assert.deepEqual(parseSrcset("/a.webp 480w, /b.webp 960w"), ["/a.webp", "/b.webp"]);
    assert.deepEqual(parseSrcset("/only.png"), ["/only.png"]);
  });
});
