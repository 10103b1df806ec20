/** Estimating what a search downloads from a Pagefind bundle. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { chunkFor, decodeCbor, estimateSearchBytes, pagefindPayload, readIndexChunk } from "../../src/lib/bench/search-bytes.ts";

type Value = number | string | Value[];

/** Minimal CBOR encoder for the test: unsigned and negative integers, text strings, arrays. */
function encode(value: Value): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    if (n < 65536) {
      const b = Buffer.alloc(3);
      b[0] = (major << 5) | 25;
      b.writeUInt16BE(n, 1);
      return b;
    }
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  return Buffer.concat([head(4, value.length), ...value.map(encode)]);
}

const pf = (value: Value) => gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), encode(value)]));

test("CBOR decoding covers what Pagefind writes", () => {
  assert.deepEqual(decodeCbor(encode([1, -26, "党建", [300, 70000]])), [1, -26, "党建", [300, 70000]]);
  assert.deepEqual(decodeCbor(Uint8Array.from([0x9f, 0x01, 0x02, 0xff])), [1, 2], "indefinite array");
  assert.deepEqual(decodeCbor(Uint8Array.from([0xa1, 0x61, 0x61, 0xf5])), { a: true });
  assert.deepEqual(decodeCbor(pagefindPayload(pf(["x"]))), ["x"]);
});

test("index chunks: page numbers are delta-encoded, negative locations are weights", () => {
  const words = readIndexChunk(pagefindPayload(pf([[["党建", [[2, [-26, 3, 9], []], [3, [4], []], [0, [], []]], []]]])));
  // Pages 2, 5, 5 (a step of 0 adds no new page): occurrences 2, 1, then 1 again for page 5.
  assert.deepEqual([...words.get("党建")!], [
    [2, 2],
    [5, 1],
  ]);
});

test("the chunk of a term is the one whose range holds it, in UTF-8 byte order", () => {
  const chunks = [
    { from: "0", to: "zz", hash: "a" },
    { from: "一", to: "党员", hash: "b" },
    { from: "党建", to: "龟", hash: "c" },
  ];
  assert.equal(chunkFor("abc", chunks), "a");
  assert.equal(chunkFor("党", chunks), "b");
  assert.equal(chunkFor("党建引领", chunks), "c");
  assert.equal(chunkFor("zzz", [{ from: "a", to: "b", hash: "x" }]), null);
  // Pagefind's fallback: a term shorter than the boundaries matches on its own length.
  assert.equal(chunkFor("b", [{ from: "ba", to: "bz", hash: "x" }]), "x");
});

/** A Pagefind bundle of eight pages in `dir`, with the bytes it is made of. */
function writeBundle(dir: string) {
  mkdirSync(join(dir, "index"), { recursive: true });
  mkdirSync(join(dir, "fragment"));
  mkdirSync(join(dir, "filter"));
  const pages = Array.from({ length: 8 }, (_, i) => [`zh-cn_p${i}`, 100 + i, ""] as Value[]);
  writeFileSync(
    join(dir, "pagefind-entry.json"),
    JSON.stringify({ version: "1.6.0", languages: { "zh-hant": { hash: "zh-hant_t", wasm: null, page_count: 8 }, "zh-cn": { hash: "zh-cn_s", wasm: null, page_count: 8 } } }),
  );
  const meta = pf(["1.6.0", pages, [["0", "基层", "zh-cn_c1"], ["基层党", "龟", "zh-cn_c2"]], [["kind", "zh-cn_f1"]], []]);
  const filter = pf(["kind", [["article", [0, 1, 1]]]]);
  writeFileSync(join(dir, "filter", "zh-cn_f1.pf_filter"), filter);
  writeFileSync(join(dir, "pagefind.zh-cn_s.pf_meta"), meta);
  // 党建 on all eight pages (steps of 1 from page 0), 基层 on pages 1 and 3; 基层党组织 on page 6 (chunk 2).
  const c1 = pf([[["党建", [[0, [1]], [1, [1]], [1, [1]], [1, [1]], [1, [1, 2, 3]], [1, [1]], [1, [1]], [1, [1]]]], ["基层", [[1, [5]], [2, [6]]]]]]);
  const c2 = pf([[["基层党组织", [[6, [1]]]]]]);
  writeFileSync(join(dir, "index", "zh-cn_c1.pf_index"), c1);
  writeFileSync(join(dir, "index", "zh-cn_c2.pf_index"), c2);
  const fragment = (i: number) => gzipSync(Buffer.from(`pagefind_dcd{"url":"/p${i}/","content":"${"党建".repeat(50 + i)}"}`));
  for (let i = 0; i < 8; i++) writeFileSync(join(dir, "fragment", `zh-cn_p${i}.pf_fragment`), fragment(i));
  const js = "export const x = 1;\n".repeat(200);
  writeFileSync(join(dir, "pagefind.js"), js);
  writeFileSync(join(dir, "pagefind-worker.js"), js);
  const wasm = gzipSync(Buffer.alloc(5000, 7));
  writeFileSync(join(dir, "wasm.unknown.pagefind"), wasm);
  const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
  const entryBytes = gz(JSON.stringify({ version: "1.6.0", languages: { "zh-hant": { hash: "zh-hant_t", wasm: null, page_count: 8 }, "zh-cn": { hash: "zh-cn_s", wasm: null, page_count: 8 } } }));
  return { meta, filter, c1, c2, fragment, wasm, jsBytes: gz(js), entryBytes };
}

test("a first query loads script, worker, entry, wasm, meta, filters, one chunk and a page of fragments; a further one only its own", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-pagefind-"));
  try {
    const { meta, filter, c1, c2, fragment, wasm, jsBytes, entryBytes } = writeBundle(dir);
    const estimate = estimateSearchBytes(dir)!;
    assert.equal(estimate.language, "zh-cn", "the Simplified index, not the Traditional one");
    assert.equal(estimate.pages, 8);
    const base = jsBytes * 2 + entryBytes + wasm.length + meta.length + filter.length;
    assert.equal(estimate.baseBytes, base);
    assert.equal(estimate.filterBytes, filter.length);
    // 党建: chunk 1 and the five best pages (page 4 first: three occurrences).
    assert.deepEqual(estimate.first, { term: "党建", bytes: base + c1.length + [4, 0, 1, 2, 3].reduce((s, i) => s + fragment(i).length, 0), chunks: 1, fragments: 5, results: 8 });
    // 基层: chunk 1 is cached; pages 1 and 3 were loaded already.
    assert.deepEqual(estimate.next, { term: "基层", bytes: 0, chunks: 0, fragments: 0, results: 2 });

    const other = estimateSearchBytes(dir, { terms: ["党建", "基层党组织"], resultsPerPage: 2, filters: false })!;
    assert.equal(other.baseBytes, base - filter.length);
    assert.equal(other.first.fragments, 2);
    assert.deepEqual(other.next, { term: "基层党组织", bytes: c2.length + fragment(6).length, chunks: 1, fragments: 1, results: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("yearly bundles: one script, worker and wasm; every bundle's entry, meta and term chunk; results ranked across them", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-pagefind-"));
  try {
    const { meta, c1, fragment, wasm, jsBytes, entryBytes } = writeBundle(join(dir, "2023"));
    writeBundle(join(dir, "2024"));
    const estimate = estimateSearchBytes(dir, { filters: false })!;
    assert.equal(estimate.shards, 2);
    assert.equal(estimate.pages, 16);
    const base = jsBytes * 2 + wasm.length + 2 * (entryBytes + meta.length);
    assert.equal(estimate.baseBytes, base);
    // 党建: chunk 1 of each year; page 4 of both years first (three occurrences), then pages 0–2 of 2024.
    const fragments = [4, 4, 0, 1, 2].reduce((sum, i) => sum + fragment(i).length, 0);
    assert.deepEqual(estimate.first, { term: "党建", bytes: base + 2 * c1.length + fragments, chunks: 2, fragments: 5, results: 16 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("no bundle, no estimate", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-pagefind-"));
  try {
    assert.equal(estimateSearchBytes(join(dir, "pagefind")), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
