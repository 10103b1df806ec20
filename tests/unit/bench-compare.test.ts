/** The archive beside the naive stack: ratios, targets, and the side-by-side table. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { NaiveResult } from "../../src/lib/bench/compare.ts";
import { compareStacks, contention, contentionNote, figure, pagefindIndexedPages, percent, ratio, renderComparison, sumKnown, times } from "../../src/lib/bench/compare.ts";
import type { BenchResult } from "../../src/lib/bench/report.ts";
import { renderReport, resultJson } from "../../src/lib/bench/report.ts";

// The figures: the archive 113 s against 28.5 s + 35.0 s, rebuild 25.0 s, 4.6 GB against 3.9 GB.
const naive: NaiveResult = {
  astro_s: 28.5,
  pagefind_s: 35.0,
  total_s: 63.5,
  cpu_s: { astro: 30.2, pagefind: 40.1 },
  system_s: { astro: 6.1, pagefind: 9.9 },
  files_created: 31_250,
  peak_rss_mb: { astro: 1350.4, pagefind: 3900 },
  dist_files: 10_001,
  dist_mb: 120.5,
  pages_indexed: 10_000,
  rebuild_s: 60.2,
  rebuild_stages_s: { astro: 25.1, pagefind: 35.1 },
  ok: true,
};

test("ratio and sum leave out what was not measured", () => {
  assert.equal(ratio(3, 2), 1.5);
  assert.equal(ratio(null, 2), null);
  assert.equal(ratio(3, 0), null);
  assert.equal(ratio(3, Number.NaN), null);
  assert.equal(sumKnown([1, null, 2.5, undefined]), 3.5);
  assert.equal(sumKnown([null, undefined]), null);
});

test("the ratios: whole build, CPU, peak against the naive Pagefind, the rebuild's share", () => {
  const c = compareStacks({ total_s: 113, cpu_s: 169.5, peak_rss_mb: 4600, rebuild_s: 25 }, naive);
  assert.equal(c.build_ratio, 1.78);
  assert.equal(c.cpu_ratio, 2.41);
  assert.equal(c.peak_ratio, 1.18);
  assert.equal(c.rebuild_share, 0.221);
  assert.equal(c.rebuild_ratio, 0.42);
  assert.equal(c.cpu_floor_s, null, "without the cores, no floor");
  assert.equal(c.floor_ratio, null);
  assert.deepEqual(c.targets, {
    build_within_naive: false,
    rebuild_within_share: false,
    rebuild_within_seconds: false,
    peak_within_naive_pagefind: false,
  });
});

test("the CPU floor: the archive's CPU seconds over the cores, against the naive stack's wall time", () => {
  // 169.5 CPU-s on 2 cores cannot take less than 84.75 s, 1.33 times the naive stack's 63.5 s.
  const c = compareStacks({ total_s: 113, cpu_s: 169.5, peak_rss_mb: 4600, rebuild_s: 25, cores: 2 }, naive);
  assert.equal(c.cpu_floor_s, 84.8);
  assert.equal(c.floor_ratio, 1.33);
  assert.equal(c.core_use, 0.75);
  // The same CPU on 4 cores leaves room: the floor is within the naive stack's time.
  const four = compareStacks({ total_s: 70, cpu_s: 169.5, peak_rss_mb: null, rebuild_s: null, cores: 4 }, naive);
  assert.equal(four.floor_ratio, 0.67);
  assert.equal(four.core_use, 0.605);
  assert.equal(compareStacks({ total_s: 70, cpu_s: null, peak_rss_mb: null, rebuild_s: null, cores: 2 }, naive).floor_ratio, null);
});

test("the kernel's share and the files each stack made, side by side", () => {
  // 40 system seconds against 6.1 + 9.9; 125,000 files and folders against 31,250.
  const c = compareStacks({ total_s: 113, cpu_s: 169.5, system_s: 40, files_created: 125_000, peak_rss_mb: null, rebuild_s: null, cores: 2 }, naive);
  assert.equal(c.system_ratio, 2.5);
  assert.equal(c.files_ratio, 4);
  const unknown = compareStacks({ total_s: 113, cpu_s: 169.5, peak_rss_mb: null, rebuild_s: null }, { ...naive, files_created: null });
  assert.equal(unknown.system_ratio, null);
  assert.equal(unknown.files_ratio, null);
});

test("targets are judged on the exact figures, limits included; unknown stays unknown", () => {
  const met = compareStacks({ total_s: 63.5, cpu_s: 70.3, peak_rss_mb: 3900, rebuild_s: 6.35 }, naive);
  assert.equal(met.build_ratio, 1);
  assert.deepEqual(met.targets, { build_within_naive: true, rebuild_within_share: true, rebuild_within_seconds: true, peak_within_naive_pagefind: true });
  const justOver = compareStacks({ total_s: 63.51, cpu_s: null, peak_rss_mb: null, rebuild_s: null }, naive);
  assert.equal(justOver.build_ratio, 1, "rounded for show");
  assert.equal(justOver.targets.build_within_naive, false, "judged unrounded");
  assert.equal(justOver.cpu_ratio, null);
  assert.deepEqual(
    [justOver.targets.rebuild_within_share, justOver.targets.rebuild_within_seconds, justOver.targets.peak_within_naive_pagefind],
    [null, null, null],
  );
  // A rebuild of 12 s is within 15 s but not within 10% of a 100 s build.
  const partly = compareStacks({ total_s: 100, cpu_s: null, peak_rss_mb: null, rebuild_s: 12 }, naive);
  assert.equal(partly.targets.rebuild_within_seconds, true);
  assert.equal(partly.targets.rebuild_within_share, false);
});

test("figures, ratios and shares print with units, dashes for the unknown", () => {
  assert.equal(figure(4969.4, "MB", 0), "4,969 MB");
  assert.equal(figure(62.1, "s", 2), "62.10 s");
  assert.equal(figure(null, "s", 2), "—");
  assert.equal(figure(12, "", 0), "12");
  assert.equal(times(1.784), "1.78×");
  assert.equal(times(null), "—");
  assert.equal(percent(0.134), "13.4%");
  assert.equal(percent(undefined), "—");
});

const result: BenchResult = {
  articles: 10_000,
  ingest_s: 3.1,
  astro_s: 105.9,
  index_s: 101.2,
  total_s: 113,
  peak_rss_mb: 4950,
  dist_mb: 293,
  first_query_kb: 241,
  next_query_kb: 62.1,
  rebuild_s: 25,
  dist_files: 44_208,
  search: { pages: 10_000 },
  build_peak_rss_mb: 4600,
  stage_cpu_s: { ingest: 4.5, astro: 70.2, index: 98.8 },
  stage_system_s: { ingest: 1.5, astro: 20.5, index: 18 },
  files_created: 125_000,
  stage_peak_rss_mb: { ingest: 400, astro: 1700, index: 2900 },
  rebuild_stages_s: { ingest: 3.1, astro: 21.9, index: 11.4 },
  naive,
  contention: {
    cores: 2,
    archive: { wall_s: 113, other_cpu_s: 4.5, other_share: 0.02, file_creation_us: 21.4 },
    naive: { wall_s: 63.5, other_cpu_s: 30, other_share: 0.236, file_creation_us: 312 },
  },
};
result.compare = compareStacks({ total_s: 113, cpu_s: 173.5, system_s: 40, files_created: 125_000, peak_rss_mb: 4600, rebuild_s: 25, cores: 2 }, naive);

test("the side-by-side table: each measure's two figures, the ratio and the target", () => {
  const text = renderComparison(result)!;
  assert.match(text, /^side by side\s+archive\s+naive \(Astro blog \+ Pagefind CLI\)\s+archive ÷ naive\s+target$/m);
  assert.match(text, /^whole build \(wall\)\s+113\.00 s\s+63\.50 s\s+1\.78×\s+≤ 1×: missed$/m);
  assert.match(text, /^ {2}search index\s+101\.20 s, beside Astro\s+35\.00 s, after it\s+2\.89×$/m);
  assert.match(text, /^CPU time, all steps\s+173\.5 s\s+70\.3 s\s+2\.47×$/m);
  assert.match(text, /^ {2}÷ cores: the shortest whole build here\s+86\.8 s \(the build kept the cores 76\.8% busy\)\s+63\.50 s\s+1\.37×\s+above 1×, only less work meets ≤ 1×$/m);
  assert.match(text, /^ {2}of it, the kernel's \(system time\)\s+40\.0 s\s+16\.0 s\s+2\.50×$/m);
  assert.match(text, /^files and folders created\s+125,000\s+31,250\s+4\.00×$/m);
  assert.match(text, /^peak RSS\s+4,600 MB, all at once\s+3,900 MB, Pagefind\s+1\.18×\s+≤ 1×: missed$/m);
  assert.match(text, /^rebuild \(\+1 issue\)\s+25\.00 s\s+60\.20 s\s+0\.42×\s+≤ 15 s: missed$/m);
  assert.match(text, /^rebuild ÷ whole build\s+22\.1%\s+94\.8%\s+≤ 10%: missed$/m);
  assert.match(text, /^other processes' share of the machine\s+2\.0%\s+23\.6%\s+≤ 10% for wall times to compare$/m);
  assert.match(text, /^a new file's system time, just before\s+21\.4 µs\s+312\.0 µs\s+≤ 40 µs for wall times to compare$/m);
  assert.match(text, /^pages in the search index\s+10,000\s+10,000$/m);
  assert.match(text, /^output\s+44,208 files, 293\.0 MB\s+10,001 files, 120\.5 MB$/m);
});

test("without a rebuild the table has no rebuild rows; without the naive stack, no table", () => {
  const text = renderComparison({ ...result, rebuild_s: null, rebuild_stages_s: null, naive: { ...naive, rebuild_s: null, rebuild_stages_s: null } })!;
  assert.doesNotMatch(text, /rebuild/);
  assert.equal(renderComparison({ ...result, naive: null }), null);
  assert.equal(renderComparison({ ...result, compare: undefined }), null);
});

test("the report puts the comparison after the figures and before the notes; the JSON carries it whole", () => {
  const text = renderReport({ ...result, notes: ["a note"] }, [renderComparison(result)]);
  const figures = text.indexOf("total (wall)");
  const side = text.indexOf("side by side");
  const note = text.indexOf("note: a note");
  assert.ok(figures >= 0 && figures < side && side < note, text);
  const json = JSON.parse(resultJson(result)) as { naive: NaiveResult; compare: { build_ratio: number; targets: Record<string, boolean> } };
  assert.equal(json.naive.pagefind_s, 35);
  assert.equal(json.compare.build_ratio, 1.78);
  assert.equal(json.compare.targets.build_within_naive, false);
});

test("the pages the Pagefind CLI indexed, from its log", () => {
  const log = "[Building search indexes]\nTotal: \n  Indexed 1 language\n  Indexed 10000 pages\n  Indexed 13003 words\n";
  assert.equal(pagefindIndexedPages(log), 10_000);
  assert.equal(pagefindIndexedPages("  Indexed 1 page\n"), 1);
  assert.equal(pagefindIndexedPages("Error: no pages"), null);
});

test("what other processes took of the machine during a build, and the note when it was much", () => {
  // 100 s on 2 cores: 200 CPU seconds; the machine was busy 150, the build 120.
  assert.deepEqual(contention(100, 150, 120, 2), { wall_s: 100, other_cpu_s: 30, other_share: 0.15 });
  assert.deepEqual(contention(100, 119.5, 120, 2), { wall_s: 100, other_cpu_s: 0, other_share: 0 }, "never below nothing");
  assert.deepEqual(contention(100, null, 120, 2), { wall_s: 100, other_cpu_s: null, other_share: null });
  const quiet = contention(100, 125, 120, 2);
  assert.equal(contentionNote(quiet, quiet), null);
  assert.match(contentionNote(quiet, contention(60, 100, 60, 2)) ?? "", /^other processes took 2\.5% of the machine during the archive's build and 33\.3% during the naive stack's: the wall-time ratios are not reliable/);
});
