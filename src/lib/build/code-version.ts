/**
 * A digest of the code that makes an output: every module under src/lib, the lockfile (the
 * libraries it runs on) and any data files it reads. The build caches (the ingest's parses, the
 * search bundles) keep an output only while this digest is unchanged, so a change to the code
 * or a library redoes everything rather than mixing old output with new.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * A digest of every file under `dir` (recursively, in name order), with its name relative to
 * `dir`: the same tree checked out elsewhere (another CI machine) has the same digest.
 */
function hashTree(hash: Hash, dir: string, prefix = ""): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, `${prefix}${entry.name}/`);
    else hash.update(`${prefix}${entry.name}\0`).update(readFileSync(path));
  }
}

/** The version of src/lib and its libraries, with the data files in `dataFiles` (folders or files). */
export function codeVersion(dataFiles: readonly string[] = []): string {
  const hash = createHash("sha256");
  hashTree(hash, new URL("../", import.meta.url).pathname);
  const lockfile = new URL("../../../package-lock.json", import.meta.url).pathname;
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  for (const file of dataFiles) {
    const name = basename(file);
    if (!existsSync(file)) hash.update(`${name}\0missing`);
    else if (statSync(file).isDirectory()) hashTree(hash, file, `${name}/`);
    else hash.update(`${name}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}
