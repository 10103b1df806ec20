// What a content sync saw of each article file, and which files the next sync may trust.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FileStats, RACY_MARGIN_MS, fileSignature, settledSignature } from "../../src/lib/file-stats.ts";

const SYNC = 1_700_000_000_000;
const old = fileSignature({ size: 1200, mtimeMs: SYNC - 60_000.25, ino: 42 });

/** What the next sync finds after a sync at `syncAt` kept these files. */
function lastSync(files: Record<string, string>, syncAt = SYNC): FileStats {
  const stats = FileStats.parse(undefined, syncAt);
  for (const [file, signature] of Object.entries(files)) stats.keep(file, signature);
  return FileStats.parse(stats.serialize(), syncAt + 5_000);
}

test("a signature is size, modification time with its fraction, and inode", () => {
  assert.equal(old, `1200:${SYNC - 60_000.25}:42`);
});

test("a file kept with the same signature is unchanged; another size, time or inode is not", () => {
  const stats = lastSync({ "a.md": old });
  assert.equal(stats.unchanged("a.md", old), true);
  assert.equal(stats.unchanged("b.md", old), false);
  assert.equal(stats.unchanged("a.md", fileSignature({ size: 1201, mtimeMs: SYNC - 60_000.25, ino: 42 })), false);
  assert.equal(stats.unchanged("a.md", fileSignature({ size: 1200, mtimeMs: SYNC - 60_000.5, ino: 42 })), false);
  assert.equal(stats.unchanged("a.md", fileSignature({ size: 1200, mtimeMs: SYNC - 60_000.25, ino: 43 })), false);
});

test("a file modified within the margin before the sync began is not kept, so the next sync reads it", () => {
  const recent = fileSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS + 1, ino: 1 });
  const justOld = fileSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS - 1, ino: 1 });
  const stats = lastSync({ "recent.md": recent, "old.md": justOld });
  assert.equal(stats.unchanged("recent.md", recent), false);
  assert.equal(stats.unchanged("old.md", justOld), true);
});

test("only the files this sync keeps are passed on, and the same files give the same text", () => {
  const stats = lastSync({ "a.md": old, "gone.md": old });
  stats.keep("a.md", old);
  const next = FileStats.parse(stats.serialize(), SYNC + 10_000);
  assert.equal(next.unchanged("a.md", old), true);
  assert.equal(next.unchanged("gone.md", old), false);
  const again = FileStats.parse(stats.serialize(), SYNC + 20_000);
  again.keep("a.md", old);
  assert.equal(again.serialize(), stats.serialize());
});

test("nothing stored, or something unreadable, trusts no file", () => {
  for (const text of [undefined, "", "not json", "null", "[]", "3"]) {
    assert.equal(FileStats.parse(text, SYNC).unchanged("a.md", old), false, String(text));
  }
});

test("a file is known by its signature only when it was modified a margin before now", () => {
  assert.equal(settledSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS - 1, ino: 1 }, SYNC), fileSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS - 1, ino: 1 }));
  assert.equal(settledSignature({ size: 10, mtimeMs: SYNC - RACY_MARGIN_MS + 1, ino: 1 }, SYNC), null);
});
