import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { DELETION_WINDOW_MS, deletionWaitMs, probeFileCreation, settleFileCreation, SLOW_FILE_CREATION_US } from "../../src/lib/bench/file-creation.ts";

function withTemp(run: (root: string) => Promise<void> | void) {
  return async () => {
    const root = mkdtempSync(path.join(tmpdir(), "file-creation-"));
    try {
      await run(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

test(
  "probeFileCreation makes its files in folders and divides the system time spent by their number",
  withTemp((root) => {
    const dir = path.join(root, "probe");
    const readings = [5_000, 85_000];
    const cost = probeFileCreation(dir, () => readings.shift()!);
    const folders = readdirSync(dir);
    assert.equal(folders.length, 40);
    const files = folders.flatMap((folder) => readdirSync(path.join(dir, folder)));
    assert.equal(files.length, 2000);
    assert.equal(cost, 40);
    // The files stay: deleting them is what makes the next ones slow.
    assert.ok(readFileSync(path.join(dir, "0", "0.html"), "utf8").startsWith("探"));
  }),
);

test(
  "probeFileCreation measures this process's own system time by default",
  withTemp((root) => {
    const before = process.cpuUsage().system;
    const cost = probeFileCreation(path.join(root, "probe"));
    const around = process.cpuUsage().system - before;
    // The probe's reading lies within this process's system time around it: 2,000 files' worth.
    assert.ok(Number.isFinite(cost) && cost >= 0, String(cost));
    assert.ok(cost * 2000 <= around, `${cost} µs a file, ${around} µs around the probe`);
  }),
);

test(
  "settleFileCreation waits while files are slow, each probe in a folder of its own",
  withTemp(async (root) => {
    const costs = [640, 310, SLOW_FILE_CREATION_US + 1, 24];
    const probed: string[] = [];
    const slept: number[] = [];
    const told: number[] = [];
    const result = await settleFileCreation(root, {
      maxWaitMs: 420_000,
      intervalMs: 15_000,
      probe: (dir) => {
        probed.push(path.relative(root, dir));
        return costs.shift()!;
      },
      sleep: async (ms) => {
        slept.push(ms);
      },
      onWait: (cost) => told.push(cost),
    });
    assert.deepEqual(result, { microsPerFile: 24, waitedSeconds: 45, settled: true });
    assert.deepEqual(told, [640, 310, SLOW_FILE_CREATION_US + 1]);
    assert.deepEqual(probed, ["probe-0", "probe-1", "probe-2", "probe-3"]);
    assert.deepEqual(slept, [15_000, 15_000, 15_000]);
  }),
);

test(
  "settleFileCreation does not wait when files are cheap, and gives up after the time allowed",
  withTemp(async (root) => {
    let sleeps = 0;
    const sleep = async () => {
      sleeps++;
    };
    const quick = await settleFileCreation(root, { maxWaitMs: 60_000, intervalMs: 15_000, probe: () => SLOW_FILE_CREATION_US, sleep });
    assert.deepEqual(quick, { microsPerFile: SLOW_FILE_CREATION_US, waitedSeconds: 0, settled: true });
    assert.equal(sleeps, 0);
    const slow = await settleFileCreation(root, { maxWaitMs: 40_000, intervalMs: 15_000, probe: () => 500, sleep });
    assert.deepEqual(slow, { microsPerFile: 500, waitedSeconds: 30, settled: false });
    assert.equal(sleeps, 2);
    assert.equal(existsSync(path.join(root, "probe-0")), false, "an injected probe makes no files");
  }),
);

test("deletionWaitMs waits out the window after a deletion, and nothing without one", () => {
  const deleted = Date.UTC(2026, 11, 6, 4, 5, 30);
  assert.equal(deletionWaitMs(null, deleted), 0);
  assert.equal(deletionWaitMs(deleted, deleted), DELETION_WINDOW_MS);
  assert.equal(deletionWaitMs(deleted, deleted + 60_000), DELETION_WINDOW_MS - 60_000);
  assert.equal(deletionWaitMs(deleted, deleted + DELETION_WINDOW_MS), 0);
  assert.equal(deletionWaitMs(deleted, deleted + DELETION_WINDOW_MS + 1), 0);
  // A deletion stamped ahead of the clock: the whole window from now, not longer.
  assert.equal(deletionWaitMs(deleted + 3_600_000, deleted), DELETION_WINDOW_MS);
});
