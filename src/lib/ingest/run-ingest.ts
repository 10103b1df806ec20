/**
 * One ingest run over a folder of issue files, wiring the stages: list and read the files,
 * parse them (or take their parses from the last run's cache), join jumped articles, give the
 * articles their final ids, apply the editors' corrections, write the articles that changed,
 * then the parse report, the manifest and the cache. The two ways to run differ only in where
 * the files are parsed: on this thread (runIngest) or on worker threads (runIngestParallel).
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
import { writeFileAtomic, writeIfChanged } from "./output-files.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import { PARSE_CACHE_FILE, ParseCache } from "./parse-cache.ts";
import { parseIssueBytes, type ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { REPORT_FILE, buildParseReport } from "./parse-report.ts";
import { parseInWorkers } from "./parse-workers.ts";

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
  const cached = new Map<string, ParsedIssue>();
  for (const source of files) {
    const parsed = cache?.get(ParseCache.key(source, bytes.get(source)!));
    if (parsed) cached.set(source, parsed);
  }
  return { started, files, bytes, corrections, errors, cache, cached, pending: files.filter((source) => !cached.has(source)) };
}

/** Parses the pending files on this thread, reporting progress as it goes. */
function parseHere(input: IngestInput, options: IngestOptions): ParseResult[] {
  return input.pending.map((source, index) => {
    options.onFile?.(input.cached.size + index, input.files.length, source);
    return parseIssueBytes(source, input.bytes.get(source)!, options.knowledge, options.places);
  });
}

export function runIngest(options: IngestOptions): IngestSummary {
  const input = readInput(options);
  return finishIngest(input, parseHere(input, options), options);
}

/**
 * The same run with the parsing spread over worker threads, one per core: the parse of one
 * issue file depends on nothing else. Output is identical to runIngest's.
 */
export async function runIngestParallel(options: IngestOptions & { dataDir: string; workers: number }): Promise<IngestSummary> {
  const input = readInput(options);
  const { files, cached, pending } = input;
  const parses = await parseInWorkers(options.inDir, options.dataDir, pending, options.workers, (done) => options.onFile?.(cached.size + done, files.length, pending[done] ?? ""));
  return finishIngest(input, parses, options);
}

/** Everything after the parse: `parses` are those of `input.pending`, in its order. */
function finishIngest(input: IngestInput, parses: readonly ParseResult[], options: IngestOptions): IngestSummary {
  const { files, cache, cached } = input;
  options.onFile?.(files.length, files.length, "");
  const fresh = new Map(input.pending.map((source, index) => [source, parses[index]!]));
  const errors = [...input.errors];
  const parsedIssues: ParsedIssue[] = [];
  const failedSources = new Set<string>();
  for (const source of files) {
    const result: ParseResult = fresh.get(source) ?? { ok: true, parsed: cached.get(source)! };
    if (!result.ok) {
      errors.push(result.error);
      failedSources.add(source);
      continue;
    }
    parsedIssues.push(result.parsed);
    cache?.keep(ParseCache.key(source, input.bytes.get(source)!), result.parsed);
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

  const output = writeArticles(options.outDir, outputs, previous, failedSources);
  writeIfChanged(join(options.outDir, REPORT_FILE), `${JSON.stringify(buildParseReport(finalIssues, errors), null, 2)}\n`);
  writeIfChanged(join(options.outDir, MANIFEST_FILE), manifestText(output.manifest));
  const snapshot = cache?.snapshot();
  if (cache && snapshot) writeFileAtomic(cache.file, snapshot);

  const byKind: Record<ItemKind, number> = { article: 0, commentary: 0, photo: 0, brief: 0, notice: 0 };
  for (const { frontmatter } of finalIssues.flatMap((parsed) => parsed.articles)) byKind[frontmatter.kind]++;
  const fileWarnings = issues.flatMap((parsed) => parsed.fileWarnings.map((w) => ({ file: parsed.issue.source, line: null, message: w.message })));
  return {
    files: files.length,
    reusedParses: cache?.hits ?? 0,
    articles: outputs.length,
    byKind,
    warnings: fileWarnings.length + issues.reduce((sum, parsed) => sum + parsed.articles.reduce((n, a) => n + a.warnings.length, 0), 0),
    errors,
    fileWarnings,
    written: output.written,
    unchanged: output.unchanged,
    removed: output.removed,
    seconds: (performance.now() - input.started) / 1000,
  };
}
