import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync } from "node:fs";
import { getPriority } from "node:os";
import { test } from "node:test";
import type { ProcessPriorities } from "../../src/lib/build/site-priority.ts";
import { lowerSitePriority, SITE_NICENESS, SITE_PID_VARIABLE, sitePidFrom, siteShouldYield } from "../../src/lib/build/site-priority.ts";

test("lowerSitePriority lowers every thread of a running Node process below the priority it started with", async () => {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10_000)"], { stdio: "ignore" });
  try {
    // Node has its threads once it runs code.
    await new Promise((done) => setTimeout(done, 300));
    const threads = readdirSync(`/proc/${child.pid}/task`).map(Number);
    assert.ok(threads.length > 1, "a Node process runs several threads");
    const started = getPriority(child.pid!);
    assert.equal(started, getPriority());
    assert.equal(lowerSitePriority(child.pid), threads.length);
    for (const thread of threads) assert.equal(getPriority(thread), Math.min(19, started + SITE_NICENESS), `thread ${thread}`);
  } finally {
    child.kill();
    await once(child, "close");
  }
});

function fakeSystem(priorities: Map<number, number>, threads: number[]): ProcessPriorities {
  return {
    get: (id) => {
      const priority = priorities.get(id);
      if (priority === undefined) throw Object.assign(new Error("getpriority ESRCH"), { code: "ESRCH" });
      return priority;
    },
    set: (id, priority) => void priorities.set(id, priority),
    threads: () => threads,
  };
}

test("lowerSitePriority adds to each thread's own niceness, never past the lowest priority, and passes over ended threads", () => {
  const priorities = new Map([
    [100, 0],
    [101, 10],
    [102, 18],
  ]);
  // Thread 103 ended between the listing and the change.
  assert.equal(lowerSitePriority(100, fakeSystem(priorities, [100, 101, 102, 103])), 3);
  assert.deepEqual([...priorities], [
    [100, SITE_NICENESS],
    [101, 10 + SITE_NICENESS],
    [102, 19],
  ]);
});

test("lowerSitePriority goes on without a process or when the system refuses", () => {
  const priorities = new Map([[100, 0]]);
  assert.equal(lowerSitePriority(undefined, fakeSystem(priorities, [100])), 0);
  const refusing: ProcessPriorities = {
    get: () => 0,
    set: () => {
      throw Object.assign(new Error("setpriority EACCES"), { code: "EACCES" });
    },
    threads: (pid) => [pid],
  };
  assert.equal(lowerSitePriority(100, refusing), 0);
  assert.deepEqual([...priorities], [[100, 0]]);
});

test("the site yields only to a chain of bundles, and its process comes from the build's variable", () => {
  assert.equal(siteShouldYield(0), false);
  assert.equal(siteShouldYield(1), false);
  assert.equal(siteShouldYield(2), true);
  assert.equal(siteShouldYield(4), true);
  assert.equal(sitePidFrom({ [SITE_PID_VARIABLE]: "4242" }), 4242);
  for (const text of [undefined, "", "0", "-3", "12.5", "astro"]) assert.equal(sitePidFrom({ [SITE_PID_VARIABLE]: text }), undefined, String(text));
});
