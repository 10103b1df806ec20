import assert from "node:assert/strict";
import { test } from "node:test";
import type { AstroLoggerMessage } from "astro";
import { keptPagesCounted, keptPagesLine } from "../../src/integrations/build-log.ts";

/** The messages Astro's build sends for a page: its path, then its time or that it was kept. */
const path = (file: string): AstroLoggerMessage => ({ label: null, level: "info", message: `  ├─ ${file}`, newLine: false });
const kept = (mark = "(cached)"): AstroLoggerMessage => ({ label: "SKIP_FORMAT", level: "info", message: ` \u001b[32m${mark}\u001b[39m`, newLine: true });
const took = (ms: number): AstroLoggerMessage => ({ label: "SKIP_FORMAT", level: "info", message: ` (+${ms}ms) `, newLine: true });
const line = (label: string, message: string, level: AstroLoggerMessage["level"] = "info"): AstroLoggerMessage => ({ label, level, message, newLine: true });

/** What reaches Astro's own log through the counting destination. */
function passedOn(messages: AstroLoggerMessage[], end: "flush" | "close" | null = null): string[] {
  const out: string[] = [];
  const log = keptPagesCounted({ write: (message) => void out.push(`${message.label ?? "-"}|${message.message}`) });
  for (const message of messages) log.write(message);
  if (end) void log[end]?.();
  return out;
}

test("kept pages are counted, not listed, and the count comes before the next line of the build", () => {
  const out = passedOn([path("/a/index.html"), kept(), path("/b/index.html"), kept("(restored)"), path("/c/index.html"), kept(), line("build", "✓ Completed in 2.7s.")]);
  assert.deepEqual(out, [`SKIP_FORMAT|\n${keptPagesLine(3)}`, "build|✓ Completed in 2.7s."]);
  assert.equal(keptPagesLine(12559), "  ⋯ 12,559 pages unchanged since the last build, kept");
  assert.equal(keptPagesLine(1), "  ⋯ 1 page unchanged since the last build, kept");
});

test("a rendered page keeps its path and its time, also among kept ones", () => {
  const out = passedOn([path("/a/index.html"), kept(), path("/new/index.html"), path("/b/index.html"), kept(), took(12), line("build", "done")]);
  assert.deepEqual(out, ["-|  ├─ /new/index.html", "SKIP_FORMAT| (+12ms) ", `SKIP_FORMAT|\n${keptPagesLine(2)}`, "build|done"]);
});

test("warnings and errors pass at once, and a count left at the end is written when the log is flushed or closed", () => {
  const warning = line("content", "an entry could not be read", "warn");
  assert.deepEqual(passedOn([warning, path("/a/index.html"), kept()], "flush"), [`content|${warning.message}`, `SKIP_FORMAT|\n${keptPagesLine(1)}`]);
  assert.deepEqual(passedOn([path("/a/index.html")], "close"), ["-|  ├─ /a/index.html"]);
  assert.deepEqual(passedOn([line("build", "nothing kept")]), ["build|nothing kept"]);
});
