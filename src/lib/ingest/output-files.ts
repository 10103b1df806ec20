/**
 * Files of the output folder, as the run changes them: a reader (the site's dev server, a
 * build started meanwhile) never sees half a file, and a folder left empty does not stay.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Where the run's article files go: written and removed on this thread, or handed to a worker thread (ingest-workers.ts). */
export interface OutputFiles {
  /** Writes the file atomically, making its folder when needed. */
  write(path: string, data: Uint8Array): void;
  /** Removes the file and the folders it leaves empty, up to `root`. */
  remove(path: string, root: string): void;
}

/** Writes next to the target, then renames. `knownDirs` holds folders already made, to make each once. */
export function writeFileAtomic(path: string, data: string | Uint8Array, knownDirs?: Set<string>): void {
  const dir = dirname(path);
  if (!knownDirs?.has(dir)) {
    mkdirSync(dir, { recursive: true });
    knownDirs?.add(dir);
  }
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Writes the chunks one after the other, atomically as writeFileAtomic: a large file is never whole in memory. */
export function writeChunksAtomic(path: string, chunks: Iterable<Uint8Array>): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    for (const chunk of chunks) for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/**
 * Writes only when the file does not already hold `content`, so its time and inode stay when nothing
 * changed. A file of another size is not read: at 100,000 articles the parse report is 48 MB and
 * the manifest 21 MB, and a new issue changes both.
 */
export function writeIfChanged(path: string, content: string | Uint8Array): void {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === bytes.byteLength && readFileSync(path).equals(bytes)) return;
  writeFileAtomic(path, bytes);
}

/** Removes a file of the folder `root`, then each of its parent folders that is left empty, up to `root`. */
export function removeWithEmptyParents(file: string, root: string): void {
  rmSync(file, { force: true });
  const top = resolve(root);
  let dir = dirname(resolve(file));
  while (dir.startsWith(top) && dir !== top) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/** Output files written and removed on this thread, in the order asked. */
export function localOutputFiles(): OutputFiles {
  const knownDirs = new Set<string>();
  return {
    write: (path, data) => writeFileAtomic(path, data, knownDirs),
    remove: (path, root) => {
      removeWithEmptyParents(path, root);
      // The folders may be gone now: a later write makes its folder again.
      knownDirs.clear();
    },
  };
}
