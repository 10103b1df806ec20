// The digests a search bundle's key is made of: a file known by its settled signature is not read
// again, any other is, and the key is the same whoever took the digests.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { ArticleFile } from "../../src/lib/articles/article-files.ts";
import { RACY_MARGIN_MS } from "../../src/lib/file-stats.ts";
import {
  UnreadableArticleError,
  digestArticles,
  parseDigests,
  readArticles,
  sameDigests,
  serializeDigests,
  shardKey,
} from "../../src/lib/search/shard-digests.ts";

// Two sentences of the seed pages, as the bodies of two article files.
const TEXTS = ["---\ntitle: 党建引领基层治理\n---\n\n党员干部深入基层一线。\n", "---\ntitle: 文明新风拂遍青城大地\n---\n\n文明新风拂遍青城大地。\n"];
const FILES: ArticleFile[] = [
  { id: "2024-03-01/dang-jian", file: "2024-03-01/dang-jian.md" },
  { id: "2024-03-02/wen-ming", file: "2024-03-02/wen-ming.md" },
];

let dir = "";

/** Writes the files, dated `ageMs` before now. */
function writeArticles(texts: readonly string[], ageMs: number): void {
  const when = new Date(Date.now() - ageMs);
  FILES.forEach((file, i) => {
    const where = join(dir, file.file);
    mkdirSync(join(where, ".."), { recursive: true });
    writeFileSync(where, texts[i]!);
    utimesSync(where, when, when);
  });
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "shard-digests-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("files with no memo are read: their digests are of their bytes, and settled ones are kept with their signature", async () => {
  writeArticles(TEXTS, 10 * RACY_MARGIN_MS);
  const seen = await digestArticles(dir, FILES, new Map(), Date.now());
  assert.deepEqual(
    seen.map((s) => s.digest),
    TEXTS.map(sha256),
  );
  const stats = statSync(join(dir, FILES[0]!.file));
  assert.equal(seen[0]!.signature, `${stats.size}:${stats.mtimeMs}:${stats.ino}`);
  const memo = parseDigests(serializeDigests(FILES, seen));
  assert.deepEqual([...memo.keys()], FILES.map((f) => f.id));
  assert.ok(sameDigests(FILES, seen, memo));
});

test("a file written within the margin has no signature to keep: the memo leaves it out, and the next run reads it", async () => {
  writeArticles(TEXTS, 0);
  const seen = await digestArticles(dir, FILES, new Map(), Date.now());
  assert.deepEqual(
    seen.map((s) => s.signature),
    [null, null],
  );
  assert.equal(serializeDigests(FILES, seen), "");
});

test("a file known by its signature is not read again; a file written since is, and changes the key", async () => {
  writeArticles(TEXTS, 10 * RACY_MARGIN_MS);
  const first = await digestArticles(dir, FILES, new Map(), Date.now());
  const memo = parseDigests(serializeDigests(FILES, first));
  // A memo whose digests are not the files' shows which digests came from it rather than from a read.
  const planted = new Map([...memo].map(([id, known]) => [id, { ...known, digest: "0".repeat(64) }]));
  const unread = await digestArticles(dir, FILES, planted, Date.now());
  assert.deepEqual(
    unread.map((s) => s.digest),
    ["0".repeat(64), "0".repeat(64)],
  );

  // The second file written again, to the same size: its time tells.
  const changed = TEXTS[1]!.replace("大地", "草原");
  const second = join(dir, FILES[1]!.file);
  writeFileSync(second, changed);
  const when = new Date(Date.now() - 5 * RACY_MARGIN_MS);
  utimesSync(second, when, when);
  const after = await digestArticles(dir, FILES, memo, Date.now());
  assert.equal(after[0], memo.get(FILES[0]!.id), "the unchanged file keeps its memo");
  assert.equal(after[1]!.digest, sha256(changed));
  assert.notEqual(shardKey("v1", FILES, after), shardKey("v1", FILES, first));
  assert.ok(!sameDigests(FILES, after, memo));
});

test("the key is made of ids and digests only: a memo from another machine, whose signatures all differ, gives the same key", async () => {
  writeArticles(TEXTS, 10 * RACY_MARGIN_MS);
  const here = await digestArticles(dir, FILES, new Map(), Date.now());
  const elsewhere = new Map(FILES.map((file, i) => [file.id, { signature: `1:2:${i + 3}`, digest: "f".repeat(64) }]));
  const read = await digestArticles(dir, FILES, elsewhere, Date.now());
  assert.equal(shardKey("v1", FILES, read), shardKey("v1", FILES, here));
  assert.notEqual(shardKey("v2", FILES, read), shardKey("v1", FILES, here), "another version of the code, another key");
  const [first, second] = FILES;
  assert.notEqual(shardKey("v1", [second!, first!], [read[1]!, read[0]!]), shardKey("v1", FILES, read), "the order is part of the key");
});

test("files read whole come with the digests and signatures the memo keeps", async () => {
  writeArticles(TEXTS, 10 * RACY_MARGIN_MS);
  const read = await readArticles(dir, FILES, Date.now());
  assert.deepEqual(
    read.map((r) => r.bytes.toString("utf8")),
    TEXTS,
  );
  assert.deepEqual(
    read.map((r) => r.seen),
    await digestArticles(dir, FILES, new Map(), Date.now()),
  );
});

test("a memo line that is not id, signature and a 64-digit digest is ignored, so its file is read", () => {
  const good = `a/b\t1:2:3\t${"a".repeat(64)}`;
  const memo = parseDigests([good, `c/d\t1:2:3\tnot-hex`, `e/f\t1:2:3`, `${good}\textra`, ""].join("\n"));
  assert.deepEqual([...memo.keys()], ["a/b"]);
  assert.equal(parseDigests(null).size, 0);
});

test("a file that cannot be read is named in the error", async () => {
  writeArticles(TEXTS, 10 * RACY_MARGIN_MS);
  const missing: ArticleFile = { id: "2024-03-03/gone", file: "2024-03-03/gone.md" };
  await assert.rejects(digestArticles(dir, [...FILES, missing], new Map(), Date.now()), (err: unknown) => {
    assert.ok(err instanceof UnreadableArticleError);
    assert.equal(err.message, `${join(dir, missing.file)}: cannot be read (ENOENT)`);
    return true;
  });
  // Known by a memo and gone since: read, and named all the same.
  const memo = new Map([[missing.id, { signature: "1:2:3", digest: "a".repeat(64) }]]);
  await assert.rejects(digestArticles(dir, [missing], memo, Date.now()), /gone\.md: cannot be read \(ENOENT\)/);
});
