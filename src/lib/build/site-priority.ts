/**
 * `npm run build` runs `astro build` beside the search index (scripts/build.ts). Both need about
 * the same CPU in a cold build, but not in the same shape: Astro renders on two threads (the
 * pages, and their Traditional twins), while each of the index's bundles is one Pagefind process
 * on one core that cannot be split. At equal priority Astro took the larger share of two cores,
 * finished first, and the index's last bundle then ran alone, one core idle, for ~6 s of a ~43 s
 * build. So when the index has more bundles to write than it writes at once (a chain, one after
 * another), it lowers the site's priority: the index keeps its core, Astro takes the rest, and
 * the two end closer together (docs/scale.md, "The site yields to the index"). With one bundle
 * or none (a rebuild after a new issue), the site is the longer step and keeps its priority.
 *
 * A niceness changes nothing while a core is free: alone, once the index is done, Astro runs as
 * fast on an otherwise idle machine. It is not raised back (without privileges a process may
 * lower a priority, not raise it), and processes Astro started before are left as they are.
 */
import { readdirSync, readFileSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** How much lower than the build's own priority the site runs while it yields. */
export const SITE_NICENESS = 4;
/** The lowest priority there is. */
const LOWEST = 19;
/** The variable through which the build tells the index the site's process. */
export const SITE_PID_VARIABLE = "ARCHIVE_SITE_PID";

/**
 * Whether the site should yield to an index with `bundlesToIndex` bundles to write in `lanes`
 * Pagefind processes at once: only when some must wait for others, one after another.
 */
export function siteShouldYield(bundlesToIndex: number, lanes: number): boolean {
  return bundlesToIndex > Math.max(1, lanes);
}

export interface ProcessPriorities {
  get: (id: number) => number;
  set: (id: number, priority: number) => void;
  /** The process's threads (on Linux, each has its own priority); [pid] where they cannot be listed. */
  threads: (pid: number) => number[];
  /** The process's parent, or null where it cannot be read. */
  parentOf: (pid: number) => number | null;
}

/** The parent's process id from the text of /proc/<pid>/stat: the second field after the command's closing parenthesis. */
export function parentFromStat(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(")") + 1).trim().split(/\s+/);
  const parent = Number(fields[1]);
  return Number.isInteger(parent) && parent >= 0 ? parent : null;
}

const SYSTEM: ProcessPriorities = {
  get: getPriority,
  set: setPriority,
  threads: (pid) => {
    try {
      return readdirSync(`/proc/${pid}/task`).map(Number);
    } catch {
      return [pid];
    }
  },
  parentOf: (pid) => {
    try {
      return parentFromStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return null;
    }
  },
};

/**
 * Lowers the priority of process `pid`, every thread it has so far, by SITE_NICENESS below its own
 * (`nice npm run build` keeps its meaning); threads it starts later take its priority. `parent`
 * is the process that started the site (by default this process's parent: the build started
 * both); where the system tells another, the site has ended and its number may be another
 * process's, which is left alone. The number of threads lowered; 0 when there is no such process
 * or the system refuses, and the build goes on at the priority it has. A thread that ends
 * meanwhile is passed over.
 */
export function lowerSitePriority(pid: number | undefined, system: ProcessPriorities = SYSTEM, parent: number = process.ppid): number {
  if (pid === undefined) return 0;
  const actualParent = system.parentOf(pid);
  if (actualParent !== null && actualParent !== parent) return 0;
  let lowered = 0;
  for (const thread of system.threads(pid)) {
    try {
      system.set(thread, Math.min(LOWEST, system.get(thread) + SITE_NICENESS));
      lowered++;
    } catch {
      // Ended, or not ours to change.
    }
  }
  return lowered;
}

/** The site's process id the build gave the index in `env`, or undefined. */
export function sitePidFrom(env: NodeJS.ProcessEnv): number | undefined {
  const pid = Number(env[SITE_PID_VARIABLE]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
