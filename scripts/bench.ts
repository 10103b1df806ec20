/**
 * npm run bench -- [--articles 1000] [--stages ingest,astro,index] [--rebuild] [--json] [--keep]
 *                  [--work .bench/<N>] [--seed archive-bench] [--terms 党建,基层]
 *
 * Builds a synthetic archive of N articles (src/lib/bench/synthetic-issues.ts: the seed pages'
 * real text, recombined) and times the pipeline on it as `npm run build` runs it, each stage a
 * child process, the site and the index side by side once the ingest is done:
 *   ingest  node scripts/ingest.ts --in <work>/content/issues --out <work>/content/articles --quiet
 *   astro   astro build, in a work copy of the project (<work>: src/, public/, scripts/, configs and
 *           content/data copied; node_modules found by walking up), with ARCHIVE_CONTENT_DIR, ARCHIVE_OUT_DIR
 *           (and ARCHIVE_ISSUES_DIR) pointing into <work>; the real content/ and dist/ are untouched
 *   index   npm run index in the work copy, with the same variables
 * and reports seconds per stage and of the whole build, articles per second, the peak RSS of each
 * stage's process tree and of all of them at once (sampled from /proc every 100 ms), the files and bytes in dist, and the bytes a first and a
 * further search query download (src/lib/bench/search-bytes.ts). --rebuild then adds one issue
 * file of a new date and reruns the stages: rebuild_s. --json prints exactly one JSON object.
 * The work folder is removed at the end unless --keep.
 */
import { spawn } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sampleTreeRss } from "../src/lib/bench/process-rss.ts";
import type { BenchResult } from "../src/lib/bench/report.ts";
import { renderReport, resultJson, round } from "../src/lib/bench/report.ts";
import { estimateSearchBytes } from "../src/lib/bench/search-bytes.ts";
import { buildUnitPool, generateArchive, generateExtraIssue } from "../src/lib/bench/synthetic-issues.ts";
import { loadPageKnowledge } from "../src/lib/ingest/page-knowledge.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STAGES = ["ingest", "astro", "index"] as const;
type Stage = (typeof STAGES)[number];
/** Marks a folder the benchmark made, so that only such a folder is ever deleted. */
const WORK_MARK = ".bench-work";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    stages: { type: "string", default: STAGES.join(",") },
    rebuild: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    work: { type: "string" },
    seed: { type: "string", default: "archive-bench" },
    terms: { type: "string" },
  },
});

const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) fail(`--articles must be a positive whole number, not "${values.articles}"`);
const stages = values.stages.split(",").map((s) => s.trim()).filter(Boolean);
for (const s of stages) if (!(STAGES as readonly string[]).includes(s)) fail(`unknown stage "${s}" (stages: ${STAGES.join(", ")})`);
const wanted = new Set(stages as Stage[]);
const terms = values.terms?.split(",").map((t) => t.trim());
if (terms && terms.length !== 2) fail("--terms takes two comma-separated terms: the first query's and a further one's");

const work = values.work ? resolve(values.work) : join(ROOT, ".bench", String(articles));
// The work copy finds the project's node_modules by walking up, so it must sit inside the project.
if (wanted.has("astro") && !(work + sep).startsWith(ROOT + sep)) fail(`--work must be inside the project (${ROOT}) for the astro stage to find node_modules`);
const issuesDir = join(work, "content", "issues");
const articlesDir = join(work, "content", "articles");
const distDir = join(work, "dist");
const logsDir = join(work, "logs");
const notes: string[] = [];

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function log(message: string): void {
  // Progress goes to stderr in every mode: with --json, stdout carries the one JSON object alone.
  console.error(`bench: ${message}`);
}

function prepareWork(): void {
  if (existsSync(work)) {
    if (!existsSync(join(work, WORK_MARK))) fail(`${work} exists and was not made by the benchmark; choose another --work`);
    rmSync(work, { recursive: true, force: true });
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
}

function runStage(name: string, command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<StageRun> {
  const logFile = join(logsDir, `${name}.log`);
  log(`${name}: ${command} ${args.join(" ")}`);
  return new Promise((done) => {
    const out = createWriteStream(logFile);
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    const sampler = child.pid === undefined ? null : sampleTreeRss(child.pid, 100);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const finish = (ok: boolean) => {
      const seconds = (performance.now() - started) / 1000;
      const usage = sampler?.stop() ?? { peakRssKb: 0, cpuSeconds: 0 };
      const peakKb = usage.peakRssKb;
      out.end(() => {
        if (!ok) {
          const tail = readFileSync(logFile, "utf8").split("\n").slice(-25).join("\n");
          console.error(`bench: ${name} failed; the end of ${logFile}:\n${tail}`);
        }
        log(`${name}: ${seconds.toFixed(2)} s, ${usage.cpuSeconds.toFixed(2)} s CPU, peak RSS ${(peakKb / 1024).toFixed(0)} MB`);
        done({ ok, seconds, peakKb, cpuSeconds: usage.cpuSeconds });
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
  /** Wall seconds of the whole run: the ingest, then the site and the index side by side. */
  wall: number;
  /** Peak RSS of everything at once (this process and its children), in kB. */
  peakKb: number;
  ok: boolean;
}

async function runStages(label: string): Promise<StagesRun> {
  const seconds: Partial<Record<Stage, number>> = {};
  const peaks: Partial<Record<Stage, number>> = {};
  const cpu: Partial<Record<Stage, number>> = {};
  const env = {
    ARCHIVE_CONTENT_DIR: articlesDir,
    ARCHIVE_OUT_DIR: distDir,
    ARCHIVE_ISSUES_DIR: issuesDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const record = (stage: Stage, run: StageRun) => {
    seconds[stage] = run.seconds;
    peaks[stage] = run.peakKb;
    cpu[stage] = run.cpuSeconds;
    return run.ok;
  };
  const started = performance.now();
  const everything = sampleTreeRss(process.pid, 100);
  const finish = (ok: boolean): StagesRun => ({ seconds, peaks, cpu, wall: (performance.now() - started) / 1000, peakKb: everything.stop().peakRssKb, ok });

  if (wanted.has("ingest")) {
    const run = await runStage(`${label}ingest`, process.execPath, [
      join(ROOT, "scripts", "ingest.ts"),
      "--in", issuesDir,
      "--out", articlesDir,
      "--data", join(ROOT, "content", "data"),
      // No editors' corrections: they name real articles, not synthetic ones.
      "--corrections", join(work, "content", "corrections.yaml"),
      "--quiet",
    ], { cwd: ROOT });
    if (!record("ingest", run)) return finish(false);
  }

  // As `npm run build` (scripts/build.ts) runs them: the site and the search index side by side,
  // both reading the ingest's articles.
  const sideBySide: Promise<boolean>[] = [];
  if ((wanted.has("astro") || wanted.has("index")) && !existsSync(articlesDir)) {
    notes.push("astro and index skipped: no articles (run the ingest stage too)");
    return finish(true);
  }
  if (wanted.has("astro")) {
    const astro = runStage(`${label}astro`, process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", distDir], { cwd: work, env });
    sideBySide.push(astro.then((run) => record("astro", run)));
  }
  if (wanted.has("index")) {
    const index = runStage(`${label}index`, "npm", ["run", "--silent", "index"], { cwd: work, env });
    sideBySide.push(index.then((run) => record("index", run)));
  }
  const ok = (await Promise.all(sideBySide)).every(Boolean);
  return finish(ok);
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
  const issues = generateArchive(pool, { articles, seed: values.seed });
  for (const issue of issues) writeFileSync(join(issuesDir, issue.name), issue.text);
  const planned = issues.reduce((sum, i) => sum + i.items, 0);
  const issueBytes = issues.reduce((sum, i) => sum + Buffer.byteLength(i.text), 0);
  log(`generated ${issues.length} issue files (${planned} items, ${(issueBytes / 1048576).toFixed(1)} MB) in ${((performance.now() - genStarted) / 1000).toFixed(1)} s → ${issuesDir}`);

  if (wanted.has("astro")) {
    copyProject();
  }

  const full = await runStages("");
  let produced: number | null = null;
  if (existsSync(join(articlesDir, "parse-report.json"))) {
    const report = JSON.parse(readFileSync(join(articlesDir, "parse-report.json"), "utf8")) as { issues?: { articles?: unknown[] }[] };
    produced = (report.issues ?? []).reduce((sum, i) => sum + (i.articles?.length ?? 0), 0);
  }

  const dist = existsSync(distDir) ? directoryStats(distDir) : null;
  const search = dist ? estimateSearchBytes(join(distDir, "pagefind"), {
        terms: terms as [string, string] | undefined,
        uiFiles: referencedUiFiles(),
        // The search page loads filter counts only when the reader opens the filters.
        filters: false,
      }) : null;
  if (wanted.has("index") && dist && !search && full.seconds.index !== undefined) notes.push("no Pagefind bundle found in dist/pagefind: query sizes unknown");

  let rebuild: StagesRun | null = null;
  if (values.rebuild && full.ok) {
    const last = issues.map((i) => i.date).sort().at(-1) ?? "2025-12-31";
    const extra = generateExtraIssue(pool, last, `${values.seed}-extra`);
    writeFileSync(join(issuesDir, extra.name), extra.text);
    log(`rebuild: added ${extra.name} (${extra.items} items)`);
    rebuild = await runStages("rebuild-");
  }

  const total = full.wall;
  const peakKb = full.peakKb;
  const producedArticles = produced ?? planned;
  const result: BenchResult = {
    articles: producedArticles,
    ingest_s: round(full.seconds.ingest, 2),
    astro_s: round(full.seconds.astro, 2),
    index_s: round(full.seconds.index, 2),
    total_s: round(total, 2) ?? 0,
    peak_rss_mb: peakKb > 0 ? round(peakKb / 1024, 1) : null,
    dist_mb: dist ? round(dist.bytes / 1048576, 1) : null,
    first_query_kb: search ? round(search.first.bytes / 1024, 1) : null,
    next_query_kb: search ? round(search.next.bytes / 1024, 1) : null,
    rebuild_s: rebuild ? round(rebuild.wall, 2) : null,
    articles_requested: articles,
    issue_files: issues.length,
    issue_mb: round(issueBytes / 1048576, 1),
    articles_per_s: total > 0 ? round(producedArticles / total, 0) : null,
    ingest_articles_per_s: full.seconds.ingest ? round(producedArticles / full.seconds.ingest, 0) : null,
    stage_cpu_s: Object.fromEntries(Object.entries(full.cpu).map(([k, v]) => [k, round(v, 2)])),
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
    rebuild_stages_s: rebuild ? Object.fromEntries(Object.entries(rebuild.seconds).map(([k, v]) => [k, round(v, 2)])) : null,
    rebuild_peak_rss_mb: rebuild ? round(rebuild.peakKb / 1024, 1) : null,
    stages: [...wanted],
    ok: full.ok && (rebuild?.ok ?? true),
    work: values.keep ? work : null,
    notes,
  };
  if (!full.ok) notes.push("a stage failed; see the message above");

  console.log(values.json ? resultJson(result) : renderReport(result));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
  process.exitCode = result.ok ? 0 : 1;
}

await main();
