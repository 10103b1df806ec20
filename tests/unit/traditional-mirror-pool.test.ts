// The Traditional mirror's threads after the build: more pages than the threads may hold at once
// are all mirrored, while nothing but the threads keeps the process alive (as at the end of
// Astro's build, where the mirror is the last thing it waits for).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { MirrorPool } from "../../src/integrations/traditional-mirror-pool.ts";

const root = mkdtempSync(path.join(tmpdir(), "mirror-pool-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("mirrors every page handed over after the build, however many wait for a thread", async () => {
  // A thread holds 256 pages at a time: these wait for room several times over.
  const files = Array.from({ length: 1_500 }, (_, i) => path.join("articles", String(i % 30), `${i}`, "index.html"));
  for (const [i, file] of files.entries()) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), `<!doctype html><html lang="zh-CN"><title>党建 ${i}</title><p>学习党的二十大精神</p></html>`);
  }
  const pool = new MirrorPool({ root, prefix: "zh-hant", site: "" });
  try {
    // As in a build: a thread takes pages while Astro renders, the mirror waits for it after the
    // pages, then hands it the pages left. Only the thread's work keeps the process alive then.
    for (const file of files.slice(0, 10)) pool.offer({ file });
    await pool.drain();
    pool.grow(1);
    await pool.mirror(files.slice(10));
  } finally {
    await pool.close();
  }
  assert.equal(pool.written.size, files.length);
  const twin = readFileSync(path.join(root, "zh-hant", files[1_499]!), "utf8");
  assert.match(twin, /黨建 1499/);
  assert.match(twin, /學習黨的二十大精神/);
});

test("an idle thread does not hold the process open: a build that fails while Astro renders still exits", () => {
  const pool = new URL("../../src/integrations/traditional-mirror-pool.ts", import.meta.url).href;
  const script = `import { MirrorPool } from ${JSON.stringify(pool)}; new MirrorPool({ root: ${JSON.stringify(root)}, prefix: "zh-hant", site: "" }).grow(1);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { timeout: 30_000, encoding: "utf8" });
  assert.equal(run.signal, null, "the process was still running after 30 s");
  assert.equal(run.status, 0, run.stderr);
});
