/** A problem with one input file, reported by the CLI; other files still ingest. */
export interface IngestError {
  file: string;
  /** 1-based line in the file, when one line is to blame. */
  line: number | null;
  message: string;
}

export function formatIngestError(error: IngestError): string {
  return error.line === null ? `${error.file}: ${error.message}` : `${error.file}:${error.line}: ${error.message}`;
}
