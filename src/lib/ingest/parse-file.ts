/**
 * One issue file's bytes → its parsed page, or an error naming the file: decode, read the
 * frontmatter, parse. The run parses through here, on its own thread or on worker threads
 * (ingest-workers.ts), and both give the same ParsedIssue.
 */
import { decodeIssueBytes, droppedTailWarning } from "./decode.ts";
import type { IngestError } from "./errors.ts";
import { readIssueFile } from "./issue-file.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import type { ParsedIssue } from "./parse-page.ts";
import { parseIssue } from "./parse-page.ts";

export type ParseResult = { ok: true; parsed: ParsedIssue } | { ok: false; error: IngestError };

/** A file's parse as the run receives it: from a worker also serialized (v8), the bytes the parse cache keeps. */
export interface FileParse {
  result: ParseResult;
  serialized: Uint8Array | null;
}

export function parseIssueBytes(source: string, bytes: Uint8Array, knowledge: PageKnowledge, places: ArticleLocator): ParseResult {
  const decoded = decodeIssueBytes(bytes);
  if (!decoded.ok) return { ok: false, error: { file: source, line: null, message: decoded.reason } };
  const read = readIssueFile(source, decoded.text);
  if (!read.ok) return { ok: false, error: read.error };
  const parsed = parseIssue(read.issue, knowledge, places);
  if (decoded.droppedBytes === 0) return { ok: true, parsed };
  return { ok: true, parsed: { ...parsed, fileWarnings: [{ code: "truncated-file", message: droppedTailWarning(source, decoded.droppedBytes) }] } };
}
