/**
 * One worker of the Traditional mirror (traditional-mirror.ts): converts its share of the built
 * pages and writes their twins. Runs under Node's own TypeScript support, outside Vite.
 */
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
}

export interface MirrorResult {
  pages: number;
  /** Milliseconds spent converting (not reading or writing). */
  converting: number;
}

/** Pages converted between awaits on file I/O; bounds memory, keeps the disk busy. */
const BATCH = 64;

export async function mirrorPages({ root, prefix, site, files }: MirrorJob): Promise<MirrorResult> {
  let converting = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const pages = await Promise.all(batch.map((file) => readFile(path.join(root, file), "utf8")));
    const started = performance.now();
    const converted = pages.map((html) => toTraditionalPage(html, { site }));
    converting += performance.now() - started;
    await Promise.all(
      batch.map(async (file, j) => {
        const target = path.join(root, prefix, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, converted[j]!);
      }),
    );
  }
  return { pages: files.length, converting };
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
