/**
 * Parses issue files on worker threads. Each worker loads the page knowledge and the
 * gazetteer once, then takes files one at a time from a shared queue, so a few huge
 * pages do not leave the other workers idle.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import type { ParseResult } from "./parse-file.ts";

export type WorkerParseResult = ParseResult;

interface WorkerSetup {
  inDir: string;
  dataDir: string;
}

export async function parseInWorkers(
  inDir: string,
  dataDir: string,
  files: string[],
  workerCount: number,
  onFile: (done: number) => void,
): Promise<{ source: string; result: WorkerParseResult }[]> {
  const results: { source: string; result: WorkerParseResult }[] = new Array(files.length);
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
      worker.on("message", (message: { index: number; result: WorkerParseResult }) => {
        results[message.index] = { source: files[message.index]!, result: message.result };
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
  const [{ loadPageKnowledge }, { parseIssueBytes }, { articleLocator }, { bodyMarkdown }] = await Promise.all([
    import("./page-knowledge.ts"),
    import("./parse-file.ts"),
    import("../places/article-locator.ts"),
    import("./markdown.ts"),
  ]);
  const knowledge = loadPageKnowledge(dataDir);
  parentPort!.on("message", ({ index, source }: { index: number; source: string }) => {
    const result = parseIssueBytes(source, readFileSync(join(inDir, source)), knowledge, articleLocator);
    if (result.ok) {
      // The page text is not needed any more; do not copy it back to the main thread.
      result.parsed.issue.text = "";
      for (const article of result.parsed.articles) {
        article.bodyMarkdown = bodyMarkdown(article.body);
        // Only the written Markdown goes back: copying messages costs more than parsing.
        article.body = [];
      }
    }
    parentPort!.postMessage({ index, result });
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.dataDir !== undefined) {
  void serveParses();
}
