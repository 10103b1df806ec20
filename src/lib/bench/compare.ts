/**
 * The archive beside the naive stack (bench/naive-blog: Astro's documented blog over the same
 * articles, then the Pagefind CLI over its output), measured in the same run: the ratios, whether
 * each target holds, and the side-by-side table. Pure: the figures come in, text goes out.
 */
import { SLOW_FILE_CREATION_US } from "./file-creation.ts";
import type { BenchResult } from "./report.ts";
import { formatTable, round } from "./report.ts";

/** The naive stack's figures, as the benchmark's JSON carries them (`naive`). */
export interface NaiveResult {
  /** `astro build` of bench/naive-blog, wall seconds. */
  astro_s: number | null;
  /** The Pagefind CLI over its dist, wall seconds (run after the build, as the stack has it). */
  pagefind_s: number | null;
  /** Both, one after the other: wall seconds. */
  total_s: number | null;
  cpu_s: { astro: number | null; pagefind: number | null };
  /** Of cpu_s, the kernel's (system time). */
  system_s: { astro: number | null; pagefind: number | null };
  /** Files and folders its build made: its site and Astro's cache (src/lib/bench/files-created.ts). */
  files_created: number | null;
  peak_rss_mb: { astro: number | null; pagefind: number | null };
  dist_files: number | null;
  dist_mb: number | null;
  /** Pages the Pagefind CLI says it indexed: the articles, when the stack built them all. */
  pages_indexed: number | null;
  /** Both again after the archive's rebuild ingested the new issue: wall seconds, and per step. */
  rebuild_s: number | null;
  rebuild_stages_s: { astro: number | null; pagefind: number | null } | null;
  ok: boolean;
}

/** The pages the Pagefind CLI's log says it indexed ("Indexed 10000 pages"), or null. */
export function pagefindIndexedPages(log: string): number | null {
  const m = /^\s*Indexed (\d+) pages?\s*$/m.exec(log);
  return m ? Number(m[1]) : null;
}

/** What else ran on the machine while a stack built: the CPU seconds of other processes. */
export interface Contention {
  wall_s: number | null;
  /** CPU seconds the machine spent outside the measured processes during the build. */
  other_cpu_s: number | null;
  /** other_cpu_s ÷ (wall_s × cores): the share of the machine others took. */
  other_share: number | null;
  /** System microseconds a new file cost just before the build (src/lib/bench/file-creation.ts). */
  file_creation_us?: number | null;
}

/**
 * From the machine's busy CPU seconds over a build (all cores) and the build's own: what others
 * took. A build's wall time is comparable with another's only when both shares are small.
 */
export function contention(wallSeconds: number | null, machineBusySeconds: number | null, ownCpuSeconds: number | null, cores: number): Contention {
  const known2 = known(wallSeconds) && known(machineBusySeconds) && known(ownCpuSeconds);
  const other = known2 ? Math.max(0, machineBusySeconds - ownCpuSeconds) : null;
  return {
    wall_s: round(wallSeconds, 2),
    other_cpu_s: round(other, 1),
    other_share: round(ratio(other, known(wallSeconds) ? wallSeconds * cores : null), 3),
  };
}

/** Above this share of the machine taken by others during either stack's build, the wall-time ratios are flagged. */
export const CONTENTION_LIMIT = 0.1;

/** A note when other processes took more than CONTENTION_LIMIT of the machine during either build; else null. */
export function contentionNote(archive: Contention, naive: Contention): string | null {
  const busy = (c: Contention) => known(c.other_share) && c.other_share > CONTENTION_LIMIT;
  if (!busy(archive) && !busy(naive)) return null;
  return (
    `other processes took ${percent(archive.other_share)} of the machine during the archive's build and ${percent(naive.other_share)} during the naive stack's: ` +
    "the wall-time ratios are not reliable in this run; the CPU-time ratio is"
  );
}

/** The archive's side of the comparison. */
export interface ArchiveFigures {
  /** Whole build, wall: the ingest, and the site and the index started beside it. */
  total_s: number | null;
  /** CPU seconds of every stage's process tree, summed. */
  cpu_s: number | null;
  /** Of cpu_s, the kernel's (system time). */
  system_s?: number | null;
  /** Files and folders the whole build made: its site, its articles, its caches. */
  files_created?: number | null;
  /** Peak RSS of the build's processes at once (the benchmark's own process not counted), MB. */
  peak_rss_mb: number | null;
  rebuild_s: number | null;
  /** The machine's cores: with cpu_s, the shortest the whole build could take on it. */
  cores?: number | null;
}

/** The targets (issue 16), at 10,000 articles. */
export const TARGETS = {
  /** Whole build at most the naive stack's (astro build + Pagefind CLI). */
  buildRatio: 1,
  /** Rebuild after one new issue: at most this share of the whole build … */
  rebuildShare: 0.1,
  /** … and at most these seconds. */
  rebuildSeconds: 15,
  /** Peak memory at most the naive Pagefind's. */
  peakRatio: 1,
} as const;

export interface Comparison {
  /** archive total_s ÷ naive total_s (astro + pagefind). */
  build_ratio: number | null;
  /** archive CPU seconds ÷ naive CPU seconds: less sensitive to the machine's hour than wall time. */
  cpu_ratio: number | null;
  /** archive build peak RSS ÷ the naive Pagefind's peak RSS. */
  peak_ratio: number | null;
  /** archive rebuild_s ÷ archive total_s. */
  rebuild_share: number | null;
  /** archive rebuild_s ÷ naive rebuild_s. */
  rebuild_ratio: number | null;
  /**
   * The archive's CPU seconds ÷ the machine's cores: the shortest its whole build could take here,
   * every core busy from its start to its end.
   */
  cpu_floor_s: number | null;
  /**
   * cpu_floor_s ÷ naive total_s. Above 1, no order of the archive's steps brings its whole build
   * within the naive stack's on this machine: only less work does.
   */
  floor_ratio: number | null;
  /** The archive's CPU seconds ÷ (total_s × cores): how busy its build kept the machine. */
  core_use: number | null;
  /**
   * The archive's system (kernel) seconds ÷ the naive stack's. Where creating a file costs the
   * kernel much (a virtual machine's disk), this and files_ratio say how much of cpu_ratio is the
   * files each stack writes rather than the work of making them.
   */
  system_ratio: number | null;
  /** The files and folders the archive's build made ÷ the naive stack's. */
  files_ratio: number | null;
  /** Each target: true met, false missed, null not measured. */
  targets: {
    build_within_naive: boolean | null;
    rebuild_within_share: boolean | null;
    rebuild_within_seconds: boolean | null;
    peak_within_naive_pagefind: boolean | null;
  };
}

const known = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** a ÷ b, or null when either is unknown or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return known(a) && known(b) && b > 0 ? a / b : null;
}

/** The sum of the known values; null when none is known. */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  const list = values.filter(known);
  return list.length > 0 ? list.reduce((a, b) => a + b, 0) : null;
}

export function compareStacks(archive: ArchiveFigures, naive: NaiveResult): Comparison {
  const build = ratio(archive.total_s, naive.total_s);
  const peak = ratio(archive.peak_rss_mb, naive.peak_rss_mb.pagefind);
  const share = ratio(archive.rebuild_s, archive.total_s);
  const within = (value: number | null, limit: number) => (value === null ? null : value <= limit);
  const floor = ratio(archive.cpu_s, archive.cores);
  return {
    build_ratio: round(build, 2),
    cpu_ratio: round(ratio(archive.cpu_s, sumKnown([naive.cpu_s.astro, naive.cpu_s.pagefind])), 2),
    peak_ratio: round(peak, 2),
    rebuild_share: round(share, 3),
    rebuild_ratio: round(ratio(archive.rebuild_s, naive.rebuild_s), 2),
    cpu_floor_s: round(floor, 1),
    floor_ratio: round(ratio(floor, naive.total_s), 2),
    core_use: round(ratio(floor, archive.total_s), 3),
    system_ratio: round(ratio(archive.system_s, sumKnown([naive.system_s.astro, naive.system_s.pagefind])), 2),
    files_ratio: round(ratio(archive.files_created, naive.files_created), 2),
    targets: {
      build_within_naive: within(build, TARGETS.buildRatio),
      rebuild_within_share: within(share, TARGETS.rebuildShare),
      rebuild_within_seconds: known(archive.rebuild_s) ? archive.rebuild_s <= TARGETS.rebuildSeconds : null,
      peak_within_naive_pagefind: within(peak, TARGETS.peakRatio),
    },
  };
}

/** "1,234.5 s": grouped thousands, fixed digits; a dash for what was not measured. */
export function figure(value: unknown, unit: string, digits: number): string {
  if (!known(value as number)) return "—";
  const text = (value as number).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** "1.78×" */
export function times(value: number | null | undefined): string {
  return known(value) ? `${value.toFixed(2)}×` : "—";
}

/** "13.4%" */
export function percent(value: number | null | undefined): string {
  return known(value) ? `${(value * 100).toFixed(1)}%` : "—";
}

function verdict(met: boolean | null | undefined, target: string): string {
  if (met === null || met === undefined) return `${target}: not measured`;
  return `${target}: ${met ? "met" : "missed"}`;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/**
 * The side-by-side table of a result that has `naive` and `compare` (else null): each row the
 * archive's figure, the naive stack's, their ratio and the target.
 */
export function renderComparison(result: BenchResult): string | null {
  const naive = result.naive as NaiveResult | null | undefined;
  const compare = result.compare as Comparison | null | undefined;
  if (!naive || !compare) return null;
  const cpu = record(result.stage_cpu_s);
  const peaks = record(result.stage_peak_rss_mb);
  const rebuildStages = record(result.rebuild_stages_s);
  const archiveCpu = sumKnown(Object.values(cpu) as number[]);
  const naiveCpu = sumKnown([naive.cpu_s.astro, naive.cpu_s.pagefind]);
  const archiveSystem = sumKnown(Object.values(record(result.stage_system_s)) as number[]);
  const naiveSystem = sumKnown([naive.system_s.astro, naive.system_s.pagefind]);
  const naiveShare = ratio(naive.rebuild_s, naive.total_s);
  const rows: string[][] = [
    ["whole build (wall)", figure(result.total_s, "s", 2), figure(naive.total_s, "s", 2), times(compare.build_ratio), verdict(compare.targets.build_within_naive, "≤ 1×")],
    ["  ingest", figure(result.ingest_s, "s", 2), "—", "", ""],
    ["  Astro build", figure(result.astro_s, "s", 2), figure(naive.astro_s, "s", 2), times(ratio(result.astro_s, naive.astro_s)), ""],
    ["  search index", `${figure(result.index_s, "s", 2)}, beside Astro`, `${figure(naive.pagefind_s, "s", 2)}, after it`, times(ratio(result.index_s, naive.pagefind_s)), ""],
    ["CPU time, all steps", figure(archiveCpu, "s", 1), figure(naiveCpu, "s", 1), times(compare.cpu_ratio), ""],
    ["  Astro build", figure(cpu.astro, "s", 1), figure(naive.cpu_s.astro, "s", 1), "", ""],
    ["  search index", figure(cpu.index, "s", 1), figure(naive.cpu_s.pagefind, "s", 1), "", ""],
    ["  of it, the kernel's (system time)", figure(archiveSystem, "s", 1), figure(naiveSystem, "s", 1), times(compare.system_ratio), ""],
    ["  ÷ cores: the shortest whole build here", `${figure(compare.cpu_floor_s, "s", 1)} (the build kept the cores ${percent(compare.core_use)} busy)`, figure(naive.total_s, "s", 2), times(compare.floor_ratio), "above 1×, only less work meets ≤ 1×"],
    ["files and folders created", figure(result.files_created, "", 0), figure(naive.files_created, "", 0), times(compare.files_ratio), ""],
    ["peak RSS", `${figure(result.build_peak_rss_mb, "MB", 0)}, all at once`, `${figure(naive.peak_rss_mb.pagefind, "MB", 0)}, Pagefind`, times(compare.peak_ratio), verdict(compare.targets.peak_within_naive_pagefind, "≤ 1×")],
    ["  Astro build", figure(peaks.astro, "MB", 0), figure(naive.peak_rss_mb.astro, "MB", 0), "", ""],
    ["  search index", figure(peaks.index, "MB", 0), figure(naive.peak_rss_mb.pagefind, "MB", 0), "", ""],
    ["other processes' share of the machine", percent(record(record(result.contention).archive).other_share as number), percent(record(record(result.contention).naive).other_share as number), "", `≤ ${CONTENTION_LIMIT * 100}% for wall times to compare`],
    ["a new file's system time, just before", figure(record(record(result.contention).archive).file_creation_us as number, "µs", 1), figure(record(record(result.contention).naive).file_creation_us as number, "µs", 1), "", `≤ ${SLOW_FILE_CREATION_US} µs for wall times to compare`],
    ["pages in the search index", figure(record(result.search).pages, "", 0), figure(naive.pages_indexed, "", 0), "", ""],
    ["output", `${figure(result.dist_files, "files", 0)}, ${figure(result.dist_mb, "MB", 1)}`, `${figure(naive.dist_files, "files", 0)}, ${figure(naive.dist_mb, "MB", 1)}`, "", ""],
  ];
  if (result.rebuild_s !== null || naive.rebuild_s !== null) {
    rows.push(
      ["rebuild (+1 issue)", figure(result.rebuild_s, "s", 2), figure(naive.rebuild_s, "s", 2), times(compare.rebuild_ratio), verdict(compare.targets.rebuild_within_seconds, `≤ ${TARGETS.rebuildSeconds} s`)],
      ["  ingest", figure(rebuildStages.ingest, "s", 2), "—", "", ""],
      ["  Astro build", figure(rebuildStages.astro, "s", 2), figure(naive.rebuild_stages_s?.astro, "s", 2), "", ""],
      ["  search index", figure(rebuildStages.index, "s", 2), figure(naive.rebuild_stages_s?.pagefind, "s", 2), "", ""],
      ["rebuild ÷ whole build", percent(compare.rebuild_share), percent(naiveShare), "", verdict(compare.targets.rebuild_within_share, `≤ ${TARGETS.rebuildShare * 100}%`)],
    );
  }
  return formatTable(["side by side", "archive", "naive (Astro blog + Pagefind CLI)", "archive ÷ naive", "target"], rows);
}
