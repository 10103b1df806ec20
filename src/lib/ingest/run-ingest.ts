/**
 * One ingest run over a folder of issue files, wiring the stages: list and read the files,
 * parse them (or take their parses from the last run's cache), join jumped articles, give the
 * articles their final ids, apply the editors' corrections, write the articles that changed,
 * then the parse report, the manifest and the cache. The two ways to run differ only in which
 * threads parse the files and write the articles: this one alone (runIngest), or this one with
 * worker threads (runIngestParallel).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ItemKind } from "../article.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import { assignArticleIds } from "./article-ids.ts";
import { writeArticles, type ArticleOutput } from "./article-output.ts";
import { applyCorrections, readCorrections, type Corrections } from "./corrections.ts";
import type { IngestError } from "./errors.ts";
import { listIssueFiles } from "./issue-files.ts";
import { joinJumps } from "./jumps.ts";
import { MANIFEST_FILE, manifestText, readManifest } from "./manifest.ts";
import { articleMarkdown } from "./markdown.ts";
import { localOutputFiles, writeFileAtomic, writeIfChanged, type OutputFiles } from "./output-files.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import { PARSE_CACHE_FILE, ParseCache } from "./parse-cache.ts";
import { parseIssueBytes, type FileParse, type ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { REPORT_FILE, buildParseReport } from "./parse-report.ts";
import type { ParseWorkers } from "./parse-workers.ts";

export { REPORT_FILE };

export interface IngestOptions {
  inDir: string;
  outDir: string;
  correctionsFile: string | null;
  knowledge: PageKnowledge;
  places: ArticleLocator;
  onFile?: (done: number, total: number, file: string) => void;
  /**
   * The parser's version (parse-cache.ts): when given, issue files parsed by the same version
   * in the last run are taken from its cache, kept beside the output, instead of parsed again.
   */
  parserVersion?: string;
}

export interface IngestSummary {
  files: number;
  /** Issue files whose last parse was reused (parserVersion). */
  reusedParses: number;
  articles: number;
  byKind: Record<ItemKind, number>;
  warnings: number;
  errors: IngestError[];
  /** Files read with a warning about the file as a whole (a cut last character dropped). */
  fileWarnings: IngestError[];
  written: number;
  unchanged: number;
  removed: number;
  seconds: number;
}

/** A run's input, read before any parsing: the files, their bytes, the corrections and the parses the cache holds. */
interface IngestInput {
  started: number;
  files: string[];
  bytes: Map<string, Uint8Array>;
  corrections: Corrections;
  /** Errors of the corrections file. */
  errors: IngestError[];
  cache: ParseCache | null;
  /** Each file's cache key, when there is a cache. */
  keys: Map<string, string>;
  /** The last run's parses of unchanged files. */
  cached: Map<string, ParsedIssue>;
  /** The files to parse now. */
  pending: string[];
}

function readInput(options: IngestOptions): IngestInput {
  const started = performance.now();
  const files = listIssueFiles(options.inDir);
  const { corrections, errors } = readCorrections(options.correctionsFile);
  const cache = options.parserVersion ? new ParseCache(join(options.outDir, PARSE_CACHE_FILE), options.parserVersion) : null;
  const bytes = new Map(files.map((source) => [source, readFileSync(join(options.inDir, source))]));
  const keys = new Map(cache ? files.map((source) => [source, ParseCache.key(source, bytes.get(source)!)]) : []);
  const cached = new Map<string, ParsedIssue>();
  for (const [source, key] of keys) {
    const parsed = cache?.get(key);
    if (parsed) cached.set(source, parsed);
  }
  return { started, files, bytes, corrections, errors, cache, keys, cached, pending: files.filter((source) => !cached.has(source)) };
}

/** Parses one pending file on this thread. */
function parseHere(input: IngestInput, options: IngestOptions, source: string): ParseResult {
  return parseIssueBytes(source, input.bytes.get(source)!, options.knowledge, options.places);
}

export function runIngest(options: IngestOptions): IngestSummary {
  const input = readInput(options);
  const parses = input.pending.map((source, index) => {
    options.onFile?.(input.cached.size + index, input.files.length, source);
    return { result: parseHere(input, options, source), serialized: null };
  });
  return completeRun(placeArticles(input, parses, options, localOutputFiles()), options);
}

/**
 * The same run with worker threads (parse-workers.ts) parsing files beside this one and then
 * writing the articles while this one renders them. Output is identical to runIngest's. The
 * run stops the workers when it is done with them.
 */
export async function runIngestParallel(options: IngestOptions & { workers: ParseWorkers }): Promise<IngestSummary> {
  const { workers } = options;
  let placed: PlacedArticles;
  try {
    const input = readInput(options);
    const { files, cached, pending } = input;
    const parses = await workers.parse(pending, (source) => parseHere(input, options, source), (done, source) => options.onFile?.(cached.size + done, files.length, source));
    placed = placeArticles(input, parses, options, workers.outputFiles());
  } catch (error) {
    await workers.close().catch(() => undefined);
    throw error;
  }
  // The manifest may name an article only once it is written.
  await workers.close();
  return completeRun(placed, options);
}

/** What the run has done once its articles are placed: what is left to write, and its summary. */
interface PlacedArticles {
  input: IngestInput;
  manifest: string;
  report: string;
  cache: Uint8Array | null;
  summary: Omit<IngestSummary, "seconds">;
}

/**
 * Everything after the parse up to the article files: `parses` are those of `input.pending`, in
 * its order. The articles go to `files`; the report, the manifest and the cache are made ready
 * for completeRun, which writes them once the articles are written.
 */
function placeArticles(input: IngestInput, parses: readonly FileParse[], options: IngestOptions, files: OutputFiles): PlacedArticles {
  const { cache, cached } = input;
  options.onFile?.(input.files.length, input.files.length, "");
  const fresh = new Map(input.pending.map((source, index) => [source, parses[index]!]));
  const errors = [...input.errors];
  const parsedIssues: ParsedIssue[] = [];
  const failedSources = new Set<string>();
  for (const source of input.files) {
    const { result, serialized }: FileParse = fresh.get(source) ?? { result: { ok: true, parsed: cached.get(source)! }, serialized: null };
    if (!result.ok) {
      errors.push(result.error);
      failedSources.add(source);
      continue;
    }
    parsedIssues.push(result.parsed);
    cache?.keep(input.keys.get(source)!, result.parsed, serialized);
  }

  const issues = joinJumps(parsedIssues);
  const previous = readManifest(options.outDir);
  const ids = assignArticleIds(issues, previous, failedSources);
  const placed = issues.flatMap((parsed) => parsed.articles.map((article) => ({ id: ids.get(article)!, frontmatter: article.frontmatter })));
  const corrected = applyCorrections(placed, input.corrections, options.correctionsFile ?? "corrections");
  errors.push(...corrected.errors);

  // The pages as written, for the report: the articles with their final ids and corrections.
  let next = 0;
  const finalIssues = issues.map((parsed) => ({
    ...parsed,
    articles: parsed.articles.map((article) => {
      const { id, frontmatter } = { id: placed[next]!.id, frontmatter: corrected.frontmatters[next++]! };
      return { ...article, id, slug: id.slice(id.indexOf("/") + 1), frontmatter };
    }),
  }));
  const outputs: ArticleOutput[] = finalIssues.flatMap((parsed, page) =>
    parsed.articles.map((article, index) => ({
      path: `${article.id}.md`,
      text: articleMarkdown(article.frontmatter, article.body),
      source: parsed.issue.source,
      base: issues[page]!.articles[index]!.id,
    })),
  );
  const output = writeArticles(options.outDir, outputs, previous, failedSources, files);

  const byKind: Record<ItemKind, number> = { article: 0, commentary: 0, photo: 0, brief: 0, notice: 0 };
  for (const { frontmatter } of finalIssues.flatMap((parsed) => parsed.articles)) byKind[frontmatter.kind]++;
  const fileWarnings = issues.flatMap((parsed) => parsed.fileWarnings.map((w) => ({ file: parsed.issue.source, line: null, message: w.message })));
  return {
    input,
    manifest: manifestText(output.manifest),
    report: `${JSON.stringify(buildParseReport(finalIssues, errors), null, 2)}\n`,
    cache: cache?.snapshot() ?? null,
    summary: {
      files: input.files.length,
      reusedParses: cache?.hits ?? 0,
      articles: outputs.length,
      byKind,
      warnings: fileWarnings.length + issues.reduce((sum, parsed) => sum + parsed.articles.reduce((n, a) => n + a.warnings.length, 0), 0),
      errors,
      fileWarnings,
      written: output.written,
      unchanged: output.unchanged,
      removed: output.removed,
    },
  };
}

/** Writes the report, then the manifest (which names only articles already written), then the cache. */
function completeRun(placed: PlacedArticles, options: IngestOptions): IngestSummary {
  writeIfChanged(join(options.outDir, REPORT_FILE), placed.report);
  writeIfChanged(join(options.outDir, MANIFEST_FILE), placed.manifest);
  if (placed.input.cache && placed.cache) writeFileAtomic(placed.input.cache.file, placed.cache);
  return { ...placed.summary, seconds: (performance.now() - placed.input.started) / 1000 };
}
