// Runs axe-core inside a Playwright page and formats its violations.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { Result, RunOptions, SerialContextObject, SerialSelector, SerialSelectorList } from "axe-core";

export type AxeViolation = Result;

/** What axe should test, as serialisable selectors (DOM nodes cannot cross into the page). */
export type AxeContext = SerialSelector | SerialSelectorList | SerialContextObject;

let axeSource: Promise<string> | undefined;

/** The axe-core browser bundle (node_modules/axe-core/axe.min.js), read once. */
function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/** Injects axe-core into the page unless it is already there. */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => "axe" in window);
  if (!present) await page.addScriptTag({ content: await loadAxeSource() });
}

export interface AxeOptions {
  /** What to test, e.g. "main" or { exclude: [".third-party"] }; defaults to the whole document. */
  context?: AxeContext;
  /** axe.run options, e.g. { runOnly: ["wcag2a", "wcag2aa"] }. */
  options?: RunOptions;
}

/** Runs axe on the current page and returns its violations (empty when clean). */
export async function runAxe(page: Page, { context, options }: AxeOptions = {}): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(
    async ({ context, options }) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const results = await axe.run(context ?? document, options ?? {});
      return results.violations;
    },
    { context: context ?? null, options: options ?? null },
  );
}

/** Readable multi-line description of violations for assertion messages. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return "no accessibility violations";
  const lines = [`${violations.length} accessibility violation(s):`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? "unknown"}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`    at ${node.target.join(" ")}: ${node.html.replace(/\s+/g, " ").slice(0, 200)}`);
      if (node.failureSummary) {
        lines.push(...node.failureSummary.split("\n").map((l) => (l.trim() ? `      ${l.trim()}` : "")));
      }
    }
  }
  return lines.join("\n");
}
