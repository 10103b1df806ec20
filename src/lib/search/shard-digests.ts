/**
 * The digests of a bundle's article files, from which its cache key is made (build-index.ts).
 *
 * Finding the one bundle a new issue changed meant reading every article: ~11 s of a rebuild at
 * 100,000 articles, while Astro needed the same core. So each bundle's cache folder keeps, beside
 * its key, the signature each file had (size, time, inode: src/lib/file-stats.ts) when its digest
 * was taken, and a file whose settled signature is the same is not read again.
 *
 * The key is made from the digests alone, never from signatures. A cache brought from another
 * machine (the jobs of a CI matrix, docs/scale.md), where every signature differs, has its files
 * read once and gives the same keys.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleFile } from "../articles/article-files.ts";
import { settledSignature } from "../file-stats.ts";

/** The memo's file name in a bundle's cache folder. */
export const DIGESTS_FILE = "digests";
/** Article files stat'ed or read at a time. */
const BATCH = 128;

/** An article file as last seen: its digest, and its signature when settled (null: read it next time). */
export interface FileDigest {
  /** SHA-256 of the file's bytes, hex. */
  digest: string;
  signature: string | null;
}

/** A file's bytes and what it was seen as, stat'ed before it was read so that a change after the read changes the signature. */
export interface ReadArticle {
  bytes: Buffer;
  seen: FileDigest;
}

/** An article file that cannot be stat'ed or read: `where` names it. */
export class UnreadableArticleError extends Error {
  constructor(where: string, cause: NodeJS.ErrnoException) {
    super(`${where}: cannot be read (${cause.code ?? cause.message})`);
    this.name = "UnreadableArticleError";
  }
}

/** The memo as `serializeDigests` wrote it, by article id; an empty one for text it cannot read. */
export function parseDigests(text: string | null): Map<string, FileDigest> {
  const known = new Map<string, FileDigest>();
  for (const line of text?.split("\n") ?? []) {
    const [id, signature, digest, extra] = line.split("\t");
    if (id && signature && digest && /^[0-9a-f]{64}$/.test(digest) && extra === undefined) known.set(id, { signature, digest });
  }
  return known;
}

/** The memo of these files: a line each, id, signature and digest, for the files whose signature is settled. */
export function serializeDigests(files: readonly ArticleFile[], seen: readonly FileDigest[]): string {
  return files.map((file, i) => (seen[i]?.signature ? `${file.id}\t${seen[i].signature}\t${seen[i].digest}\n` : "")).join("");
}

/** True when the memo says what these files were seen as: writing it again would change nothing. */
export function sameDigests(files: readonly ArticleFile[], seen: readonly FileDigest[], known: ReadonlyMap<string, FileDigest>): boolean {
  let kept = 0;
  for (const [i, file] of files.entries()) {
    const { signature, digest } = seen[i]!;
    if (signature === null) continue;
    const memo = known.get(file.id);
    if (memo?.signature !== signature || memo.digest !== digest) return false;
    kept++;
  }
  return kept === known.size;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function statOf(where: string) {
  return stat(where).catch((err: NodeJS.ErrnoException) => {
    throw new UnreadableArticleError(where, err);
  });
}

/** Reads an article file, its signature taken first, as seen at `now`. */
export async function readArticle(where: string, now: number): Promise<ReadArticle> {
  const signature = settledSignature(await statOf(where), now);
  // Node's message for a folder or a file it may not read does not say which: the error names it.
  const bytes = await readFile(where).catch((err: NodeJS.ErrnoException) => {
    throw new UnreadableArticleError(where, err);
  });
  return { bytes, seen: { digest: sha256(bytes), signature } };
}

/** Reads every file, a batch at a time, in the files' order. */
export async function readArticles(articlesDir: string, files: readonly ArticleFile[], now: number): Promise<ReadArticle[]> {
  const read: ReadArticle[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    read.push(...(await Promise.all(files.slice(i, i + BATCH).map((file) => readArticle(path.join(articlesDir, file.file), now)))));
  }
  return read;
}

/**
 * What each file is now, in the files' order: a file whose settled signature the memo holds
 * keeps its digest unread; any other is read. `now` is taken before any file is stat'ed.
 */
export async function digestArticles(
  articlesDir: string,
  files: readonly ArticleFile[],
  known: ReadonlyMap<string, FileDigest>,
  now: number,
): Promise<FileDigest[]> {
  const seen: (FileDigest | null)[] = files.map((file) => {
    const memo = known.get(file.id);
    if (!memo) return null;
    // One stat at a time on this thread: 0.7 s for 100,000 files, against 2.4 s as promises.
    const stats = statSync(path.join(articlesDir, file.file), { throwIfNoEntry: false });
    return stats && settledSignature(stats, now) === memo.signature ? memo : null;
  });
  const unknown = seen.flatMap((known, i) => (known === null ? [i] : []));
  for (let at = 0; at < unknown.length; at += BATCH) {
    const batch = unknown.slice(at, at + BATCH);
    const read = await Promise.all(batch.map((i) => readArticle(path.join(articlesDir, files[i]!.file), now)));
    batch.forEach((i, j) => (seen[i] = read[j]!.seen));
  }
  return seen as FileDigest[];
}

/** The key of a bundle: the indexing code's version, its articles' ids and digests, in order. */
export function shardKey(version: string, files: readonly ArticleFile[], seen: readonly FileDigest[]): string {
  const hash = createHash("sha256").update(`${version}\0`);
  files.forEach((article, i) => hash.update(`${article.id}\0`).update(Buffer.from(seen[i]!.digest, "hex")));
  return hash.digest("hex");
}
