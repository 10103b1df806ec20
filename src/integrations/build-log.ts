/**
 * Astro's log (astro.config.mjs `logger`) with the pages an incremental build keeps from the
 * last one counted instead of listed. Astro prints a line for every page it copies unchanged:
 * a rebuild after one new issue lists 12,300 kept pages at 10,000 articles and 118,800 at
 * 100,000, hiding the few hundred it rendered and the warnings among them, and formatting
 * each line (its timestamp, its colours) costs the build's own time. Everything else goes to
 * Astro's own terminal log as it would have.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";
import nodeLogDestination from "astro/logger/node";

/**
 * Astro logs a page as two messages: its path (`├─ /articles/…/index.html`, no line break), then
 * what became of it: the time it took, or `(cached)` / `(restored)` for a page kept.
 */
function isPagePath(message: AstroLoggerMessage): boolean {
  return message.label === null && message.level === "info" && !message.newLine && message.message.includes("├─");
}

function isKeptMark(message: AstroLoggerMessage): boolean {
  return message.label === "SKIP_FORMAT" && (message.message.includes("(cached)") || message.message.includes("(restored)"));
}

/** The line that stands for a run of kept pages. */
export function keptPagesLine(count: number): string {
  return `  ⋯ ${count.toLocaleString("en-US")} ${count === 1 ? "page" : "pages"} unchanged since the last build, kept`;
}

/**
 * A destination that passes Astro's messages on to `next`, but for the pages kept from the last
 * build, which it counts and reports as one line before the next message that is not a page.
 */
export function keptPagesCounted(next: AstroLoggerDestination): AstroLoggerDestination {
  let heldPath: AstroLoggerMessage | null = null;
  let kept = 0;
  const reportKept = () => {
    if (kept === 0) return;
    next.write({ label: "SKIP_FORMAT", level: "info", message: `\n${keptPagesLine(kept)}`, newLine: true });
    kept = 0;
  };
  const releasePath = () => {
    if (heldPath) next.write(heldPath);
    heldPath = null;
  };
  return {
    write(message) {
      if (heldPath && isKeptMark(message)) {
        heldPath = null;
        kept += 1;
        return;
      }
      releasePath();
      if (isPagePath(message)) {
        heldPath = message;
        return;
      }
      // A page rendered beside the kept ones prints its time after its path, not after the count.
      if (message.label !== "SKIP_FORMAT") reportKept();
      next.write(message);
    },
    flush() {
      releasePath();
      reportKept();
      return next.flush?.();
    },
    close() {
      releasePath();
      reportKept();
      return next.close?.();
    },
  };
}

/** The entry point Astro's `logger` option loads: its terminal log, kept pages counted. */
export default function buildLog(options?: Parameters<typeof nodeLogDestination>[0]): AstroLoggerDestination {
  return keptPagesCounted(nodeLogDestination(options));
}
