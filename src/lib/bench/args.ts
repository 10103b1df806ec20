/**
 * The benchmark's command line (scripts/bench.ts documents each option): read into one record,
 * checked, every mistake a `BenchArgsError` whose message names the option. Pure: the project's
 * folder is a parameter.
 */
import { join, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

export const STAGES = ["ingest", "astro", "index"] as const;
export type Stage = (typeof STAGES)[number];

export interface BenchOptions {
  articles: number;
  stages: Set<Stage>;
  rebuild: boolean;
  json: boolean;
  keep: boolean;
  /** The work folder, absolute. */
  work: string;
  seed: string;
  /** The first query's term and a further one's; null for search-bytes.ts's own. */
  terms: [string, string] | null;
  /** Run the naive stack (bench/naive-blog and the Pagefind CLI) on the same articles too. */
  compare: boolean;
  /** Measure the time and bytes to the first search results in Chromium (needs the astro and index stages). */
  firstResults: boolean;
  /** The network the first results are measured on (--throttle <Mbit/s>,<ms>); null for first-results.ts's default. */
  throttle: { downloadBitsPerSecond: number; latencyMs: number } | null;
  /**
   * Wait, before each build, until files deleted minutes before no longer make new files slow
   * (src/lib/bench/file-creation.ts); --no-wait starts at once.
   */
  wait: boolean;
  /** Build as a CI matrix would, one job after another, with at most this many articles a site job (--matrix N); null for `npm run build`'s way. */
  matrix: number | null;
}

export class BenchArgsError extends Error {}

export function parseBenchArgs(argv: readonly string[], root: string, cwd: string = process.cwd()): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowNegative: true,
      options: {
        articles: { type: "string", default: "1000" },
        stages: { type: "string", default: STAGES.join(",") },
        rebuild: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        work: { type: "string" },
        seed: { type: "string", default: "archive-bench" },
        terms: { type: "string" },
        compare: { type: "boolean", default: false },
        "first-results": { type: "boolean", default: true },
        wait: { type: "boolean", default: true },
        throttle: { type: "string" },
        matrix: { type: "string" },
      },
    }));
  } catch (error) {
    throw new BenchArgsError((error as Error).message);
  }

  const articles = Number(values.articles);
  if (!/^\d+$/.test(values.articles) || !Number.isSafeInteger(articles) || articles < 1) {
    throw new BenchArgsError(`--articles must be a positive whole number, not "${values.articles}"`);
  }
  const names = values.stages.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new BenchArgsError(`--stages names no stage (stages: ${STAGES.join(", ")})`);
  for (const s of names) if (!(STAGES as readonly string[]).includes(s)) throw new BenchArgsError(`unknown stage "${s}" (stages: ${STAGES.join(", ")})`);
  const stages = new Set(names as Stage[]);

  let terms: [string, string] | null = null;
  if (values.terms !== undefined) {
    const list = values.terms.split(",").map((t) => t.trim());
    if (list.length !== 2 || list.some((t) => t === "")) throw new BenchArgsError("--terms takes two comma-separated terms: the first query's and a further one's");
    terms = [list[0]!, list[1]!];
  }

  let throttle: BenchOptions["throttle"] = null;
  if (values.throttle !== undefined) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(values.throttle);
    if (!m || Number(m[1]) <= 0) throw new BenchArgsError(`--throttle takes <Mbit/s>,<ms a round trip>, such as 10,40, not "${values.throttle}"`);
    throttle = { downloadBitsPerSecond: Number(m[1]) * 1e6, latencyMs: Number(m[2]) };
  }

  // The naive stack reads the articles the ingest writes in the same run, and its ratios are to
  // the archive's whole build.
  if (values.compare && !STAGES.every((s) => stages.has(s))) {
    throw new BenchArgsError(`--compare compares whole builds: it needs every stage (${STAGES.join(",")}), not --stages ${names.join(",")}`);
  }

  let matrix: number | null = null;
  if (values.matrix !== undefined) {
    matrix = Number(values.matrix);
    if (!/^\d+$/.test(values.matrix) || !Number.isSafeInteger(matrix) || matrix < 1) throw new BenchArgsError(`--matrix takes the most articles a site job builds, a positive whole number, not "${values.matrix}"`);
    if (!STAGES.every((s) => stages.has(s))) throw new BenchArgsError(`--matrix builds the whole archive: it needs every stage (${STAGES.join(",")}), not --stages ${names.join(",")}`);
    if (values.compare || values.rebuild) throw new BenchArgsError("--matrix measures the jobs of a CI matrix one after another: run --compare and --rebuild without it");
  }

  const work = values.work ? resolve(cwd, values.work) : join(root, ".bench", String(articles));
  // The work copies find the project's node_modules by walking up, so they must sit inside the project.
  if ((stages.has("astro") || values.compare) && !(work + sep).startsWith(resolve(root) + sep)) {
    throw new BenchArgsError(`--work must be inside the project (${root}) for the Astro builds to find node_modules`);
  }

  return {
    articles,
    stages,
    rebuild: values.rebuild,
    json: values.json,
    keep: values.keep,
    work,
    seed: values.seed,
    terms,
    compare: values.compare,
    firstResults: values["first-results"] && stages.has("astro") && stages.has("index") && matrix === null,
    throttle,
    wait: values.wait,
    matrix,
  };
}
