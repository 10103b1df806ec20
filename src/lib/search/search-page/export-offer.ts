/**
 * The export buttons above the results: how many results an export holds (the first MAX_EXPORT,
 * in the order listed), and the file a press downloads, made in the browser (result-export.ts).
 */
import type { DateRange } from "../date-range.ts";
import { MAX_EXPORT, csvExport, exportFileName, risExport, type ExportRecord } from "../result-export.ts";

export type ExportFormat = "ris" | "csv";

/** Results an export of `total` results holds; 0 means no export is offered. */
export function exportCount(total: number): number {
  return Math.min(MAX_EXPORT, total);
}

export interface ExportFile {
  name: string;
  text: string;
  /** The MIME type of the download. */
  type: string;
}

/** The file an export in `format` downloads: named by the search's range, in the records' order. */
export function exportFile(
  format: ExportFormat,
  records: readonly ExportRecord[],
  range: DateRange,
  context: { newspaper: string; lang: string },
): ExportFile {
  const name = exportFileName("search-results", range, format);
  return format === "ris"
    ? { name, text: risExport(records, context), type: "application/x-research-info-systems;charset=utf-8" }
    : { name, text: csvExport(records), type: "text/csv;charset=utf-8" };
}
