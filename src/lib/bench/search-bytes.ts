/**
 * What a reader's browser downloads to search the archive, estimated from Pagefind's output
 * (dist/pagefind/, a few bundles of whole years). A first query loads the Pagefind script and its web worker, the entry file,
 * the WebAssembly module and the language's metadata, then the index chunk holding the term and
 * the result fragments of the first page of results; and, on a search page that shows filter
 * counts, every filter chunk. A further query, with all of that cached,
 * loads only its own index chunk (unless already loaded) and its own fragments.
 *
 * Sizes are bytes on the wire: Pagefind's .pagefind and .pf_* files are gzip already and are
 * counted as they are; JavaScript and JSON are counted gzipped (zlib, level 9), as a CDN or any
 * compressing server sends them.
 *
 * File formats (Pagefind 1.x, checked against 1.6.0): each .pf_* file is gzip of
 * "pagefind_dcd" + CBOR. The metadata (pagefind.<language hash>.pf_meta) is
 * [version, [[page hash, word count, …]…], [[from word, to word, chunk hash]…], [[filter, hash]…], sorts, …];
 * an index chunk (index/<hash>.pf_index) is [[[word, [[page number step, locations, …]…], …]…]],
 * page numbers delta-encoded (each the step from the previous page of the word's list);
 * a fragment is fragment/<page hash>.pf_fragment. The browser loads the chunk whose
 * [from, to] range holds the term (Pagefind's request_indexes) and matches words by prefix.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

// ---------------------------------------------------------------------------------------------
// CBOR (RFC 8949), the subset Pagefind writes: integers, strings, arrays, maps, simple values.

export type Cbor = number | string | Uint8Array | boolean | null | undefined | Cbor[] | { [key: string]: Cbor };

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(at++);
    if (info === 25) {
      const v = view.getUint16(at);
      at += 2;
      return v;
    }
    if (info === 26) {
      const v = view.getUint32(at);
      at += 4;
      return v;
    }
    if (info === 27) {
      const v = Number(view.getBigUint64(at));
      at += 8;
      return v;
    }
    if (info === 31) return -1;
    throw new Error(`CBOR: bad additional info ${info} at ${at}`);
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error("CBOR: unexpected end");
    const initial = view.getUint8(at++);
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        if (n < 0) throw new Error("CBOR: indefinite strings are not supported");
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? slice : decoder.decode(slice);
      }
      case 4: {
        const n = length(info);
        const list: Cbor[] = [];
        if (n < 0) {
          while (view.getUint8(at) !== 0xff) list.push(item());
          at++;
        } else for (let i = 0; i < n; i++) list.push(item());
        return list;
      }
      case 5: {
        const n = length(info);
        const map: { [key: string]: Cbor } = {};
        for (let i = 0; n < 0 ? view.getUint8(at) !== 0xff : i < n; i++) {
          const key = item();
          map[String(key)] = item();
        }
        if (n < 0) at++;
        return map;
      }
      case 6:
        length(info);
        return item();
      default:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        throw new Error(`CBOR: unsupported simple value ${info}`);
    }
  };
  return item();
}

const SIGNATURE = "pagefind_dcd";

/** A .pf_* file's payload: gunzipped, signature removed. */
export function pagefindPayload(file: Uint8Array): Uint8Array {
  let bytes = file;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const head = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
  return head === SIGNATURE ? bytes.subarray(SIGNATURE.length) : bytes;
}

// ---------------------------------------------------------------------------------------------

export interface PagefindMeta {
  pages: { hash: string; wordCount: number }[];
  chunks: { from: string; to: string; hash: string }[];
  /** Filter chunks (filter/<hash>.pf_filter), by filter name. */
  filters: { name: string; hash: string }[];
}

export function readMeta(payload: Uint8Array): PagefindMeta {
  const root = decodeCbor(payload);
  if (!Array.isArray(root)) throw new Error("pf_meta: not an array");
  const pages = (Array.isArray(root[1]) ? root[1] : []).map((p) => {
    const page = p as Cbor[];
    return { hash: String(page[0]), wordCount: Number(page[1] ?? 0) };
  });
  const chunks = (Array.isArray(root[2]) ? root[2] : []).map((c) => {
    const chunk = c as Cbor[];
    return { from: String(chunk[0]), to: String(chunk[1]), hash: String(chunk[2]) };
  });
  const filters = (Array.isArray(root[3]) ? root[3] : []).map((f) => {
    const filter = f as Cbor[];
    return { name: String(filter[0]), hash: String(filter[1]) };
  });
  return { pages, chunks, filters };
}

/** Word → page numbers with how often the word occurs there. */
export type WordPages = Map<string, Map<number, number>>;

export function readIndexChunk(payload: Uint8Array): WordPages {
  const root = decodeCbor(payload);
  const words = new Map<string, Map<number, number>>();
  const list = Array.isArray(root) && Array.isArray(root[0]) ? root[0] : [];
  for (const entry of list) {
    if (!Array.isArray(entry)) continue;
    const pages = new Map<number, number>();
    // Page numbers are delta-encoded: each is the step from the one before.
    let page = 0;
    for (const p of Array.isArray(entry[1]) ? entry[1] : []) {
      if (!Array.isArray(p)) continue;
      page += Number(p[0]);
      const locations = Array.isArray(p[1]) ? p[1].filter((l) => typeof l === "number" && l >= 0).length : 0;
      pages.set(page, Math.max(1, locations));
    }
    words.set(String(entry[0]), pages);
  }
  return words;
}

/** UTF-8 byte order, as Pagefind (Rust) compares words. */
export function compareUtf8(a: string, b: string): number {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return Buffer.compare(x, y);
}

/** The chunk whose [from, to] holds the term (the first, as Pagefind's request_indexes takes). */
export function chunkFor(term: string, chunks: PagefindMeta["chunks"]): string | null {
  const strict = chunks.find((c) => compareUtf8(term, c.from) >= 0 && compareUtf8(term, c.to) <= 0);
  if (strict) return strict.hash;
  // Pagefind's fallback: compare on the shorter of term and boundary, for extensions of the term.
  const loose = chunks.find((c) => {
    const pre = (s: string, n: number) => [...s].slice(0, n).join("");
    const n = [...term].length;
    return compareUtf8(pre(term, n), pre(c.from, n)) >= 0 && compareUtf8(pre(term, n), pre(c.to, n)) <= 0;
  });
  return loose?.hash ?? null;
}

/**
 * A reader's first query and a further one: 党建 (party building, the page's subject, on every
 * page) and 基层 (grassroots, in most reports). When the index lacks either, the most common
 * words of two different chunks stand in.
 */
export const DEFAULT_TERMS: readonly [string, string] = ["党建", "基层"];

export interface SearchBytesOptions {
  /** Terms of the first and of a further query (see DEFAULT_TERMS). */
  terms?: readonly [string, string];
  /** Results on the first page (Pagefind's default UI shows 5). */
  resultsPerPage?: number;
  /** Pagefind language key (zh-cn, …); by default the first that is not a Traditional-script one. */
  language?: string;
  /** UI files (relative to the pagefind folder) the search page loads as well. */
  uiFiles?: readonly string[];
  /**
   * Count every filter chunk in the first query (default true): a search page that shows filter
   * counts calls pagefind.filters(), which loads them all.
   */
  filters?: boolean;
}

export interface QueryBytes {
  term: string;
  bytes: number;
  chunks: number;
  fragments: number;
  results: number;
}

export interface SearchBytes {
  language: string;
  /** Bundles merged (src/lib/search/index-shards.ts). */
  shards: number;
  pages: number;
  indexChunks: number;
  /** Script, worker, entry, wasm, metadata (UI files, filter chunks): loaded once. */
  baseBytes: number;
  /** Of baseBytes, the filter chunks. */
  filterBytes: number;
  first: QueryBytes;
  next: QueryBytes;
}

function wireBytes(file: Uint8Array): number {
  if (file[0] === 0x1f && file[1] === 0x8b) return file.length;
  return gzipSync(file, { level: 9 }).length;
}

/** One Pagefind bundle: its metadata, and its files' wire sizes and index chunks, read on demand. */
interface Bundle {
  language: string;
  wasm: string;
  metaFile: string;
  meta: PagefindMeta;
  size(relative: string): number;
  chunkWords(hash: string): WordPages;
}

function openBundle(dir: string, wantedLanguage: string | undefined): Bundle | null {
  const entryPath = join(dir, "pagefind-entry.json");
  if (!existsSync(entryPath)) return null;
  const sizes = new Map<string, number>();
  const size = (relative: string): number => {
    let known = sizes.get(relative);
    if (known === undefined) {
      const path = join(dir, relative);
      known = existsSync(path) && statSync(path).isFile() ? wireBytes(readFileSync(path)) : 0;
      sizes.set(relative, known);
    }
    return known;
  };
  const entry = JSON.parse(readFileSync(entryPath, "utf8")) as {
    languages?: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
  };
  const languages = Object.keys(entry.languages ?? {}).sort();
  const language = wantedLanguage ?? languages.find((l) => !/hant|tw|hk|mo/i.test(l)) ?? languages[0];
  const info = language === undefined ? undefined : entry.languages?.[language];
  if (language === undefined || !info) return null;
  const metaFile = `pagefind.${info.hash}.pf_meta`;
  const chunkCache = new Map<string, WordPages>();
  return {
    language,
    wasm: `wasm.${info.wasm ?? "unknown"}.pagefind`,
    metaFile,
    meta: readMeta(pagefindPayload(readFileSync(join(dir, metaFile)))),
    size,
    chunkWords(hash) {
      let words = chunkCache.get(hash);
      if (!words) {
        const path = join(dir, "index", `${hash}.pf_index`);
        words = existsSync(path) ? readIndexChunk(pagefindPayload(readFileSync(path))) : new Map();
        chunkCache.set(hash, words);
      }
      return words;
    },
  };
}

/**
 * Reads the Pagefind bundles in `pagefindDir`: one bundle, or one per subfolder (the
 * shards, src/lib/search/index-shards.ts), the newest (last in name order) loaded first and the
 * others merged into it, as the search page does. Null when there is none.
 *
 * A merged bundle costs its entry file, metadata and (with filter counts) filter chunks, and for
 * each query the chunk holding the term; the script, worker and WebAssembly module are the first
 * bundle's alone (Pagefind's mergeIndex reuses them). Results are ranked across bundles.
 */
export function estimateSearchBytes(pagefindDir: string, options: SearchBytesOptions = {}): SearchBytes | null {
  if (!existsSync(pagefindDir)) return null;
  const dirs = existsSync(join(pagefindDir, "pagefind-entry.json"))
    ? [pagefindDir]
    : readdirSync(pagefindDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .reverse()
        .map((name) => join(pagefindDir, name));
  const bundles = dirs.map((dir) => openBundle(dir, options.language)).filter((bundle) => bundle !== null);
  const primary = bundles[0];
  if (!primary) return null;

  const filterBytes =
    options.filters === false
      ? 0
      : bundles.reduce((sum, b) => sum + b.meta.filters.reduce((n, f) => n + b.size(`filter/${f.hash}.pf_filter`), 0), 0);
  const baseBytes =
    ["pagefind.js", "pagefind-worker.js", primary.wasm, ...(options.uiFiles ?? [])].reduce((sum, f) => sum + primary.size(f), 0) +
    bundles.reduce((sum, b) => sum + b.size("pagefind-entry.json") + b.size(b.metaFile), 0) +
    filterBytes;

  const matches = (term: string): boolean =>
    bundles.some((b) => {
      const hash = chunkFor(term, b.meta.chunks);
      return hash !== null && [...b.chunkWords(hash).keys()].some((word) => word.startsWith(term));
    });
  const terms = options.terms ?? (DEFAULT_TERMS.every(matches) ? DEFAULT_TERMS : commonTerms(primary.meta, primary.chunkWords));
  const perPage = options.resultsPerPage ?? 5;
  const loadedChunks = bundles.map(() => new Set<string>());
  const loadedFragments = new Set<string>();
  const query = (term: string): QueryBytes => {
    let bytes = 0;
    let chunks = 0;
    // Prefix match, as Pagefind extends the last term; rank by occurrences (a stand-in for BM25).
    const scores: { bundle: number; page: number; score: number }[] = [];
    bundles.forEach((b, i) => {
      const hash = chunkFor(term, b.meta.chunks);
      if (hash === null) return;
      if (!loadedChunks[i]!.has(hash)) {
        loadedChunks[i]!.add(hash);
        bytes += b.size(`index/${hash}.pf_index`);
        chunks++;
      }
      const perPageScore = new Map<number, number>();
      for (const [word, pages] of b.chunkWords(hash)) {
        if (!word.startsWith(term)) continue;
        for (const [page, n] of pages) perPageScore.set(page, (perPageScore.get(page) ?? 0) + n);
      }
      for (const [page, score] of perPageScore) scores.push({ bundle: i, page, score });
    });
    const top = scores.sort((a, b) => b.score - a.score || a.bundle - b.bundle || a.page - b.page).slice(0, perPage);
    let fragments = 0;
    for (const { bundle, page } of top) {
      const b = bundles[bundle]!;
      const pageHash = b.meta.pages[page]?.hash;
      if (pageHash === undefined || loadedFragments.has(`${bundle} ${pageHash}`)) continue;
      loadedFragments.add(`${bundle} ${pageHash}`);
      bytes += b.size(`fragment/${pageHash}.pf_fragment`);
      fragments++;
    }
    return { term, bytes, chunks, fragments, results: scores.length };
  };
  const first = query(terms[0]);
  first.bytes += baseBytes;
  const next = query(terms[1]);
  return {
    language: primary.language,
    shards: bundles.length,
    pages: bundles.reduce((n, b) => n + b.meta.pages.length, 0),
    indexChunks: bundles.reduce((n, b) => n + b.meta.chunks.length, 0),
    baseBytes,
    filterBytes,
    first,
    next,
  };
}

/** The most common word of two or more characters, and the most common one of another chunk. */
function commonTerms(meta: PagefindMeta, chunkWords: (hash: string) => WordPages): [string, string] {
  let best: { word: string; pages: number; chunk: string } | null = null;
  const perChunk: { word: string; pages: number; chunk: string }[] = [];
  for (const chunk of meta.chunks) {
    let top: { word: string; pages: number; chunk: string } | null = null;
    for (const [word, pages] of chunkWords(chunk.hash)) {
      if ([...word].length < 2 || /^[\d\p{P}]+$/u.test(word)) continue;
      if (!top || pages.size > top.pages) top = { word, pages: pages.size, chunk: chunk.hash };
    }
    if (top) {
      perChunk.push(top);
      if (!best || top.pages > best.pages) best = top;
    }
  }
  if (!best) return ["", ""];
  const second = perChunk.filter((c) => c.chunk !== best.chunk).sort((a, b) => b.pages - a.pages)[0];
  return [best.word, second?.word ?? best.word];
}
