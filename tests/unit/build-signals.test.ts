import assert from "node:assert/strict";
import { spawn, type IOType } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildSignal, endSignals, ingestFinished, sendSignal, signalledChild, siteFinished } from "../../src/lib/build/build-signals.ts";

const SIGNALS = fileURLToPath(new URL("../../src/lib/build/build-signals.ts", import.meta.url));

/**
 * A child that, like the site and the index, waits for "ingest-done", then works for up to two
 * seconds (as the index indexes) while listening for "site-done", printing what it heard, or the
 * error of its wait.
 */
const CHILD = `
import { afterIngest, buildSignal } from ${JSON.stringify(SIGNALS)};
try {
  await afterIngest();
  console.log("ingest-done");
  const site = buildSignal("site-done");
  if (site === null) console.log("no channel");
  else {
    const working = setTimeout(() => {}, 2000);
    await site;
    clearTimeout(working);
    console.log("site-done");
  }
} catch (error) {
  console.log("error: " + error.message);
}
`;

function startChild(signalled: boolean) {
  const options = signalled ? signalledChild(process.env, ["ignore", "pipe", "inherit"]) : { env: { ...process.env, ARCHIVE_BUILD_SIGNALS: "" }, stdio: ["ignore", "pipe", "inherit"] as IOType[] };
  const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD], options);
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const exited = new Promise<string[]>((resolve) => child.on("close", () => resolve(out.trim().split("\n"))));
  const heard = (line: string) =>
    new Promise<void>((resolve) => {
      const check = () => (out.includes(line) ? resolve() : setTimeout(check, 10));
      check();
    });
  return { child, exited, heard };
}

test("a child started by the build reads nothing before the ingest is done, then hears the site is done", async () => {
  const { child, exited, heard } = startChild(true);
  // Nothing heard yet: the child must still be waiting, not done.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(child.exitCode, null, "the child waits for the ingest");
  sendSignal(child, "ingest-done");
  await heard("ingest-done");
  assert.equal(child.exitCode, null, "the child waits for the site");
  sendSignal(child, "site-done");
  endSignals(child);
  assert.deepEqual(await exited, ["ingest-done", "site-done"]);
});

test("a build that stops before the ingest is done stops the child's wait with an error, rather than let it read half the articles", async () => {
  const { child, exited } = startChild(true);
  endSignals(child);
  const lines = await exited;
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^error: the build stopped before the ingest finished/);
});

test("a child whose pipe closes after the ingest finishes its work without hearing the site", async () => {
  const { child, exited } = startChild(true);
  sendSignal(child, "ingest-done");
  endSignals(child);
  // The wait for "site-done" never resolves, and does not keep the child alive past its work.
  const started = performance.now();
  assert.deepEqual(await exited, ["ingest-done"]);
  assert.ok(performance.now() - started < 10_000);
});

test("a child not started by the build (npm run index, astro build) waits for nothing", async () => {
  assert.equal(buildSignal("ingest-done", {}), null);
  const { exited } = startChild(false);
  assert.deepEqual(await exited, ["ingest-done", "no channel"]);
});

test("a signal to a child that has exited is not an error", async () => {
  const { child, exited } = startChild(true);
  endSignals(child);
  await exited;
  assert.doesNotThrow(() => sendSignal(child, "ingest-done"));
});

test("as npm run build tells them: the site hears the ingest is done and nothing more; the index hears the site is done", async () => {
  const site = startChild(true);
  const index = startChild(true);
  ingestFinished({ site: site.child, index: index.child }, true);
  await index.heard("ingest-done");
  siteFinished(index.child);
  assert.deepEqual(await index.exited, ["ingest-done", "site-done"]);
  // The site's pipe is closed: its wait for "site-done" ends with its work, without it.
  assert.deepEqual(await site.exited, ["ingest-done"]);
});

test("after a failed ingest neither the site nor the index reads the articles", async () => {
  const site = startChild(true);
  const index = startChild(true);
  ingestFinished({ site: site.child, index: index.child }, false);
  for (const lines of await Promise.all([site.exited, index.exited])) {
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^error: the build stopped before the ingest finished/);
  }
});
