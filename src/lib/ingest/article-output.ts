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
  /** Its text, made when it is written: the run holds one article's text at a time, not the archive's. */
  render: () => string;
  /** The issue file it came from. */
  source: string;
  /** Its parser id (ManifestEntry.base). */
  base: string;
}

/** What was written of an issue's articles: each one's manifest entry, by path. */
export interface WrittenArticles {
  entries: Manifest["articles"];
  written: number;
  unchanged: number;
}

/** Writes the articles (of one issue) that are not in the folder as the last run left them; `files` does the writing (on this thread or a worker's). */
export function writeArticles(outDir: string, articles: readonly ArticleOutput[], previous: Manifest, files: OutputFiles): WrittenArticles {
  const entries: Manifest["articles"] = {};
  let written = 0;
  let unchanged = 0;
  for (const article of [...articles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const bytes = Buffer.from(article.render());
    const hash = contentHash(bytes);
    const target = join(outDir, article.path);
    if (previous.articles[article.path]?.hash === hash && existsSync(target)) unchanged++;
    else {
      files.write(target, bytes);
      written++;
    }
    entries[article.path] = { hash, source: article.source, base: article.base };
  }
  return { entries, written, unchanged };
}

/**
 * Removes the articles of the last run that this run did not write, but for those of files that
 * failed this run, which stay with their manifest entries. `manifest` holds this run's articles,
 * and gets the kept entries. Returns how many were removed.
 */
export function removeStaleArticles(outDir: string, previous: Manifest, manifest: Manifest, failedSources: ReadonlySet<string>, files: OutputFiles): number {
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
  return removed;
}
