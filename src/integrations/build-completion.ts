/**
 * A build that stops before its end fails. Node ends a process whose event loop has nothing left
 * to wait for, with status 0, even while a promise (the content sync, an integration's
 * `astro:build:done` hook) is still pending: the build would look successful with the Traditional
 * mirror, the sitemap or the sweep of old files undone. Listed last among the integrations, this
 * one runs its `astro:build:done` after all the others; from the build's setup until then, a
 * process about to end that way is given status 1 and says why.
 *
 * A build that throws never reaches `astro:build:done`, and its process ends with status 1 as it
 * would anyway (the CLI, or a script whose `await build()` rejects); a script that catches the
 * failure and goes on to end normally gets status 1 too.
 */
import type { AstroIntegration } from "astro";

export function buildCompletion(): AstroIntegration {
  let unfinished: (() => void) | null = null;
  return {
    name: "archive:build-completion",
    hooks: {
      // The setup, not astro:build:start: Astro syncs the content (the article loader waits for the ingest) before that.
      "astro:config:setup": ({ command, logger }) => {
        if (command !== "build") return;
        unfinished = () => {
          logger.error("the build stopped before its end: nothing was left running while a step of it still waited; its output is incomplete");
          process.exitCode = 1;
        };
        process.once("beforeExit", unfinished);
      },
      "astro:build:done": () => {
        if (unfinished) process.off("beforeExit", unfinished);
        unfinished = null;
      },
    },
  };
}
