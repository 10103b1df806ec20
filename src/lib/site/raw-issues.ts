/** The raw issue files (content/issues/*.txt) the site publishes unchanged at /raw/. */
import { readdir } from "node:fs/promises";
import { ARCHIVE } from "../config/archive-config.ts";

/** The config's issues folder, relative to the project root, where Astro runs. */
export const ISSUES_DIR = ARCHIVE.folders.issues;

/**
 * Whether a file name is a raw issue file the site publishes: any name in any script, spaces
 * included (2024-10-15_党建版.txt, 2024-10-15 第5版.txt), ending in .txt of any case as the
 * ingest reads them; not hidden files ("." first: editor and OS debris) nor names with a path
 * separator or control characters, which no URL segment can carry back to the same file.
 */
export function isRawIssueFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\.txt$/iu.test(name) && !name.startsWith(".") && !/[/\\\u0000-\u001f\u007f]/u.test(name) && name.length > 4;
}

/** File names of the raw issue files, sorted; none when the folder is missing. */
export async function listRawIssueFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && isRawIssueFileName(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
