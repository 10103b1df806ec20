/**
 * node scripts/lockfile-platforms.ts
 *
 * npm records in package-lock.json only the platform binaries it could resolve. When the
 * registry in use lacks other platforms' builds (Astro's compiler bindings, Pagefind),
 * `npm ci` rejects the lockfile as out of sync. This adds an entry for each missing
 * optional binary, with its os/cpu, so npm skips it on other platforms.
 */
import { readFileSync, writeFileSync } from "node:fs";

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

const PLATFORMS: [suffix: string, os: string | null, cpu: string, libc: string | null][] = [
  ["android-arm64", "android", "arm64", null],
  ["darwin-arm64", "darwin", "arm64", null],
  ["darwin-x64", "darwin", "x64", null],
  ["linux-arm64-gnu", "linux", "arm64", "glibc"],
  ["linux-arm64-musl", "linux", "arm64", "musl"],
  ["linux-x64-gnu", "linux", "x64", "glibc"],
  ["linux-x64-musl", "linux", "x64", "musl"],
  ["linux-arm64", "linux", "arm64", null],
  ["linux-x64", "linux", "x64", null],
  ["wasm32-wasi", null, "wasm32", null],
  ["win32-arm64-msvc", "win32", "arm64", null],
  ["win32-x64-msvc", "win32", "x64", null],
  ["windows-arm64", "win32", "arm64", null],
  ["windows-x64", "win32", "x64", null],
  ["freebsd-x64", "freebsd", "x64", null],
];

const path = "package-lock.json";
const lock = JSON.parse(readFileSync(path, "utf8")) as { packages: Record<string, LockEntry> };
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = PLATFORMS.find(([suffix]) => name.endsWith(suffix));
    if (!platform) continue;
    const [, os, cpu, libc] = platform;
    lock.packages[key] = { version, optional: true, cpu: [cpu], ...(os ? { os: [os] } : {}), ...(libc ? { libc: [libc] } : {}) };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
writeFileSync(path, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(`lockfile-platforms: added ${added} platform entries`);
