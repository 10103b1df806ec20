/** The static host, as the benchmark uses it: under a base path, gzipping text (tests/unit/support.test.ts has the rest). */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { fileType, startStaticServer, type StaticServer } from "../../src/lib/bench/static-server.ts";

test("text is gzipped as a host would; Pagefind's own gzip payloads go as stored", () => {
  assert.deepEqual(fileType("a/index.html"), { type: "text/html; charset=utf-8", compress: true });
  assert.deepEqual(fileType("pagefind/pagefind.js"), { type: "text/javascript; charset=utf-8", compress: true });
  assert.equal(fileType("pagefind/pagefind-entry.json").compress, true);
  assert.deepEqual(fileType("pagefind/index/zh-cn_abc.pf_index"), { type: "application/octet-stream", compress: false });
  assert.equal(fileType("pagefind/wasm.zh-cn.pagefind").compress, false);
});

let dir = "";
let server: StaticServer;
let plainServer: StaticServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "bench-static-"));
  mkdirSync(join(dir, "search"));
  mkdirSync(join(dir, "pagefind"));
  writeFileSync(join(dir, "index.html"), "<h1>home</h1>".repeat(50));
  writeFileSync(join(dir, "search", "index.html"), "<h1>search</h1>");
  writeFileSync(join(dir, "pagefind", "x.pf_meta"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  writeFileSync(join(dir, "404.html"), "gone");
  server = await startStaticServer(dir, { base: "/archive/", gzip: true });
  plainServer = await startStaticServer(dir, { base: "/archive/" });
});

after(async () => {
  await server.close();
  await plainServer.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(url: string, gzip: boolean): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, failed) => {
    const req = request(url, { headers: gzip ? { "Accept-Encoding": "gzip, br" } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", failed);
    req.end();
  });
}

test("the dist is served under the base path: folders by their index.html, gzipped when asked", async () => {
  assert.match(server.siteUrl, /^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
  assert.equal(server.siteUrl, `${server.url}/archive/`);
  const home = await get(server.siteUrl, true);
  assert.equal(home.status, 200);
  assert.equal(home.headers["content-encoding"], "gzip");
  assert.equal(gunzipSync(home.body).toString(), "<h1>home</h1>".repeat(50));
  assert.ok(home.body.length < 200);
  const plain = await get(`${server.siteUrl}search/`, false);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.toString(), "<h1>search</h1>");
});

test("a folder without its slash redirects; Pagefind's files go as stored; the rest is 404", async () => {
  const moved = await get(`${server.siteUrl}search`, true);
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.location, "/archive/search/");
  const meta = await get(`${server.siteUrl}pagefind/x.pf_meta`, true);
  assert.equal(meta.headers["content-encoding"], undefined);
  assert.deepEqual([...meta.body], [0x1f, 0x8b, 1, 2, 3]);
  const missing = await get(`${server.siteUrl}nothing/`, false);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.toString(), "gone");
  const outside = await get(server.siteUrl.replace("/archive/", "/index.html"), false);
  assert.equal(outside.status, 404);
});

test("without gzip, text goes as stored to a client that accepts gzip", async () => {
  const home = await get(plainServer.siteUrl, true);
  assert.equal(home.status, 200);
  assert.equal(home.headers["content-encoding"], undefined);
  assert.equal(home.body.toString(), "<h1>home</h1>".repeat(50));
});
