/**
 * What creating a file costs the kernel right now, measured by creating some.
 *
 * On ext4 without a journal (this project's machines), a new inode is never given a number whose
 * inode was deleted in the last minute or so (the kernel's `recently_deleted`, a minute, six while
 * the inode table is not yet written back), and every creation walks past all such numbers in
 * its block group. After a build's worth of files is deleted, each new file costs ~0.4 ms of
 * system time instead of ~0.02 ms, until the window passes: a benchmark that deletes its last
 * work folder and then builds measures the deletion, not the build (docs/scale.md, "Files
 * deleted minutes before a build"). A probe of two thousand files lands in a block group or two
 * and can miss the groups a build fills next, so the benchmark also waits out the window after
 * deleting anything itself.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Folders and files a probe makes: a build's pattern of many small files in many folders, enough
 * for the system time of a quiet probe (~40 ms) to span several of the kernel's clock ticks.
 */
const PROBE_FOLDERS = 40;
const PROBE_FILES_PER_FOLDER = 50;
const PROBE_BODY = "探".repeat(1000);

/**
 * Creates PROBE_FOLDERS × PROBE_FILES_PER_FOLDER files under `dir` (which must not exist) and
 * returns the system CPU microseconds this process spent per file. The files stay: deleting them
 * would add to what it measures. `systemMicros` reads the process's system time (injected for tests).
 */
export function probeFileCreation(dir: string, systemMicros: () => number = () => process.cpuUsage().system): number {
  const before = systemMicros();
  for (let f = 0; f < PROBE_FOLDERS; f++) {
    const folder = join(dir, String(f));
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < PROBE_FILES_PER_FOLDER; i++) writeFileSync(join(folder, `${i}.html`), PROBE_BODY);
  }
  return (systemMicros() - before) / (PROBE_FOLDERS * PROBE_FILES_PER_FOLDER);
}

/**
 * Above this, the machine is in the slow state the module's comment describes: quiet, a probe
 * measured 13–27 µs a file here; minutes after a deletion, 56–660 µs.
 */
export const SLOW_FILE_CREATION_US = 40;

/**
 * How long new files can stay slow after files are deleted: the kernel's minute, and five more
 * while the deleted inodes' table is not yet written back (measured here: 4½ minutes after
 * deleting 60,000 files).
 */
export const DELETION_WINDOW_MS = 6 * 60_000;

/** Milliseconds left until files deleted at `deletedAtMs` no longer slow new ones. */
export function deletionWaitMs(deletedAtMs: number | null, nowMs: number): number {
  if (deletedAtMs === null) return 0;
  // A time ahead of the clock (set back since) is treated as now: the whole window.
  return Math.max(0, Math.min(deletedAtMs, nowMs) + DELETION_WINDOW_MS - nowMs);
}

export interface SettleResult {
  /** The last probe's microseconds per file. */
  microsPerFile: number;
  /** Seconds waited for the cost to fall below SLOW_FILE_CREATION_US. */
  waitedSeconds: number;
  /** Whether it fell below it within the time allowed. */
  settled: boolean;
}

/**
 * Probes under `root` (a fresh folder per probe), waiting `intervalMs` between probes while the
 * cost is above SLOW_FILE_CREATION_US, for at most `maxWaitMs`.
 */
export async function settleFileCreation(
  root: string,
  {
    maxWaitMs,
    intervalMs,
    probe = probeFileCreation,
    sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms)),
    onWait = () => undefined,
  }: {
    maxWaitMs: number;
    intervalMs: number;
    probe?: (dir: string) => number;
    sleep?: (ms: number) => Promise<void>;
    /** Told each slow probe's cost before the wait after it. */
    onWait?: (microsPerFile: number) => void;
  },
): Promise<SettleResult> {
  let waited = 0;
  for (let n = 0; ; n++) {
    const microsPerFile = probe(join(root, `probe-${n}`));
    if (microsPerFile <= SLOW_FILE_CREATION_US) return { microsPerFile, waitedSeconds: waited / 1000, settled: true };
    if (waited + intervalMs > maxWaitMs) return { microsPerFile, waitedSeconds: waited / 1000, settled: false };
    onWait(microsPerFile);
    await sleep(intervalMs);
    waited += intervalMs;
  }
}
