/**
 * /data/articles.json and /data/articles.csv, written from the years' files of a built site
 * (data-export.ts: joinJsonExports, joinCsvExports) once every year's file is in place: by a
 * whole build after its pages (src/integrations/whole-exports.ts), by the join of a site built in
 * parts after the parts' files (site-join.ts). Each year's file is read in its turn and written
 * straight out, so the whole never has to be one string in memory.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { ExportPartError, joinCsvExports, joinJsonExports } from "../site/data-export.ts";
import { articlesCsvPath, articlesJsonPath, articlesYearFolderPath } from "../site/paths.ts";

/** A file of the site from its URL path ("/data/articles.json") under `root`. */
function fileOf(root: string, urlPath: string): string {
  return path.join(root, ...urlPath.split("/").filter(Boolean));
}

/** Writes the chunks to a file beside `target`, then renames it over `target`: a reader never sees half the file. */
function writeChunks(target: string, chunks: Iterable<Uint8Array>): number {
  const temporary = `${target}.${process.pid}.tmp`;
  let bytes = 0;
  const fd = openSync(temporary, "w");
  try {
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done);
      bytes += chunk.byteLength;
    }
  } catch (err) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temporary, target);
  return bytes;
}

/** What writeWholeExports wrote: the years joined, and each whole file's size in bytes. */
export interface WholeExports {
  years: string[];
  jsonBytes: number;
  csvBytes: number;
}

/**
 * Joins the years' files under `root` (the built site, at the root path) into the two whole
 * files, years oldest first. Throws ExportPartError naming a year's file that is not an export.
 */
export function writeWholeExports(root: string): WholeExports {
  const folder = fileOf(root, articlesYearFolderPath());
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const yearsOf = (format: string) =>
    names
      .filter((name) => new RegExp(`^\\d{4}\\.${format}$`, "u").test(name))
      .map((name) => name.slice(0, 4))
      .sort();
  const read = function* (years: string[], format: string) {
    for (const year of years) {
      const file = path.join(folder, `${year}.${format}`);
      yield { name: file, bytes: readFileSync(file) };
    }
  };
  const json = yearsOf("json");
  const csv = yearsOf("csv");
  const unpaired = [...json.filter((year) => !csv.includes(year)).map((year) => `${year}.json`), ...csv.filter((year) => !json.includes(year)).map((year) => `${year}.csv`)];
  if (unpaired.length > 0) throw new ExportPartError(`${folder}: ${unpaired.join(", ")} without the other format of the same year`);
  mkdirSync(path.dirname(fileOf(root, articlesJsonPath())), { recursive: true });
  return {
    years: json,
    jsonBytes: writeChunks(fileOf(root, articlesJsonPath()), joinJsonExports(read(json, "json"))),
    csvBytes: writeChunks(fileOf(root, articlesCsvPath()), joinCsvExports(read(csv, "csv"))),
  };
}
