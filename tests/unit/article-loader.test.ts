// The article collection's loader over the seed articles, with a store as Astro's behaves: it keeps
// frontmatter and a digest per article file, loads again only what changed, drops what is gone,
// and names a broken file with its line while loading every other.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import type { LoaderContext } from "astro/loaders";
import { articleFrontmatterSchema } from "../../src/lib/article-schema.ts";
import { articleLoader } from "../../src/lib/site/article-loader.ts";
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
  filePath?: string;
  body?: string;
  rendered?: unknown;
}

/**
 * A loader context over a Map, counting the entries set. Its store behaves as Astro's: `set`
 * keeps an entry whose digest is unchanged, and says so.
 */
function context(store: Map<string, Stored>, meta = new Map<string, string>(), watcher?: EventEmitter) {
  const log = { warnings: [] as string[], errors: [] as string[], sets: [] as string[] };
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
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => void meta.set(key, value) },
    config: { root: pathToFileURL(`${work}/`) },
    logger: { warn: (m: string) => log.warnings.push(m), error: (m: string) => log.errors.push(m), info: () => {}, debug: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => articleFrontmatterSchema.parse(data),
    generateDigest: (text: string) => createHash("sha256").update(text).digest("hex"),
    watcher: watcher && Object.assign(watcher, { add: () => {} }),
  } as unknown as LoaderContext;
  return { ctx, log };
}

const loader = () => articleLoader("content/articles");

test("keeps every article's frontmatter, digest and file, and no body", async () => {
  const store = new Map<string, Stored>();
  await loader().load(context(store).ctx);
  assert.equal(store.size, 46);
  const entry = store.get(BAN_DENG)!;
  assert.equal(entry.data["title"], "“板凳议事会” 问题现场办");
  assert.deepEqual(entry.data["reporters"], ["宋爽"]);
  assert.equal(entry.filePath, `content/articles/${BAN_DENG}.md`);
  assert.equal(entry.digest, createHash("sha256").update(readFileSync(join(work, entry.filePath))).digest("hex"));
  assert.ok([...store.values()].every((e) => e.body === undefined && e.rendered === undefined));
});

test("loads again only the files that changed, and drops the ones removed", async () => {
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const [removedId] = [...store.keys()].filter((id) => id !== BAN_DENG);
  const removed = join(work, "content/articles", `${removedId}.md`);
  const removedText = readFileSync(removed, "utf8");
  writeFileSync(file, text.replace("问题现场办", "问题现场办（更正）"));
  unlinkSync(removed);
  try {
    const { ctx, log } = context(store, meta);
    await loader().load(ctx);
    assert.deepEqual(log.sets, [BAN_DENG]);
    assert.equal(store.get(BAN_DENG)!.data["title"], "“板凳议事会” 问题现场办（更正）");
    assert.equal(store.has(removedId!), false);
    assert.equal(store.size, 45);
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
    const store = new Map<string, Stored>();
    const { ctx, log } = context(store);
    await assert.rejects(loader().load(ctx), (err: Error) => {
      assert.match(err.message, /^1 article file could not be read:/);
      assert.match(err.message, new RegExp(`${BAN_DENG}\\.md:\\d+: bad frontmatter YAML`));
      return true;
    });
    assert.equal(store.size, 45);
    assert.equal(log.warnings.length, 1);
    assert.match(log.warnings[0]!, /2022-11-08\/\._copy\.md is not an article file/);
  } finally {
    writeFileSync(file, text);
    unlinkSync(stray);
  }
});

test("the same files in another folder: entries point at the new folder's files", async () => {
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  cpSync(join(work, "content/articles"), join(work, "elsewhere"), { recursive: true });
  try {
    await articleLoader("elsewhere").load(context(store, meta).ctx);
    assert.equal(store.get(BAN_DENG)!.filePath, `elsewhere/${BAN_DENG}.md`);
    assert.ok([...store.values()].every((entry) => entry.filePath!.startsWith("elsewhere/")));
  } finally {
    rmSync(join(work, "elsewhere"), { recursive: true, force: true });
  }
});

test("a file against the schema is named with the fields at fault, and leaves the store", async () => {
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^kind: .*$/m, "kind: poem"));
  try {
    await assert.rejects(loader().load(context(store, meta).ctx), (err: Error) => {
      assert.match(err.message, new RegExp(`${BAN_DENG}\\.md: bad frontmatter: kind: `));
      return true;
    });
    assert.equal(store.has(BAN_DENG), false);
  } finally {
    writeFileSync(file, text);
  }
});

test("frontmatter written as code is refused, not run", async () => {
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^---\n/, "---js\n(globalThis.articleRan = true, {})\n---\n"));
  try {
    await assert.rejects(loader().load(context(new Map()).ctx), /the frontmatter is code/);
    assert.equal((globalThis as { articleRan?: boolean }).articleRan, undefined);
  } finally {
    writeFileSync(file, text);
  }
});

test("a new version of the code reads every file again", async () => {
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  const again = context(store, meta);
  await loader().load(again.ctx);
  assert.deepEqual(again.log.sets, []);
  meta.set("code-version", "an older version");
  const changed = context(store, meta);
  await loader().load(changed.ctx);
  assert.equal(changed.log.sets.length, 46);
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
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const before = statSync(file);
  // The same number of bytes, written in place, its modification time put back: only its
  // signature can tell, and it says "unchanged".
  writeFileSync(file, text.replace("问题现场办", "问题现场看"));
  utimesSync(file, before.atime, before.mtime);
  try {
    const { ctx, log } = context(store, meta);
    await loader().load(ctx);
    assert.deepEqual(log.sets, []);
    assert.equal(store.get(BAN_DENG)!.data["title"], "“板凳议事会” 问题现场办");
    // A file that changes size is read.
    writeFileSync(file, text.replace("问题现场办", "问题现场办了"));
    const changed = context(store, meta);
    await loader().load(changed.ctx);
    assert.deepEqual(changed.log.sets, [BAN_DENG]);
    assert.equal(store.get(BAN_DENG)!.data["title"], "“板凳议事会” 问题现场办了");
  } finally {
    writeFileSync(file, text);
  }
});

test("a sync that finds nothing new sets nothing in the meta store (Astro would write its data store again)", async () => {
  ageArticleFiles();
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  await loader().load(context(store, meta).ctx);
  const sets: string[] = [];
  const watched = new Map(meta);
  watched.set = (key: string, value: string) => (sets.push(key), Map.prototype.set.call(watched, key, value) as Map<string, string>);
  await loader().load(context(store, watched).ctx);
  assert.deepEqual(sets, []);
});

test("a file modified just before the last sync began is read again (it could have changed within the clock's tick)", async () => {
  ageArticleFiles();
  const store = new Map<string, Stored>();
  const meta = new Map<string, string>();
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text);
  await loader().load(context(store, meta).ctx);
  const before = statSync(file);
  writeFileSync(file, text.replace("问题现场办", "问题现场看"));
  utimesSync(file, before.atime, before.mtime);
  try {
    const { ctx, log } = context(store, meta);
    await loader().load(ctx);
    assert.deepEqual(log.sets, [BAN_DENG]);
    assert.equal(store.get(BAN_DENG)!.data["title"], "“板凳议事会” 问题现场看");
  } finally {
    writeFileSync(file, text);
  }
});

/** The watcher's handlers are not awaited by the emitter: give them a moment. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

test("in dev, a changed, added or removed article file is loaded again", async () => {
  const store = new Map<string, Stored>();
  const watcher = new EventEmitter();
  await loader().load(context(store, new Map(), watcher).ctx);
  const file = join(work, "content/articles", `${BAN_DENG}.md`);
  const text = readFileSync(file, "utf8");
  const added = join(work, "content/articles/2022-11-08/added.md");
  try {
    writeFileSync(file, text.replace("问题现场办", "问题现场办（改）"));
    watcher.emit("change", file);
    await settled();
    assert.equal(store.get(BAN_DENG)!.data["title"], "“板凳议事会” 问题现场办（改）");
    writeFileSync(added, text);
    watcher.emit("add", added);
    await settled();
    assert.equal(store.get("2022-11-08/added")!.data["title"], "“板凳议事会” 问题现场办");
    watcher.emit("unlink", added);
    assert.equal(store.has("2022-11-08/added"), false);
    watcher.emit("change", join(work, "content/articles/notes.txt"));
  } finally {
    writeFileSync(file, text);
    rmSync(added, { force: true });
  }
});
