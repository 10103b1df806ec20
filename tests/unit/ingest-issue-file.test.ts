// Reading an issue file: the issue date (frontmatter or file name), paper and page, and the
// line where the page text starts, so that every block's line number is a real file line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { decodeIssueBytes } from "../../src/lib/ingest/decode.ts";
import { formatIngestError } from "../../src/lib/ingest/errors.ts";
import type { IngestError } from "../../src/lib/ingest/errors.ts";
import { isValidIsoDate, pageNoFromFileName, readIssueFile } from "../../src/lib/ingest/issue-file.ts";
import type { IssueFile } from "../../src/lib/ingest/issue-file.ts";
import { splitPageBlocks } from "../../src/lib/ingest/page-blocks.ts";

const SEED = "2022-11-08_000_0e8d57b71d93ccd5.txt";
const seedText = readFileSync(new URL(`../../content/issues/${SEED}`, import.meta.url), "utf8");
const BROKEN_FIXTURE = new URL("../fixtures/bad-input/2022-10-03_broken-frontmatter.txt", import.meta.url);

function readOk(source: string, text: string): IssueFile {
  const result = readIssueFile(source, text);
  assert.ok(result.ok, result.ok ? "" : formatIngestError(result.error));
  return result.issue;
}

function readError(source: string, text: string): IngestError {
  const result = readIssueFile(source, text);
  assert.equal(result.ok, false, "expected an error");
  return (result as { ok: false; error: IngestError }).error;
}

/** Every block's line number must point at the file line that holds its text. */
function assertBlocksPointAtFileLines(fileText: string, issue: IssueFile): void {
  const fileLines = fileText.split("\n");
  const blocks = splitPageBlocks(issue.text, issue.firstLine);
  assert.ok(blocks.length > 0);
  for (const block of blocks) {
    const line = fileLines[block.line - 1];
    assert.ok(line !== undefined, `block line ${block.line} is past the end of the file`);
    assert.equal(line.trim(), block.text, `block "${block.text.slice(0, 20)}" claims line ${block.line}`);
  }
}

describe("readIssueFile: the issue date", () => {
  test("unquoted frontmatter date (js-yaml reads it as a Date)", () => {
    const issue = readOk("page.txt", "---\ndate: 2022-11-08\n---\n◎广角\n");
    assert.equal(issue.date, "2022-11-08");
  });

  test("double- and single-quoted frontmatter date", () => {
    assert.equal(readOk("page.txt", '---\ndate: "2022-11-08"\n---\n◎广角\n').date, "2022-11-08");
    assert.equal(readOk("page.txt", "---\ndate: '2024-10-15'\n---\n◎广角\n").date, "2024-10-15");
  });

  test("date from the file name prefix (the bundled seed pages carry no frontmatter)", () => {
    const issue = readOk(SEED, seedText);
    assert.equal(issue.date, "2022-11-08");
    assert.equal(issue.source, SEED);
    assert.equal(issue.text, seedText);
    assert.equal(issue.firstLine, 1);
  });

  test("date from the file name in a sub-folder, and a bare date file name", () => {
    assert.equal(readOk("2022/2022-09-20_page.txt", "◎广角\n").date, "2022-09-20");
    assert.equal(readOk("2022-12-13.txt", "◎广角\n").date, "2022-12-13");
  });

  test("the frontmatter date wins over the file name", () => {
    assert.equal(readOk("2022-11-08_x.txt", "---\ndate: 2022-11-09\n---\n◎广角\n").date, "2022-11-09");
  });

  test("no date anywhere is an error naming the file", () => {
    const error = readError("scans/no-date.txt", seedText);
    assert.equal(error.file, "scans/no-date.txt");
    assert.match(error.message, /no issue date/);
    assert.match(formatIngestError(error), /^scans\/no-date\.txt: /);
  });

  test("frontmatter without a date and a name without one is an error", () => {
    const error = readError("page.txt", "---\npaper: 内蒙古日报\n---\n◎广角\n");
    assert.equal(error.file, "page.txt");
    assert.match(error.message, /no issue date/);
  });

  test("an impossible quoted date 2022-02-30 is an error naming the file", () => {
    const error = readError("page.txt", "---\ndate: '2022-02-30'\n---\n◎广角\n");
    assert.equal(error.file, "page.txt");
    assert.match(error.message, /2022-02-30/);
  });

  test("an impossible unquoted date 2022-02-30 is an error, not silently 2022-03-02", () => {
    const result = readIssueFile("page.txt", "---\ndate: 2022-02-30\n---\n◎广角\n");
    assert.equal(result.ok, false, result.ok ? `read as date ${result.issue.date}` : "");
  });

  test("the invalid-date error points at the line of the date key", () => {
    const error = readError("page.txt", "---\npaper: 内蒙古日报\npage: 党建\ndate: '2022-02-30'\n---\n◎广角\n");
    assert.equal(error.line, 4);
  });

  test("malformed dates are errors", () => {
    for (const value of ["2022-2-3", "'20221108'", "2022/11/08", "'2022-13-01'", "'2022-00-10'"]) {
      const result = readIssueFile("page.txt", `---\ndate: ${value}\n---\n◎广角\n`);
      assert.equal(result.ok, false, `date: ${value}`);
    }
  });

  test("an impossible date in the file name is not taken", () => {
    const error = readError("2022-02-30_page.txt", "◎广角\n");
    assert.equal(error.file, "2022-02-30_page.txt");
  });

  test("isValidIsoDate", () => {
    assert.equal(isValidIsoDate("2024-02-29"), true);
    assert.equal(isValidIsoDate("2022-02-29"), false);
    assert.equal(isValidIsoDate("2022-02-30"), false);
    assert.equal(isValidIsoDate("2022-11-8"), false);
    assert.equal(isValidIsoDate(" 2022-11-08"), false);
  });
});

describe("readIssueFile: broken frontmatter YAML", () => {
  test("the error names the file and the line of the bad YAML (fixture file)", () => {
    const fileText = readFileSync(BROKEN_FIXTURE, "utf8");
    // The fixture's line 4 is the over-indented "  page: 党建".
    assert.equal(fileText.split("\n")[3], "  page: 党建");
    const error = readError("2022-10-03_broken-frontmatter.txt", fileText);
    assert.equal(error.file, "2022-10-03_broken-frontmatter.txt");
    assert.match(error.message, /frontmatter/);
    assert.equal(error.line, 4);
    assert.match(formatIngestError(error), /^2022-10-03_broken-frontmatter\.txt:4: /);
  });

  const cases: { name: string; text: string; line: number }[] = [
    { name: "bad indentation on line 3", text: "---\ndate: 2022-11-08\n  bad: indent\npage: 党建\n---\n◎广角\n", line: 3 },
    { name: "a second colon in a plain value on line 3", text: "---\ndate: 2022-11-08\npaper: 内蒙古日报: 党建\n---\n◎广角\n", line: 3 },
  ];
  for (const c of cases) {
    test(`${c.name}: the error gives that line`, () => {
      const error = readError("page.txt", c.text);
      assert.equal(error.file, "page.txt");
      assert.match(error.message, /bad frontmatter YAML/);
      assert.equal(error.line, c.line);
    });
  }

  test("an unterminated quote is an error naming the file", () => {
    const error = readError("page.txt", '---\ndate: 2022-11-08\npaper: "内蒙古日报\n---\n◎广角\n');
    assert.equal(error.file, "page.txt");
    assert.notEqual(error.line, null);
  });
});

describe("readIssueFile: paper, page and the first line of the text", () => {
  const frontmatter = "---\ndate: 2022-11-08\npaper: 内蒙古日报\npage: 党建\n---\n";

  test("paper and page are read; absent ones are null", () => {
    const issue = readOk("page.txt", frontmatter + "◎广角\n");
    assert.equal(issue.paper, "内蒙古日报");
    assert.equal(issue.pageName, "党建", "a page that is not a number is the page's name");
    assert.equal(issue.pageNo, null);
    const bare = readOk("2022-11-08_page.txt", "◎广角\n");
    assert.equal(bare.paper, null);
    assert.equal(bare.pageNo, null);
    assert.equal(bare.pageName, null);
  });

  test("page: 5 and page_name: 党建 give the page's number and name", () => {
    const issue = readOk("page.txt", "---\ndate: 2022-11-08\npage: 5\npage_name: 党建\n---\n◎广角\n");
    assert.deepEqual([issue.pageNo, issue.pageName], [5, "党建"]);
  });

  test("the file name gives the page number: _p5, _第5版, -5版; a serial number does not", () => {
    const cases: [string, number | null][] = [
      ["2022-09-06_p5.txt", 5],
      ["2022-09-06_P12.txt", 12],
      ["2022-09-06_第5版.txt", 5],
      ["2022-09-06-5版.txt", 5],
      ["2022-09-06_004_5a48dc7921c40574.txt", null],
      ["2022-09-06.txt", null],
    ];
    for (const [name, no] of cases) assert.equal(pageNoFromFileName(name), no, name);
  });

  test("firstLine is the file line right after the closing ---", () => {
    const issue = readOk("page.txt", frontmatter + "◎广角\n");
    assert.equal(issue.firstLine, 6);
    assert.equal(issue.text, "◎广角\n");
  });

  test("seed page behind 5 lines of frontmatter: every block points at its real file line", () => {
    const fileText = frontmatter + seedText;
    const issue = readOk("page.txt", fileText);
    assertBlocksPointAtFileLines(fileText, issue);
    // 2022-11-08 line 169 of the seed is line 174 of this file.
    const block = splitPageBlocks(issue.text, issue.firstLine).find((b) => b.text.startsWith("这样的场景只是赤峰市"));
    assert.equal(block?.line, 174);
  });

  test("blank lines right after the frontmatter still count", () => {
    const fileText = frontmatter + "\n\n" + seedText;
    assertBlocksPointAtFileLines(fileText, readOk("page.txt", fileText));
  });

  test("a CRLF file with frontmatter and a BOM, after decoding: blocks point at real lines", () => {
    const lfText = frontmatter + seedText;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lfText.replace(/\n/g, "\r\n"), "utf8")]);
    const decoded = decodeIssueBytes(bytes);
    assert.ok(decoded.ok);
    const issue = readOk("page.txt", decoded.text);
    assert.equal(issue.date, "2022-11-08");
    assertBlocksPointAtFileLines(lfText, issue);
  });

  test("a BOM left in the text is ignored", () => {
    const issue = readOk("page.txt", "\ufeff" + frontmatter + "◎广角\n");
    assert.equal(issue.date, "2022-11-08");
    assert.equal(issue.firstLine, 6);
  });

  test("frontmatter with no page text after it is an error", () => {
    const error = readError("page.txt", frontmatter);
    assert.match(error.message, /no page text/);
  });

  test("a page that merely starts with a dash line is not frontmatter", () => {
    const issue = readOk("2022-11-08_page.txt", "——赤峰市推动基层党组织全面进步全面过硬\n◎广角\n");
    assert.equal(issue.firstLine, 1);
    assert.match(issue.text, /^——赤峰市/);
  });
});
