import assert from "node:assert/strict";
import { test } from "node:test";
import { matrixJson, renderMatrix } from "../../src/lib/bench/matrix.ts";

const job = (name: string, seconds: number, peakMb: number, ok = true) => ({ name, seconds, cpuSeconds: seconds * 0.9, peakKb: peakMb * 1024, ok });

test("a matrix's estimate is the ingest, its longest job and both joins; one after another is every job's sum", () => {
  const result = matrixJson(25_000, 30, {
    site: [job("2025", 100, 2300), job("2020-2024", 300, 2600), job("spanning", 120, 2500)],
    siteJoin: job("join", 20, 200),
    index: [job("2025", 50, 900), job("2020-2024", 250, 2900)],
    indexJoin: job("join", 10, 300),
  });
  assert.equal(result.articles_per_site_job, 25_000);
  assert.equal(result.one_after_another_s, 100 + 300 + 120 + 20 + 50 + 250 + 10);
  assert.equal(result.estimated_matrix_s, 30 + 300 + 20 + 10);
  assert.equal(result.largest_job_peak_rss_mb, 2900);
  assert.deepEqual(result.site_jobs[1], { job: "2020-2024", wall_s: 300, cpu_s: 270, peak_rss_mb: 2600, ok: true });
  assert.deepEqual(result.index_join, { job: "join", wall_s: 10, cpu_s: 9, peak_rss_mb: 300, ok: true });
  const table = renderMatrix(result)!;
  assert.match(table, /site\s+2020-2024\s+300 s/);
  assert.match(table, /a machine per job \(the ingest, the longest job, the joins\): 360 s/);
});

test("a matrix that stopped at a failed job reports what ran and marks the failure", () => {
  const result = matrixJson(25_000, 30, { site: [job("2025", 100, 2300, false)], siteJoin: null, index: [], indexJoin: null });
  assert.equal(result.site_join, null);
  assert.equal(result.site_jobs[0]!.ok, false);
  assert.match(renderMatrix(result)!, /failed/);
  assert.equal(renderMatrix(null), null);
});
