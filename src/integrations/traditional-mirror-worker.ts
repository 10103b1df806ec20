/**
 * One worker thread of the Traditional mirror (traditional-mirror.ts): converts the pages it is
 * sent and writes their twins. A page comes with its bytes while Astro renders (the bytes Astro
 * writes), or as a file to read after the build. Each thread converts a run of text seen on an
 * earlier page from its memo (src/lib/site/traditional.ts), so a thread is kept for the whole
 * build. Runs under Node's own TypeScript support, outside Vite.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { toTraditionalPage } from "../lib/site/traditional.ts";

/** What every page of a build shares; the worker's workerData. */
export interface MirrorSetup {
  /** The build output directory. */
  root: string;
  /** Directory of the mirror inside it ("zh-hant"). */
  prefix: string;
  site: string;
}

/** A page to mirror: its HTML file relative to root, and its bytes when they are at hand. */
export interface MirrorPage {
  file: string;
  bytes?: ArrayBuffer;
}

/** What a worker reports: the pages whose twins it has written since its last report, or its failure. */
export type MirrorReport = { files: string[]; converting: number } | { error: string };

/**
 * Writes the twin of one page; returns the milliseconds spent converting (not reading or writing).
 * Synchronous: a thread does nothing else, and the promise-based calls cost more CPU than the
 * writes themselves (docs/scale.md, "The floor on two cores").
 */
export function mirrorPage({ root, prefix, site }: MirrorSetup, page: MirrorPage): number {
  const html = page.bytes ? Buffer.from(page.bytes).toString("utf8") : readFileSync(path.join(root, page.file), "utf8");
  const started = performance.now();
  const twin = toTraditionalPage(html, { site });
  const converting = performance.now() - started;
  const target = path.join(root, prefix, page.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, twin);
  return converting;
}

if (parentPort && workerData) {
  const port = parentPort;
  const setup = workerData as MirrorSetup;
  // A report gathers the pages written in one turn of the event loop: the rendering thread
  // handles a message a batch, not a page.
  let files: string[] = [];
  let converting = 0;
  let reporting = false;
  const report = () => {
    port.postMessage({ files, converting } satisfies MirrorReport);
    files = [];
    converting = 0;
    reporting = false;
  };
  port.on("message", (page: MirrorPage) => {
    try {
      converting += mirrorPage(setup, page);
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies MirrorReport);
      return;
    }
    files.push(page.file);
    if (!reporting) {
      reporting = true;
      setImmediate(report);
    }
  });
}
