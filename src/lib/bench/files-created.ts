/**
 * How many files and folders a build made: the distinct inodes under its output folders, a hard
 * link counted once (the index's bundles are linked from its cache into the site). On the
 * benchmark's machine the kernel's work of creating each one (allocating an inode, a directory
 * entry) is a large and varying part of a build's CPU time (docs/scale.md, "Where the floor
 * comes from"), so the benchmark sets this count beside each stack's system time.
 */
import { existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** Distinct files and folders under each of `roots` (the roots themselves included); a missing root counts nothing. */
export function filesCreated(roots: readonly string[]): number {
  const seen = new Set<string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const note = (file: string) => {
      const stat = lstatSync(file);
      seen.add(`${stat.dev}:${stat.ino}`);
    };
    note(root);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) note(path.join(entry.parentPath, entry.name));
  }
  return seen.size;
}
