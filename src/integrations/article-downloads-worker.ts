/**
 * The worker thread that writes a build's article downloads (article-downloads-job.ts) while
 * Astro renders the pages: its workerData is the job, its one message what it wrote or why it
 * could not. Runs under Node's own TypeScript support, outside Vite.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeArticleDownloadFiles, type DownloadsJob, type DownloadsWritten } from "./article-downloads-job.ts";

export type DownloadsReport = { written: DownloadsWritten } | { error: string };

const report = (message: DownloadsReport) => parentPort!.postMessage(message);
writeArticleDownloadFiles(workerData as DownloadsJob).then(
  (written) => report({ written }),
  (error: unknown) => report({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
