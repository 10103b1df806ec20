/**
 * Writes /data/articles.json and /data/articles.csv by joining the years' files the build left
 * (src/lib/build/whole-exports.ts), after the base path is applied to them (a year's file kept
 * from the last build was rebased then, one rendered now has just been) and after stale-output
 * has removed the files of years no longer in the archive. A part of the site built alone holds
 * only its own years: the join of the parts writes the whole files.
 */
import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import type { SitePart } from "../lib/build/site-parts.ts";
import { writeWholeExports } from "../lib/build/whole-exports.ts";

export function wholeExports(options: { part: SitePart }): AstroIntegration {
  return {
    name: "archive:whole-exports",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        if (options.part.kind !== "whole") return;
        const started = performance.now();
        const written = writeWholeExports(fileURLToPath(dir));
        const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
        logger.info(
          `articles.json (${mb(written.jsonBytes)} MB) and articles.csv (${mb(written.csvBytes)} MB) joined from ${written.years.length} years in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
