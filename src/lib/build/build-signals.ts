/**
 * What `npm run build` tells the site and the search index while they run beside the ingest.
 *
 * Both start with the ingest instead of after it: Astro's start-up (Node, its config and
 * integrations, ~3 s) and the index's (its modules) read no article, so they overlap the ingest's
 * seconds, and each waits for "ingest-done" just before it reads the articles folder. The index
 * also hears "site-done": the memory Astro held is then free for a second Pagefind process
 * (docs/scale.md, "The build's start and end").
 *
 * The build passes a pipe as the child's file descriptor `ARCHIVE_BUILD_SIGNALS` (3) and writes
 * one signal a line. A child started any other way (npm run index, astro build, astro dev) has no
 * such pipe: it reads the articles at once, and never hears "site-done".
 */
import type { ChildProcess, IOType } from "node:child_process";
import { Socket } from "node:net";
import type { Writable } from "node:stream";

export type BuildSignal = "ingest-done" | "site-done";

/** The variable naming the file descriptor a child reads its signals from. */
export const BUILD_SIGNALS_VARIABLE = "ARCHIVE_BUILD_SIGNALS";
/** The descriptor the build gives the pipe: the first after stdin, stdout and stderr. */
const SIGNALS_FD = 3;

/** spawn()'s env and stdio for a child that hears the build's signals; `stdio` gives descriptors 0–2. */
export function signalledChild(env: NodeJS.ProcessEnv, stdio: [IOType, IOType, IOType]): { env: NodeJS.ProcessEnv; stdio: IOType[] } {
  return { env: { ...env, [BUILD_SIGNALS_VARIABLE]: String(SIGNALS_FD) }, stdio: [...stdio, "pipe"] };
}

/**
 * Sends `signal` to a child started with signalledChild's stdio. A child that has exited is not
 * an error: it no longer needs to hear anything.
 */
export function sendSignal(child: ChildProcess, signal: BuildSignal): void {
  const pipe = signalPipe(child);
  if (!pipe || child.exitCode !== null || child.signalCode !== null) return;
  pipe.write(`${signal}\n`);
}

/**
 * The ingest is over: the site and the index, started beside it, hear "ingest-done" if it wrote
 * the articles (`ok`), and the site hears nothing more. If it did not, both pipes close, and
 * both stop before reading the articles.
 */
export function ingestFinished(children: { site: ChildProcess | null; index: ChildProcess | null }, ok: boolean): void {
  for (const child of [children.site, children.index]) {
    if (!child) continue;
    if (ok) sendSignal(child, "ingest-done");
    if (child === children.site || !ok) endSignals(child);
  }
}

/** The site is built: the index hears "site-done", and nothing more. */
export function siteFinished(index: ChildProcess | null): void {
  if (!index) return;
  sendSignal(index, "site-done");
  endSignals(index);
}

/** Closes a child's signal pipe: it will hear nothing more. */
export function endSignals(child: ChildProcess): void {
  signalPipe(child)?.end();
}

/** The write end of a child's signal pipe; a child that exits meanwhile makes a write fail, which is not an error here. */
function signalPipe(child: ChildProcess): Writable | null {
  const pipe = (child.stdio[SIGNALS_FD] as Writable | null | undefined) ?? null;
  if (pipe && pipe.listenerCount("error") === 0) pipe.on("error", () => {});
  return pipe;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The signals this process has heard, and who waits for the others; null when the build passed no pipe. */
let channel: { heard: Set<BuildSignal>; waiting: Map<BuildSignal, Waiter[]>; ended: boolean; socket: Socket } | null | undefined;

function openChannel(env: NodeJS.ProcessEnv): typeof channel {
  const value = env[BUILD_SIGNALS_VARIABLE];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const fd = Number(value);
  const socket = new Socket({ fd, readable: true, writable: false });
  const opened = { heard: new Set<BuildSignal>(), waiting: new Map<BuildSignal, Waiter[]>(), ended: false, socket };
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end !== -1; end = buffered.indexOf("\n")) {
      const signal = buffered.slice(0, end) as BuildSignal;
      buffered = buffered.slice(end + 1);
      opened.heard.add(signal);
      for (const waiter of opened.waiting.get(signal) ?? []) waiter.resolve();
      opened.waiting.delete(signal);
    }
    keepAliveWhileWaited(opened);
  });
  const close = () => {
    opened.ended = true;
    // Only "ingest-done" is worth failing for: without it the articles folder may be half written.
    for (const waiter of opened.waiting.get("ingest-done") ?? []) {
      waiter.reject(new Error(`the build stopped before the ingest finished (no "ingest-done" on descriptor ${fd})`));
    }
    opened.waiting.clear();
    keepAliveWhileWaited(opened);
  };
  socket.on("end", close);
  socket.on("error", close);
  keepAliveWhileWaited(opened);
  return opened;
}

/**
 * The pipe keeps the process alive only while someone waits for "ingest-done": otherwise a child
 * that has finished its work would wait for the build to close the pipe before exiting.
 */
function keepAliveWhileWaited(opened: NonNullable<typeof channel>): void {
  if (!opened.ended && (opened.waiting.get("ingest-done")?.length ?? 0) > 0) opened.socket.ref();
  else opened.socket.unref();
}

/**
 * Resolves when the build sends `signal`; null when this process was not started by the build
 * (nothing to wait for). Waiting for "ingest-done" fails if the build closes the pipe without it.
 */
export function buildSignal(signal: BuildSignal, env: NodeJS.ProcessEnv = process.env): Promise<void> | null {
  channel ??= openChannel(env);
  if (!channel) return null;
  if (channel.heard.has(signal)) return Promise.resolve();
  const opened = channel;
  return new Promise<void>((resolve, reject) => {
    if (opened.ended) {
      if (signal === "ingest-done") reject(new Error(`the build stopped before the ingest finished`));
      return;
    }
    opened.waiting.set(signal, [...(opened.waiting.get(signal) ?? []), { resolve, reject }]);
    keepAliveWhileWaited(opened);
  });
}

/** Waits until the ingest has written the articles, when the build started this process beside it. */
export async function afterIngest(): Promise<void> {
  await buildSignal("ingest-done");
}
