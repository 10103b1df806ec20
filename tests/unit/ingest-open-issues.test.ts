// When an issue is complete while the files are parsed: only once no file left can add a page
// to it or change the ids its articles may take.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mayHaveFrontmatter } from "../../src/lib/ingest/issue-file.ts";
import type { Manifest } from "../../src/lib/ingest/manifest.ts";
import { OpenIssues, fileNameDate } from "../../src/lib/ingest/open-issues.ts";

const none: Manifest = { articles: {} };

describe("OpenIssues", () => {
  test("an issue closes when the last file named for its date is parsed", () => {
    const open = new OpenIssues(["2022-11-08_a.txt", "2022-11-08_b.txt", "2022-11-09_a.txt"], new Set(), none);
    assert.deepEqual(open.parsed("2022-11-08_a.txt", "2022-11-08"), []);
    assert.deepEqual(open.parsed("2022-11-08_b.txt", "2022-11-08"), ["2022-11-08"]);
    assert.deepEqual(open.parsed("2022-11-09_a.txt", "2022-11-09"), ["2022-11-09"]);
  });

  test("a file whose date only its parse tells keeps every issue open until it is parsed", () => {
    const open = new OpenIssues(["2022-11-08_a.txt", "2022-11-09_a.txt", "page.txt"], new Set(["2022-11-09_a.txt"]), none);
    assert.deepEqual(open.parsed("2022-11-08_a.txt", "2022-11-08"), []);
    assert.deepEqual(open.parsed("2022-11-09_a.txt", "2022-11-08"), [], "its frontmatter moved it to 2022-11-08");
    assert.deepEqual(open.parsed("page.txt", "2022-11-10"), ["2022-11-08", "2022-11-10"]);
  });

  test("an issue waits for a file that wrote articles of its date in the last run, which may fail now and keep their ids", () => {
    const previous: Manifest = { articles: { "2022-11-08/x.md": { hash: "h", source: "zz/2022-11-09_old.txt" } } };
    const open = new OpenIssues(["2022-11-08_a.txt", "zz/2022-11-09_old.txt"], new Set(), previous);
    assert.deepEqual(open.parsed("2022-11-08_a.txt", "2022-11-08"), []);
    assert.deepEqual(open.parsed("zz/2022-11-09_old.txt", null), ["2022-11-08"]);
  });

  test("a file that cannot be read closes the issues it held open, and opens none", () => {
    const open = new OpenIssues(["2022-11-08_a.txt", "2022-11-08_b.txt"], new Set(), none);
    assert.deepEqual(open.parsed("2022-11-08_a.txt", "2022-11-08"), []);
    assert.deepEqual(open.parsed("2022-11-08_b.txt", null), ["2022-11-08"]);
  });

  test("a page of an issue already complete is an error, never a second placing", () => {
    const open = new OpenIssues(["2022-11-08_a.txt", "2022-11-09_a.txt"], new Set(), none);
    open.parsed("2022-11-08_a.txt", "2022-11-08");
    assert.throws(() => open.parsed("2022-11-09_a.txt", "2022-11-08"), /already complete/u);
  });

  test("the file name's date is the leading YYYY-MM-DD of its last part", () => {
    assert.equal(fileNameDate("issue-a/2023-03-06_p1.txt"), "2023-03-06");
    assert.equal(fileNameDate("2023-03/p1.txt"), null);
    assert.equal(fileNameDate("page-2023-03-06.txt"), null);
  });
});

describe("mayHaveFrontmatter", () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
  test("text opening with --- may, after any byte-order marks", () => {
    assert.equal(mayHaveFrontmatter(bytes("---\ndate: 2022-11-08\n---\n")), true);
    assert.equal(mayHaveFrontmatter(bytes([0xef, 0xbb, 0xbf], "---\n")), true);
    assert.equal(mayHaveFrontmatter(bytes([0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf], "---\n")), true);
    assert.equal(mayHaveFrontmatter(bytes([0x84, 0x31, 0x95, 0x33], "---\n")), true, "GB18030's mark");
  });

  test("UTF-16 may (its bytes are not read here); page text opening with anything else may not", () => {
    assert.equal(mayHaveFrontmatter(bytes([0xff, 0xfe], "-\0")), true);
    assert.equal(mayHaveFrontmatter(bytes([0xfe, 0xff])), true);
    assert.equal(mayHaveFrontmatter(bytes("◎广角\n\n文明新风拂遍青城大地\n")), false);
    assert.equal(mayHaveFrontmatter(bytes([0xef, 0xbb, 0xbf], "文明新风\n")), false);
    assert.equal(mayHaveFrontmatter(bytes(" ---\n")), false, "frontmatter opens the text or is not frontmatter");
    assert.equal(mayHaveFrontmatter(bytes("")), false);
  });
});
