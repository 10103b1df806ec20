// The articles of the five seed pages, written by the real ingest into a folder of a test's own.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { runIngest } from "../../src/lib/ingest/run-ingest.ts";
import { articleLocator } from "../../src/lib/places/article-locator.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Ingests content/issues into `outDir` (no corrections): 46 articles over 2022 and 2024. */
export function ingestSeedArticles(outDir: string): void {
  runIngest({
    inDir: join(ROOT, "content/issues"),
    outDir,
    correctionsFile: null,
    knowledge: loadPageKnowledge(join(ROOT, "content/data")),
    places: articleLocator,
  });
}
