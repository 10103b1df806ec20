/**
 * One ingest run over a folder of issue files, wiring the stages: list and read the files,
 * parse them (or take their parses from the last run's cache), and, issue by issue as each is
 * complete (open-issues.ts), join its jumped articles, give its articles their final ids, apply
 * the editors' corrections and write the articles that changed; then remove the articles no
 * issue yields any more, and write the parse report, the manifest and the cache. The two ways to
 * run differ only in which threads parse the files and write the articles: this one alone
 * (runIngest), or this one with worker threads (runIngestParallel, ingest-workers.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ItemKind } from "../article.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import { ArticleIds } from "./article-ids.ts";
import { removeStaleArticles, writeArticles } from "./article-output.ts";
import { applyCorrections, readCorrections, unusedCorrections, type Corrections } from "./corrections.ts";
import type { IngestError } from "./errors.ts";
import type { IngestWorkers } from "./ingest-workers.ts";
import { listIssueFiles } from "./issue-files.ts";
import { mayHaveFrontmatter } from "./issue-file.ts";
import { joinJumps } from "./jumps.ts";
import { MANIFEST_FILE, manifestText, readManifest, type Manifest } from "./manifest.ts";
import { articleMarkdown } from "./markdown.ts";
import { OpenIssues, fileNameDate } from "./open-issues.ts";
import { localOutputFiles, writeChunksAtomic, writeIfChanged, type OutputFiles } from "./output-files.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import { PARSE_CACHE_FILE, ParseCache } from "./parse-cache.ts";
import { parseIssueBytes, type FileParse, type ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { REPORT_FILE, buildParseReport } from "./parse-report.ts";

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

export function runIngest(options: IngestOptions): IngestSummary {
  const run = new IngestRun(options, localOutputFiles());
  run.pending.forEach((source, index) => {
    options.onFile?.(run.reused + index, run.files.length, source);
    run.parsed(source, { result: run.parseHere(source), serialized: null });
  });
  return run.complete(run.finish());
}

/**
 * The same run with worker threads (ingest-workers.ts) writing the articles while this one goes
 * on, and parsing files beside it when they were started to. Output is identical to runIngest's.
 * The run stops the workers when it is done with them.
 */
export async function runIngestParallel(options: IngestOptions & { workers: IngestWorkers }): Promise<IngestSummary> {
  const { workers } = options;
  try {
    const run = new IngestRun(options, workers.outputFiles());
    await workers.parse(
      run.pending,
      (source) => run.takeBytes(source),
      (source) => run.parseHere(source),
      (source, parse, done) => {
        options.onFile?.(run.reused + done, run.files.length, source);
        run.parsed(source, parse);
      },
    );
    const finished = run.finish();
    // The manifest may name an article only once it is written.
    await workers.close();
    return run.complete(finished);
  } finally {
    await workers.close().catch(() => undefined);
  }
}

/** What is left to write once every article is: the report and the manifest, and the summary. */
interface FinishedRun {
  report: string;
  manifest: string;
  summary: Omit<IngestSummary, "seconds">;
}

/** A page as the run holds it: its parse, and once its issue is placed, its articles as written. */
interface RunPage {
  parsed: ParsedIssue;
  written: ParsedIssue | null;
}

/** One run: its input, the parses as they come, and each issue placed once it is complete. */
class IngestRun {
  readonly started = performance.now();
  readonly files: string[];
  /** The files to parse, in order. */
  readonly pending: string[];
  /** Files whose parse came from the cache. */
  readonly reused: number;
  readonly #options: IngestOptions;
  readonly #output: OutputFiles;
  readonly #cache: ParseCache | null;
  readonly #keys = new Map<string, string>();
  /** The bytes of each file to parse, let go once it is handed over. */
  readonly #bytes = new Map<string, Uint8Array>();
  readonly #corrections: Corrections;
  readonly #correctionsFile: string;
  readonly #usedCorrections = new Set<string>();
  readonly #previous: Manifest;
  readonly #ids: ArticleIds;
  readonly #open: OpenIssues;
  /** Each file's page, or the error that kept it from being read; in file order once all are in. */
  readonly #pages = new Map<string, RunPage | IngestError>();
  readonly #byDate = new Map<string, string[]>();
  readonly #failedSources = new Set<string>();
  /** Errors of the corrections file. */
  readonly #fileErrors: IngestError[];
  /** Errors of the corrections of each file's articles. */
  readonly #correctionErrors = new Map<string, IngestError[]>();
  readonly #manifest: Manifest = { articles: {} };
  #written = 0;
  #unchanged = 0;

  constructor(options: IngestOptions, output: OutputFiles) {
    this.#options = options;
    this.#output = output;
    this.files = listIssueFiles(options.inDir);
    const corrections = readCorrections(options.correctionsFile);
    this.#corrections = corrections.corrections;
    this.#fileErrors = corrections.errors;
    this.#correctionsFile = options.correctionsFile ?? "corrections";
    this.#previous = readManifest(options.outDir);
    this.#ids = new ArticleIds(this.#previous);
    this.#cache = options.parserVersion ? new ParseCache(join(options.outDir, PARSE_CACHE_FILE), options.parserVersion) : null;
    const cached = new Map<string, ParsedIssue>();
    const undated = new Set<string>();
    for (const source of this.files) {
      const bytes = readFileSync(join(options.inDir, source));
      if (fileNameDate(source) === null || mayHaveFrontmatter(bytes)) undated.add(source);
      const key = this.#cache ? ParseCache.key(source, bytes) : null;
      if (key !== null) this.#keys.set(source, key);
      const parsed = key === null ? undefined : this.#cache?.get(key);
      if (parsed) cached.set(source, parsed);
      else this.#bytes.set(source, bytes);
    }
    this.pending = [...this.#bytes.keys()];
    this.reused = cached.size;
    this.#open = new OpenIssues(this.files, undated, this.#previous);
    for (const [source, parsed] of cached) this.parsed(source, { result: { ok: true, parsed }, serialized: null });
  }

  /** The bytes of a pending file, handed over to be parsed (here or by a worker): the run keeps them no longer. */
  takeBytes(source: string): Uint8Array {
    const bytes = this.#bytes.get(source)!;
    this.#bytes.delete(source);
    return bytes;
  }

  /** Parses a pending file on this thread. */
  parseHere(source: string): ParseResult {
    return parseIssueBytes(source, this.takeBytes(source), this.#options.knowledge, this.#options.places);
  }

  /** Takes a file's parse (in any order), and places the issues it completes. */
  parsed(source: string, { result, serialized }: FileParse): void {
    if (result.ok) {
      this.#pages.set(source, { parsed: result.parsed, written: null });
      this.#cache?.keep(this.#keys.get(source)!, result.parsed, serialized);
      const date = result.parsed.issue.date;
      const sources = this.#byDate.get(date);
      if (sources) sources.push(source);
      else this.#byDate.set(date, [source]);
    } else {
      this.#pages.set(source, result.error);
      this.#failedSources.add(source);
    }
    for (const date of this.#open.parsed(source, result.ok ? result.parsed.issue.date : null)) this.#place(date);
  }

  /**
   * One complete issue, placed: its jumped articles joined, its final ids (unique within the
   * date, so an issue's ids depend on no other issue), its corrections; its articles written.
   */
  #place(date: string): void {
    const sources = this.#byDate.get(date)!.sort();
    const pages = sources.map((source) => this.#pages.get(source) as RunPage);
    const issue = joinJumps(pages.map((page) => page.parsed));
    const ids = this.#ids.assign(issue, this.#failedSources);
    const outputs = issue.flatMap((parsed, index) => {
      const placed = parsed.articles.map((article) => ({ id: ids.get(article)!, frontmatter: article.frontmatter }));
      const corrected = applyCorrections(placed, this.#corrections, this.#correctionsFile, this.#usedCorrections);
      this.#correctionErrors.set(parsed.issue.source, corrected.errors);
      const articles = parsed.articles.map((article, at) => {
        const { id } = placed[at]!;
        return { ...article, id, slug: id.slice(id.indexOf("/") + 1), frontmatter: corrected.frontmatters[at]! };
      });
      pages[index]!.written = { ...parsed, articles };
      return articles.map((article, at) => ({
        path: `${article.id}.md`,
        render: () => articleMarkdown(article.frontmatter, article.body),
        source: parsed.issue.source,
        base: parsed.articles[at]!.id,
      }));
    });
    const written = writeArticles(this.#options.outDir, outputs, this.#previous, this.#output);
    Object.assign(this.#manifest.articles, written.entries);
    this.#written += written.written;
    this.#unchanged += written.unchanged;
  }

  /** Once every file is parsed: removes what no issue yields any more, and makes the report and the manifest. */
  finish(): FinishedRun {
    this.#options.onFile?.(this.files.length, this.files.length, "");
    const removed = removeStaleArticles(this.#options.outDir, this.#previous, this.#manifest, this.#failedSources, this.#output);
    const pages = this.files.map((source) => this.#pages.get(source)!);
    const written = pages.flatMap((page) => ("parsed" in page ? [page.written!] : []));
    const errors = [
      ...this.#fileErrors,
      ...pages.filter((page): page is IngestError => !("parsed" in page)),
      ...this.files.flatMap((source) => this.#correctionErrors.get(source) ?? []),
      ...unusedCorrections(this.#corrections, this.#usedCorrections, this.#correctionsFile),
    ];
    const byKind: Record<ItemKind, number> = { article: 0, commentary: 0, photo: 0, brief: 0, notice: 0 };
    for (const article of written.flatMap((page) => page.articles)) byKind[article.frontmatter.kind]++;
    const fileWarnings = written.flatMap((page) => page.fileWarnings.map((w) => ({ file: page.issue.source, line: null, message: w.message })));
    return {
      report: `${JSON.stringify(buildParseReport(written, errors), null, 2)}\n`,
      manifest: manifestText(this.#manifest),
      summary: {
        files: this.files.length,
        reusedParses: this.#cache?.hits ?? 0,
        articles: written.reduce((sum, page) => sum + page.articles.length, 0),
        byKind,
        warnings: fileWarnings.length + written.reduce((sum, page) => sum + page.articles.reduce((n, a) => n + a.warnings.length, 0), 0),
        errors,
        fileWarnings,
        written: this.#written,
        unchanged: this.#unchanged,
        removed,
      },
    };
  }

  /** Once every article is written: the report, then the manifest (which names only articles written), then the cache. */
  complete(finished: FinishedRun): IngestSummary {
    writeIfChanged(join(this.#options.outDir, REPORT_FILE), finished.report);
    writeIfChanged(join(this.#options.outDir, MANIFEST_FILE), finished.manifest);
    if (this.#cache && !this.#cache.unchanged) writeChunksAtomic(this.#cache.file, this.#cache.stored());
    return { ...finished.summary, seconds: (performance.now() - this.started) / 1000 };
  }
}
