/**
 * Which issues are complete while the files are still being parsed. All pages of a date are
 * one issue, and its articles depend on one another (a jump joins two of them, a repeated
 * headline makes a -2 id), so an issue is placed only once no file left to parse can add a page
 * to it, nor change which ids its articles may take: not a file named for its date, not a file
 * whose date only its parse can tell, and not a file whose articles of that date the last run
 * wrote (a file that fails now keeps those ids). The run writes each issue as it closes, while
 * the rest are parsed.
 */
import type { Manifest } from "./manifest.ts";

/** YYYY-MM-DD at the start of a file's name: the issue date of a file without frontmatter (issue-file.ts), when it is a date. */
export function fileNameDate(source: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})/u.exec(source.split("/").pop() ?? source)?.[1] ?? null;
}

export class OpenIssues {
  /** Files not yet parsed, by the date their name gives. */
  readonly #byNameDate = new Map<string, number>();
  /** Files not yet parsed whose date their name may not tell. */
  #undated = 0;
  /** Files not yet parsed that had articles of a date in the last run, by that date. */
  readonly #byPreviousDate = new Map<string, Set<string>>();
  /** The dates of each file's articles in the last run. */
  readonly #previousDates = new Map<string, Set<string>>();
  readonly #undatedFiles: ReadonlySet<string>;
  /** Dates with a page parsed, not yet closed. */
  readonly #open = new Set<string>();
  readonly #closed = new Set<string>();

  /**
   * `files`: every file of the run, none parsed yet; `undated`: those whose issue date their name
   * does not settle (no date in it, or frontmatter that may give another).
   */
  constructor(files: readonly string[], undated: ReadonlySet<string>, previous: Manifest) {
    this.#undatedFiles = undated;
    for (const source of files) {
      const date = undated.has(source) ? null : fileNameDate(source);
      if (date === null) this.#undated++;
      else this.#byNameDate.set(date, (this.#byNameDate.get(date) ?? 0) + 1);
    }
    const inRun = new Set(files);
    for (const [path, entry] of Object.entries(previous.articles)) {
      if (!inRun.has(entry.source)) continue;
      const date = path.slice(0, path.indexOf("/"));
      const dates = this.#previousDates.get(entry.source) ?? new Set<string>();
      dates.add(date);
      this.#previousDates.set(entry.source, dates);
      const sources = this.#byPreviousDate.get(date) ?? new Set<string>();
      sources.add(entry.source);
      this.#byPreviousDate.set(date, sources);
    }
  }

  #complete(date: string): boolean {
    return this.#undated === 0 && !this.#byNameDate.get(date) && !this.#byPreviousDate.get(date)?.size;
  }

  /** Records a file as parsed, with the date of its page (null when it could not be read); returns the dates that closed with it, in order. */
  parsed(source: string, date: string | null): string[] {
    const nameDate = this.#undatedFiles.has(source) ? null : fileNameDate(source);
    if (nameDate === null) this.#undated--;
    else this.#byNameDate.set(nameDate, this.#byNameDate.get(nameDate)! - 1);
    for (const previousDate of this.#previousDates.get(source) ?? []) this.#byPreviousDate.get(previousDate)?.delete(source);
    if (date !== null) {
      if (this.#closed.has(date)) throw new Error(`${source}: a page of the issue of ${date}, which was already complete`);
      this.#open.add(date);
    }
    const closed = [...this.#open].filter((d) => this.#complete(d)).sort();
    for (const d of closed) {
      this.#open.delete(d);
      this.#closed.add(d);
    }
    return closed;
  }
}
