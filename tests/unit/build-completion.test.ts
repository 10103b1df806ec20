// A build whose process runs out of work before its last step fails, with a message; one that
// reaches its end exits as it would have.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const MODULE = new URL("../../src/integrations/build-completion.ts", import.meta.url).href;

/** Runs the integration's hooks in a process of its own: its setup for `command`, then `rest` (code run after it). */
function buildProcess(rest: string, command = "build") {
  const script = [
    `import { buildCompletion } from ${JSON.stringify(MODULE)};`,
    `const logger = { error: (message) => console.error(message) };`,
    `const integration = buildCompletion();`,
    `integration.hooks["astro:config:setup"]({ command: process.argv[1], logger });`,
    rest,
  ].join("\n");
  return spawnSync(process.execPath, ["--input-type=module", "-e", script, command], { timeout: 30_000, encoding: "utf8" });
}

test("a process that runs out of work while its build waits exits with status 1, saying the output is incomplete", () => {
  // A hook waiting on a promise nothing will settle, as on a thread that no longer holds the process open.
  const run = buildProcess(`new Promise(() => {}).then(() => integration.hooks["astro:build:done"]());`);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /the build stopped before its end: .* its output is incomplete/);
});

test("a build that reaches its last hook exits with its own status", () => {
  const run = buildProcess(`await new Promise((resolve) => setTimeout(resolve, 10)); integration.hooks["astro:build:done"]();`);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, "");
});

test("only a build is watched: the dev server and a sync end as they would", () => {
  for (const command of ["dev", "sync"]) {
    const run = buildProcess(`new Promise(() => {});`, command);
    assert.equal(run.status, 0, `${command}: ${run.stderr}`);
  }
});
