/**
 * One ingest run over a folder of issue files: decode, parse, apply corrections, and
 * write the articles and the parse report. Writes are atomic (write, then rename) and
 * incremental: a file whose content hash is unchanged is not rewritten, and the
 * articles that no issue yields any more are removed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, rmdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { ItemKind } from "../article.ts";
import { applyCorrection, parseCorrections } from "./corrections.ts";
import type { Corrections } from "./corrections.ts";
import { joinJumps } from "./jumps.ts";
import type { IngestError } from "./errors.ts";
import { articleMarkdown, bodyMarkdown } from "./markdown.ts";
import { parseInWorkers } from "./parse-workers.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import type { ParsedArticle, ParsedIssue } from "./parse-page.ts";
import { parseIssueBytes, type ParseResult } from "./parse-file.ts";
import { PARSE_CACHE_FILE, ParseCache } from "./parse-cache.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import { buildParseReport } from "./parse-report.ts";
import { claimUnique } from "../slug.ts";

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

export const REPORT_FILE = "parse-report.json";
const MANIFEST_FILE = ".ingest-manifest.json";

/** Every *.txt under a folder, as sorted forward-slash paths relative to it. */
export function listIssueFiles(inDir: string): string[] {
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) throw new Error(`input folder not found: ${inDir}`);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) found.push(relative(inDir, path).split(sep).join("/"));
    }
  };
  walk(inDir);
  return found.sort();
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Writes next to the target, then renames: a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string | Uint8Array, knownDirs?: Set<string>): void {
  const dir = dirname(path);
  if (!knownDirs?.has(dir)) {
    mkdirSync(dir, { recursive: true });
    knownDirs?.add(dir);
  }
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export interface ManifestEntry {
  hash: string;
  /** The issue file the article came from. */
  source: string;
  /** The id the parser gave it (its headline's slug, unique within its page), before ids were made unique across the date. */
  base?: string;
}

export interface Manifest {
  /** Article path (relative to outDir) → what was written there. */
  articles: Record<string, ManifestEntry>;
}

function readManifest(outDir: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
    return parsed && typeof parsed.articles === "object" ? parsed : { articles: {} };
  } catch {
    return { articles: {} };
  }
}

interface ParsedFiles {
  parsedIssues: ParsedIssue[];
  failedSources: Set<string>;
  errors: IngestError[];
}

function prepareRun(options: IngestOptions): { files: string[]; corrections: Corrections; errors: IngestError[] } {
  if (!existsSync(options.inDir) || !statSync(options.inDir).isDirectory()) {
    throw new Error(`input folder not found: ${options.inDir}`);
  }
  const errors: IngestError[] = [];
  let corrections: Corrections = new Map();
  if (options.correctionsFile && existsSync(options.correctionsFile)) {
    const parsed = parseCorrections(options.correctionsFile, readFileSync(options.correctionsFile, "utf8"));
    corrections = parsed.corrections;
    errors.push(...parsed.errors);
  }
  return { files: listIssueFiles(options.inDir), corrections, errors };
}

function collectParsed(results: Iterable<{ source: string; result: ParseResult }>): ParsedFiles {
  const collected: ParsedFiles = { parsedIssues: [], failedSources: new Set(), errors: [] };
  for (const { source, result } of results) {
    if (result.ok) collected.parsedIssues.push(result.parsed);
    else {
      collected.errors.push(result.error);
      collected.failedSources.add(source);
    }
  }
  return collected;
}

function openParseCache(options: IngestOptions): ParseCache | null {
  return options.parserVersion ? new ParseCache(join(options.outDir, PARSE_CACHE_FILE), options.parserVersion) : null;
}


/** A file's parse from the cache, or parsed now; a good parse is kept for the next run. */
function parseWithCache(cache: ParseCache | null, source: string, bytes: Uint8Array, parse: () => ParseResult): ParseResult {
  if (!cache) return parse();
  const key = ParseCache.key(source, bytes);
  const cached = cache.get(key);
  const result: ParseResult = cached ? { ok: true, parsed: cached } : parse();
  if (result.ok) cache.keep(key, result.parsed);
  return result;
}

/** finishIngest, then the parse cache written: its snapshot is taken before ids change the parses. */
function finishWithCache(cache: ParseCache | null, finish: () => IngestSummary): IngestSummary {
  const snapshot = cache?.snapshot() ?? null;
  const summary = finish();
  if (cache && snapshot) writeFileAtomic(cache.file, snapshot);
  return { ...summary, reusedParses: cache?.hits ?? 0 };
}

export function runIngest(options: IngestOptions): IngestSummary {
  const started = performance.now();
  const { files, corrections, errors } = prepareRun(options);
  const cache = openParseCache(options);
  const results = files.map((source, index) => {
    options.onFile?.(index, files.length, source);
    const bytes = readFileSync(join(options.inDir, source));
    return { source, result: parseWithCache(cache, source, bytes, () => parseIssueBytes(source, bytes, options.knowledge, options.places)) };
  });
  options.onFile?.(files.length, files.length, "");
  return finishWithCache(cache, () => finishIngest(options, files, collectParsed(results), corrections, errors, started));
}

/**
 * The same run with the parsing spread over worker threads, one per core: the
 * parse of one issue file depends on nothing else, so large archives ingest in
 * parallel. Output is identical to runIngest's.
 */
export async function runIngestParallel(options: IngestOptions & { dataDir: string; workers: number }): Promise<IngestSummary> {
  const started = performance.now();
  const { files, corrections, errors } = prepareRun(options);
  const cache = openParseCache(options);
  const bytes = new Map(files.map((source) => [source, readFileSync(join(options.inDir, source))]));
  const cached = new Map(
    files.flatMap((source) => {
      const parsed = cache?.get(ParseCache.key(source, bytes.get(source)!));
      return parsed ? [[source, parsed] as const] : [];
    }),
  );
  const todo = files.filter((source) => !cached.has(source));
  const parsed = new Map(
    (await parseInWorkers(options.inDir, options.dataDir, todo, options.workers, (done) => options.onFile?.(cached.size + done, files.length, todo[done] ?? ""))).map(
      (r) => [r.source, r.result] as const,
    ),
  );
  options.onFile?.(files.length, files.length, "");
  const results = files.map((source) => {
    const hit = cached.get(source);
    const result: ParseResult = hit ? { ok: true, parsed: hit } : parsed.get(source)!;
    if (cache && result.ok) cache.keep(ParseCache.key(source, bytes.get(source)!), result.parsed);
    return { source, result };
  });
  return finishWithCache(cache, () => finishIngest(options, files, collectParsed(results), corrections, errors, started));
}

function finishIngest(options: IngestOptions, files: string[], parsedFiles: ParsedFiles, corrections: Corrections, errors: IngestError[], started: number): IngestSummary {
  const { parsedIssues, failedSources } = parsedFiles;
  errors.push(...parsedFiles.errors);
  joinJumps(parsedIssues);
  const previous = readManifest(options.outDir);
  const ids = assignArticleIds(parsedIssues, previous, failedSources);
  const outputs = new Map<string, { text: string; source: string; base: string }>();
  const byKind: Record<ItemKind, number> = { article: 0, commentary: 0, photo: 0, brief: 0, notice: 0 };
  const fileWarnings = parsedIssues.flatMap((parsed) => (parsed.fileWarnings ?? []).map((w) => ({ file: parsed.issue.source, line: null, message: w.message })));
  let warnings = fileWarnings.length;
  const usedCorrections = new Set<string>();
  for (const parsed of parsedIssues) {
    for (const article of parsed.articles) {
      const id = ids.get(article) ?? article.id;
      const base = article.id;
      article.id = id;
      article.slug = id.slice(id.indexOf("/") + 1);
      const corrected = applyCorrection(article.frontmatter, corrections.get(id));
      if (corrections.has(id)) usedCorrections.add(id);
      if (!corrected.ok) {
        errors.push({ file: options.correctionsFile ?? "corrections", line: null, message: `${id}: ${corrected.message}` });
      } else {
        article.frontmatter = corrected.frontmatter;
      }
      outputs.set(`${id}.md`, { text: articleMarkdown(article.frontmatter, article.bodyMarkdown ?? bodyMarkdown(article.body)), source: parsed.issue.source, base });
      byKind[article.frontmatter.kind]++;
      warnings += article.warnings.length;
    }
  }
  for (const id of corrections.keys()) {
    if (!usedCorrections.has(id)) errors.push({ file: options.correctionsFile ?? "corrections", line: null, message: `${id}: no article has this id` });
  }

  const manifest: Manifest = { articles: {} };
  let written = 0;
  let unchanged = 0;
  const knownDirs = new Set<string>();
  for (const [path, output] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = contentHash(output.text);
    const target = join(options.outDir, path);
    if (previous.articles[path]?.hash === hash && existsSync(target)) unchanged++;
    else {
      writeFileAtomic(target, output.text, knownDirs);
      written++;
    }
    manifest.articles[path] = { hash, source: output.source, base: output.base };
  }
  let removed = 0;
  for (const [path, entry] of Object.entries(previous.articles)) {
    if (manifest.articles[path]) continue;
    // A file that failed this run keeps its articles until it is fixed or deleted.
    if (failedSources.has(entry.source)) {
      manifest.articles[path] = entry;
      continue;
    }
    rmSync(join(options.outDir, path), { force: true });
    removeEmptyParents(join(options.outDir, path), options.outDir);
    removed++;
  }

  const report = buildParseReport(parsedIssues, errors);
  writeIfChanged(join(options.outDir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  const sortedManifest: Manifest = { articles: Object.fromEntries(Object.entries(manifest.articles).sort(([a], [b]) => (a < b ? -1 : 1))) };
  writeIfChanged(join(options.outDir, MANIFEST_FILE), `${JSON.stringify(sortedManifest, null, 2)}\n`);

  return {
    files: files.length,
    reusedParses: 0,
    articles: outputs.size,
    byKind,
    warnings,
    errors,
    fileWarnings,
    written,
    unchanged,
    removed,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Final article ids. Two pages of one date form one issue, so a headline may repeat
 * across them: the id the previous run gave to the article of the same page and the same
 * parser id stays with it, ids of pages that failed this run stay reserved, and the rest are
 * made unique in file-name order. So adding a page never takes an existing article's path,
 * and a rerun gives every article the path it had.
 */
export function assignArticleIds(
  parsedIssues: readonly Pick<ParsedIssue, "issue" | "articles">[],
  previous: Manifest,
  failedSources: ReadonlySet<string>,
): Map<ParsedArticle, string> {
  const taken = new Set<string>();
  // (source, parser id) → the id it was given; a manifest written before parser ids were kept
  // knows only the final id, which is the parser id for every article that was not renamed.
  const given = new Map<string, string>();
  for (const [path, entry] of Object.entries(previous.articles)) {
    const id = path.replace(/\.md$/u, "");
    if (failedSources.has(entry.source)) taken.add(id);
    given.set(`${entry.source}\0${entry.base ?? id}`, id);
  }
  const claims = parsedIssues.flatMap((parsed) => parsed.articles.map((article) => ({ article, source: parsed.issue.source })));
  const ids = new Map<ParsedArticle, string>();
  for (const { article, source } of claims) {
    const id = given.get(`${source}\0${article.id}`);
    if (id !== undefined && !taken.has(id)) {
      taken.add(id);
      ids.set(article, id);
    }
  }
  for (const { article } of claims) {
    if (ids.has(article)) continue;
    ids.set(article, claimUnique(article.id, taken));
  }
  return ids;
}

function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  writeFileAtomic(path, text);
}

function removeEmptyParents(file: string, outDir: string): void {
  const root = resolve(outDir);
  let dir = dirname(resolve(file));
  while (dir.startsWith(root) && dir !== root) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
