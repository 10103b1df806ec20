/**
 * The parses of the last run, kept beside its output: an issue file whose name and bytes are
 * unchanged, parsed by the same parser with the same data files, is not parsed again. A new
 * issue then costs the parse of that issue, not of the archive.
 *
 * The parser's version is a digest of the code that parses (the ingest's modules and what they
 * import, and the lockfile for the libraries it uses) and of the data files it reads; any change
 * to either parses everything again, a change elsewhere (the site, the search) nothing. Entries
 * are stored with V8's serializer, which keeps a parse exactly as the parser made it, each as
 * its own bytes: a kept parse is those bytes, so nothing the run does to its pages can change it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { codeVersion } from "../build/code-version.ts";
import type { ParsedIssue } from "./parse-page.ts";

export const PARSE_CACHE_FILE = ".ingest-parse-cache";

/** The parser's version: its code (the run, its worker and the locator it is handed), its libraries, and the data files in `dataFiles` (folders or files). */
export function parserVersion(dataFiles: readonly string[]): string {
  return codeVersion([new URL("./run-ingest.ts", import.meta.url), new URL("./ingest-workers.ts", import.meta.url), new URL("../places/article-locator.ts", import.meta.url)], dataFiles);
}

/**
 * The stored cache: a header (its length, then the version serialized), then for each file its key
 * and its parse serialized on its own, each after its length. A kept parse is stored again as the
 * bytes it was read as, and the file is written and read a parse at a time.
 */
const LENGTH_BYTES = 4;

function* frames(stored: Uint8Array): Generator<Uint8Array> {
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  for (let at = 0; at < stored.byteLength; ) {
    const length = view.getUint32(at);
    if (at + LENGTH_BYTES + length > stored.byteLength) throw new Error("the cache file is cut short");
    yield stored.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + length);
    at += LENGTH_BYTES + length;
  }
}

function frame(bytes: Uint8Array): Uint8Array[] {
  const length = new Uint8Array(LENGTH_BYTES);
  new DataView(length.buffer).setUint32(0, bytes.byteLength);
  return [length, bytes];
}

export class ParseCache {
  readonly #file: string;
  readonly #version: string;
  readonly #previous = new Map<string, Uint8Array>();
  readonly #next = new Map<string, ParsedIssue | Uint8Array>();
  #hits = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    try {
      const [header, ...entries] = frames(readFileSync(file));
      if (!header || (deserialize(header) as { version?: unknown }).version !== version) return;
      for (let i = 0; i + 1 < entries.length; i += 2) this.#previous.set(Buffer.from(entries[i]!).toString("latin1"), entries[i + 1]!);
    } catch {
      // No cache yet, or one cut short or this Node cannot read: everything is parsed.
      this.#previous.clear();
    }
  }

  /** The key of an issue file: its name (the parse reads the date from it) and its bytes. */
  static key(source: string, bytes: Uint8Array): string {
    return createHash("sha256").update(`${source}\0`).update(bytes).digest("hex");
  }

  /** The last run's parse of this file, if there is one; it is kept for the next run as it was stored. */
  get(key: string): ParsedIssue | undefined {
    const stored = this.#previous.get(key);
    if (!stored) return undefined;
    this.#hits++;
    this.#next.set(key, stored);
    return deserialize(stored) as ParsedIssue;
  }

  /** Keeps a parse for the next run; `serialized`, when given, is the parse's bytes already made (by a worker). */
  keep(key: string, parsed: ParsedIssue, serialized: Uint8Array | null = null): void {
    if (!this.#next.has(key)) this.#next.set(key, serialized ?? parsed);
  }

  get hits(): number {
    return this.#hits;
  }

  /** Whether the parses kept are those of the last run's files: then there is nothing to store. */
  get unchanged(): boolean {
    return this.#next.size === this.#previous.size && [...this.#next.keys()].every((key) => this.#previous.has(key));
  }

  /** The bytes to store, in the order to store them: a parse is serialized when its turn comes. */
  *stored(): Generator<Uint8Array> {
    yield* frame(serialize({ version: this.#version }));
    for (const [key, parsed] of [...this.#next].sort(([a], [b]) => (a < b ? -1 : 1))) {
      yield* frame(Buffer.from(key, "latin1"));
      yield* frame(parsed instanceof Uint8Array ? parsed : serialize(parsed));
    }
  }

  get file(): string {
    return this.#file;
  }
}
