/**
 * What a content sync saw of each article file it stored: size, modification time and inode.
 * The next sync reads only files whose signature differs, as git's index does with its stat data.
 *
 * A file written again in place, to the same size, within the same tick of the file system's
 * clock as it was read would keep its signature ("racy" in git's words). So a signature is
 * trusted only when the file was last modified a margin before the sync that saw it began;
 * newer files are read again (and then trusted by the sync after).
 */
import type { Stats } from "node:fs";

/** Larger than the tick of any file system clock a build runs on (ext4, APFS, NTFS; FAT's 2 s aside). */
export const RACY_MARGIN_MS = 1000;

/** A file's size, modification time (ms, with its fraction) and inode, as one string. */
export function fileSignature(stat: Pick<Stats, "size" | "mtimeMs" | "ino">): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

function modifiedMs(signature: string): number {
  return Number(signature.split(":")[1]);
}

interface Serialized {
  /** When the sync that saw these files began (ms since the epoch). */
  syncedAt: number;
  /** Signature by file. */
  files: Record<string, string>;
}

/** The signatures of the last sync, and this sync's as it keeps them. */
export class FileStats {
  readonly #previous: Map<string, string>;
  readonly #previousSyncAt: number;
  readonly #next = new Map<string, string>();
  readonly #syncAt: number;

  private constructor(previous: Map<string, string>, previousSyncAt: number, syncAt: number) {
    this.#previous = previous;
    this.#previousSyncAt = previousSyncAt;
    this.#syncAt = syncAt;
  }

  /** The last sync's signatures as `serialize` wrote them (none when missing or unreadable), for a sync beginning at `syncAt`. */
  static parse(text: string | undefined, syncAt: number): FileStats {
    let parsed: Serialized | null;
    try {
      parsed = text === undefined ? null : (JSON.parse(text) as Serialized);
    } catch {
      parsed = null;
    }
    const valid = parsed !== null && typeof parsed.syncedAt === "number" && typeof parsed.files === "object" && parsed.files !== null;
    return new FileStats(valid ? new Map(Object.entries(parsed!.files)) : new Map(), valid ? parsed!.syncedAt : 0, syncAt);
  }

  /** True when the last sync saw `file` with this signature, modified well before that sync began. */
  unchanged(file: string, signature: string): boolean {
    return this.#previous.get(file) === signature && modifiedMs(signature) < this.#previousSyncAt - RACY_MARGIN_MS;
  }

  /** Records what this sync saw of a file it stored. */
  keep(file: string, signature: string): void {
    this.#next.set(file, signature);
  }

  /** This sync's signatures, for the next sync's `parse`. */
  serialize(): string {
    const serialized: Serialized = { syncedAt: this.#syncAt, files: Object.fromEntries(this.#next) };
    return JSON.stringify(serialized);
  }
}
