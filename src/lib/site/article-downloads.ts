/**
 * Every article's three downloads beside its page: its Markdown file exactly as the ingest wrote
 * it, and its reference as RIS and as CSL-JSON (citation-export.ts). Each depends on the article
 * file alone (and the site's address), so they are written straight from the articles folder
 * after the build (src/integrations/article-downloads.ts) rather than by Astro routes, whose cost
 * per page is many times the work of the file itself (docs/scale.md). `npm run dev` serves the
 * same bytes from the same module.
 *
 * A rebuild writes only the downloads of the article files that changed: the manifest of the
 * last build keeps each file's size, time and digest (`unchangedSource`), and the downloads of
 * articles no longer in the folder are removed (`goneArticles`).
 */
import { createHash } from "node:crypto";
import { parseArticleFile } from "../articles/article-files.ts";
import { articleCslJson, articleRis } from "./citation-export.ts";
import { articleCslJsonPath, articleMarkdownPath, articleParams, articlePath, articleRisPath } from "./paths.ts";

/** The downloads by their extension, with the type each is served as. */
export const DOWNLOAD_TYPES = {
  md: "text/markdown; charset=utf-8",
  ris: "application/x-research-info-systems; charset=utf-8",
  json: "application/vnd.citationstyles.csl+json; charset=utf-8",
} as const;

export type DownloadKind = keyof typeof DOWNLOAD_TYPES;

export interface ArticleDownload {
  kind: DownloadKind;
  /** Root-relative URL: "/articles/2022-11-08/wen-ming-xin-feng.ris". */
  path: string;
  /** The file's bytes; the Markdown file's are the article file's own. */
  bytes: Uint8Array | string;
}

/** The root-relative URLs of an article's downloads, in DOWNLOAD_TYPES order. */
export function articleDownloadPaths(id: string): Record<DownloadKind, string> {
  return { md: articleMarkdownPath(id), ris: articleRisPath(id), json: articleCslJsonPath(id) };
}

/**
 * The downloads of the article `id` whose file holds `source`; `file` names it in errors. The
 * references cite the article page at `site` (the site's address as the build sees it, at the
 * root: src/integrations/base-path.ts rebases the files after the build).
 */
export function articleDownloads(id: string, source: Uint8Array, site: string | URL, file: string): ArticleDownload[] {
  articleParams(id);
  const { data } = parseArticleFile(file, Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString("utf8"));
  const article = { id, data };
  const reference = { url: new URL(articlePath(id), site).href };
  const paths = articleDownloadPaths(id);
  return [
    { kind: "md", path: paths.md, bytes: source },
    { kind: "ris", path: paths.ris, bytes: articleRis(article, reference) },
    { kind: "json", path: paths.json, bytes: articleCslJson(article, reference) },
  ];
}

const DOWNLOAD_PATH = /^\/articles\/(\d{4}-\d{2}-\d{2}\/[a-z0-9][a-z0-9-]*)\.(md|ris|json)$/u;

/** The article id and kind of the download at a root-relative URL path ("/articles/2022-11-08/x.ris"), or null. */
export function downloadAt(pathname: string): { id: string; kind: DownloadKind } | null {
  const match = DOWNLOAD_PATH.exec(pathname);
  return match ? { id: match[1]!, kind: match[2] as DownloadKind } : null;
}

/** True for a download's path relative to the build folder ("articles/2022-11-08/x.md"): files the build's routes do not make. */
export function isArticleDownload(relative: string): boolean {
  return downloadAt(`/${relative}`) !== null;
}

/** What a build knew of an article file when it wrote its downloads. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
  /** sha256 of the file's bytes, base64url. */
  digest: string;
}

/** The downloads' manifest, kept in Astro's cache folder from one build to the next. */
export interface DownloadsManifest {
  /** The code and site the downloads were made with: another version writes them all again. */
  version: string;
  /** By article id. */
  articles: Record<string, SourceStamp>;
}

/** The digest a SourceStamp keeps. */
export function sourceDigest(source: Uint8Array): string {
  return createHash("sha256").update(source).digest("base64url");
}

/**
 * Whether an article file is the one the last build made downloads from: "same" when its size and
 * time say so (it is not read), "read" when only its bytes can tell (compare `sourceDigest` with
 * `previous.digest`), "changed" when it is new or its size differs.
 */
export function unchangedSource(previous: SourceStamp | undefined, stat: { size: number; mtimeMs: number }): "same" | "read" | "changed" {
  if (previous === undefined || previous.size !== stat.size) return "changed";
  return previous.mtimeMs === stat.mtimeMs ? "same" : "read";
}

/** The articles the last build made downloads for that are no longer in the folder, in id order. */
export function goneArticles(previous: DownloadsManifest, current: ReadonlySet<string>): string[] {
  return Object.keys(previous.articles)
    .filter((id) => !current.has(id))
    .sort();
}

/** The manifest as written: ids in order, so an unchanged archive gives the same bytes. */
export function serializeManifest(manifest: DownloadsManifest): string {
  const articles = Object.fromEntries(Object.entries(manifest.articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ version: manifest.version, articles });
}

/** A manifest read back, or null for one of another shape (another version of this code, a damaged file). */
export function parseManifest(text: string): DownloadsManifest | null {
  try {
    const value = JSON.parse(text) as Partial<DownloadsManifest>;
    if (typeof value.version !== "string" || typeof value.articles !== "object" || value.articles === null) return null;
    return value as DownloadsManifest;
  } catch {
    return null;
  }
}
