import assert from "node:assert/strict";
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { filesCreated } from "../../src/lib/bench/files-created.ts";

test("filesCreated counts each file and folder once, a hard link not again", () => {
  const root = mkdtempSync(path.join(tmpdir(), "files-created-"));
  try {
    const site = path.join(root, "dist");
    const cache = path.join(root, "cache");
    mkdirSync(path.join(site, "articles", "2022-11-08", "x"), { recursive: true });
    writeFileSync(path.join(site, "articles", "2022-11-08", "x", "index.html"), "<p>发展</p>");
    writeFileSync(path.join(site, "articles", "2022-11-08", "x.md"), "---\n---\n");
    mkdirSync(path.join(cache, "bundle"), { recursive: true });
    writeFileSync(path.join(cache, "bundle", "pagefind-entry.json"), "{}");
    // The site's copy of a bundle is linked from the cache: no new file.
    mkdirSync(path.join(site, "pagefind"));
    linkSync(path.join(cache, "bundle", "pagefind-entry.json"), path.join(site, "pagefind", "pagefind-entry.json"));
    // A symbolic link is an inode of its own.
    symlinkSync("articles", path.join(site, "latest"));
    // dist, articles, 2022-11-08, x, index.html, x.md, pagefind, latest; cache, bundle, pagefind-entry.json.
    assert.equal(filesCreated([site, cache]), 11);
    assert.equal(filesCreated([site]), 9);
    assert.equal(filesCreated([site, site]), 9);
    assert.equal(filesCreated([path.join(root, "missing")]), 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
