// Issue files named in any script or with spaces: published at /raw/, linked with a valid URL,
// and watched in dev mode.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { isWatchedIssueFile } from "../../src/integrations/issue-reingest.ts";
import { rawFileStem, rawIssuePath } from "../../src/lib/site/paths.ts";
import { isRawIssueFileName } from "../../src/lib/site/raw-issues.ts";

describe("raw issue file names", () => {
  const published = ["2022-09-06_004_5a48dc7921c40574.txt", "2024-10-15_党建版.txt", "2024-10-15 第5版.txt", "2024-10-15_p5.TXT", "２０２４年 第５版（党建）.txt"];
  for (const name of published) {
    test(`${name} is published`, () => assert.ok(isRawIssueFileName(name)));
  }
  for (const name of [".2024-10-15_p5.txt.swp", ".txt", "2024-10-15_p5.md", "notes.txt~", "a\nb.txt"]) {
    test(`${JSON.stringify(name)} is not`, () => assert.equal(isRawIssueFileName(name), false));
  }

  test("the link percent-encodes the name as UTF-8 and decodes back to the file name", () => {
    assert.equal(rawIssuePath("2024-10-15_党建版.txt"), "/raw/2024-10-15_%E5%85%9A%E5%BB%BA%E7%89%88.txt");
    assert.equal(rawIssuePath("2024-10-15 第5版.txt"), "/raw/2024-10-15%20%E7%AC%AC5%E7%89%88.txt");
    assert.equal(rawIssuePath("2022-09-06_004_5a48dc7921c40574.txt"), "/raw/2022-09-06_004_5a48dc7921c40574.txt");
    for (const name of published) {
      const url = rawIssuePath(name);
      assert.match(url, /^\/raw\/[\x21-\x7e]+\.txt$/u, "ASCII only, no spaces: the Traditional mirror leaves it alone");
      assert.equal(decodeURIComponent(url.slice("/raw/".length)), `${rawFileStem(name)}.txt`);
    }
  });

  test("a name with % or # stays one path segment", () => {
    assert.equal(rawIssuePath("2024-10-15 50%#1.txt"), "/raw/2024-10-15%2050%25%231.txt");
  });
});

describe("dev mode watches issue files of any name", () => {
  const issues = path.resolve("content/issues");
  test("Chinese names, spaces, sub-folders and .TXT are watched", () => {
    for (const name of ["2024-10-15_党建版.txt", "2024-10-15 第5版.txt", "2024/2024-10-15_p5.txt", "2024-10-15_P5.TXT"]) {
      assert.ok(isWatchedIssueFile(path.join(issues, name), issues), name);
    }
  });

  test("a name reported in NFD (macOS) matches the folder given in NFC", () => {
    const folder = path.resolve("/tmp/期刊/é");
    assert.ok(isWatchedIssueFile(path.join(folder.normalize("NFD"), "2024-10-15_café.txt".normalize("NFD")), folder.normalize("NFC")));
  });

  test("other files and other folders are not", () => {
    assert.equal(isWatchedIssueFile(path.join(issues, ".2024-10-15_p5.txt.swp"), issues), false);
    assert.equal(isWatchedIssueFile(path.join(issues, ".#2024-10-15_p5.txt"), issues), false);
    assert.equal(isWatchedIssueFile(path.join(issues, "README.md"), issues), false);
    assert.equal(isWatchedIssueFile(path.resolve("content/articles/2024-10-15_p5.txt"), issues), false);
    assert.equal(isWatchedIssueFile(issues, issues), false);
  });
});
