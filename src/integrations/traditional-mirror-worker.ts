/**
 * One worker thread of the Traditional mirror (traditional-mirror.ts): converts the pages it is
 * sent and writes their twins. A page comes with its bytes while Astro renders (the bytes Astro
 * writes), or as a file to read after the build. Each thread converts a run of text seen on an
 * earlier page from its memo (src/lib/site/traditional.ts), so a thread is kept for the whole
 * build. Runs under Node's own TypeScript support, outside Vite.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
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

/** Writes the twin of one page; resolves to the milliseconds spent converting (not reading or writing). */
export async function mirrorPage({ root, prefix, site }: MirrorSetup, page: MirrorPage): Promise<number> {
  const html = page.bytes ? Buffer.from(page.bytes).toString("utf8") : await readFile(path.join(root, page.file), "utf8");
  const started = performance.now();
  const twin = toTraditionalPage(html, { site });
  const converting = performance.now() - started;
  const target = path.join(root, prefix, page.file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, twin);
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
    mirrorPage(setup, page).then(
      (ms) => {
        files.push(page.file);
        converting += ms;
        if (!reporting) {
          reporting = true;
          setImmediate(report);
        }
      },
      (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies MirrorReport),
    );
  });
}
