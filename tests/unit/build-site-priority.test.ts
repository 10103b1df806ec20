import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync } from "node:fs";
import { getPriority } from "node:os";
import { test } from "node:test";
import type { ProcessPriorities } from "../../src/lib/build/site-priority.ts";
import { lowerSitePriority, parentFromStat, SITE_NICENESS, SITE_PID_VARIABLE, sitePidFrom, siteShouldYield } from "../../src/lib/build/site-priority.ts";

const noProc = existsSync("/proc/self/task") ? false : "threads are listed from /proc";

/** A Node process that has started its threads (it says so), ready to be lowered. */
async function runningNode() {
  const child = spawn(process.execPath, ["-e", "console.log('ready'); setTimeout(() => {}, 10_000)"], { stdio: ["ignore", "pipe", "ignore"] });
  await once(child.stdout, "data");
  return child;
}

test("lowerSitePriority lowers every thread of a running Node process below the priority it started with", { skip: noProc }, async () => {
  const child = await runningNode();
  try {
    const started = getPriority(child.pid!);
    assert.equal(started, getPriority());
    // The site's process is this process's child here, as it is the build's.
    const lowered = lowerSitePriority(child.pid, undefined, process.pid);
    const threads = readdirSync(`/proc/${child.pid}/task`).map(Number);
    assert.ok(threads.length > 1, "a Node process runs several threads");
    assert.ok(lowered >= 1 && lowered <= threads.length + 1, `${lowered} of ${threads.length}`);
    for (const thread of threads) assert.equal(getPriority(thread), Math.min(19, started + SITE_NICENESS), `thread ${thread}`);
  } finally {
    child.kill();
    await once(child, "close");
  }
});

test("lowerSitePriority leaves alone a process the build did not start, and one that has ended", { skip: noProc }, async () => {
  const child = await runningNode();
  try {
    const started = getPriority(child.pid!);
    // Its parent is this process, not this process's parent: not the site the build started.
    assert.equal(lowerSitePriority(child.pid), 0);
    assert.equal(getPriority(child.pid!), started);
  } finally {
    child.kill();
    await once(child, "close");
  }
  assert.equal(lowerSitePriority(child.pid, undefined, process.pid), 0);
});

function fakeSystem(priorities: Map<number, number>, threads: number[], parent: number | null = 1): ProcessPriorities {
  return {
    get: (id) => {
      const priority = priorities.get(id);
      if (priority === undefined) throw Object.assign(new Error("getpriority ESRCH"), { code: "ESRCH" });
      return priority;
    },
    set: (id, priority) => void priorities.set(id, priority),
    threads: () => threads,
    parentOf: () => parent,
  };
}

test("lowerSitePriority adds to each thread's own niceness, never past the lowest priority, and passes over ended threads", () => {
  const priorities = new Map([
    [100, 0],
    [101, 10],
    [102, 18],
  ]);
  // Thread 103 ended between the listing and the change.
  assert.equal(lowerSitePriority(100, fakeSystem(priorities, [100, 101, 102, 103]), 1), 3);
  assert.deepEqual([...priorities], [
    [100, SITE_NICENESS],
    [101, 10 + SITE_NICENESS],
    [102, 19],
  ]);
  // Where the parent cannot be read, the process is taken to be the site.
  assert.equal(lowerSitePriority(100, fakeSystem(priorities, [100], null), 1), 1);
  assert.equal(priorities.get(100), 2 * SITE_NICENESS);
});

test("lowerSitePriority goes on without a process, for another parent's, or when the system refuses", () => {
  const priorities = new Map([[100, 0]]);
  assert.equal(lowerSitePriority(undefined, fakeSystem(priorities, [100]), 1), 0);
  assert.equal(lowerSitePriority(100, fakeSystem(priorities, [100], 7), 1), 0);
  const refusing: ProcessPriorities = {
    ...fakeSystem(priorities, [100]),
    set: () => {
      throw Object.assign(new Error("setpriority EACCES"), { code: "EACCES" });
    },
  };
  assert.equal(lowerSitePriority(100, refusing, 1), 0);
  assert.deepEqual([...priorities], [[100, 0]]);
});

test("the parent is read from /proc/<pid>/stat, whatever the command's name holds", () => {
  assert.equal(parentFromStat("4242 (node) S 4200 4242 4200 0 -1 4194560 1553 0 0 0"), 4200);
  assert.equal(parentFromStat("4242 (astro (build) ) R 17 4242 17 0"), 17);
  assert.equal(parentFromStat("garbled"), null);
});

test("the site yields only to bundles that wait for others, and its process comes from the build's variable", () => {
  assert.equal(siteShouldYield(0, 1), false);
  assert.equal(siteShouldYield(1, 1), false);
  assert.equal(siteShouldYield(2, 1), true);
  assert.equal(siteShouldYield(4, 1), true);
  assert.equal(siteShouldYield(2, 2), false);
  assert.equal(siteShouldYield(3, 2), true);
  assert.equal(sitePidFrom({ [SITE_PID_VARIABLE]: "4242" }), 4242);
  for (const text of [undefined, "", "0", "-3", "12.5", "astro"]) assert.equal(sitePidFrom({ [SITE_PID_VARIABLE]: text }), undefined, String(text));
});
