// The article collection's loader over the seed articles, with a store as Astro's behaves: it keeps
// frontmatter and a digest per article file in its records file, loads again only what changed,
// drops what is gone, names a broken file with its line while loading every other, and keeps one
// entry in Astro's store, naming the records file and changing when they do.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";
import { after, before, test } from "node:test";
import type { LoaderContext } from "astro/loaders";
import { articleLoader } from "../../src/lib/site/article-loader.ts";
import { ARTICLE_RECORDS_FILE, RECORDS_ENTRY_ID, readArticleRecords, type ArticleRecord } from "../../src/lib/site/article-records.ts";
import { ingestSeedArticles } from "../support/seed-articles.ts";

const BAN_DENG = "2022-11-08/ban-deng-yi-shi-hui-wen-ti-xian-chang-ban";

let work = "";

before(() => {
  work = mkdtempSync(join(tmpdir(), "article-loader-"));
  ingestSeedArticles(join(work, "content/articles"));
});

after(() => rmSync(work, { recursive: true, force: true }));

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

const recordsFile = () => join(work, "cache", ARTICLE_RECORDS_FILE);

/** The records the last sync wrote to its file, by id. */
function records(): Map<string, ArticleRecord> {
  const { records: written } = deserialize(readFileSync(recordsFile())) as { records: ArticleRecord[] };
  return new Map(written.map((record) => [record.id, record]));
}

/** A new build's state: no records file, an empty store. */
function fresh(): Map<string, Stored> {
  rmSync(join(work, "cache"), { recursive: true, force: true });
  return new Map();
}

/**
 * A loader context over a Map, counting the files read (digested) and the entries set. Its store
 * behaves as Astro's: `set` keeps an entry whose digest is unchanged, and says so.
 */
function context(store: Map<string, Stored>, watcher?: EventEmitter) {
  const log = { warnings: [] as string[], errors: [] as string[], sets: [] as string[], read: 0 };
  const ctx = {
    collection: "articles",
    store: {
      keys: () => [...store.keys()],
      get: (id: string) => store.get(id),
      set: (entry: Stored) => {
        const stored = store.get(entry.id);
        if (stored?.digest !== undefined && stored.digest === entry.digest) return false;
        log.sets.push(entry.id);
        store.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void store.delete(id),
      clear: () => store.clear(),
    },
    meta: { get: () => undefined, set: () => {} },
    config: { root: pathToFileURL(`${work}/`), cacheDir: pathToFileURL(`${work}/cache/`) },
    logger: { warn: (m: string) => log.warnings.push(m), error: (m: string) => log.errors.push(m), info: () => {}, debug: () => {} },
    generateDigest: (text: string) => (log.read++, createHash("sha256").update(text).digest("hex")),
    watcher: watcher && Object.assign(watcher, { add: () => {} }),
  } as unknown as LoaderContext;
  return { ctx, log };
}

/** The ids whose records differ between two syncs' records, or are in one only. */
function changedIds(before: Map<string, ArticleRecord>, after: Map<string, ArticleRecord>): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).sort();
}

const loader = () => articleLoader("content/articles");

test("keeps every article's frontmatter, digest and file in its records, and in Astro's store one entry naming them", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const kept = records();
  assert.equal(kept.size, 46);
  const record = kept.get(BAN_DENG)!;
  assert.equal(record.data.title, "“板凳议事会” 问题现场办");
  assert.deepEqual(record.data.reporters, ["宋爽"]);
  assert.equal(record.filePath, `content/articles/${BAN_DENG}.md`);
  assert.equal(record.digest, createHash("sha256").update(readFileSync(join(work, record.filePath))).digest("hex"));
  assert.deepEqual(Object.keys(record).sort(), ["data", "digest", "filePath", "id"]);
  assert.deepEqual([...store.keys()], [RECORDS_ENTRY_ID]);
  assert.equal(store.get(RECORDS_ENTRY_ID)!.data["file"], recordsFile());
});

test("the pages of the same process get the records the sync wrote, without reading the file again", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const handed = readArticleRecords(recordsFile());
  assert.deepEqual(handed, [...records().values()]);
  assert.equal(readArticleRecords(recordsFile()), handed);
  // Another records file (another build's cache) is read from disk.
  const copy = join(work, "cache", "copy.v8");
  cpSync(recordsFile(), copy);
  const read = readArticleRecords(copy);
  assert.notEqual(read, handed);
  assert.deepEqual(read, handed);
  // A records file that is gone is an error, not an archive without articles.
  assert.throws(() => readArticleRecords(join(work, "cache", "missing.v8")), /missing\.v8: the article records .* are missing or unreadable/);
});

test("a records file half written by a build stopped an hour ago is removed; one being written now is not", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const abandoned = `${recordsFile()}.12345.tmp`;
  const current = `${recordsFile()}.12346.tmp`;
  writeFileSync(abandoned, "half");
  writeFileSync(current, "half");
  const twoHoursAgo = new Date(Date.now() - 7_200_000);
  utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
  // A change, so that the sync writes its records.
  rmSync(recordsFile());
  await loader().load(context(store).ctx);
  assert.equal(existsSync(abandoned), false);
  assert.equal(existsSync(current), true);
  assert.equal(records().size, 46);
});

test("loads again only the files that changed, drops the ones removed, and gives Astro's entry a new digest", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const before = records();
  const digestBefore = store.get(RECORDS_ENTRY_ID)!.digest;
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const [removedId] = [...before.keys()].filter((id) => id !== BAN_DENG);
  const removed = join(work, "content/articles", `${removedId}.md`);
  const removedText = readFileSync(removed, "utf8");
  writeFileSync(file, text.replace("问题现场办", "问题现场办（更正）"));
  unlinkSync(removed);
  try {
    const { ctx, log } = context(store);
    await loader().load(ctx);
    const after = records();
    assert.deepEqual(changedIds(before, after), [BAN_DENG, removedId!].sort());
    assert.equal(after.get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办（更正）");
    assert.equal(after.has(removedId!), false);
    assert.equal(after.size, 45);
    assert.deepEqual(log.sets, [RECORDS_ENTRY_ID]);
    assert.notEqual(store.get(RECORDS_ENTRY_ID)!.digest, digestBefore);
  } finally {
    writeFileSync(file, text);
    writeFileSync(removed, removedText);
  }
});

test("a broken file is named with its line, every other file is loaded, and stray Markdown is named", async () => {
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^title: .*$/m, 'title: "unclosed'));
  const stray = join(work, "content/articles/2022-11-08/._copy.md");
  writeFileSync(stray, text);
  try {
    const { ctx, log } = context(fresh());
    await assert.rejects(loader().load(ctx), (err: Error) => {
      assert.match(err.message, /^1 article file could not be read:/);
      assert.match(err.message, new RegExp(`${BAN_DENG}\\.md:\\d+: bad frontmatter YAML`));
      return true;
    });
    assert.equal(records().size, 45);
    assert.equal(log.warnings.length, 1);
    assert.match(log.warnings[0]!, /2022-11-08\/\._copy\.md is not an article file/);
  } finally {
    writeFileSync(file, text);
    unlinkSync(stray);
  }
});

test("the same files in another folder: records point at the new folder's files", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  cpSync(join(work, "content/articles"), join(work, "elsewhere"), { recursive: true });
  try {
    await articleLoader("elsewhere").load(context(store).ctx);
    const kept = records();
    assert.equal(kept.get(BAN_DENG)!.filePath, `elsewhere/${BAN_DENG}.md`);
    assert.ok([...kept.values()].every((record) => record.filePath.startsWith("elsewhere/")));
  } finally {
    rmSync(join(work, "elsewhere"), { recursive: true, force: true });
  }
});

test("a file against the schema is named with the fields at fault, and loses its record", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^kind: .*$/m, "kind: poem"));
  try {
    await assert.rejects(loader().load(context(store).ctx), (err: Error) => {
      assert.match(err.message, new RegExp(`${BAN_DENG}\\.md: bad frontmatter: kind: `));
      return true;
    });
    assert.equal(records().has(BAN_DENG), false);
  } finally {
    writeFileSync(file, text);
  }
});

test("frontmatter written as code is refused, not run", async () => {
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^---\n/, "---js\n(globalThis.articleRan = true, {})\n---\n"));
  try {
    await assert.rejects(loader().load(context(fresh()).ctx), /the frontmatter is code/);
    assert.equal((globalThis as { articleRan?: boolean }).articleRan, undefined);
  } finally {
    writeFileSync(file, text);
  }
});

test("records written by another version of the code, or unreadable, are not used: every file is read again", async () => {
  const store = fresh();
  await loader().load(context(store).ctx);
  const contents = deserialize(readFileSync(recordsFile())) as { version: string };
  writeFileSync(recordsFile(), serialize({ ...contents, version: "an older version" }));
  const changed = context(store);
  await loader().load(changed.ctx);
  assert.equal(changed.log.read, 46);
  writeFileSync(recordsFile(), "not records");
  const unreadable = context(store);
  await loader().load(unreadable.ctx);
  assert.equal(unreadable.log.read, 46);
  assert.equal(records().size, 46);
});

/** Dates every article file an hour back, as files the ingest wrote before this build. */
function ageArticleFiles(): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const dir = join(work, "content/articles");
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (file.endsWith(".md")) utimesSync(join(dir, file), hourAgo, hourAgo);
  }
}

test("a file whose size, modification time and inode the last sync saw is not read again", async () => {
  ageArticleFiles();
  const store = fresh();
  await loader().load(context(store).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const before = statSync(file);
  // The same number of bytes, written in place, its modification time put back: only its
  // signature can tell, and it says "unchanged".
  writeFileSync(file, text.replace("问题现场办", "问题现场看"));
  utimesSync(file, before.atime, before.mtime);
  try {
    const { ctx, log } = context(store);
    await loader().load(ctx);
    assert.equal(log.read, 0);
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办");
    // A file that changes size is read.
    writeFileSync(file, text.replace("问题现场办", "问题现场办了"));
    const changed = context(store);
    await loader().load(changed.ctx);
    assert.equal(changed.log.read, 1);
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办了");
  } finally {
    writeFileSync(file, text);
  }
});

test("a sync that finds nothing new writes neither its records nor Astro's store", async () => {
  ageArticleFiles();
  const store = fresh();
  await loader().load(context(store).ctx);
  const written = statSync(recordsFile());
  const { ctx, log } = context(store);
  await loader().load(ctx);
  assert.deepEqual(log.sets, []);
  const after = statSync(recordsFile());
  assert.deepEqual([after.ino, after.mtimeMs], [written.ino, written.mtimeMs]);
});

test("a file modified just before the last sync began is read again (it could have changed within the clock's tick)", async () => {
  ageArticleFiles();
  const store = fresh();
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text);
  await loader().load(context(store).ctx);
  const before = statSync(file);
  writeFileSync(file, text.replace("问题现场办", "问题现场看"));
  utimesSync(file, before.atime, before.mtime);
  try {
    const { ctx, log } = context(store);
    await loader().load(ctx);
    assert.equal(log.read, 1);
    assert.deepEqual(log.sets, [RECORDS_ENTRY_ID]);
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场看");
  } finally {
    writeFileSync(file, text);
  }
});

/** The dev server writes the records once changes pause (article-loader.ts, 150 ms): wait past that. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 400));

test("in dev, a changed, added or removed article file is loaded again, and the pages and Astro's entry follow", async () => {
  const store = fresh();
  const watcher = new EventEmitter();
  const { ctx, log } = context(store, watcher);
  await loader().load(ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const added = join(work, "content/articles/2022-11-08/added.md");
  const shown = () => new Map(readArticleRecords(recordsFile()).map((record) => [record.id, record]));
  try {
    writeFileSync(file, text.replace("问题现场办", "问题现场办（改）"));
    watcher.emit("change", file);
    await settled();
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办（改）");
    assert.equal(shown().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办（改）");
    writeFileSync(added, text);
    watcher.emit("add", added);
    await settled();
    assert.equal(records().get("2022-11-08/added")!.data.title, "“板凳议事会” 问题现场办");
    assert.ok(shown().has("2022-11-08/added"));
    watcher.emit("unlink", added);
    await settled();
    assert.equal(records().has("2022-11-08/added"), false);
    assert.equal(shown().has("2022-11-08/added"), false);
    assert.deepEqual(log.sets, Array(4).fill(RECORDS_ENTRY_ID));
    watcher.emit("change", join(work, "content/articles/notes.txt"));
    await settled();
    assert.equal(log.sets.length, 4);
  } finally {
    writeFileSync(file, text);
    rmSync(added, { force: true });
  }
});

test("in dev, changes that come together are written once", async () => {
  const store = fresh();
  const watcher = new EventEmitter();
  const { ctx, log } = context(store, watcher);
  await loader().load(ctx);
  const ids = [...records().keys()].slice(0, 20);
  for (const id of ids) watcher.emit("change", join(work, "content/articles", `${id}.md`));
  await settled();
  assert.deepEqual(log.sets, [RECORDS_ENTRY_ID]);
});

test("a file changed in dev and put back with its old time is read again by the next build", async () => {
  ageArticleFiles();
  const store = fresh();
  const watcher = new EventEmitter();
  await loader().load(context(store, watcher).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const before = statSync(file);
  try {
    // The same size, written in place: only the dev server's reading of it tells.
    writeFileSync(file, text.replace("问题现场办", "问题现场看"));
    watcher.emit("change", file);
    await settled();
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场看");
    // Put back as it was, its time too (cp -p, rsync -t): its signature is the first sync's again.
    writeFileSync(file, text);
    utimesSync(file, before.atime, before.mtime);
    await loader().load(context(store).ctx);
    assert.equal(records().get(BAN_DENG)!.data.title, "“板凳议事会” 问题现场办");
  } finally {
    writeFileSync(file, text);
  }
});
