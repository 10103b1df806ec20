/**
 * What the site keeps of each article file between builds: its checked frontmatter, a digest of
 * the file and the file's path. The records live in one file of the build's cache folder, not in
 * Astro's data store: Astro writes its whole store again (devalue) after any change, makes a
 * module of it for Vite's bundle and reads it back while it renders, three passes over every
 * article's frontmatter a build, 8–10 s at 100,000 articles (docs/scale.md). The records file is
 * V8's own serialisation, written only when a record changed, read by the sync, and handed by it
 * to the pages of the same process (src/lib/site/collection.ts), which read the file otherwise.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleFrontmatter } from "../article.ts";
import { writeFileAtomic } from "../ingest/output-files.ts";

/** An article as the site reads it: `id` is its permalink (<date>/<slug>), `filePath` its file relative to the project's root. */
export interface ArticleRecord {
  id: string;
  data: ArticleFrontmatter;
  /** A digest of the article file's bytes. */
  digest: string;
  filePath: string;
}

/** How old a partial records file must be to count as left by a build that was stopped. */
const ABANDONED_AFTER_MS = 3_600_000;

/** Removes the partial files of `file` (writeFileAtomic's) that builds stopped mid-write left: 64 MB each at 100,000 articles. */
function removeAbandonedWrites(file: string): void {
  const prefix = `${path.basename(file)}.`;
  const dir = path.dirname(file);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const partial = path.join(dir, name);
    const modified = statSync(partial, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified < Date.now() - ABANDONED_AFTER_MS) rmSync(partial, { force: true });
  }
}

/** The records file's contents. */
interface RecordsFile {
  /** The version of the code that checked the frontmatter (code-version.ts). */
  version: string;
  /** What the sync that wrote them saw of each file (file-stats.ts). */
  fileStats: string;
  records: ArticleRecord[];
}

/** The id of the one entry the loader keeps in Astro's store: `data.file` names the records file. */
export const RECORDS_ENTRY_ID = "records";

/** The name of the records file in Astro's cache folder. */
export const ARTICLE_RECORDS_FILE = "article-records.v8";

function isRecordsFile(value: unknown): value is RecordsFile {
  const file = value as RecordsFile | null;
  return typeof file === "object" && file !== null && typeof file.version === "string" && typeof file.fileStats === "string" && Array.isArray(file.records);
}

/** The records a file holds, or null when it is missing, unreadable or of another shape. */
function readRecordsFile(file: string): RecordsFile | null {
  let contents: unknown;
  try {
    contents = deserialize(readFileSync(file));
  } catch {
    return null;
  }
  return isRecordsFile(contents) ? contents : null;
}

/**
 * Where a sync leaves its records for the pages of the same process (`astro build` syncs, then
 * renders; `npm run dev` syncs again on every change), sparing them the file's second read: 1.3 s
 * at 100,000 articles.
 */
const HANDED_OVER = Symbol.for("archive.article-records");

interface HandedOver {
  file: string;
  records: ArticleRecord[];
}

/** Leaves a sync's records, as written to `file`, for the pages of this process. */
export function handOverArticleRecords(file: string, records: ArticleRecord[]): void {
  (globalThis as { [HANDED_OVER]?: HandedOver })[HANDED_OVER] = { file, records };
}

/**
 * The records of the last sync, as the pages read them: those it handed over in this process,
 * else those of its file. Throws when the file is missing or unreadable: the sync wrote it, and
 * a site built without it would have no articles and look whole.
 */
export function readArticleRecords(file: string): ArticleRecord[] {
  const handed = (globalThis as { [HANDED_OVER]?: HandedOver })[HANDED_OVER];
  if (handed?.file === file) return handed.records;
  const contents = readRecordsFile(file);
  if (!contents) throw new Error(`${file}: the article records the content sync wrote are missing or unreadable; build again to write them anew`);
  return contents.records;
}

/**
 * The records of one sync: those the last sync kept, when the same code wrote them, and this
 * sync's, in the order it visits the files (so the file is the same whatever order earlier syncs
 * met the articles in).
 */
export class ArticleRecordSet {
  readonly #version: string;
  /** The last sync's records, or null when there are none this code can use. */
  readonly #previous: RecordsFile | null;
  readonly #previousById: Map<string, ArticleRecord>;
  readonly #records = new Map<string, ArticleRecord>();

  private constructor(version: string, previous: RecordsFile | null) {
    this.#version = version;
    this.#previous = previous?.version === version ? previous : null;
    this.#previousById = new Map(this.#previous?.records.map((record) => [record.id, record]));
  }

  /** The records `file` holds when the code of `version` wrote them; none otherwise. */
  static read(file: string, version: string): ArticleRecordSet {
    return new ArticleRecordSet(version, readRecordsFile(file));
  }

  /** What the last sync saw of each file (file-stats.ts), when its records are usable. */
  get previousFileStats(): string | undefined {
    return this.#previous?.fileStats;
  }

  /** This sync's record for `id`, or the last sync's while this one has none. */
  get(id: string): ArticleRecord | undefined {
    return this.#records.get(id) ?? this.#previousById.get(id);
  }

  /** Keeps a record for this sync. */
  set(record: ArticleRecord): void {
    this.#records.set(record.id, record);
  }

  /** Forgets a record: its file is gone or no longer readable. */
  delete(id: string): void {
    this.#records.delete(id);
    this.#previousById.delete(id);
  }

  /** True unless this sync kept the last sync's records, the very same, in the same order. */
  changed(): boolean {
    const previous = this.#previous?.records;
    if (!previous || previous.length !== this.#records.size) return true;
    let i = 0;
    for (const record of this.#records.values()) if (record !== previous[i++]) return true;
    return false;
  }

  /** This sync's records, in the order they were kept. */
  list(): ArticleRecord[] {
    return [...this.#records.values()];
  }

  /**
   * A digest of this sync's records: their ids, files and files' digests in order, and the
   * code's version, which together decide every record's frontmatter.
   */
  digest(): string {
    const hash = createHash("sha256").update(`${this.#version}\n`);
    for (const record of this.#records.values()) hash.update(`${record.id}\0${record.filePath}\0${record.digest}\n`);
    return hash.digest("base64url");
  }

  /**
   * Writes this sync's records to `file`, atomically: a build stopped mid-write leaves the last
   * records or none, never half of them.
   */
  write(file: string, fileStats: string): void {
    removeAbandonedWrites(file);
    const contents: RecordsFile = { version: this.#version, fileStats, records: this.list() };
    writeFileAtomic(file, serialize(contents));
  }
}
