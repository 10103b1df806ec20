/**
 * What a content sync saw of each article file it stored: size, modification time and inode.
 * The next sync reads only files whose signature differs, as git's index does with its stat data.
 *
 * A file written again in place, to the same size, within the same tick of the file system's
 * clock as it was read would keep its signature ("racy" in git's words). So a sync keeps the
 * signature of a file only when the file was last modified a margin before the sync began;
 * newer files are read again by the next sync (and kept by it). The signatures change only when
 * files do, so a sync that finds nothing new leaves Astro's data store as it was.
 */
import type { Stats } from "node:fs";

/** Larger than the tick of any file system clock a build runs on (ext4, APFS, NTFS; FAT's 2 s aside). */
export const RACY_MARGIN_MS = 1000;

/** A file's size, modification time (ms, with its fraction) and inode, as one string. */
export function fileSignature(stat: Pick<Stats, "size" | "mtimeMs" | "ino">): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

/**
 * The file's signature when it was last modified a margin before `now`, so that any later change
 * to the file gives another signature; null for a file too new to be known by it (read it).
 */
export function settledSignature(stat: Pick<Stats, "size" | "mtimeMs" | "ino">, now: number): string | null {
  return settled(stat.mtimeMs, now) ? fileSignature(stat) : null;
}

/** Whether a file last modified at `mtimeMs` can no longer change without changing its time, as seen at `now`. */
function settled(mtimeMs: number, now: number): boolean {
  return mtimeMs < now - RACY_MARGIN_MS;
}

function modifiedMs(signature: string): number {
  return Number(signature.split(":")[1]);
}

/** The signatures of the last sync, and this sync's as it keeps them. */
export class FileStats {
  readonly #previous: Map<string, string>;
  readonly #next = new Map<string, string>();
  readonly #syncAt: number;

  private constructor(previous: Map<string, string>, syncAt: number) {
    this.#previous = previous;
    this.#syncAt = syncAt;
  }

  /** The last sync's signatures as `serialize` wrote them (none when missing or unreadable), for a sync beginning at `syncAt`. */
  static parse(text: string | undefined, syncAt: number): FileStats {
    let files: unknown;
    try {
      files = text === undefined ? null : JSON.parse(text);
    } catch {
      files = null;
    }
    const valid = typeof files === "object" && files !== null && !Array.isArray(files);
    return new FileStats(valid ? new Map(Object.entries(files as Record<string, string>)) : new Map(), syncAt);
  }

  /** True when the last sync kept this signature for `file`. */
  unchanged(file: string, signature: string): boolean {
    return this.#previous.get(file) === signature;
  }

  /** Records what this sync saw of a file it stored, unless the file is too new to be trusted next time. */
  keep(file: string, signature: string): void {
    if (settled(modifiedMs(signature), this.#syncAt)) this.#next.set(file, signature);
  }

  /** Drops what this sync kept of `file`: it changed since (in `npm run dev`), and the next sync must read it. */
  forget(file: string): void {
    this.#next.delete(file);
  }

  /** This sync's signatures, for the next sync's `parse`: the same text when the same files are unchanged. */
  serialize(): string {
    return JSON.stringify(Object.fromEntries(this.#next));
  }
}
