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
 * Beside the parses it keeps what placing each issue made (placed-issue.ts), under the same
 * version, and a parse is read back only when its issue must be placed again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { codeVersion } from "../build/code-version.ts";
import type { ParsedIssue } from "./parse-page.ts";
import type { IssueMemo } from "./placed-issue.ts";

export const PARSE_CACHE_FILE = ".ingest-parse-cache";

/** The parser's version: its code (the run, its worker and the locator it is handed), its libraries, and the data files in `dataFiles` (folders or files). */
export function parserVersion(dataFiles: readonly string[]): string {
  return codeVersion([new URL("./run-ingest.ts", import.meta.url), new URL("./ingest-workers.ts", import.meta.url), new URL("../places/article-locator.ts", import.meta.url)], dataFiles);
}

/**
 * The stored cache: a header (its length, then the version serialized), then for each file its key
 * and date and its parse serialized on its own, then for each issue its date and its memo
 * (placed-issue.ts) serialized on its own, each after its length. A kept parse or memo is stored
 * again as the bytes it was read as, and the file is written and read one at a time.
 */
const LENGTH_BYTES = 4;
/** Changes with the stored layout, so that a cache of another layout is not read. */
const LAYOUT = 2;
const FILE_MARK = "f";
const ISSUE_MARK = "i";

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

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const byKey = <T>(entries: Map<string, T>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));

/** A parse as the cache holds it: its page's date, and the parse, read or still as stored. */
interface CachedParse {
  date: string;
  parse: ParsedIssue | Uint8Array;
}

export class ParseCache {
  readonly #file: string;
  readonly #version: string;
  readonly #previous = new Map<string, { date: string; parse: Uint8Array }>();
  readonly #next = new Map<string, CachedParse>();
  readonly #previousIssues = new Map<string, Uint8Array>();
  readonly #nextIssues = new Map<string, IssueMemo | Uint8Array>();
  #hits = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    try {
      const [header, ...entries] = frames(readFileSync(file));
      const stored = header ? (deserialize(header) as { version?: unknown; layout?: unknown }) : null;
      if (stored?.version !== version || stored.layout !== LAYOUT) return;
      for (let i = 0; i + 1 < entries.length; i += 2) {
        const [mark, key, date] = text(entries[i]!).split("\0");
        if (mark === FILE_MARK) this.#previous.set(key!, { date: date!, parse: entries[i + 1]! });
        else if (mark === ISSUE_MARK) this.#previousIssues.set(key!, entries[i + 1]!);
      }
    } catch {
      // No cache yet, or one cut short or this Node cannot read: everything is parsed.
      this.#previous.clear();
      this.#previousIssues.clear();
    }
  }

  /** The key of an issue file: its name (the parse reads the date from it) and its bytes. */
  static key(source: string, bytes: Uint8Array): string {
    return createHash("sha256").update(`${source}\0`).update(bytes).digest("hex");
  }

  /**
   * The date of the last run's parse of this file, if there is one, which is then kept for the
   * next run as it was stored; the parse itself is read only when asked for (parse()).
   */
  reuse(key: string): string | undefined {
    const stored = this.#previous.get(key);
    if (!stored) return undefined;
    this.#hits++;
    this.#next.set(key, stored);
    return stored.date;
  }

  /** A parse reused or kept in this run. */
  parse(key: string): ParsedIssue {
    const kept = this.#next.get(key);
    if (!kept) throw new Error(`no parse kept for ${key}`);
    return kept.parse instanceof Uint8Array ? (deserialize(kept.parse) as ParsedIssue) : kept.parse;
  }

  /** The last run's parse of this file, if there is one (reuse(), then parse()). */
  get(key: string): ParsedIssue | undefined {
    return this.reuse(key) === undefined ? undefined : this.parse(key);
  }

  /** Keeps a parse for the next run; `serialized`, when given, is the parse's bytes already made (by a worker). */
  keep(key: string, parsed: ParsedIssue, serialized: Uint8Array | null = null): void {
    if (!this.#next.has(key)) this.#next.set(key, { date: parsed.issue.date, parse: serialized ?? parsed });
  }

  /** The last run's memo of the issue of `date`, if there is one. */
  issue(date: string): IssueMemo | undefined {
    const stored = this.#previousIssues.get(date);
    return stored ? (deserialize(stored) as IssueMemo) : undefined;
  }

  /** Keeps the memo of an issue for the next run: a new one, or (null) the last run's as it was stored. */
  keepIssue(date: string, memo: IssueMemo | null): void {
    const kept = memo ?? this.#previousIssues.get(date);
    if (kept) this.#nextIssues.set(date, kept);
  }

  get hits(): number {
    return this.#hits;
  }

  /** Whether the parses and memos kept are the last run's, as stored: then there is nothing to store. */
  get unchanged(): boolean {
    const same = <T>(next: Map<string, T>, previous: Map<string, unknown>, stored: (value: T) => unknown) =>
      next.size === previous.size && [...next].every(([key, value]) => stored(value) === previous.get(key));
    return (
      same(this.#next, this.#previous, (value) => value) &&
      same(this.#nextIssues, this.#previousIssues, (value) => value)
    );
  }

  /** The bytes to store, in the order to store them: a parse or memo is serialized when its turn comes. */
  *stored(): Generator<Uint8Array> {
    yield* frame(serialize({ version: this.#version, layout: LAYOUT }));
    for (const [key, { date, parse }] of byKey(this.#next)) {
      yield* frame(Buffer.from(`${FILE_MARK}\0${key}\0${date}`, "latin1"));
      yield* frame(parse instanceof Uint8Array ? parse : serialize(parse));
    }
    for (const [date, memo] of byKey(this.#nextIssues)) {
      yield* frame(Buffer.from(`${ISSUE_MARK}\0${date}`, "latin1"));
      yield* frame(memo instanceof Uint8Array ? memo : serialize(memo));
    }
  }

  get file(): string {
    return this.#file;
  }
}
