/** The benchmark's command line. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BenchArgsError, parseBenchArgs } from "../../src/lib/bench/args.ts";

const ROOT = "/project";

test("the defaults: 1,000 articles, every stage, the work folder under .bench, first results on", () => {
  const options = parseBenchArgs([], ROOT);
  assert.equal(options.articles, 1000);
  assert.deepEqual([...options.stages], ["ingest", "astro", "index"]);
  assert.equal(options.work, "/project/.bench/1000");
  assert.equal(options.rebuild, false);
  assert.equal(options.compare, false);
  assert.equal(options.firstResults, true);
  assert.equal(options.wait, true);
  assert.equal(options.terms, null);
  assert.equal(options.seed, "archive-bench");
});

test("the issue's command: 10,000 articles, rebuild, JSON and the naive stack", () => {
  const options = parseBenchArgs(["--articles", "10000", "--rebuild", "--json", "--compare"], ROOT);
  assert.equal(options.articles, 10000);
  assert.equal(options.work, "/project/.bench/10000");
  assert.equal(options.rebuild, true);
  assert.equal(options.json, true);
  assert.equal(options.compare, true);
});

test("--work resolves against the folder the command runs in, and must stay inside the project", () => {
  assert.equal(parseBenchArgs(["--work", ".bench/cmp"], ROOT, "/project").work, "/project/.bench/cmp");
  assert.equal(parseBenchArgs(["--work", "/project/.bench/x"], ROOT).work, "/project/.bench/x");
  assert.throws(() => parseBenchArgs(["--work", "/tmp/bench"], ROOT), /--work must be inside the project/);
  assert.throws(() => parseBenchArgs(["--work", "/project-other/x"], ROOT), /--work must be inside the project/);
  // The ingest alone needs no node_modules: any folder will do.
  assert.equal(parseBenchArgs(["--stages", "ingest", "--work", "/tmp/bench"], ROOT).work, "/tmp/bench");
});

test("--articles takes a positive whole number only", () => {
  for (const bad of ["0", "-5", "1.5", "1e4", "many", ""]) {
    assert.throws(() => parseBenchArgs(["--articles", bad], ROOT), (error: unknown) => error instanceof BenchArgsError && /--articles/.test(error.message), bad);
  }
});

test("--stages names known stages; first results need the site and its index", () => {
  const options = parseBenchArgs(["--stages", "ingest, index"], ROOT);
  assert.deepEqual([...options.stages], ["ingest", "index"]);
  assert.equal(options.firstResults, false);
  assert.throws(() => parseBenchArgs(["--stages", "ingest,render"], ROOT), /unknown stage "render"/);
  assert.throws(() => parseBenchArgs(["--stages", ","], ROOT), /names no stage/);
  assert.equal(parseBenchArgs(["--no-first-results"], ROOT).firstResults, false);
});

test("--no-wait starts each build at once, however slow new files are", () => {
  assert.equal(parseBenchArgs(["--no-wait"], ROOT).wait, false);
  assert.equal(parseBenchArgs(["--wait"], ROOT).wait, true);
});

test("--compare compares whole builds, so it needs every stage", () => {
  assert.throws(() => parseBenchArgs(["--compare", "--stages", "ingest,astro"], ROOT), /--compare .* needs every stage/);
  assert.equal(parseBenchArgs(["--compare", "--stages", "index,astro,ingest"], ROOT).compare, true);
});

test("--terms takes two terms", () => {
  assert.deepEqual(parseBenchArgs(["--terms", "党建, 基层"], ROOT).terms, ["党建", "基层"]);
  assert.throws(() => parseBenchArgs(["--terms", "党建"], ROOT), /two comma-separated terms/);
  assert.throws(() => parseBenchArgs(["--terms", "党建,"], ROOT), /two comma-separated terms/);
});

test("an unknown option is an argument error, not a crash", () => {
  assert.throws(() => parseBenchArgs(["--articels", "10"], ROOT), BenchArgsError);
});

test("--throttle takes the first results' network: Mbit/s and milliseconds a round trip", () => {
  assert.equal(parseBenchArgs([], ROOT).throttle, null);
  assert.deepEqual(parseBenchArgs(["--throttle", "10,40"], ROOT).throttle, { downloadBitsPerSecond: 10_000_000, latencyMs: 40 });
  assert.deepEqual(parseBenchArgs(["--throttle", "1.5, 150"], ROOT).throttle, { downloadBitsPerSecond: 1_500_000, latencyMs: 150 });
  for (const bad of ["10", "0,40", "fast", "10,-1"]) assert.throws(() => parseBenchArgs(["--throttle", bad], ROOT), /--throttle takes/, bad);
});

test("--matrix N builds as a CI matrix's jobs: every stage, not with --compare or --rebuild, no first results", () => {
  const options = parseBenchArgs(["--articles", "100000", "--matrix", "25000"], ROOT);
  assert.equal(options.matrix, 25000);
  assert.equal(options.firstResults, false);
  assert.equal(parseBenchArgs([], ROOT).matrix, null);
  assert.throws(() => parseBenchArgs(["--matrix", "0"], ROOT), /--matrix takes the most articles a site job builds/);
  assert.throws(() => parseBenchArgs(["--matrix", "25k"], ROOT), /--matrix takes/);
  assert.throws(() => parseBenchArgs(["--matrix", "500", "--stages", "ingest,astro"], ROOT), /--matrix builds the whole archive/);
  assert.throws(() => parseBenchArgs(["--matrix", "500", "--compare"], ROOT), /run --compare and --rebuild without it/);
  assert.throws(() => parseBenchArgs(["--matrix", "500", "--rebuild"], ROOT), /run --compare and --rebuild without it/);
});
