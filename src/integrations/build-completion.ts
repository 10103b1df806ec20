/**
 * A build that stops before its end fails. Node ends a process whose event loop has nothing left
 * to wait for, with status 0, even while a promise (an integration's `astro:build:done` hook) is
 * still pending: the build would look successful with the Traditional mirror, the sitemap or the
 * sweep of old files undone. Listed last among the integrations, this one runs its
 * `astro:build:done` after all the others; until then, a process about to end that way is given
 * status 1 and says why.
 */
import type { AstroIntegration } from "astro";

export function buildCompletion(): AstroIntegration {
  let unfinished: (() => void) | null = null;
  return {
    name: "archive:build-completion",
    hooks: {
      "astro:build:start": ({ logger }) => {
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
