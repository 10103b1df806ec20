/**
 * Parses issue files on worker threads. Each worker loads the page knowledge and the
 * gazetteer once, then takes files one at a time from a shared queue, so a few huge
 * pages do not leave the other workers idle. A worker's parse is the ParsedIssue the run's
 * own thread would make (parse-file.ts), copied back whole.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import type { ParseResult } from "./parse-file.ts";

interface WorkerSetup {
  inDir: string;
  dataDir: string;
}

/** The parses of `files` (relative to `inDir`), in their order; `onFile` counts the files done. */
export async function parseInWorkers(inDir: string, dataDir: string, files: readonly string[], workerCount: number, onFile: (done: number) => void): Promise<ParseResult[]> {
  const results: ParseResult[] = new Array<ParseResult>(files.length);
  if (files.length === 0) return results;
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { inDir, dataDir } satisfies WorkerSetup });
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.postMessage({ index, source: files[index] });
      };
      worker.on("message", (message: { index: number; result: ParseResult }) => {
        results[message.index] = message.result;
        onFile(++done);
        feed();
      });
      worker.on("error", reject);
      worker.on("online", feed);
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workerCount, files.length)) }, runWorker));
  return results;
}

async function serveParses(): Promise<void> {
  const { inDir, dataDir } = workerData as WorkerSetup;
  const [{ loadPageKnowledge }, { parseIssueBytes }, { articleLocator }] = await Promise.all([
    import("./page-knowledge.ts"),
    import("./parse-file.ts"),
    import("../places/article-locator.ts"),
  ]);
  const knowledge = loadPageKnowledge(dataDir);
  parentPort!.on("message", ({ index, source }: { index: number; source: string }) => {
    parentPort!.postMessage({ index, result: parseIssueBytes(source, readFileSync(join(inDir, source)), knowledge, articleLocator) });
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.dataDir !== undefined) {
  void serveParses();
}
