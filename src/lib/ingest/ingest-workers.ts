/**
 * Worker threads for the run: they write the article files while the run's thread goes on
 * parsing and rendering, and, when started to parse, parse issue files beside it. A parsing
 * worker is started before the run's thread loads the parser, so that the two load it (the page
 * knowledge, the gazetteer, the pinyin dictionary) at once; it pays for itself only where a core
 * is left beside the run's thread and a writer (docs/scale.md, "The ingest"). A worker's parse is the ParsedIssue the run's own thread
 * would make (parse-file.ts), copied back whole. Parsing and writing are shared out from one
 * queue each, which the run's thread draws on too, so that no thread waits on a busy one.
 */
import { deserialize, serialize } from "node:v8";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { localOutputFiles, type OutputFiles } from "./output-files.ts";
import type { FileParse, ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";

interface WorkerSetup {
  /** The page knowledge's folder, for a worker that parses; null for one that only writes. */
  dataDir: string | null;
}

/** Article files to write: their paths, and their bytes one after the other. */
interface WriteBatch {
  paths: string[];
  lengths: number[];
  data: Uint8Array;
}

type ToWorker = { type: "parse"; index: number; source: string; bytes: Uint8Array } | ({ type: "write" } & WriteBatch);
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

/** Whether the bytes are all of their ArrayBuffer, which can then be handed over rather than copied (a small Buffer is a view of a shared pool). */
const ownBuffer = (bytes: Uint8Array) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/** Lets the workers' messages in. */
const yieldToMessages = () => new Promise((resolve) => setImmediate(resolve));

export class IngestWorkers {
  readonly #workers: PoolWorker[];
  #failure: Error | null = null;
  readonly #parsing: boolean;
  #onParsed: ((worker: PoolWorker, index: number, parse: FileParse) => void) | null = null;
  /** Called whenever a worker reports: a waiting loop looks again. */
  #onReport: (() => void) | null = null;
  /** Write batches not yet taken by any thread; the last one is being filled. */
  readonly #writes: { paths: string[]; chunks: Uint8Array[] }[] = [];
  /** Removals, done once every write is. */
  readonly #removals: { path: string; root: string }[] = [];

  /** Starts `count` workers; with `parse`, they parse too, with the page knowledge of its folder. */
  constructor(count: number, parse: { dataDir: string } | null) {
    this.#parsing = parse !== null;
    const dataDir = parse?.dataDir ?? null;
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { dataDir } satisfies WorkerSetup });
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
   * Parses `files`, each from the bytes `bytesOf` hands over: on this thread with `parseHere`, one
   * at a time between the workers' messages, and on the workers when they parse, a few files at
   * a time from the same queue. `onParsed` takes each parse as it comes, with the count done.
   */
  async parse(
    files: readonly string[],
    bytesOf: (source: string) => Uint8Array,
    parseHere: (source: string) => ParseResult,
    onParsed: (source: string, parse: FileParse, done: number) => void,
  ): Promise<void> {
    let next = 0;
    let done = 0;
    const feed = (entry: PoolWorker) => {
      while (this.#parsing && entry.parsing < PARSE_AHEAD && next < files.length) {
        const index = next++;
        entry.parsing++;
        const source = files[index]!;
        const bytes = bytesOf(source);
        entry.worker.postMessage({ type: "parse", index, source, bytes } satisfies ToWorker, ownBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
      }
    };
    this.#onParsed = (entry, index, parse) => {
      onParsed(files[index]!, parse, ++done);
      feed(entry);
    };
    try {
      for (const entry of this.#workers) feed(entry);
      while (next < files.length && !this.#failure) {
        const source = files[next++]!;
        onParsed(source, { result: parseHere(source), serialized: null }, ++done);
        await yieldToMessages();
      }
      await this.#until(() => this.#workers.every((w) => w.parsing === 0));
    } finally {
      this.#onParsed = null;
    }
  }

  /** Sends full write batches to a worker with room for them (`all`: the last, partly filled one too). */
  #sendWrites(entry: PoolWorker, all: boolean): void {
    while (entry.writing < WRITE_AHEAD && (this.#writes.length > 1 || (all && this.#writes.length === 1))) {
      const { paths, chunks } = this.#writes.shift()!;
      const data = Buffer.concat(chunks);
      entry.writing++;
      entry.worker.postMessage({ type: "write", paths, lengths: chunks.map((c) => c.byteLength), data } satisfies ToWorker, ownBuffer(data) ? [data.buffer] : []);
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
  const { dataDir } = workerData as WorkerSetup;
  // A worker that only writes loads nothing of the parser.
  const parser = dataDir === null ? null : await loadParser(dataDir);
  const files = localOutputFiles();
  const reply = (message: FromWorker) => parentPort!.postMessage(message);
  parentPort!.on("message", (message: ToWorker) => {
    try {
      if (message.type === "parse") {
        const result = parser!(message.source, message.bytes);
        if (!result.ok) return reply({ type: "unread", index: message.index, result });
        // Serialized here, on this thread: the run keeps these very bytes in the parse cache.
        const parsed = serialize(result.parsed);
        return parentPort!.postMessage({ type: "parsed", index: message.index, parsed } satisfies FromWorker, ownBuffer(parsed) ? [parsed.buffer] : []);
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

/** The parser of a worker that parses: an issue file's bytes → its parse, as parse-file.ts makes it. */
async function loadParser(dataDir: string): Promise<(source: string, bytes: Uint8Array) => ParseResult> {
  const [{ loadPageKnowledge }, { parseIssueBytes }, { articleLocator }] = await Promise.all([
    import("./page-knowledge.ts"),
    import("./parse-file.ts"),
    import("../places/article-locator.ts"),
  ]);
  const knowledge = loadPageKnowledge(dataDir);
  return (source, bytes) => parseIssueBytes(source, bytes, knowledge, articleLocator);
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.dataDir !== undefined) {
  void serveRun();
}
