/**
 * One ingest run over a folder of issue files, wiring the stages: list and read the files,
 * parse them (or take their parses from the last run's cache), and, issue by issue as each is
 * complete (open-issues.ts), join its jumped articles, give its articles their final ids, apply
 * the editors' corrections and write the articles that changed; then remove the articles no
 * issue yields any more, and write the parse report, the manifest and the cache. The two ways to
 * run differ only in which threads parse the files and write the articles: this one alone
 * (runIngest), or this one with worker threads (runIngestParallel, ingest-workers.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ITEM_KINDS, type ItemKind } from "../article.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import { ArticleIds } from "./article-ids.ts";
import { removeStaleArticles, writeArticles } from "./article-output.ts";
import { applyCorrections, readCorrections, unusedCorrections, type Corrections } from "./corrections.ts";
import type { IngestError } from "./errors.ts";
import type { IngestWorkers } from "./ingest-workers.ts";
import { IssueFileKeys } from "./issue-file-keys.ts";
import { listIssueFiles } from "./issue-files.ts";
import { mayHaveFrontmatter } from "./issue-file.ts";
import { joinJumps } from "./jumps.ts";
import { MANIFEST_FILE, manifestText, readManifest, type Manifest } from "./manifest.ts";
import { articleMarkdown } from "./markdown.ts";
import { OpenIssues, fileNameDate } from "./open-issues.ts";
import { localOutputFiles, writeIfChanged, type OutputFiles } from "./output-files.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import { ParseCache } from "./parse-cache.ts";
import { parseIssueBytes, type FileParse, type ParseResult } from "./parse-file.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { REPORT_FILE, issueReports, parseReportBytes, reportEntryText } from "./parse-report.ts";
import { issueInputs, memoHolds, type PlacedIssue, type PlacedPage } from "./placed-issue.ts";

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
  /** Issues (dates) placed. */
  issues: number;
  /** Issues taken as the last run placed them, nothing they depend on having changed (parserVersion). */
  reusedIssues: number;
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
  report: Uint8Array;
  manifest: string;
  summary: Omit<IngestSummary, "seconds">;
}

/** A page as the run holds it: its parse's cache key, and its parse (null while it is only in the cache). */
interface RunPage {
  key: string | null;
  parsed: ParsedIssue | null;
}

const noKinds = () => Object.fromEntries(ITEM_KINDS.map((kind) => [kind, 0])) as Record<ItemKind, number>;

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
  /** What the last run learned from each file's bytes, by its signature; kept with the cache. */
  readonly #fileKeys: IssueFileKeys | null;
  /** The bytes of each file to parse, let go once it is handed over. */
  readonly #bytes = new Map<string, Uint8Array>();
  /** The cache keys of the files to parse. */
  readonly #keys = new Map<string, string>();
  readonly #corrections: Corrections;
  readonly #correctionsFile: string;
  readonly #usedCorrections = new Set<string>();
  readonly #previous: Manifest;
  /** How many articles of each file the last run's manifest names. */
  readonly #previousCounts = new Map<string, number>();
  readonly #ids: ArticleIds;
  readonly #open: OpenIssues;
  /** Each file's page, or the error that kept it from being read. */
  readonly #pages = new Map<string, RunPage | IngestError>();
  /** Each file's page as placed with its issue. */
  readonly #placed = new Map<string, PlacedPage>();
  readonly #byDate = new Map<string, string[]>();
  readonly #failedSources = new Set<string>();
  /** Errors of the corrections file. */
  readonly #fileErrors: IngestError[];
  readonly #manifest: Manifest = { articles: {} };
  #written = 0;
  #unchanged = 0;
  #issues = 0;
  #reusedIssues = 0;

  constructor(options: IngestOptions, output: OutputFiles) {
    this.#options = options;
    this.#output = output;
    this.files = listIssueFiles(options.inDir);
    const corrections = readCorrections(options.correctionsFile);
    this.#corrections = corrections.corrections;
    this.#fileErrors = corrections.errors;
    this.#correctionsFile = options.correctionsFile ?? "corrections";
    this.#previous = readManifest(options.outDir);
    for (const entry of Object.values(this.#previous.articles)) this.#previousCounts.set(entry.source, (this.#previousCounts.get(entry.source) ?? 0) + 1);
    this.#ids = new ArticleIds(this.#previous);
    this.#cache = options.parserVersion ? new ParseCache(options.outDir, options.parserVersion) : null;
    this.#fileKeys = options.parserVersion ? new IssueFileKeys(options.outDir, Date.now(), options.parserVersion) : null;
    const cached: { source: string; key: string; date: string }[] = [];
    const undated = new Set<string>();
    for (const source of this.files) {
      const path = join(options.inDir, source);
      // Signed before it is read: a file changed in between is read again by the next run.
      const stat = this.#fileKeys ? statSync(path) : null;
      const known = stat && this.#fileKeys!.known(source, stat);
      const knownDate = known ? this.#cache!.reuse(known.key) : undefined;
      if (known && knownDate !== undefined) {
        if (known.undated) undated.add(source);
        this.#fileKeys!.keep(source, stat, known);
        cached.push({ source, key: known.key, date: knownDate });
        continue;
      }
      const bytes = readFileSync(path);
      const isUndated = fileNameDate(source) === null || mayHaveFrontmatter(bytes);
      if (isUndated) undated.add(source);
      const key = this.#cache ? ParseCache.key(source, bytes) : null;
      if (stat && key !== null) this.#fileKeys!.keep(source, stat, { key, undated: isUndated });
      const date = key === null ? undefined : this.#cache?.reuse(key);
      if (date !== undefined) cached.push({ source, key: key!, date });
      else {
        this.#bytes.set(source, bytes);
        if (key !== null) this.#keys.set(source, key);
      }
    }
    this.pending = [...this.#bytes.keys()];
    this.reused = cached.length;
    this.#open = new OpenIssues(this.files, undated, this.#previous);
    for (const { source, key, date } of cached) this.#take(source, { key, parsed: null }, date);
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
      const key = this.#keys.get(source) ?? null;
      if (key !== null) this.#cache?.keep(key, result.parsed, serialized);
      this.#take(source, { key, parsed: result.parsed }, result.parsed.issue.date);
    } else {
      this.#pages.set(source, result.error);
      this.#failedSources.add(source);
      for (const date of this.#open.parsed(source, null)) this.#place(date);
    }
  }

  /** Holds a page read (parsed now or kept from the last run) as one of its date's, and places the issues it completes. */
  #take(source: string, page: RunPage, date: string): void {
    this.#pages.set(source, page);
    const sources = this.#byDate.get(date);
    if (sources) sources.push(source);
    else this.#byDate.set(date, [source]);
    for (const closed of this.#open.parsed(source, date)) this.#place(closed);
  }

  /**
   * One complete issue, placed: as the last run placed it when nothing it depends on changed
   * (placed-issue.ts), else anew.
   */
  #place(date: string): void {
    const sources = this.#byDate.get(date)!.sort();
    const pages = sources.map((source) => this.#pages.get(source) as RunPage);
    const reserved = this.#ids.reservedIds(this.#failedSources, date);
    const inputs = this.#cache && pages.every((page) => page.key !== null)
      ? issueInputs(date, sources.map((source, at) => ({ source, key: pages[at]!.key! })), this.#corrections, this.#correctionsFile, reserved)
      : null;
    const memo = inputs === null ? undefined : this.#cache!.issue(date);
    let placed: PlacedIssue;
    if (memo && memo.inputs === inputs && memoHolds(memo.placed, this.#previous, this.#previousCounts, this.#options.outDir)) {
      placed = memo.placed;
      this.#cache!.keepIssue(date, null);
      this.#reusedIssues++;
      this.#unchanged += Object.keys(placed.entries).length;
    } else {
      placed = this.#placeAnew(pages.map((page) => page.parsed ?? this.#cache!.parse(page.key!)));
      if (inputs !== null) this.#cache!.keepIssue(date, { inputs, placed });
    }
    this.#issues++;
    Object.assign(this.#manifest.articles, placed.entries);
    for (const id of placed.usedCorrections) this.#usedCorrections.add(id);
    for (const [source, page] of placed.pages) this.#placed.set(source, page);
  }

  /**
   * An issue's pages placed: its jumped articles joined, its final ids (unique within the
   * date, so an issue's ids depend on no other issue), its corrections; its articles written.
   */
  #placeAnew(parsedPages: ParsedIssue[]): PlacedIssue {
    const issue = joinJumps(parsedPages);
    const ids = this.#ids.assign(issue, this.#failedSources);
    const used = new Set<string>();
    const correctionErrors = new Map<string, IngestError[]>();
    const written: ParsedIssue[] = [];
    const outputs = issue.flatMap((parsed) => {
      const placed = parsed.articles.map((article) => ({ id: ids.get(article)!, frontmatter: article.frontmatter }));
      const corrected = applyCorrections(placed, this.#corrections, this.#correctionsFile, used);
      correctionErrors.set(parsed.issue.source, corrected.errors);
      const articles = parsed.articles.map((article, at) => {
        const { id } = placed[at]!;
        return { ...article, id, slug: id.slice(id.indexOf("/") + 1), frontmatter: corrected.frontmatters[at]! };
      });
      written.push({ ...parsed, articles });
      return articles.map((article, at) => ({
        path: `${article.id}.md`,
        render: () => articleMarkdown(article.frontmatter, article.body),
        source: parsed.issue.source,
        base: parsed.articles[at]!.id,
      }));
    });
    const result = writeArticles(this.#options.outDir, outputs, this.#previous, this.#output);
    this.#written += result.written;
    this.#unchanged += result.unchanged;
    const reports = issueReports(written);
    const pages = new Map(
      written.map((page, at): [string, PlacedPage] => {
        const byKind = noKinds();
        for (const article of page.articles) byKind[article.frontmatter.kind]++;
        const source = page.issue.source;
        return [
          source,
          {
            report: reportEntryText(reports[at]!),
            articles: page.articles.length,
            byKind,
            warnings: page.fileWarnings.length + page.articles.reduce((n, a) => n + a.warnings.length, 0),
            fileWarnings: page.fileWarnings.map((w) => ({ file: source, line: null, message: w.message })),
            correctionErrors: correctionErrors.get(source) ?? [],
          },
        ];
      }),
    );
    return { pages, entries: result.entries, usedCorrections: [...used].sort() };
  }

  /** Once every file is parsed: removes what no issue yields any more, and makes the report and the manifest. */
  finish(): FinishedRun {
    this.#options.onFile?.(this.files.length, this.files.length, "");
    const removed = removeStaleArticles(this.#options.outDir, this.#previous, this.#manifest, this.#failedSources, this.#output);
    const placed = this.files.flatMap((source) => {
      const page = this.#placed.get(source);
      return page ? [page] : [];
    });
    const errors = [
      ...this.#fileErrors,
      ...this.files.flatMap((source) => {
        const page = this.#pages.get(source)!;
        return "key" in page ? [] : [page];
      }),
      ...placed.flatMap((page) => page.correctionErrors),
      ...unusedCorrections(this.#corrections, this.#usedCorrections, this.#correctionsFile),
    ];
    const byKind = noKinds();
    for (const page of placed) for (const kind of ITEM_KINDS) byKind[kind] += page.byKind[kind];
    const fileWarnings = placed.flatMap((page) => page.fileWarnings);
    return {
      report: parseReportBytes(
        placed.map((page) => page.report),
        errors,
      ),
      manifest: manifestText(this.#manifest),
      summary: {
        files: this.files.length,
        reusedParses: this.#cache?.hits ?? 0,
        issues: this.#issues,
        reusedIssues: this.#reusedIssues,
        articles: placed.reduce((sum, page) => sum + page.articles, 0),
        byKind,
        warnings: placed.reduce((sum, page) => sum + page.warnings, 0),
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
    if (this.#cache && !this.#cache.unchanged) this.#cache.store();
    this.#fileKeys?.write();
    return { ...finished.summary, seconds: (performance.now() - this.started) / 1000 };
  }
}
