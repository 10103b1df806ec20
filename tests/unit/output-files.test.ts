// The ingest's output files: a file that already holds the text keeps its time and inode; any
// other is written whole (atomically), whether its size differs or only its bytes do.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { writeIfChanged } from "../../src/lib/ingest/output-files.ts";

const dir = mkdtempSync(path.join(tmpdir(), "output-files-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const stamp = (file: string) => {
  const stat = statSync(file);
  return [stat.ino, stat.mtimeMs];
};

test("writeIfChanged leaves a file that holds the text, and writes one that does not", () => {
  const file = path.join(dir, "parse-report.json");
  writeIfChanged(file, "党建 1\n");
  assert.equal(readFileSync(file, "utf8"), "党建 1\n");
  const first = stamp(file);
  writeIfChanged(file, "党建 1\n");
  assert.deepEqual(stamp(file), first);
  // The same size, other bytes.
  writeIfChanged(file, "党建 2\n");
  assert.equal(readFileSync(file, "utf8"), "党建 2\n");
  // Another size: the same number of characters, more bytes.
  writeIfChanged(file, "党建 二\n");
  assert.equal(readFileSync(file, "utf8"), "党建 二\n");
  // A file changed by hand to the same size is written again.
  writeFileSync(file, "党建 三\n");
  const edited = stamp(file);
  writeIfChanged(file, "党建 二\n");
  assert.equal(readFileSync(file, "utf8"), "党建 二\n");
  assert.notDeepEqual(stamp(file), edited);
});
