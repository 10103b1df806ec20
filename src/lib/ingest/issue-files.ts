/** The run's input: the issue files of a folder, in the order every run takes them. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every *.txt under a folder (any depth), as sorted forward-slash paths relative to it; a missing folder is an error naming it. */
export function listIssueFiles(inDir: string): string[] {
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) throw new Error(`input folder not found: ${inDir}`);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) found.push(relative(inDir, path).split(sep).join("/"));
    }
  };
  walk(inDir);
  return found.sort();
}
