/**
 * Worker threads for the run: they parse issue files beside the run's own thread, then write
 * the article files while the run's thread renders them. They are started before the run loads
 * the parser, so that each loads it (the page knowledge, the gazetteer, the pinyin dictionary)
 * while the run's thread does too. A worker's parse is the ParsedIssue the run's own thread would
 * make (parse-file.ts), copied back whole. Parsing and writing are shared out from one queue
 * each, which the run's thread draws on too when it has nothing else to do, so no thread waits
 * on a busy one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { localOutputFiles, type OutputFiles } from "./output-files.ts";
import type { FileParse, ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";

interface WorkerSetup {
  inDir: string;
  dataDir: string;
}

/** Article files to write: their paths, and their bytes one after the other. */
interface WriteBatch {
  paths: string[];
  lengths: number[];
  data: Uint8Array;
}

type ToWorker = { type: "parse"; index: number; source: string } | ({ type: "write" } & WriteBatch);
type FromWorker =
  | { type: "parsed"; index: number; parsed: Uint8Array }
  | { type: "unread"; index: number; result: ParseResult }
  | { type: "written" }
  | { type: "failed"; message: string };

/** Files a worker is given ahead, so it does not wait while the run's thread parses one of its own. */
const PARSE_AHEAD = 3;
/** Article files in a batch: a message costs more than the bytes it carries. */
const WRITE_BATCH_FILES = 128;
/** Batches a worker is given ahead. */
const WRITE_AHEAD = 2;

interface PoolWorker {
  worker: Worker;
  /** Parses asked of it and not yet back. */
  parsing: number;
  /** Write batches sent to it and not yet done. */
  writing: number;
}

/** Lets the workers' messages in. */
const yieldToMessages = () => new Promise((resolve) => setImmediate(resolve));

export class ParseWorkers {
  readonly #workers: PoolWorker[];
  #failure: Error | null = null;
  #onParsed: ((worker: PoolWorker, index: number, parse: FileParse) => void) | null = null;
  /** Called whenever a worker reports: a waiting loop looks again. */
  #onReport: (() => void) | null = null;
  /** Write batches not yet taken by any thread; the last one is being filled. */
  readonly #writes: { paths: string[]; chunks: Uint8Array[] }[] = [];
  /** Removals, done once every write is. */
  readonly #removals: { path: string; root: string }[] = [];

  /** Starts `count` workers for the issue files of `inDir`, with the page knowledge of `dataDir`. */
  constructor(count: number, setup: WorkerSetup) {
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: setup });
      const entry: PoolWorker = { worker, parsing: 0, writing: 0 };
      worker.on("message", (message: FromWorker) => this.#receive(entry, message));
      worker.on("error", (error) => this.#fail(error));
      return entry;
    });
  }

  #receive(entry: PoolWorker, message: FromWorker): void {
    if (message.type === "parsed" || message.type === "unread") {
      entry.parsing--;
      const parse: FileParse =
        message.type === "parsed" ? { result: { ok: true, parsed: deserialize(message.parsed) as ParsedIssue }, serialized: message.parsed } : { result: message.result, serialized: null };
      this.#onParsed?.(entry, message.index, parse);
    } else if (message.type === "written") {
      entry.writing--;
      this.#sendWrites(entry, false);
    } else {
      this.#fail(new Error(message.message));
    }
    this.#onReport?.();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#onReport?.();
  }

  /** Resolves when `done` holds after a worker's report (or now); rejects on a worker's failure. */
  #until(done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.#failure) reject(this.#failure);
        else if (done()) resolve();
        else return;
        this.#onReport = null;
      };
      this.#onReport = check;
      check();
    });
  }

  /**
   * The parses of `files`, in their order. The workers take files from one queue, a few at a
   * time; `parseHere`, when given, takes them on this thread too, one at a time between the
   * workers' results. `onFile` counts the files done.
   */
  async parse(files: readonly string[], parseHere: ((source: string) => ParseResult) | null, onFile: (done: number, source: string) => void): Promise<FileParse[]> {
    const parses = new Array<FileParse>(files.length);
    let next = 0;
    let done = 0;
    const feed = (entry: PoolWorker) => {
      while (entry.parsing < PARSE_AHEAD && next < files.length) {
        const index = next++;
        entry.parsing++;
        entry.worker.postMessage({ type: "parse", index, source: files[index]! } satisfies ToWorker);
      }
    };
    this.#onParsed = (entry, index, parse) => {
      parses[index] = parse;
      onFile(++done, files[index]!);
      feed(entry);
    };
    for (const entry of this.#workers) feed(entry);
    while (parseHere && next < files.length && !this.#failure) {
      const index = next++;
      parses[index] = { result: parseHere(files[index]!), serialized: null };
      onFile(++done, files[index]!);
      await yieldToMessages();
    }
    await this.#until(() => this.#workers.every((w) => w.parsing === 0));
    this.#onParsed = null;
    return parses;
  }

  /** Sends full write batches to a worker with room for them (`all`: the last, partly filled one too). */
  #sendWrites(entry: PoolWorker, all: boolean): void {
    while (entry.writing < WRITE_AHEAD && (this.#writes.length > 1 || (all && this.#writes.length === 1))) {
      const { paths, chunks } = this.#writes.shift()!;
      const data = Buffer.concat(chunks);
      // A small Buffer is a view of a shared pool, which must not be handed over.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      entry.writing++;
      entry.worker.postMessage({ type: "write", paths, lengths: chunks.map((c) => c.byteLength), data } satisfies ToWorker, own ? [data.buffer] : []);
    }
  }

  /**
   * Output files written by the workers, in batches, while this thread goes on; removals wait
   * until every write is done, so that no removed folder is one a write still goes into. `close`
   * finishes them, this thread writing batches too.
   */
  outputFiles(): OutputFiles {
    return {
      write: (path, data) => {
        let batch = this.#writes.at(-1);
        if (!batch || batch.paths.length >= WRITE_BATCH_FILES) {
          this.#writes.push((batch = { paths: [], chunks: [] }));
          // The batch before this one is full: it can go.
          for (const entry of this.#workers) this.#sendWrites(entry, false);
        }
        batch.paths.push(path);
        batch.chunks.push(data);
      },
      remove: (path, root) => void this.#removals.push({ path, root }),
    };
  }

  /** Finishes the writes and removals asked (this thread taking a share), then stops the workers; rejects with a worker's failure. */
  async close(): Promise<void> {
    try {
      const here = localOutputFiles();
      for (const entry of this.#workers) this.#sendWrites(entry, true);
      while (this.#writes.length > 0 && !this.#failure) {
        const { paths, chunks } = this.#writes.pop()!;
        paths.forEach((path, i) => here.write(path, chunks[i]!));
        await yieldToMessages();
        for (const entry of this.#workers) this.#sendWrites(entry, true);
      }
      await this.#until(() => this.#workers.every((w) => w.parsing === 0 && w.writing === 0));
      for (const { path, root } of this.#removals.splice(0)) here.remove(path, root);
    } finally {
      await Promise.all(this.#workers.map((entry) => entry.worker.terminate()));
    }
  }
}

async function serveRun(): Promise<void> {
  const { inDir, dataDir } = workerData as WorkerSetup;
  const [{ loadPageKnowledge }, { parseIssueBytes }, { articleLocator }] = await Promise.all([
    import("./page-knowledge.ts"),
    import("./parse-file.ts"),
    import("../places/article-locator.ts"),
  ]);
  const knowledge = loadPageKnowledge(dataDir);
  const files = localOutputFiles();
  const reply = (message: FromWorker) => parentPort!.postMessage(message);
  parentPort!.on("message", (message: ToWorker) => {
    try {
      if (message.type === "parse") {
        const result = parseIssueBytes(message.source, readFileSync(join(inDir, message.source)), knowledge, articleLocator);
        if (!result.ok) return reply({ type: "unread", index: message.index, result });
        // Serialized here, on this thread: the run keeps these very bytes in the parse cache.
        const parsed = serialize(result.parsed);
        const own = parsed.byteOffset === 0 && parsed.byteLength === parsed.buffer.byteLength;
        return parentPort!.postMessage({ type: "parsed", index: message.index, parsed } satisfies FromWorker, own ? [parsed.buffer] : []);
      }
      let offset = 0;
      message.paths.forEach((path, i) => {
        const length = message.lengths[i]!;
        files.write(path, message.data.subarray(offset, offset + length));
        offset += length;
      });
      reply({ type: "written" });
    } catch (error) {
      reply({ type: "failed", message: (error as Error).message });
    }
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.dataDir !== undefined) {
  void serveRun();
}
