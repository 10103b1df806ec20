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
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { codeVersion } from "../build/code-version.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { writeChunksAtomic } from "./output-files.ts";
import type { IssueMemo } from "./placed-issue.ts";

export const PARSE_CACHE_FILE = ".ingest-parse-cache";

/** The parser's version: its code (the run, its worker and the locator it is handed), its libraries, and the data files in `dataFiles` (folders or files). */
export function parserVersion(dataFiles: readonly string[]): string {
  return codeVersion([new URL("./run-ingest.ts", import.meta.url), new URL("./ingest-workers.ts", import.meta.url), new URL("../places/article-locator.ts", import.meta.url)], dataFiles);
}

/**
 * The stored cache. The file `.ingest-parse-cache` holds a header (the version, the layout, and
 * for each year of parses its file's name and size and the keys and dates of its parses), then
 * for each issue its date and its memo (placed-issue.ts) serialized on its own. The parses are in
 * one file per year in `.ingest-parses/`, each a key and the parse serialized on its own, named by
 * the year and a digest of its keys: a run reads a year's file only when an issue of that year is
 * placed anew, and writes one only when the year's parses changed. A new issue then costs reading
 * and writing its year's parses, not the archive's (at 100,000 articles, 223 MB of the 292 MB
 * the cache file held). Every record is framed by its length; a kept parse or memo is stored
 * again as the bytes it was read as.
 */
const LENGTH_BYTES = 4;
/** Changes with the stored layout, so that a cache of another layout is not read. */
const LAYOUT = 3;
export const PARSES_FOLDER = ".ingest-parses";
const UNDATED_YEAR = "undated";

/** What the cache file's header says of a year's parses. */
interface YearIndex {
  /** The file's name in PARSES_FOLDER. */
  file: string;
  size: number;
  /** [key, date] of each parse, in the file's order. */
  parses: [string, string][];
}

interface Header {
  version: string;
  layout: number;
  years: Record<string, YearIndex>;
}

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
const yearOf = (date: string) => (/^\d{4}/.test(date) ? date.slice(0, 4) : UNDATED_YEAR);

/** A parse as the cache holds it: its page's date, and the parse, made in this run, read, or (null) still in its year's file. */
interface CachedParse {
  date: string;
  parse: ParsedIssue | Uint8Array | null;
}

export class ParseCache {
  readonly #file: string;
  readonly #folder: string;
  readonly #version: string;
  /** The last run's parses by key; their bytes are read from their year's file when one is asked for. */
  readonly #previous = new Map<string, CachedParse>();
  readonly #previousYears = new Map<string, YearIndex>();
  readonly #next = new Map<string, CachedParse>();
  readonly #previousIssues = new Map<string, Uint8Array>();
  readonly #nextIssues = new Map<string, IssueMemo | Uint8Array>();
  #hits = 0;

  /** The cache of the output folder `outDir`, kept for the parser of `version`. */
  constructor(outDir: string, version: string) {
    this.#file = join(outDir, PARSE_CACHE_FILE);
    this.#folder = join(outDir, PARSES_FOLDER);
    this.#version = version;
    try {
      const [header, ...entries] = frames(readFileSync(this.#file));
      const stored = header ? (deserialize(header) as Partial<Header>) : null;
      if (stored?.version !== version || stored.layout !== LAYOUT || !stored.years) return;
      for (let i = 0; i + 1 < entries.length; i += 2) this.#previousIssues.set(text(entries[i]!), entries[i + 1]!);
      for (const [year, index] of Object.entries(stored.years)) {
        // A year whose file is gone or not whole is parsed again.
        if (statSync(join(this.#folder, index.file), { throwIfNoEntry: false })?.size !== index.size) continue;
        this.#previousYears.set(year, index);
        for (const [key, date] of index.parses) this.#previous.set(key, { date, parse: null });
      }
    } catch {
      // No cache yet, or one cut short or this Node cannot read: everything is parsed.
      this.#previous.clear();
      this.#previousYears.clear();
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
    if (kept.parse === null) this.#readYear(yearOf(kept.date));
    if (kept.parse === null) throw new Error(`${PARSES_FOLDER}: the parses of ${yearOf(kept.date)} do not hold ${key}`);
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
    const same = <T>(next: Map<string, T>, previous: Map<string, unknown>) => next.size === previous.size && [...next].every(([key, value]) => value === previous.get(key));
    return same(this.#next, this.#previous) && same(this.#nextIssues, this.#previousIssues);
  }

  /**
   * Writes what this run keeps: each year's parses whose set changed into a file of its own, then
   * the cache file that names them, then removes the year files it no longer names. Until the
   * cache file is replaced, the last run's names only files that are still there.
   */
  store(): void {
    const years = new Map<string, [string, CachedParse][]>();
    for (const [key, parse] of byKey(this.#next)) {
      const year = yearOf(parse.date);
      let parses = years.get(year);
      if (!parses) years.set(year, (parses = []));
      parses.push([key, parse]);
    }
    const index: Record<string, YearIndex> = {};
    for (const [year, parses] of [...years].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = `${year}-${createHash("sha256").update(this.#version).update(parses.map(([key]) => key).join("\n")).digest("hex").slice(0, 16)}`;
      const previous = this.#previousYears.get(year);
      const entries: [string, string][] = parses.map(([key, { date }]) => [key, date]);
      if (previous?.file === file) {
        index[year] = previous;
        continue;
      }
      // Parses kept from the last run whose bytes were not read are in their year's file, read once.
      if (parses.some(([, parse]) => parse.parse === null)) this.#readYear(year);
      const path = join(this.#folder, file);
      writeChunksAtomic(path, this.#yearChunks(parses));
      index[year] = { file, size: statSync(path).size, parses: entries };
    }
    const header: Header = { version: this.#version, layout: LAYOUT, years: index };
    writeChunksAtomic(this.#file, this.#cacheChunks(header));
    const named = new Set(Object.values(index).map((year) => year.file));
    for (const file of existsSync(this.#folder) ? readdirSync(this.#folder) : []) if (!named.has(file)) rmSync(join(this.#folder, file), { force: true });
  }

  /** Reads the last run's parses of `year` into their entries (shared by #previous and #next). */
  #readYear(year: string): void {
    const index = this.#previousYears.get(year);
    if (!index) return;
    const entries = [...frames(readFileSync(join(this.#folder, index.file)))];
    for (let i = 0; i + 1 < entries.length; i += 2) {
      const stored = this.#previous.get(text(entries[i]!));
      if (stored && stored.parse === null) stored.parse = entries[i + 1]!;
    }
  }

  *#yearChunks(parses: [string, CachedParse][]): Generator<Uint8Array> {
    for (const [key, { date, parse }] of parses) {
      if (parse === null) throw new Error(`${PARSES_FOLDER}: the parses of ${yearOf(date)} do not hold ${key}`);
      yield* frame(Buffer.from(key, "latin1"));
      yield* frame(parse instanceof Uint8Array ? parse : serialize(parse));
    }
  }

  *#cacheChunks(header: Header): Generator<Uint8Array> {
    yield* frame(serialize(header));
    for (const [date, memo] of byKey(this.#nextIssues)) {
      yield* frame(Buffer.from(date, "latin1"));
      yield* frame(memo instanceof Uint8Array ? memo : serialize(memo));
    }
  }
}
