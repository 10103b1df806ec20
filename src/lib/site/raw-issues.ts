/** The raw issue files (content/issues/*.txt) the site publishes unchanged at /raw/. */
import { readdir } from "node:fs/promises";

/** Relative to the project root, where Astro runs; $ARCHIVE_ISSUES_DIR publishes another folder. */
export const ISSUES_DIR = process.env["ARCHIVE_ISSUES_DIR"] || "content/issues";

/** File names of the raw issue files, sorted; none when the folder is missing. */
export async function listRawIssueFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /^[\w.-]+\.txt$/.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
