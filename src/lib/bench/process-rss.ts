/**
 * Peak memory of a process tree on Linux: every ~100 ms, read /proc, find the child and all of
 * its descendants (by the parent pid in /proc/<pid>/stat), sum their VmRSS from
 * /proc/<pid>/status, and keep the maximum. The parsers are pure; the sampler takes its /proc
 * reader as a parameter so that tests can feed it text.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The parent pid from the text of /proc/<pid>/stat. The command name may hold spaces and parentheses. */
export function parseStatParent(stat: string): number | null {
  const close = stat.lastIndexOf(")");
  if (close < 0) return null;
  // After "pid (comm) " come: state, ppid, …
  const fields = stat.slice(close + 2).trim().split(/\s+/);
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/** CPU seconds a process has used in user and in system (kernel) mode, from /proc/<pid>/stat; `ticks` is CLK_TCK. */
export function parseStatCpuTimes(stat: string, ticks = 100): { user: number; system: number } | null {
  const close = stat.lastIndexOf(")");
  if (close < 0) return null;
  // Fields from "state" on: utime and stime are the 14th and 15th fields of the line.
  const fields = stat.slice(close + 2).trim().split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? { user: utime / ticks, system: stime / ticks } : null;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; `ticks` is CLK_TCK. */
export function parseStatCpuSeconds(stat: string, ticks = 100): number | null {
  const times = parseStatCpuTimes(stat, ticks);
  return times === null ? null : times.user + times.system;
}

/**
 * The machine's CPU time so far from the text of /proc/stat (its first, "cpu" line, in `ticks`
 * a second): busy (user, nice, system, irq, softirq and steal: every state but idle and iowait)
 * and all of it, in seconds summed over the cores.
 */
export function parseMachineCpu(stat: string, ticks = 100): { busySeconds: number; totalSeconds: number } | null {
  const line = /^cpu\s+([\d\s]+)$/m.exec(stat);
  if (!line) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line[1]!.trim().split(/\s+/).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busySeconds: busy / ticks, totalSeconds: (busy + idle + iowait) / ticks };
}

/** The machine's busy CPU seconds so far (all cores), or null off Linux. */
export function machineBusySeconds(read: () => string = () => readFileSync("/proc/stat", "utf8")): number | null {
  try {
    return parseMachineCpu(read())?.busySeconds ?? null;
  } catch {
    return null;
  }
}

/** VmRSS in kB from the text of /proc/<pid>/status; null when absent (a kernel thread, a zombie). */
export function parseVmRssKb(status: string): number | null {
  const m = /^VmRSS:\s+(\d+)\s*kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

/** The root and every descendant of it, given each process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const tree = new Set<number>([root]);
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    for (const child of children.get(pid) ?? []) {
      if (tree.has(child)) continue;
      tree.add(child);
      stack.push(child);
    }
  }
  return tree;
}

export interface ProcReader {
  pids(): number[];
  stat(pid: number): string | null;
  status(pid: number): string | null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // The process ended between listing and reading.
    return null;
  }
}

export const linuxProc: ProcReader = {
  pids: () =>
    readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number),
  stat: (pid) => readOrNull(`/proc/${pid}/stat`),
  status: (pid) => readOrNull(`/proc/${pid}/status`),
};

export interface TreeSample {
  /** Summed VmRSS of the tree, kB. */
  rssKb: number;
  /** The root's own VmRSS, kB (part of rssKb). */
  rootRssKb: number;
  /** CPU seconds used so far by each process of the tree. */
  cpu: Map<number, number>;
  /** Of them, the seconds in system (kernel) mode. */
  system: Map<number, number>;
}

/** The tree under `root` now: summed VmRSS and each member's CPU seconds. */
export function sampleTree(root: number, proc: ProcReader = linuxProc): TreeSample {
  const parents = new Map<number, number>();
  const stats = new Map<number, string>();
  for (const pid of proc.pids()) {
    const stat = proc.stat(pid);
    if (stat === null) continue;
    const ppid = parseStatParent(stat);
    if (ppid === null) continue;
    parents.set(pid, ppid);
    stats.set(pid, stat);
  }
  let rssKb = 0;
  let rootRssKb = 0;
  const cpu = new Map<number, number>();
  const system = new Map<number, number>();
  for (const pid of descendants(root, parents)) {
    const status = proc.status(pid);
    const kb = (status === null ? null : parseVmRssKb(status)) ?? 0;
    rssKb += kb;
    if (pid === root) rootRssKb = kb;
    const stat = stats.get(pid);
    const times = stat === undefined ? null : parseStatCpuTimes(stat);
    if (times !== null) {
      cpu.set(pid, times.user + times.system);
      system.set(pid, times.system);
    }
  }
  return { rssKb, rootRssKb, cpu, system };
}

/** Summed VmRSS (kB) of a process and its descendants, now. */
export function treeRssKb(root: number, proc: ProcReader = linuxProc): number {
  return sampleTree(root, proc).rssKb;
}

export interface TreeUsage {
  /** Peak summed VmRSS, kB (0 when /proc could not be read). */
  peakRssKb: number;
  /**
   * Peak summed VmRSS of the root's descendants alone, kB: the processes it started, without
   * itself (the benchmark's own process, holding the generated archive, is no part of a build).
   */
  peakDescendantsRssKb: number;
  /** CPU seconds of the tree's processes as last sampled (misses at most the last interval). */
  cpuSeconds: number;
  /** Of them, the seconds in system (kernel) mode: creating files, faulting pages in. */
  systemSeconds: number;
}

export interface RssSampler {
  stop(): TreeUsage;
}

/** Samples the tree under `root` every `intervalMs` until stopped. */
export function sampleTreeRss(root: number, intervalMs = 100, proc: ProcReader = linuxProc): RssSampler {
  let peak = 0;
  let peakDescendants = 0;
  const cpu = new Map<number, number>();
  const system = new Map<number, number>();
  const sample = () => {
    try {
      const now = sampleTree(root, proc);
      peak = Math.max(peak, now.rssKb);
      peakDescendants = Math.max(peakDescendants, now.rssKb - now.rootRssKb);
      for (const [pid, seconds] of now.cpu) cpu.set(pid, seconds);
      for (const [pid, seconds] of now.system) system.set(pid, seconds);
    } catch {
      // No /proc (not Linux): the figures stay unknown.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const total = (seconds: Map<number, number>) => [...seconds.values()].reduce((a, b) => a + b, 0);
      return { peakRssKb: peak, peakDescendantsRssKb: peakDescendants, cpuSeconds: total(cpu), systemSeconds: total(system) };
    },
  };
}
