/**
 * `astro dev`: when a raw issue file in content/issues/ is added or changed, run the ingest
 * (`node scripts/ingest.ts --quiet`) and reload the browser, so an editor fixing OCR text sees the
 * article pages change. (The article loader, src/lib/site/article-loader.ts, watches the rewritten articles itself.) The ingest takes no file argument: it
 * reads every issue but rewrites only the articles that changed, and keeps the parse report whole.
 */
import type { AstroIntegration } from "astro";
import { spawn } from "node:child_process";
import path from "node:path";

/** Editors save in bursts (and editors write via temp files): wait for the burst to end. */
const SETTLE_MS = 200;

export function issueReingest(): AstroIntegration {
  return {
    name: "archive:issue-reingest",
    hooks: {
      "astro:server:setup": ({ server, logger }) => {
        const root = server.config.root;
        const issuesDir = path.join(root, "content", "issues");
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
          if (path.dirname(file) !== issuesDir || !file.endsWith(".txt")) return;
          changed.add(file);
          clearTimeout(timer);
          timer = setTimeout(() => void run(), SETTLE_MS);
        };

        server.watcher.add(issuesDir);
        server.watcher.on("add", onChange);
        server.watcher.on("change", onChange);
      },
    },
  };
}
