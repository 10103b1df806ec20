/**
 * npm run bench -- [--articles 1000] [--stages ingest,astro,index] [--rebuild] [--compare] [--json]
 *                  [--keep] [--work .bench/<N>] [--seed archive-bench] [--terms 党建,基层]
 *                  [--no-first-results] [--throttle 10,40] [--matrix <articles a site job>] [--no-wait]
 *
 * Builds a synthetic archive of N articles (src/lib/bench/synthetic-issues.ts: the seed pages'
 * real text, recombined) and times the pipeline on it as `npm run build` runs it, each stage a
 * child process, the site and the index started with the ingest, waiting for its articles, then
 * side by side (src/lib/build/build-signals.ts):
 *   ingest  node scripts/ingest.ts --in <work>/content/issues --out <work>/content/articles --quiet
 *   astro   astro build, in a work copy of the project (<work>: src/, public/, scripts/, configs and
 *           content/data copied; node_modules found by walking up), with ARCHIVE_CONTENT_DIR, ARCHIVE_OUT_DIR
 *           (and ARCHIVE_ISSUES_DIR) pointing into <work>; the real content/ and dist/ are untouched
 *   index   node scripts/index-search.ts (npm run index) in the work copy (made for either stage), with the same variables
 * and reports seconds per stage and of the whole build, articles per second, the peak RSS of each
 * stage's process tree and of all of them at once (sampled from /proc every 100 ms), the files and bytes in dist, and the bytes a first and a
 * further search query download (src/lib/bench/search-bytes.ts). Then, unless --no-first-results
 * (and when the astro and index stages ran), it serves the built dist on 127.0.0.1
 * (src/lib/bench/static-server.ts) and measures in Chromium the bytes and time to a search's
 * first results and to its complete list (src/lib/bench/first-results.ts), on a network of
 * --throttle <Mbit/s>,<ms a round trip> (default 10,40). --rebuild then adds
 * one issue file of a new date and reruns the stages: rebuild_s.
 *
 * --compare (needs every stage) also runs the naive stack on the same articles in the same run,
 * after the archive's stages and never beside them: Astro's documented blog (bench/naive-blog,
 * copied to <work>/naive so that it finds the project's own Astro and Pagefind by walking up:
 * the glob loader over <work>/content/articles, one page per entry rendered with render()), then
 * the Pagefind CLI over its dist, each step timed and sampled as the archive's stages are; with
 * --rebuild both steps run again after the archive's rebuild has ingested the new issue. It
 * prints the ratios beside the absolute figures (src/lib/bench/compare.ts).
 *
 * --matrix N builds the archive as the jobs of a CI matrix would (docs/scale.md, "Growing past one
 * machine"), one after another here: after the ingest, each part of the site's plan
 * (`npm run site-parts -- plan --per-job N`: runs of years of at most N articles, then the pages
 * that span years) by an `astro build` of its own, the join of the parts into <work>/dist, each
 * search bundle (`npm run index -- --shard`), then the index's join; each job timed and sampled
 * as a stage is. astro_s and index_s are then the sums of the site's jobs and of the index's,
 * each with its join. Not with --compare or --rebuild; no first results are measured.
 *
 * --json prints exactly one JSON object (progress goes to stderr). Its keys:
 *   articles, ingest_s, astro_s, index_s   articles the ingest wrote; wall seconds per stage (astro and
 *                           index from their start, beside the ingest, to their end)
 *   total_s                 the archive's whole build, wall: from the ingest's start to the end of the last stage
 *   peak_rss_mb             peak RSS of everything at once, the benchmark's own process included
 *   dist_mb, first_query_kb, next_query_kb   output size; bytes of a first and a further query
 *   rebuild_s               the archive's rebuild after one new issue, wall (null without --rebuild)
 *   articles_requested, issue_files, issue_mb, articles_per_s, ingest_articles_per_s
 *   build_peak_rss_mb       peak RSS of the build's processes at once, without the benchmark's own
 *                           process (what `npm run build`'s children hold; the figure compared)
 *   stage_cpu_s, stage_peak_rss_mb          per stage: CPU seconds and peak RSS of its process tree
 *   stage_system_s          per stage: of its CPU seconds, the kernel's (system time)
 *   files_created           files and folders the whole build made (its site, articles and caches;
 *                           a hard link counted once: src/lib/bench/files-created.ts)
 *   dist_files, dist_bytes, search          output files and bytes; the query estimate in detail
 *   rebuild_stages_s, rebuild_stage_cpu_s, rebuild_peak_rss_mb   the rebuild per stage, and its peak
 *   first_results           null, or per query: { query, bytes_to_first, ms_to_first,
 *                           requests_to_first, bytes_to_complete, ms_to_complete, requests_to_complete }:
 *                           bytes as the server sent them (headers and body), ms from the navigation
 *   first_results_network   the emulated network: { mbit_s, latency_ms } (--throttle; 10 and 40)
 *   matrix                  null without --matrix; else { articles_per_site_job, site_jobs, site_join,
 *                           index_jobs, index_join (each job { job, wall_s, cpu_s, peak_rss_mb, ok }),
 *                           one_after_another_s, estimated_matrix_s (the ingest, the longest job,
 *                           then both joins), largest_job_peak_rss_mb }
 *   naive                   null without --compare; else { astro_s, pagefind_s, total_s (both, one
 *                           after the other), cpu_s: {astro, pagefind}, system_s: {astro, pagefind}
 *                           (of cpu_s, the kernel's), files_created (its site and Astro's cache),
 *                           peak_rss_mb: {astro, pagefind},
 *                           dist_files, dist_mb, pages_indexed (the CLI's count: the articles),
 *                           rebuild_s, rebuild_stages_s: {astro, pagefind}, ok }
 *   compare                 null without --compare; else { build_ratio (total_s ÷ naive.total_s),
 *                           cpu_ratio (the archive's CPU seconds, all stages, ÷ the naive stack's),
 *                           peak_ratio (build_peak_rss_mb ÷ naive.peak_rss_mb.pagefind),
 *                           rebuild_share (rebuild_s ÷ total_s), rebuild_ratio (rebuild_s ÷
 *                           naive.rebuild_s), cpu_floor_s (the archive's CPU seconds ÷ the cores:
 *                           its shortest possible build here), floor_ratio (cpu_floor_s ÷
 *                           naive.total_s: above 1, only less work can meet the build target),
 *                           core_use (cpu_floor_s ÷ total_s), system_ratio (the archive's system
 *                           seconds ÷ the naive stack's), files_ratio (files_created ÷ the naive
 *                           stack's), targets: { build_within_naive, rebuild_within_share
 *                           (≤ 10%), rebuild_within_seconds (≤ 15 s), peak_within_naive_pagefind }:
 *                           true, false, or null when not measured }
 *   contention              what other processes took of the machine while each stack built (the
 *                           machine's busy CPU seconds from /proc/stat, less the build's own):
 *                           { cores, archive, naive, archive_rebuild, naive_rebuild }, each null or
 *                           { wall_s, other_cpu_s, other_share (÷ wall_s × cores), file_creation_us };
 *                           above 10% on either side a note says the wall-time ratios of the run are
 *                           not reliable. file_creation_us: the system time a new file cost just
 *                           before that build (src/lib/bench/file-creation.ts); while files deleted
 *                           in the last minutes make it slow (an earlier run's work folder), the
 *                           benchmark waits before each build (below), and a note names a build
 *                           that started slow all the same
 *   stages, ok, work, notes
 * The work folder is removed at the end unless --keep.
 *
 * New files cost this machine's file system (ext4 without a journal) twenty times their usual
 * system time for minutes after files are deleted (src/lib/bench/file-creation.ts). So the
 * benchmark notes when it deletes a work folder (node_modules/.cache/bench-last-deletion) and
 * waits out that window (six minutes) before its first build, and before each build probes what
 * a new file costs, waiting while it is slow (at most seven minutes more); --no-wait starts at
 * once.
 */
import { execFileSync, spawn, type ChildProcess, type ChildProcessByStdio } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { BenchOptions, Stage } from "../src/lib/bench/args.ts";
import { BenchArgsError, parseBenchArgs } from "../src/lib/bench/args.ts";
import type { NaiveResult } from "../src/lib/bench/compare.ts";
import type { Contention } from "../src/lib/bench/compare.ts";
import { filesCreated } from "../src/lib/bench/files-created.ts";
import { DELETION_WINDOW_MS, deletionWaitMs, SLOW_FILE_CREATION_US, settleFileCreation } from "../src/lib/bench/file-creation.ts";
import { withCompileCache } from "../src/lib/build/compile-cache.ts";
import { compareStacks, contention, contentionNote, pagefindIndexedPages, renderComparison, sumKnown } from "../src/lib/bench/compare.ts";
import type { MatrixJobRun } from "../src/lib/bench/matrix.ts";
import { matrixJson, renderMatrix } from "../src/lib/bench/matrix.ts";
import { machineBusySeconds, sampleTreeRss } from "../src/lib/bench/process-rss.ts";
import type { Throttle } from "../src/lib/bench/first-results.ts";
import { DEFAULT_THROTTLE, measureFirstResults } from "../src/lib/bench/first-results.ts";
import type { BenchResult, FirstResultsJson } from "../src/lib/bench/report.ts";
import { firstResultsJson, renderReport, resultJson, round } from "../src/lib/bench/report.ts";
import { DEFAULT_TERMS, estimateSearchBytes } from "../src/lib/bench/search-bytes.ts";
import { startStaticServer } from "../src/lib/bench/static-server.ts";
import { buildUnitPool, generateArchive, generateExtraIssue } from "../src/lib/bench/synthetic-issues.ts";
import { ingestFinished, signalledChild, siteFinished } from "../src/lib/build/build-signals.ts";
import { SITE_PID_VARIABLE } from "../src/lib/build/site-priority.ts";
import { loadArchiveConfig } from "../src/lib/config/archive-config.ts";
import { loadPageKnowledge } from "../src/lib/ingest/page-knowledge.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Marks a folder the benchmark made, so that only such a folder is ever deleted. */
const WORK_MARK = ".bench-work";

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2), ROOT);
} catch (error) {
  if (!(error instanceof BenchArgsError)) throw error;
  fail(error.message);
}
const wanted = options.stages;
const terms = options.terms;
const work = options.work;
const issuesDir = join(work, "content", "issues");
const articlesDir = join(work, "content", "articles");
const distDir = join(work, "dist");
const logsDir = join(work, "logs");
/** The naive stack's work copy: inside <work>, so inside the project, for node_modules. */
const naiveDir = join(work, "naive");
const naiveDist = join(naiveDir, "dist");
const notes: string[] = [];

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function log(message: string): void {
  // Progress goes to stderr in every mode: with --json, stdout carries the one JSON object alone.
  console.error(`bench: ${message}`);
}

/** Its modification time is when the benchmark last deleted a work folder. */
const LAST_DELETION = join(ROOT, "node_modules", ".cache", "bench-last-deletion");

function removeWork(): void {
  rmSync(work, { recursive: true, force: true });
  try {
    mkdirSync(dirname(LAST_DELETION), { recursive: true });
    writeFileSync(LAST_DELETION, `${work}\n`);
  } catch (error) {
    log(`could not note the deletion in ${LAST_DELETION} (${(error as Error).message}): the next run will not know to wait for the file system`);
  }
}

function lastDeletionMs(): number | null {
  try {
    return statSync(LAST_DELETION).mtimeMs;
  } catch {
    return null;
  }
}

function prepareWork(): void {
  if (existsSync(work)) {
    if (!existsSync(join(work, WORK_MARK))) fail(`${work} exists and was not made by the benchmark; choose another --work`);
    removeWork();
  }
  mkdirSync(issuesDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  writeFileSync(join(work, WORK_MARK), "made by scripts/bench.ts; deleted by it\n");
}

/** The project as the astro build sees it: sources and configs copied, content pointing at <work>. */
function copyProject(): void {
  for (const entry of ["src", "public", "scripts", "content/data"]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  }
  for (const file of readdirSync(ROOT)) {
    if (/^(astro\.config\.[cm]?[jt]s|tsconfig\.json|package\.json|pagefind\.(yml|yaml|toml|json)|archive\.config\.yaml)$/.test(file)) cpSync(join(ROOT, file), join(work, file));
  }
}

interface StageRun {
  ok: boolean;
  seconds: number;
  peakKb: number;
  cpuSeconds: number;
  /** Of cpuSeconds, the kernel's (system time). */
  systemSeconds: number;
}

/**
 * Runs one stage, its output to <logs>/<name>.log. `signalled`: it hears the build's signals
 * (src/lib/build/build-signals.ts), sent to the child `onStart` gets.
 */
function runStage(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signalled?: boolean; onStart?: (child: ChildProcess) => void },
): Promise<StageRun> {
  const logFile = join(logsDir, `${name}.log`);
  log(`${name}: ${command} ${args.join(" ")}`);
  return new Promise((done) => {
    const out = createWriteStream(logFile);
    const started = performance.now();
    const env = { ...process.env, ...options.env };
    const child = spawn(command, args, { cwd: options.cwd, ...(options.signalled ? signalledChild(env, ["ignore", "pipe", "pipe"]) : { env, stdio: ["ignore", "pipe", "pipe"] }) }) as ChildProcessByStdio<null, Readable, Readable>;
    options.onStart?.(child);
    const sampler = child.pid === undefined ? null : sampleTreeRss(child.pid, 100);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const finish = (ok: boolean) => {
      const seconds = (performance.now() - started) / 1000;
      const usage = sampler?.stop() ?? { peakRssKb: 0, cpuSeconds: 0, systemSeconds: 0 };
      const peakKb = usage.peakRssKb;
      out.end(() => {
        if (!ok) {
          const tail = readFileSync(logFile, "utf8").split("\n").slice(-25).join("\n");
          console.error(`bench: ${name} failed; the end of ${logFile}:\n${tail}`);
        }
        log(`${name}: ${seconds.toFixed(2)} s, ${usage.cpuSeconds.toFixed(2)} s CPU, peak RSS ${(peakKb / 1024).toFixed(0)} MB`);
        done({ ok, seconds, peakKb, cpuSeconds: usage.cpuSeconds, systemSeconds: usage.systemSeconds });
      });
    };
    child.on("error", (error) => {
      out.write(`spawn failed: ${error.message}\n`);
      finish(false);
    });
    child.on("close", (code) => finish(code === 0));
  });
}

function directoryStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Starts watching the machine's CPU over a build; the returned function gives what other
 * processes took meanwhile, given the CPU seconds of the build's own processes (this process's
 * own time is added: its samplers are the benchmark's, not someone else's).
 */
function watchMachine(): (wallSeconds: number, buildCpuSeconds: number | null) => Contention {
  const machineAtStart = machineBusySeconds();
  const selfAtStart = process.cpuUsage();
  return (wallSeconds, buildCpuSeconds) => {
    const machineNow = machineBusySeconds();
    const self = process.cpuUsage(selfAtStart);
    const own = buildCpuSeconds === null ? null : buildCpuSeconds + (self.user + self.system) / 1e6;
    return contention(wallSeconds, machineNow === null || machineAtStart === null ? null : machineNow - machineAtStart, own, availableParallelism());
  };
}

/** Pagefind UI files the search page loads (pagefind-ui.js and the like), if a page references them. */
function referencedUiFiles(): string[] {
  const found = new Set<string>();
  for (const page of ["index.html", "search/index.html"]) {
    const path = join(distDir, page);
    if (!existsSync(path)) continue;
    for (const m of readFileSync(path, "utf8").matchAll(/pagefind\/(pagefind-[\w-]*ui\.(?:js|css))/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** One run of the wanted stages: seconds, peak RSS and CPU per stage, and of the run as a whole. */
interface StagesRun {
  seconds: Partial<Record<Stage, number>>;
  peaks: Partial<Record<Stage, number>>;
  cpu: Partial<Record<Stage, number>>;
  /** Of cpu, the kernel's (system time). */
  system: Partial<Record<Stage, number>>;
  /** Wall seconds of the whole run: the ingest, the site and the index, started together. */
  wall: number;
  /** Peak RSS of everything at once (this process and its children), in kB. */
  peakKb: number;
  /** Peak RSS of the stages' processes at once, this process not counted, in kB. */
  buildPeakKb: number;
  /** What other processes took of the machine meanwhile. */
  contention: Contention;
  ok: boolean;
}

async function runStages(label: string): Promise<StagesRun> {
  const seconds: Partial<Record<Stage, number>> = {};
  const peaks: Partial<Record<Stage, number>> = {};
  const cpu: Partial<Record<Stage, number>> = {};
  const system: Partial<Record<Stage, number>> = {};
  // As `npm run build` runs its steps: with Node's compile cache (the project's, kept between runs).
  const compileCache = withCompileCache(process.env, ROOT);
  const env = {
    ...compileCache,
    ARCHIVE_CONTENT_DIR: articlesDir,
    ARCHIVE_OUT_DIR: distDir,
    ARCHIVE_ISSUES_DIR: issuesDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const record = (stage: Stage, run: StageRun) => {
    seconds[stage] = run.seconds;
    peaks[stage] = run.peakKb;
    cpu[stage] = run.cpuSeconds;
    system[stage] = run.systemSeconds;
    return run.ok;
  };
  const started = performance.now();
  const everything = sampleTreeRss(process.pid, 100);
  const machine = watchMachine();
  const finish = (ok: boolean): StagesRun => {
    const usage = everything.stop();
    const wall = (performance.now() - started) / 1000;
    return { seconds, peaks, cpu, system, wall, peakKb: usage.peakRssKb, buildPeakKb: usage.peakDescendantsRssKb, contention: machine(wall, sumKnown(Object.values(cpu))), ok };
  };

  const ingest = () =>
    runStage(`${label}ingest`, process.execPath, [
      join(ROOT, "scripts", "ingest.ts"),
      "--in", issuesDir,
      "--out", articlesDir,
      "--data", join(ROOT, "content", "data"),
      // No editors' corrections: they name real articles, not synthetic ones.
      "--corrections", join(work, "content", "corrections.yaml"),
      "--quiet",
    ], { cwd: ROOT, env: compileCache });
  const siteOrIndex = wanted.has("astro") || wanted.has("index");
  // As `npm run build` (scripts/build.ts) runs them: the site and the search index start with the
  // ingest and wait for its articles (src/lib/build/build-signals.ts), then run side by side.
  const besideIngest = wanted.has("ingest") && siteOrIndex && options.matrix === null;
  if (!besideIngest) {
    if (wanted.has("ingest") && !record("ingest", await ingest())) return finish(false);
    if (siteOrIndex && !existsSync(articlesDir)) {
      notes.push("astro and index skipped: no articles (run the ingest stage too)");
      return finish(true);
    }
  }
  if (options.matrix !== null) {
    matrixRuns = await runMatrix(env);
    // The jobs one after another, as the stages' totals: the site's parts with their join, the bundles with theirs.
    const total = (runs: (MatrixJobRun | null)[], key: "seconds" | "cpuSeconds") => runs.reduce((sum, run) => sum + (run?.[key] ?? 0), 0);
    const site = [...matrixRuns.site, matrixRuns.siteJoin];
    const index = [...matrixRuns.index, matrixRuns.indexJoin];
    seconds.astro = total(site, "seconds");
    cpu.astro = total(site, "cpuSeconds");
    seconds.index = total(index, "seconds");
    cpu.index = total(index, "cpuSeconds");
    return finish(matrixRuns.ok);
  }
  const sideBySide: Promise<boolean>[] = [];
  let siteChild: ChildProcess | null = null;
  let indexChild: ChildProcess | null = null;
  if (wanted.has("astro")) {
    const astro = runStage(`${label}astro`, process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", distDir], {
      cwd: work,
      env,
      signalled: besideIngest,
      onStart: (child) => (siteChild = child),
    });
    sideBySide.push(
      astro.then((run) => {
        siteFinished(indexChild);
        return record("astro", run);
      }),
    );
  }
  if (wanted.has("index")) {
    // As scripts/build.ts does: the index may lower the site's priority (src/lib/build/site-priority.ts).
    const sitePid = (siteChild as ChildProcess | null)?.pid;
    const index = runStage(`${label}index`, process.execPath, [join(work, "scripts", "index-search.ts")], {
      cwd: work,
      env: sitePid === undefined ? env : { ...env, [SITE_PID_VARIABLE]: String(sitePid) },
      signalled: besideIngest,
      onStart: (child) => (indexChild = child),
    });
    sideBySide.push(index.then((run) => record("index", run)));
  }
  if (besideIngest) {
    const ingested = record("ingest", await ingest());
    // A failed ingest: the pipes close without "ingest-done", and both stop without reading the articles.
    ingestFinished({ site: siteChild, index: indexChild }, ingested);
    if (!ingested) {
      await Promise.all(sideBySide);
      return finish(false);
    }
  }
  const ok = (await Promise.all(sideBySide)).every(Boolean);
  return finish(ok);
}

interface MatrixRuns {
  site: MatrixJobRun[];
  siteJoin: MatrixJobRun | null;
  index: MatrixJobRun[];
  indexJoin: MatrixJobRun | null;
  ok: boolean;
}

let matrixRuns: MatrixRuns | null = null;

/**
 * --matrix: the site's parts (npm run site-parts) and the search bundles (npm run index --
 * --shard) built as the jobs of a CI matrix would build them, here one after another, each job
 * with its own output and caches; then the site's join into <work>/dist and the index's join.
 */
async function runMatrix(buildEnv: NodeJS.ProcessEnv): Promise<MatrixRuns> {
  const runs: MatrixRuns = { site: [], siteJoin: null, index: [], indexJoin: null, ok: false };
  // As the workflow sets it for every job: each bundle is built by a job of its own, so bundles are larger.
  const env = { ...buildEnv, ARCHIVE_INDEX_BUNDLES: "apart" };
  const inWork = { cwd: work, env: { ...process.env, ...env }, encoding: "utf8" } as const;
  const siteParts = join(work, "scripts", "site-parts.ts");
  const partsDir = join(work, "site-parts");
  const shardsDir = join(work, "index-shards");
  const job = async (name: string, command: string, args: string[], jobEnv: NodeJS.ProcessEnv = env): Promise<MatrixJobRun> => {
    const run = await runStage(`matrix-${name.replace(/[^\w-]/g, "-")}`, command, args, { cwd: work, env: jobEnv });
    return { name, seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakKb: run.peakKb, ok: run.ok };
  };
  const parts = JSON.parse(execFileSync(process.execPath, [siteParts, "plan", "--per-job", String(options.matrix)], inWork)) as string[];
  log(`matrix: site parts ${parts.join(", ")}`);
  for (const part of parts) {
    const run = await job(`site ${part}`, process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build"], { ...env, ARCHIVE_SITE_PART: part, ARCHIVE_OUT_DIR: join(partsDir, part) });
    runs.site.push({ ...run, name: part });
    if (!run.ok) return runs;
  }
  runs.siteJoin = { ...(await job("site join", process.execPath, [siteParts, "join", "--out", distDir, "--link", ...parts.map((part) => join(partsDir, part))])), name: "join" };
  if (!runs.siteJoin.ok) return runs;
  const bundles = (JSON.parse(execFileSync("npm", ["run", "--silent", "index", "--", "--plan"], inWork)) as { name: string }[]).map((bundle) => bundle.name);
  log(`matrix: search bundles ${bundles.join(", ")}`);
  for (const bundle of bundles) {
    const run = await job(`index ${bundle}`, "npm", ["run", "--silent", "index", "--", "--shard", bundle, "--cache", shardsDir]);
    runs.index.push({ ...run, name: bundle });
    if (!run.ok) return runs;
  }
  runs.indexJoin = { ...(await job("index join", "npm", ["run", "--silent", "index", "--", "--cache", shardsDir])), name: "join" };
  runs.ok = runs.indexJoin.ok;
  return runs;
}

/** The naive stack's work copy: bench/naive-blog without anything a build of it left there. */
function copyNaive(): void {
  const source = join(ROOT, "bench", "naive-blog");
  cpSync(source, naiveDir, {
    recursive: true,
    filter: (path) => !relative(source, path).split(sep).some((part) => part === "node_modules" || part === "dist" || part === ".astro"),
  });
}

/** The Pagefind CLI's script, as the pagefind package names it (`npx pagefind` runs the same). */
function pagefindCli(): string {
  const dir = join(ROOT, "node_modules", "pagefind");
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.pagefind;
  if (!bin) fail(`no pagefind binary named in ${join(dir, "package.json")}`);
  return join(dir, bin);
}

/** One run of the naive stack: its Astro build, then the Pagefind CLI over its output. */
interface NaiveRun {
  astro: StageRun;
  pagefind: StageRun | null;
  /** Wall seconds of both, one after the other. */
  wall: number;
  /** What other processes took of the machine meanwhile. */
  contention: Contention;
  ok: boolean;
}

async function runNaive(label: string, fileCreationUs: number): Promise<NaiveRun> {
  const env = { NAIVE_ARTICLES_DIR: articlesDir, ASTRO_TELEMETRY_DISABLED: "1" };
  const started = performance.now();
  const machine = watchMachine();
  const astro = await runStage(`${label}naive-astro`, process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build"], { cwd: naiveDir, env });
  const pagefind = astro.ok ? await runStage(`${label}naive-pagefind`, process.execPath, [pagefindCli(), "--site", naiveDist], { cwd: naiveDir, env }) : null;
  const wall = (performance.now() - started) / 1000;
  const others = machine(wall, astro.cpuSeconds + (pagefind?.cpuSeconds ?? 0));
  return { astro, pagefind, wall, contention: { ...others, file_creation_us: fileCreationUs }, ok: astro.ok && (pagefind?.ok ?? false) };
}

/**
 * Serves the archive's dist on 127.0.0.1 and measures, in Chromium, the way of each query to its
 * first results and to the complete list (src/lib/bench/first-results.ts).
 */
async function measureFirst(queries: string[], throttle: Throttle): Promise<FirstResultsJson[] | null> {
  const server = await startStaticServer(distDir, { base: loadArchiveConfig().site.base, gzip: true });
  log(`first results: ${queries.join(", ")} on ${server.siteUrl}, ${throttle.downloadBitsPerSecond / 1e6} Mbit/s and ${throttle.latencyMs} ms a round trip`);
  const started = performance.now();
  try {
    const measures = await measureFirstResults({ siteUrl: server.siteUrl, queries, throttle });
    log(`first results: measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return firstResultsJson(measures);
  } catch (error) {
    notes.push(`first results not measured: ${(error as Error).message.split("\n")[0]}`);
    return null;
  } finally {
    await server.close();
  }
}

const mb = (kb: number | undefined) => (kb === undefined || kb <= 0 ? null : round(kb / 1024, 1));
const perStage = <T extends string>(values: Partial<Record<T, number>>, digits: number) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v as number, digits)]));

function naiveResult(full: NaiveRun, rebuild: NaiveRun | null, dist: { files: number; bytes: number } | null, created: number | null): NaiveResult {
  return {
    astro_s: round(full.astro.seconds, 2),
    pagefind_s: round(full.pagefind?.seconds, 2),
    total_s: full.pagefind ? round(full.wall, 2) : null,
    cpu_s: { astro: round(full.astro.cpuSeconds, 2), pagefind: round(full.pagefind?.cpuSeconds, 2) },
    system_s: { astro: round(full.astro.systemSeconds, 2), pagefind: round(full.pagefind?.systemSeconds, 2) },
    files_created: created,
    peak_rss_mb: { astro: mb(full.astro.peakKb), pagefind: mb(full.pagefind?.peakKb) },
    dist_files: dist?.files ?? null,
    dist_mb: dist ? round(dist.bytes / 1048576, 1) : null,
    pages_indexed: full.pagefind ? pagefindIndexedPages(readFileSync(join(logsDir, "naive-pagefind.log"), "utf8")) : null,
    rebuild_s: rebuild?.pagefind ? round(rebuild.wall, 2) : null,
    rebuild_stages_s: rebuild ? { astro: round(rebuild.astro.seconds, 2), pagefind: round(rebuild.pagefind?.seconds, 2) } : null,
    ok: full.ok && (rebuild?.ok ?? true),
  };
}

/** Longest wait for new files to be cheap again before a build (file-creation.ts): the kernel's window is six minutes at most. */
const SETTLE_MAX_MS = 7 * 60_000;
const SETTLE_INTERVAL_MS = 15_000;

/**
 * Waits until creating a file costs what it does on a quiet file system, so that neither stack's
 * build pays for files deleted before it (file-creation.ts); returns the cost measured last, in µs.
 */
async function settleFiles(folder: string, build: string): Promise<number> {
  const probes = join(work, "file-probes", folder);
  const window = options.wait ? deletionWaitMs(lastDeletionMs(), Date.now()) : 0;
  if (window > 0) {
    log(`${build}: waiting ${Math.ceil(window / 1000)} s: the benchmark deleted a work folder less than ${DELETION_WINDOW_MS / 60_000} minutes ago, and new files stay slow that long (--no-wait starts at once)`);
    await new Promise((done) => setTimeout(done, window));
  }
  let told = false;
  const onWait = (cost: number) => {
    if (!told) log(`${build}: a new file costs ${round(cost, 1)} µs of system time (files deleted minutes ago); waiting for it to fall to ${SLOW_FILE_CREATION_US} µs, at most ${SETTLE_MAX_MS / 60_000} minutes (--no-wait starts at once)`);
    told = true;
  };
  const settled = await settleFileCreation(probes, { maxWaitMs: options.wait ? SETTLE_MAX_MS : 0, intervalMs: SETTLE_INTERVAL_MS, onWait });
  const cost = round(settled.microsPerFile, 1) ?? 0;
  if (settled.waitedSeconds > 0) log(`${build}: waited ${settled.waitedSeconds} s for new files to be cheap again (files deleted minutes ago made them slow); now ${cost} µs a file`);
  if (!settled.settled) notes.push(`the ${build} started while a new file cost ${cost} µs of system time (above ${SLOW_FILE_CREATION_US} µs: files deleted minutes before): its wall time is not comparable`);
  return cost;
}

async function main(): Promise<void> {
  prepareWork();
  const genStarted = performance.now();
  const knowledge = loadPageKnowledge(join(ROOT, "content", "data"));
  const seedDir = join(ROOT, "content", "issues");
  const seedPages = readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedDir, name), "utf8") }));
  const pool = buildUnitPool(seedPages, knowledge);
  const issues = generateArchive(pool, { articles: options.articles, seed: options.seed });
  for (const issue of issues) writeFileSync(join(issuesDir, issue.name), issue.text);
  const planned = issues.reduce((sum, i) => sum + i.items, 0);
  const issueBytes = issues.reduce((sum, i) => sum + Buffer.byteLength(i.text), 0);
  log(`generated ${issues.length} issue files (${planned} items, ${(issueBytes / 1048576).toFixed(1)} MB) in ${((performance.now() - genStarted) / 1000).toFixed(1)} s → ${issuesDir}`);

  // The site and the index both run in the work copy, each with its caches there.
  if (wanted.has("astro") || wanted.has("index")) copyProject();
  if (options.compare) copyNaive();

  const archiveFileCost = await settleFiles("archive", "archive's build");
  const full = await runStages("");
  full.contention.file_creation_us = archiveFileCost;
  // What the build made, before anything else runs: its site, its articles, its caches.
  const archiveCreated = full.ok ? filesCreated([distDir, articlesDir, join(work, "node_modules", ".astro")]) : null;
  let produced: number | null = null;
  if (existsSync(join(articlesDir, "parse-report.json"))) {
    const report = JSON.parse(readFileSync(join(articlesDir, "parse-report.json"), "utf8")) as { issues?: { articles?: unknown[] }[] };
    produced = (report.issues ?? []).reduce((sum, i) => sum + (i.articles?.length ?? 0), 0);
  }

  const dist = existsSync(distDir) ? directoryStats(distDir) : null;
  const search = dist ? estimateSearchBytes(join(distDir, "pagefind"), {
        terms: terms ?? undefined,
        uiFiles: referencedUiFiles(),
        // The search page loads filter counts only when the reader opens the filters.
        filters: false,
      }) : null;
  if (wanted.has("index") && dist && !search && full.seconds.index !== undefined) notes.push("no Pagefind bundle found in dist/pagefind: query sizes unknown");

  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  const firstResults = options.firstResults && full.ok && dist ? await measureFirst([...(terms ?? DEFAULT_TERMS)], throttle) : null;

  // The naive stack on the same articles, once the archive's stages are done (never beside them).
  const naiveFull = options.compare && full.ok ? await runNaive("", await settleFiles("naive", "naive stack's build")) : null;
  const naiveDistStats = naiveFull && existsSync(naiveDist) ? directoryStats(naiveDist) : null;
  const naiveCreated = naiveFull?.ok ? filesCreated([naiveDist, join(naiveDir, "node_modules", ".astro")]) : null;
  if (options.compare && !naiveFull) notes.push("naive stack not run: the archive's build failed");

  let rebuild: StagesRun | null = null;
  let naiveRebuild: NaiveRun | null = null;
  if (options.rebuild && full.ok) {
    const last = issues.map((i) => i.date).sort().at(-1) ?? "2025-12-31";
    const extra = generateExtraIssue(pool, last, `${options.seed}-extra`);
    writeFileSync(join(issuesDir, extra.name), extra.text);
    log(`rebuild: added ${extra.name} (${extra.items} items)`);
    const rebuildFileCost = await settleFiles("archive-rebuild", "archive's rebuild");
    rebuild = await runStages("rebuild-");
    rebuild.contention.file_creation_us = rebuildFileCost;
    // The same new articles, which the archive's rebuild has just ingested.
    if (naiveFull?.ok && rebuild.ok) naiveRebuild = await runNaive("rebuild-", await settleFiles("naive-rebuild", "naive stack's rebuild"));
  }

  const total = full.wall;
  const producedArticles = produced ?? planned;
  const naive = naiveFull ? naiveResult(naiveFull, naiveRebuild, naiveDistStats, naiveCreated) : null;
  const buildPeakMb = mb(full.buildPeakKb);
  const rebuildS = rebuild ? round(rebuild.wall, 2) : null;
  const result: BenchResult = {
    articles: producedArticles,
    ingest_s: round(full.seconds.ingest, 2),
    astro_s: round(full.seconds.astro, 2),
    index_s: round(full.seconds.index, 2),
    total_s: round(total, 2) ?? 0,
    peak_rss_mb: mb(full.peakKb),
    dist_mb: dist ? round(dist.bytes / 1048576, 1) : null,
    first_query_kb: search ? round(search.first.bytes / 1024, 1) : null,
    next_query_kb: search ? round(search.next.bytes / 1024, 1) : null,
    rebuild_s: rebuildS,
    articles_requested: options.articles,
    issue_files: issues.length,
    issue_mb: round(issueBytes / 1048576, 1),
    articles_per_s: total > 0 ? round(producedArticles / total, 0) : null,
    ingest_articles_per_s: full.seconds.ingest ? round(producedArticles / full.seconds.ingest, 0) : null,
    build_peak_rss_mb: buildPeakMb,
    stage_cpu_s: perStage(full.cpu, 2),
    stage_system_s: perStage(full.system, 2),
    files_created: archiveCreated,
    stage_peak_rss_mb: Object.fromEntries(Object.entries(full.peaks).map(([k, v]) => [k, round((v ?? 0) / 1024, 1)])),
    dist_files: dist?.files ?? null,
    dist_bytes: dist?.bytes ?? null,
    search: search
      ? {
          language: search.language,
          pages: search.pages,
          index_chunks: search.indexChunks,
          base_kb: round(search.baseBytes / 1024, 1),
          filter_kb: round(search.filterBytes / 1024, 1),
          first: search.first,
          next: search.next,
        }
      : null,
    rebuild_stages_s: rebuild ? perStage(rebuild.seconds, 2) : null,
    rebuild_stage_cpu_s: rebuild ? perStage(rebuild.cpu, 2) : null,
    rebuild_peak_rss_mb: rebuild ? mb(rebuild.peakKb) : null,
    first_results: firstResults,
    first_results_network: firstResults ? { mbit_s: throttle.downloadBitsPerSecond / 1e6, latency_ms: throttle.latencyMs } : null,
    matrix: matrixRuns ? matrixJson(options.matrix!, full.seconds.ingest ?? null, matrixRuns) : null,
    naive,
    compare: naive
      ? compareStacks(
          {
            total_s: round(total, 2),
            cpu_s: sumKnown(Object.values(full.cpu)),
            system_s: sumKnown(Object.values(full.system)),
            files_created: archiveCreated,
            peak_rss_mb: buildPeakMb,
            rebuild_s: rebuildS,
            cores: availableParallelism(),
          },
          naive,
        )
      : null,
    contention: {
      cores: availableParallelism(),
      archive: full.contention,
      naive: naiveFull?.contention ?? null,
      archive_rebuild: rebuild?.contention ?? null,
      naive_rebuild: naiveRebuild?.contention ?? null,
    },
    stages: [...wanted],
    ok: full.ok && (rebuild?.ok ?? true) && (naive?.ok ?? true),
    work: options.keep ? work : null,
    notes,
  };
  if (!full.ok) notes.push("a stage failed; see the message above");
  if (naive && !naive.ok) notes.push("a step of the naive stack failed; see the message above");
  const busy = naiveFull ? contentionNote(full.contention, naiveFull.contention) : null;
  if (busy) notes.push(busy);
  const busyRebuild = rebuild && naiveRebuild ? contentionNote(rebuild.contention, naiveRebuild.contention) : null;
  if (busyRebuild) notes.push(`in the rebuild, ${busyRebuild}`);
  // The same articles on both sides: the naive Pagefind indexes one page per article, as the archive's index does.
  if (naive?.ok && naive.pages_indexed !== producedArticles) notes.push(`the naive stack indexed ${naive.pages_indexed ?? "an unknown number of"} pages for ${producedArticles} articles`);

  console.log(options.json ? resultJson(result) : renderReport(result, [renderMatrix(result.matrix as ReturnType<typeof matrixJson> | null), renderComparison(result)]));
  if (!options.keep) removeWork();
  else log(`kept ${work}`);
  process.exitCode = result.ok ? 0 : 1;
}

await main();
