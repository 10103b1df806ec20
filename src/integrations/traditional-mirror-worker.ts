/**
 * One worker of the Traditional mirror (traditional-mirror.ts): converts its share of the built
 * pages and writes their twins. Runs under Node's own TypeScript support, outside Vite.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { toTraditionalPage } from "../lib/site/traditional.ts";

export interface MirrorJob {
  /** The build output directory. */
  root: string;
  /** Directory of the mirror inside it ("zh-hant"). */
  prefix: string;
  site: string;
  /** HTML files relative to root. */
  files: string[];
  /**
   * Where converted pages are kept between builds, keyed by the Simplified page's content and
   * the converter's own version: a rebuild converts only the pages that changed. Null: no cache.
   */
  cache: { dir: string; converterVersion: string } | null;
}

export interface MirrorResult {
  pages: number;
  /** Pages taken from the cache instead of converted. */
  reused: number;
  /** The pages mirrored, in the order of cacheKeys. */
  files: string[];
  /** The cache file of each page (so the rest can be pruned). */
  cacheKeys: string[];
  /** Milliseconds spent converting (not reading or writing). */
  converting: number;
}

/** Pages converted between awaits on file I/O; bounds memory, keeps the disk busy. */
const BATCH = 64;

export async function mirrorPages({ root, prefix, site, files, cache }: MirrorJob): Promise<MirrorResult> {
  let converting = 0;
  let reused = 0;
  const done: string[] = [];
  const cacheKeys: string[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const pages = await Promise.all(batch.map((file) => readFile(path.join(root, file), "utf8")));
    const keys = cache ? pages.map((html) => createHash("sha256").update(cache.converterVersion).update(site).update(html).digest("hex").slice(0, 32)) : [];
    const cached = cache ? await Promise.all(keys.map((key) => readFile(path.join(cache.dir, `${key}.html`), "utf8").catch(() => null))) : [];
    const started = performance.now();
    const converted = pages.map((html, j) => cached[j] ?? toTraditionalPage(html, { site }));
    converting += performance.now() - started;
    await Promise.all(
      batch.map(async (file, j) => {
        const target = path.join(root, prefix, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, converted[j]!);
        if (!cache) return;
        done.push(file);
        cacheKeys.push(`${keys[j]}.html`);
        if (cached[j] !== null) reused++;
        else await writeFile(path.join(cache.dir, `${keys[j]}.html`), converted[j]!);
      }),
    );
  }
  return { pages: files.length, reused, files: done, cacheKeys, converting };
}

if (parentPort && workerData) {
  const port = parentPort;
  mirrorPages(workerData as MirrorJob).then(
    (result) => port.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
}
