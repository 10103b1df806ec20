/**
 * A digest of the code that makes an output: the modules one stage runs (its entry modules and
 * everything they import, found by following relative imports), the lockfile (the libraries it
 * runs on) and any data files it reads. Each build cache (the ingest's parses, the article store,
 * the search bundles) keeps an output only while its own stage's digest is unchanged, so a change
 * to a chart re-parses nothing and a change to the parser re-indexes nothing it does not feed.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

const LIB_ROOT = fileURLToPath(new URL("../", import.meta.url));
const LOCKFILE = fileURLToPath(new URL("../../../package-lock.json", import.meta.url));

// import … from "./x.ts", export … from "../y.ts", import("./z.ts"), import "./w.ts", new URL("./v.ts", …)
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)["'](\.{1,2}\/[^"']+\.ts)["']/gu;

/** The modules a stage runs: its entry modules and every module they import by a relative path, in name order. */
export function stageModules(entries: readonly (string | URL)[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => (entry instanceof URL ? fileURLToPath(entry) : resolve(entry)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(RELATIVE_IMPORT)) queue.push(resolve(dirname(file), match[1]!));
  }
  return [...seen].sort();
}

/**
 * The version of one stage's code and its libraries, with the data files in `dataFiles` (folders or
 * files). Module names are hashed relative to src/lib, so the same checkout elsewhere (another CI
 * machine) has the same version.
 */
export function codeVersion(entries: readonly (string | URL)[], dataFiles: readonly string[] = []): string {
  const hash = createHash("sha256");
  for (const file of stageModules(entries)) hash.update(`${relative(LIB_ROOT, file).split("\\").join("/")}\0`).update(readFileSync(file));
  if (existsSync(LOCKFILE)) hash.update(readFileSync(LOCKFILE));
  for (const file of dataFiles) {
    const name = basename(file);
    if (!existsSync(file)) hash.update(`${name}\0missing`);
    else if (statSync(file).isDirectory()) hashTree(hash, file, `${name}/`);
    else hash.update(`${name}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}
