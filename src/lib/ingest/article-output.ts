/**
 * The articles folder brought up to date with the run's articles: an article whose text is what
 * the manifest says was written is left as it is, any other is written (atomically), and an
 * article no issue yields any more is removed, unless its issue file failed this run: a file that
 * turns bad keeps its articles until it is fixed or deleted.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { contentHash, type Manifest } from "./manifest.ts";
import type { OutputFiles } from "./output-files.ts";

/** An article file to have in the folder. */
export interface ArticleOutput {
  /** `<date>/<slug>.md`, relative to the articles folder. */
  path: string;
  text: string;
  /** The issue file it came from. */
  source: string;
  /** Its parser id (ManifestEntry.base). */
  base: string;
}

export interface ArticleOutputSummary {
  /** What is in the folder now, for the next run. */
  manifest: Manifest;
  written: number;
  unchanged: number;
  removed: number;
}

/** `files` does the writing and removing (on this thread or a worker's), in the order given. */
export function writeArticles(
  outDir: string,
  articles: readonly ArticleOutput[],
  previous: Manifest,
  failedSources: ReadonlySet<string>,
  files: OutputFiles,
): ArticleOutputSummary {
  const manifest: Manifest = { articles: {} };
  let written = 0;
  let unchanged = 0;
  for (const article of [...articles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const bytes = Buffer.from(article.text);
    const hash = contentHash(bytes);
    const target = join(outDir, article.path);
    if (previous.articles[article.path]?.hash === hash && existsSync(target)) unchanged++;
    else {
      files.write(target, bytes);
      written++;
    }
    manifest.articles[article.path] = { hash, source: article.source, base: article.base };
  }
  let removed = 0;
  for (const [path, entry] of Object.entries(previous.articles)) {
    if (manifest.articles[path]) continue;
    if (failedSources.has(entry.source)) {
      manifest.articles[path] = entry;
      continue;
    }
    files.remove(join(outDir, path), outDir);
    removed++;
  }
  return { manifest, written, unchanged, removed };
}
