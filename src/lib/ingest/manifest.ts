/**
 * What the last run wrote (.ingest-manifest.json in the articles folder): each article's path,
 * the hash of its text, its issue file and its parser id. The next run rewrites only articles
 * whose text changed, removes those no issue yields any more, and gives each article its path.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST_FILE = ".ingest-manifest.json";

export interface ManifestEntry {
  /** contentHash of the article's text. */
  hash: string;
  /** The issue file the article came from. */
  source: string;
  /** The id the parser gave it (its headline's slug, unique within its page), before ids were made unique across the date. */
  base?: string;
}

export interface Manifest {
  /** Article path (relative to the articles folder) → what was written there. */
  articles: Record<string, ManifestEntry>;
}

/** The hash the manifest keeps of a file's text (or its UTF-8 bytes): 16 hex digits of its SHA-256. */
export function contentHash(text: string | Uint8Array): string {
  return hash("sha256", text, "hex").slice(0, 16);
}

/** The manifest of the last run in `outDir`; an empty one when there is none or it cannot be read. */
export function readManifest(outDir: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
    return parsed && typeof parsed.articles === "object" ? parsed : { articles: {} };
  } catch {
    return { articles: {} };
  }
}

/** The manifest as written: paths in order, so an unchanged archive gives the same bytes. */
export function manifestText(manifest: Manifest): string {
  const sorted: Manifest = { articles: Object.fromEntries(Object.entries(manifest.articles).sort(([a], [b]) => (a < b ? -1 : 1))) };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
