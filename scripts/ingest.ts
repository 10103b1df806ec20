/**
 * npm run ingest -- [--in content/issues] [--out content/articles]
 *                   [--data content/data] [--corrections content/corrections.yaml]
 *
 * Turns raw issue files into Markdown articles and a parse report. Exit status 1
 * when any file could not be read; every other file is still ingested.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { ARCHIVE } from "../src/lib/config/archive-config.ts";
import { listIssueFiles } from "../src/lib/ingest/issue-files.ts";
import { IngestWorkers } from "../src/lib/ingest/ingest-workers.ts";

const USAGE = `usage: npm run ingest -- [--in content/issues] [--out content/articles]
                         [--data content/data] [--corrections content/corrections.yaml] [--quiet]`;

function readOptions() {
  try {
    return parseArgs({
      options: {
        in: { type: "string", default: ARCHIVE.folders.issues },
        out: { type: "string", default: ARCHIVE.folders.articles },
        data: { type: "string", default: "content/data" },
        corrections: { type: "string", default: "content/corrections.yaml" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (err) {
    console.error(`ingest: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

// A worker that writes the articles while this thread parses costs little to start, and is no
// slower from about a hundred issue files on. Workers that parse too cost a load of the parser
// each: on two cores, where the one worker is busy writing, they made the run slower at every size
// measured (docs/scale.md, "The ingest"), so they parse only where there are more cores than this
// thread and a writer.
const WORKERS_FROM_FILES = 100;
const PARSING_WORKERS_FROM_FILES = 3000;

/**
 * The workers, one per core but the one this thread runs on, started before this thread loads
 * the parser, so that a worker that parses loads it at the same time.
 */
function startWorkers(): IngestWorkers | null {
  const cores = availableParallelism();
  let files: number;
  try {
    files = listIssueFiles(values.in).length;
  } catch {
    return null; // The run names the missing folder.
  }
  if (cores < 2 || files < WORKERS_FROM_FILES) return null;
  const parse = cores > 2 && files >= PARSING_WORKERS_FROM_FILES;
  return new IngestWorkers(cores - 1, parse ? { dataDir: values.data } : null);
}
const workers = startWorkers();

const [{ default: cliProgress }, { formatIngestError }, { loadPageKnowledge }, { REPORT_FILE, runIngest, runIngestParallel }, { parserVersion }, { articleLocator }, { PLACE_ALIASES_FILE }] =
  await Promise.all([
    import("cli-progress"),
    import("../src/lib/ingest/errors.ts"),
    import("../src/lib/ingest/page-knowledge.ts"),
    import("../src/lib/ingest/run-ingest.ts"),
    import("../src/lib/ingest/parse-cache.ts"),
    import("../src/lib/places/article-locator.ts"),
    import("../src/lib/places/gazetteer.ts"),
  ]);

const showProgress = process.stderr.isTTY && !values.quiet;
const bar = showProgress
  ? new cliProgress.SingleBar({ format: "ingest [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
  : null;

try {
  const options = {
    inDir: values.in,
    outDir: values.out,
    correctionsFile: values.corrections,
    knowledge: loadPageKnowledge(values.data),
    places: articleLocator,
    // Files parsed by this very parser with these data files in the last run are not parsed again.
    parserVersion: parserVersion([values.data, PLACE_ALIASES_FILE]),
    onFile: (done: number, total: number, file: string) => {
      if (!bar) return;
      if (done === 0) bar.start(total, 0, { file });
      bar.update(done, { file });
    },
  };
  const summary = workers ? await runIngestParallel({ ...options, workers }) : runIngest(options);
  bar?.stop();
  for (const error of summary.errors) console.error(`error: ${formatIngestError(error)}`);
  for (const warning of summary.fileWarnings) console.error(`warning: ${warning.message}`);
  const kinds = Object.entries(summary.byKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
  if (!values.quiet || summary.errors.length > 0) {
    console.error(
      `ingest: ${summary.files} files → ${summary.articles} articles (${kinds}); ` +
        `${summary.warnings} warnings, ${summary.errors.length} errors; ` +
        `${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed; ` +
        `${summary.files - summary.reusedParses} files parsed, ${summary.reusedParses} as last time; ` +
        `${summary.issues - summary.reusedIssues} issues placed, ${summary.reusedIssues} as last time; ` +
        `${summary.seconds.toFixed(2)} s. Report: ${values.out}/${REPORT_FILE}`,
    );
  }
  process.exitCode = summary.errors.length > 0 ? 1 : 0;
} catch (err) {
  bar?.stop();
  await workers?.close().catch(() => undefined);
  console.error(`ingest: ${(err as Error).message}`);
  process.exitCode = 1;
}
