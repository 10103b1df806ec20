// What a content sync saw of each article file, and when the next sync may trust it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FileStats, RACY_MARGIN_MS, fileSignature } from "../../src/lib/site/file-stats.ts";

const SYNC = 1_700_000_000_000;
const old = fileSignature({ size: 1200, mtimeMs: SYNC - 60_000.25, ino: 42 });

function lastSync(files: Record<string, string>, syncedAt = SYNC): FileStats {
  const stats = FileStats.parse(undefined, syncedAt);
  for (const [file, signature] of Object.entries(files)) stats.keep(file, signature);
  return FileStats.parse(stats.serialize(), syncedAt + 5_000);
}

test("a signature is size, modification time with its fraction, and inode", () => {
  assert.equal(old, `1200:${SYNC - 60_000.25}:42`);
});

test("a file seen with the same signature, modified well before that sync, is unchanged", () => {
  const stats = lastSync({ "a.md": old });
  assert.equal(stats.unchanged("a.md", old), true);
  assert.equal(stats.unchanged("b.md", old), false);
  assert.equal(stats.unchanged("a.md", fileSignature({ size: 1201, mtimeMs: SYNC - 60_000.25, ino: 42 })), false);
  assert.equal(stats.unchanged("a.md", fileSignature({ size: 1200, mtimeMs: SYNC - 60_000.25, ino: 43 })), false);
});

test("a file modified within the margin before the last sync began is not trusted", () => {
  const recent = fileSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS + 1, ino: 1 });
  const justOld = fileSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS - 1, ino: 1 });
  const stats = lastSync({ "recent.md": recent, "old.md": justOld });
  assert.equal(stats.unchanged("recent.md", recent), false);
  assert.equal(stats.unchanged("old.md", justOld), true);
});

test("only the files this sync keeps are passed on, with this sync's start", () => {
  const stats = lastSync({ "a.md": old, "gone.md": old });
  stats.keep("a.md", old);
  const next = FileStats.parse(stats.serialize(), SYNC + 10_000);
  assert.equal(next.unchanged("a.md", old), true);
  assert.equal(next.unchanged("gone.md", old), false);
  assert.deepEqual(JSON.parse(stats.serialize()), { syncedAt: SYNC + 5_000, files: { "a.md": old } });
});

test("nothing stored, or something unreadable, trusts no file", () => {
  for (const text of [undefined, "", "not json", "null", '{"files":{}}', '{"syncedAt":1}']) {
    assert.equal(FileStats.parse(text, SYNC).unchanged("a.md", old), false, String(text));
  }
});
