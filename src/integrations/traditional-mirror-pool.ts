/**
 * The worker threads of the Traditional mirror (traditional-mirror-worker.ts), fed by
 * traditional-mirror.ts: pages as Astro renders them, then the pages left after the build.
 * Each thread holds a bounded number of pages at a time, so pages wait on disk, not in memory.
 */
import { Worker } from "node:worker_threads";
import type { MirrorPage, MirrorReport, MirrorSetup } from "./traditional-mirror-worker.ts";
import { workerExecArgv } from "./worker-exec-argv.ts";

/** Pages handed to a thread and not yet written: enough to keep it busy, few enough to hold. */
const IN_FLIGHT = 256;


interface Thread {
  worker: Worker;
  inFlight: number;
}

export class MirrorPool {
  /** The pages whose twins have been written. */
  readonly written = new Set<string>();
  /** Milliseconds the threads spent converting, all together. */
  converting = 0;
  private readonly threads: Thread[] = [];
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;
  private closing = false;
  /** Calls awaiting the threads (mirror, drain): while there are any, the threads keep the process alive. */
  private awaiting = 0;
  private readonly setup: MirrorSetup;

  constructor(setup: MirrorSetup) {
    this.setup = setup;
  }

  get size(): number {
    return this.threads.length;
  }

  /** Starts threads until there are `count`. */
  grow(count: number): void {
    while (this.threads.length < count) this.threads.push(this.start());
  }

  /**
   * Hands a page to the least busy thread, starting the first if there is none; false, and the
   * page not taken, when every thread holds as many pages as it may.
   */
  offer(page: MirrorPage): boolean {
    if (this.failure) return false;
    this.grow(1);
    let thread = this.threads[0]!;
    for (const other of this.threads) if (other.inFlight < thread.inFlight) thread = other;
    if (thread.inFlight >= IN_FLIGHT) return false;
    thread.inFlight++;
    thread.worker.postMessage(page, page.bytes ? [page.bytes] : []);
    return true;
  }

  /** Mirrors every page of `files` (read from disk), waiting for room as the threads write. */
  mirror(files: Iterable<string>): Promise<void> {
    return this.keepingAlive(async () => {
      for (const file of files) {
        while (!this.offer({ file })) await this.change();
      }
      await this.settled();
    });
  }

  /** Resolves once every page handed over has been written; rejects with a thread's failure. */
  drain(): Promise<void> {
    return this.keepingAlive(() => this.settled());
  }

  private async settled(): Promise<void> {
    while (this.threads.some((thread) => thread.inFlight > 0)) await this.change();
    if (this.failure) throw this.failure;
  }

  /**
   * Runs `work` with the threads holding the process open. A thread does not keep the process
   * alive while Astro renders (a failed build must still exit), but must while the mirror waits
   * for it: at the end of a build nothing else is left to, and a process whose event loop runs
   * empty exits, with status 0 and the mirror, the sitemap and the sweep of old files undone.
   */
  private async keepingAlive<T>(work: () => Promise<T>): Promise<T> {
    if (this.awaiting++ === 0) for (const { worker } of this.threads) worker.ref();
    try {
      return await work();
    } finally {
      if (--this.awaiting === 0) for (const { worker } of this.threads) worker.unref();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }

  private start(): Thread {
    const worker = new Worker(new URL("./traditional-mirror-worker.ts", import.meta.url), { workerData: this.setup, execArgv: workerExecArgv() });
    const thread: Thread = { worker, inFlight: 0 };
    worker.on("message", (report: MirrorReport) => {
      if ("error" in report) return this.fail(new Error(`Traditional mirror: ${report.error}`));
      thread.inFlight -= report.files.length;
      for (const file of report.files) this.written.add(file);
      this.converting += report.converting;
      this.wake();
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (!this.closing) this.fail(new Error(`Traditional mirror worker exited with code ${code}`));
    });
    // After the listeners: adding a "message" listener holds the process open again.
    if (this.awaiting === 0) worker.unref();
    return thread;
  }

  /** Resolves when a thread reports; rejects once one has failed. */
  private change(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const { resolve } of waiting) resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = [];
    for (const { reject } of waiting) reject(this.failure);
  }
}
