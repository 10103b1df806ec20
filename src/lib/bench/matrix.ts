/**
 * The benchmark's simulation of a CI matrix (`npm run bench -- --matrix N`; docs/scale.md,
 * "Growing past one machine"): the site's parts and the search bundles built as separate jobs,
 * here one after another on one machine, then the two joins. What a matrix would take is
 * estimated from the jobs: the ingest, then the longest job (the jobs run at once, each on its
 * own machine), then the joins.
 */
import { formatTable, round } from "./report.ts";

export interface MatrixJobRun {
  /** "2020-2024", "spanning", "join"; a bundle's name for the index. */
  name: string;
  seconds: number;
  cpuSeconds: number;
  peakKb: number;
  ok: boolean;
}

export interface MatrixJobJson {
  job: string;
  wall_s: number | null;
  cpu_s: number | null;
  peak_rss_mb: number | null;
  ok: boolean;
}

export interface MatrixJson {
  /** The most articles one site job builds (--matrix). */
  articles_per_site_job: number;
  site_jobs: MatrixJobJson[];
  site_join: MatrixJobJson | null;
  index_jobs: MatrixJobJson[];
  index_join: MatrixJobJson | null;
  /** Every job and join, one after another, as this machine ran them. */
  one_after_another_s: number | null;
  /** The ingest, the longest job, then both joins: what the matrix would take with a machine per job. */
  estimated_matrix_s: number | null;
  /** The largest peak of any one job or join: the memory a matrix machine needs. */
  largest_job_peak_rss_mb: number | null;
}

function jobJson(run: MatrixJobRun): MatrixJobJson {
  return { job: run.name, wall_s: round(run.seconds, 2), cpu_s: round(run.cpuSeconds, 2), peak_rss_mb: round(run.peakKb / 1024, 1), ok: run.ok };
}

export function matrixJson(
  articlesPerSiteJob: number,
  ingestSeconds: number | null,
  runs: { site: MatrixJobRun[]; siteJoin: MatrixJobRun | null; index: MatrixJobRun[]; indexJoin: MatrixJobRun | null },
): MatrixJson {
  const all = [...runs.site, ...runs.index, ...[runs.siteJoin, runs.indexJoin].filter((run): run is MatrixJobRun => run !== null)];
  const jobs = [...runs.site, ...runs.index];
  const longest = jobs.length > 0 ? Math.max(...jobs.map((run) => run.seconds)) : null;
  const joins = (runs.siteJoin?.seconds ?? 0) + (runs.indexJoin?.seconds ?? 0);
  return {
    articles_per_site_job: articlesPerSiteJob,
    site_jobs: runs.site.map(jobJson),
    site_join: runs.siteJoin && jobJson(runs.siteJoin),
    index_jobs: runs.index.map(jobJson),
    index_join: runs.indexJoin && jobJson(runs.indexJoin),
    one_after_another_s: all.length > 0 ? round(all.reduce((sum, run) => sum + run.seconds, 0), 2) : null,
    estimated_matrix_s: longest === null ? null : round((ingestSeconds ?? 0) + longest + joins, 2),
    largest_job_peak_rss_mb: all.length > 0 ? round(Math.max(...all.map((run) => run.peakKb)) / 1024, 1) : null,
  };
}

/** The jobs as a table for people. */
export function renderMatrix(matrix: MatrixJson | null | undefined): string | null {
  if (!matrix) return null;
  const row = (kind: string, job: MatrixJobJson): string[] => [kind, job.job, `${job.wall_s ?? "?"} s`, `${job.cpu_s ?? "?"} s`, `${job.peak_rss_mb ?? "?"} MB`, job.ok ? "" : "failed"];
  const rows = [
    ...matrix.site_jobs.map((job) => row("site", job)),
    ...(matrix.site_join ? [row("site join", matrix.site_join)] : []),
    ...matrix.index_jobs.map((job) => row("index", job)),
    ...(matrix.index_join ? [row("index join", matrix.index_join)] : []),
  ];
  const summary = [
    `one after another: ${matrix.one_after_another_s ?? "?"} s`,
    `a machine per job (the ingest, the longest job, the joins): ${matrix.estimated_matrix_s ?? "?"} s`,
    `largest peak of one job: ${matrix.largest_job_peak_rss_mb ?? "?"} MB`,
  ];
  return `${formatTable(["step", "job", "wall", "CPU", "peak RSS", ""], rows)}\n${summary.join("\n")}`;
}
