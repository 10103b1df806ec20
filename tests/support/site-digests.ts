// Two built sites compared file for file and byte for byte: the build tests' one comparison.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file under `dir` ("/"-separated paths) but those `skip` names, with a digest of its bytes. */
export function siteDigests(dir: string, skip: (relative: string) => boolean = () => false): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join("/");
    if (skip(relative)) continue;
    files.set(relative, createHash("sha256").update(readFileSync(full)).digest("hex"));
  }
  return files;
}

/** Fails listing the files missing from `actual`, extra in it, and different, unless the two sites are the same. */
export function assertSameSite(actual: string, expected: string, skip?: (relative: string) => boolean): void {
  const got = siteDigests(actual, skip);
  const want = siteDigests(expected, skip);
  const missing = [...want.keys()].filter((file) => !got.has(file));
  const extra = [...got.keys()].filter((file) => !want.has(file));
  const different = [...want.keys()].filter((file) => got.has(file) && got.get(file) !== want.get(file));
  assert.deepEqual({ missing, extra, different }, { missing: [], extra: [], different: [] });
}
