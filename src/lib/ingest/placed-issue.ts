/**
 * What placing one issue (all pages of a date) made: its articles' manifest entries, each page's
 * report entry and counts, the corrections it used. The run keeps it beside the parses
 * (parse-cache.ts), with the inputs it was made from, so that the next run takes an issue whose
 * inputs are unchanged as it was instead of joining, naming, correcting, rendering and hashing
 * its articles again: a rebuild's ingest then costs what changed, not the archive.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ItemKind } from "../article.ts";
import type { Corrections } from "./corrections.ts";
import type { IngestError } from "./errors.ts";
import type { Manifest, ManifestEntry } from "./manifest.ts";

/** One page of a placed issue. */
export interface PlacedPage {
  /** Its entry of the parse report, as text (reportEntryText). */
  report: Uint8Array;
  articles: number;
  byKind: Record<ItemKind, number>;
  /** Its file's warnings and its articles'. */
  warnings: number;
  /** Warnings about the file as a whole, as the run reports them. */
  fileWarnings: IngestError[];
  /** Errors of the corrections of its articles. */
  correctionErrors: IngestError[];
}

export interface PlacedIssue {
  /** By issue file. */
  pages: Map<string, PlacedPage>;
  /** Its articles, by path, as the manifest keeps them. */
  entries: Manifest["articles"];
  /** The ids of the corrections applied to its articles. */
  usedCorrections: string[];
}

export interface IssueMemo {
  /** issueInputs() of the run that placed it. */
  inputs: string;
  placed: PlacedIssue;
}

/**
 * Everything an issue's placing reads but the last run's manifest: its files and their parses'
 * cache keys (name and bytes, under one parser version), the corrections of its date, the
 * corrections file's name (its errors name it), and the ids held for files of its date that
 * failed this run.
 */
export function issueInputs(
  date: string,
  pages: readonly { source: string; key: string }[],
  corrections: Corrections,
  correctionsFile: string,
  reservedIds: readonly string[],
): string {
  const prefix = `${date}/`;
  const ownCorrections = [...corrections].filter(([id]) => id.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([pages.map(({ source, key }) => [source, key]), ownCorrections, correctionsFile, [...reservedIds].sort()]);
}

const sameEntry = (a: ManifestEntry | undefined, b: ManifestEntry) => a !== undefined && a.hash === b.hash && a.source === b.source && a.base === b.base;

/**
 * Whether a memo of the issue's placing, made from the same inputs, is what placing it again
 * would make. The ids depend on one thing more, the ids the last run gave: they are the memo's
 * when the last manifest holds exactly the memo's entries for the issue's files (a run gives
 * each article the id the manifest names for its file and parser id, and the memo's ids were
 * unique). And its files must still be there, as the last run left them: one deleted by hand is
 * written again by placing the issue anew.
 */
export function memoHolds(memo: PlacedIssue, previous: Manifest, previousCountBySource: ReadonlyMap<string, number>, outDir: string): boolean {
  const paths = Object.keys(memo.entries);
  const countBySource = new Map<string, number>();
  for (const path of paths) {
    const entry = memo.entries[path]!;
    if (!sameEntry(previous.articles[path], entry)) return false;
    countBySource.set(entry.source, (countBySource.get(entry.source) ?? 0) + 1);
  }
  for (const source of memo.pages.keys()) if ((previousCountBySource.get(source) ?? 0) !== (countBySource.get(source) ?? 0)) return false;
  if (paths.length === 0) return true;
  // One listing of the date's folder, not a look-up per file: ids are `<date>/<slug>`.
  const folder = paths[0]!.slice(0, paths[0]!.indexOf("/"));
  let present: Set<string>;
  try {
    present = new Set(readdirSync(join(outDir, folder)));
  } catch {
    return false;
  }
  return paths.every((path) => path.startsWith(`${folder}/`) && present.has(path.slice(folder.length + 1)));
}
