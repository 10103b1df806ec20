/**
 * `astro dev`: when a raw issue file in content/issues/ is added or changed, run the ingest
 * (`node scripts/ingest.ts --quiet`) and reload the browser, so an editor fixing OCR text sees the
 * article pages change. (The article loader, src/lib/site/article-loader.ts, watches the rewritten articles itself.) The ingest takes no file argument: it
 * reads every issue but rewrites only the articles that changed, and keeps the parse report whole.
 */
import type { AstroIntegration } from "astro";
import { spawn } from "node:child_process";
import path from "node:path";
import { ARCHIVE } from "../lib/config/archive-config.ts";

/** Editors save in bursts (and editors write via temp files): wait for the burst to end. */
const SETTLE_MS = 200;

/**
 * Whether a path the watcher reports is an issue file the ingest reads: a *.txt (of any case)
 * anywhere under the issues folder, named in any script or with spaces (2024-10-15_党建版.txt,
 * 2024-10-15 第5版.txt). Both paths are compared in Unicode NFC form: macOS reports names in NFD,
 * so a name with a character such as 乡 written decomposed would otherwise never match.
 * Hidden files (editors' swap and temp files, ".#…") are not issues.
 */
export function isWatchedIssueFile(file: string, issuesDir: string): boolean {
  const relative = path.relative(path.resolve(issuesDir).normalize("NFC"), path.resolve(file).normalize("NFC"));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
  const name = path.basename(relative);
  return /\.txt$/iu.test(name) && !name.startsWith(".");
}

export function issueReingest(): AstroIntegration {
  return {
    name: "archive:issue-reingest",
    hooks: {
      "astro:server:setup": ({ server, logger }) => {
        const root = server.config.root;
        const issuesDir = path.resolve(root, ARCHIVE.folders.issues);
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running = false;
        let again = false;
        const changed = new Set<string>();

        const ingest = () =>
          new Promise<number | null>((resolve) => {
            // process.execPath is the Node that runs Astro (the project's Node 22).
            const child = spawn(process.execPath, ["scripts/ingest.ts", "--quiet"], { cwd: root, stdio: "inherit" });
            child.on("error", (error) => {
              logger.error(`could not run the ingest: ${error.message}`);
              resolve(null);
            });
            child.on("exit", resolve);
          });

        const run = async () => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          do {
            again = false;
            const files = [...changed].map((file) => path.relative(root, file));
            changed.clear();
            logger.info(`${files.join(", ")} changed: re-ingesting`);
            const code = await ingest();
            if (code !== 0) logger.warn(`ingest exited with code ${code}; see its messages above`);
          } while (again);
          running = false;
          server.ws.send({ type: "full-reload", path: "*" });
        };

        const onChange = (file: string) => {
          if (!isWatchedIssueFile(file, issuesDir)) return;
          changed.add(file);
          clearTimeout(timer);
          timer = setTimeout(() => void run(), SETTLE_MS);
        };

        server.watcher.add(issuesDir);
        server.watcher.on("add", onChange);
        server.watcher.on("change", onChange);
        // A deleted page takes its articles with it.
        server.watcher.on("unlink", onChange);
      },
    },
  };
}
