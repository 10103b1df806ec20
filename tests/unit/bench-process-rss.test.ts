/** Reading /proc for the benchmark's peak-memory figure. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProcReader } from "../../src/lib/bench/process-rss.ts";
import { descendants, machineBusySeconds, parseMachineCpu, parseStatCpuSeconds, parseStatCpuTimes, parseStatParent, parseVmRssKb, sampleTree, sampleTreeRss, treeRssKb } from "../../src/lib/bench/process-rss.ts";

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
Tgid:\t4242
Pid:\t4242
PPid:\t4200
VmPeak:\t 1234567 kB
VmSize:\t 1200000 kB
VmHWM:\t  200000 kB
VmRSS:\t  153600 kB
RssAnon:\t  120000 kB
Threads:\t11
`;

/** A stat line: pid (comm) state ppid … utime stime …, with a command name that has spaces and parentheses. */
function stat(pid: number, ppid: number, comm = "node", utime = 0, stime = 0): string {
  const rest = ["S", ppid, pid, pid, 0, -1, 4194560, 100, 0, 0, 0, utime, stime, 0, 0, 20, 0, 11, 0, 1000, 1200000000, 38400];
  return `${pid} (${comm}) ${rest.join(" ")}\n`;
}

test("VmRSS is read from status text, in kB", () => {
  assert.equal(parseVmRssKb(STATUS), 153600);
  assert.equal(parseVmRssKb("Name:\tkthreadd\nState:\tS (sleeping)\n"), null);
});

test("the parent pid survives command names with spaces and parentheses", () => {
  assert.equal(parseStatParent(stat(10, 1)), 1);
  assert.equal(parseStatParent(stat(11, 10, "Web Content (x) )")), 10);
  assert.equal(parseStatParent("garbage"), null);
});

test("CPU seconds are utime + stime over the clock tick", () => {
  assert.equal(parseStatCpuSeconds(stat(10, 1, "a b", 250, 50)), 3);
  assert.equal(parseStatCpuSeconds(stat(10, 1, "x", 1000, 0), 1000), 1);
  assert.deepEqual(parseStatCpuTimes(stat(10, 1, "a b", 250, 50)), { user: 2.5, system: 0.5 });
  assert.equal(parseStatCpuTimes("garbage"), null);
});

test("descendants walk the whole tree and nothing else", () => {
  const parents = new Map([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, 1],
    [7, 6],
  ]);
  assert.deepEqual([...descendants(2, parents)].sort(), [2, 3, 4, 5]);
  assert.deepEqual([...descendants(4, parents)], [4]);
});

const fakeProc = (tree: Record<number, { ppid: number; rssKb: number | null; cpu?: number }>): ProcReader => ({
  pids: () => Object.keys(tree).map(Number),
  stat: (pid) => (tree[pid] ? stat(pid, tree[pid].ppid, `p ${pid}`, (tree[pid].cpu ?? 0) * 100) : null),
  status: (pid) => {
    const p = tree[pid];
    if (!p) return null;
    return p.rssKb === null ? "Name:\tzombie\n" : `Name:\tp\nVmRSS:\t${p.rssKb} kB\n`;
  },
});

test("the tree's RSS is the sum over the child and its descendants", () => {
  const proc = fakeProc({
    1: { ppid: 0, rssKb: 10_000 },
    100: { ppid: 1, rssKb: 50_000, cpu: 2 },
    101: { ppid: 100, rssKb: 20_000, cpu: 1.5 },
    102: { ppid: 101, rssKb: null },
    200: { ppid: 1, rssKb: 99_999 },
  });
  assert.equal(treeRssKb(100, proc), 70_000);
  const sample = sampleTree(100, proc);
  assert.equal(sample.cpu.get(100), 2);
  assert.equal(sample.cpu.get(101), 1.5);
  assert.equal(treeRssKb(555, proc), 0);
});

test("the sampler keeps the peak and the last CPU reading of each process", async () => {
  let rss = 1000;
  const proc: ProcReader = {
    pids: () => [1, 2],
    stat: (pid) => stat(pid, pid === 1 ? 0 : 1, "n", rss / 10, rss / 20),
    status: (pid) => (pid === 2 ? `VmRSS:\t${rss} kB\n` : `VmRSS:\t1 kB\n`),
  };
  const sampler = sampleTreeRss(2, 5, proc);
  rss = 5000;
  await new Promise((resolve) => setTimeout(resolve, 30));
  rss = 2000;
  await new Promise((resolve) => setTimeout(resolve, 30));
  const usage = sampler.stop();
  assert.equal(usage.peakRssKb, 5000);
  // The last reading: 200 ticks in user mode and 100 in the kernel's.
  assert.equal(usage.cpuSeconds, 3);
  assert.equal(usage.systemSeconds, 1);
});

test("the peak of the descendants alone leaves out the root, sample by sample", async () => {
  // The root grows while its child shrinks: the peaks with and without the root fall at different times.
  let root = 1000;
  let child = 4000;
  const proc: ProcReader = {
    pids: () => [1, 2, 3],
    stat: (pid) => stat(pid, pid - 1, "n", 0),
    status: (pid) => `VmRSS:\t${pid === 2 ? root : pid === 3 ? child : 7} kB\n`,
  };
  const sampler = sampleTreeRss(2, 5, proc);
  await new Promise((resolve) => setTimeout(resolve, 30));
  root = 9000;
  child = 500;
  await new Promise((resolve) => setTimeout(resolve, 30));
  const usage = sampler.stop();
  assert.equal(usage.peakRssKb, 9500);
  assert.equal(usage.peakDescendantsRssKb, 4000);
  const sample = sampleTree(2, proc);
  assert.equal(sample.rootRssKb, 9000);
  assert.equal(sample.rssKb, 9500);
});

test("on Linux the live tree of this process has a plausible RSS", { skip: process.platform !== "linux" }, () => {
  const kb = treeRssKb(process.pid);
  assert.ok(kb > 10_000 && kb < 10_000_000, `${kb} kB`);
});

test("the machine's busy and total CPU seconds from /proc/stat's first line", () => {
  const stat = "cpu  1000 20 300 5000 80 0 10 5 0 0\ncpu0 500 10 150 2500 40 0 5 2 0 0\nintr 1 2 3\n";
  assert.deepEqual(parseMachineCpu(stat), { busySeconds: 13.35, totalSeconds: 64.15 });
  assert.equal(parseMachineCpu("intr 1 2 3\n"), null);
  assert.equal(machineBusySeconds(() => stat), 13.35);
  assert.equal(machineBusySeconds(() => {
    throw new Error("no /proc");
  }), null);
});
