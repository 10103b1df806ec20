/**
 * What the last run learned from each issue file's bytes, by the file's signature (size,
 * modification time, inode: ../file-stats.ts): its parse's cache key (parse-cache.ts) and whether
 * it may carry frontmatter. A run reads only the files whose signature changed, so a rebuild of a
 * large archive does not read and hash its whole history to learn that one issue is new. As in
 * the content sync, a file modified within a second before the run began is read again by the
 * next, in case it changed within one tick of the file system's clock. What the bytes told is
 * kept under the parser's version (parse-cache.ts): the code that tells it may change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileSignature, settledSignature } from "../file-stats.ts";
import { writeIfChanged } from "./output-files.ts";

export const FILE_KEYS_FILE = ".ingest-file-keys.json";

/** What the bytes of a file told the last run. */
export interface KnownFile {
  /** ParseCache.key of the file's name and bytes. */
  key: string;
  /** Whether its date is not settled by its name alone (issue-file.ts, mayHaveFrontmatter). */
  undated: boolean;
}

/** [signature, key, undated] by file, as stored, with the version that made them. */
interface Stored {
  version: string;
  files: Record<string, [string, string, boolean]>;
}

export class IssueFileKeys {
  readonly #file: string;
  readonly #previous: Map<string, [string, string, boolean]>;
  readonly #next = new Map<string, [string, string, boolean]>();
  readonly #runAt: number;
  readonly #version: string;

  /**
   * What the last run kept beside its output in `outDir` (nothing when missing, unreadable or of
   * another parser version), for a run beginning at `runAt`.
   */
  constructor(outDir: string, runAt: number, version: string) {
    this.#file = join(outDir, FILE_KEYS_FILE);
    this.#runAt = runAt;
    this.#version = version;
    let stored: Partial<Stored> | null;
    try {
      stored = JSON.parse(readFileSync(this.#file, "utf8")) as Partial<Stored> | null;
    } catch {
      stored = null;
    }
    const files = stored?.version === version && typeof stored.files === "object" && stored.files !== null ? stored.files : {};
    this.#previous = new Map(Object.entries(files).filter(([, entry]) => Array.isArray(entry) && entry.length === 3));
  }

  /** What the file's bytes told the last run, when its signature is the one it had then. */
  known(source: string, stat: Parameters<typeof fileSignature>[0]): KnownFile | undefined {
    const entry = this.#previous.get(source);
    if (!entry || entry[0] !== fileSignature(stat)) return undefined;
    return { key: entry[1], undated: entry[2] };
  }

  /** Keeps what the file's bytes told this run, unless the file is too new for its signature to be trusted. */
  keep(source: string, stat: Parameters<typeof fileSignature>[0], known: KnownFile): void {
    const signature = settledSignature(stat, this.#runAt);
    if (signature !== null) this.#next.set(source, [signature, known.key, known.undated]);
  }

  /** Writes what this run kept, when it differs from what the file holds. */
  write(): void {
    const sorted = [...this.#next].sort(([a], [b]) => (a < b ? -1 : 1));
    writeIfChanged(this.#file, `${JSON.stringify({ version: this.#version, files: Object.fromEntries(sorted) } satisfies Stored)}\n`);
  }
}
