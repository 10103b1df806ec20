// Decoding issue files: every encoding and line-end convention the OCR tools hand over
// must give the same text; files that are not page text must be refused with a reason.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { decodeIssueBytes, droppedTailWarning, normalizeLineEnds } from "../../src/lib/ingest/decode.ts";

const SEED_FILES = [
  "2022-09-06_004_5a48dc7921c40574.txt",
  "2022-09-20_003_dddc6a7051c1087a.txt",
  "2022-11-08_000_0e8d57b71d93ccd5.txt",
  "2022-12-13_002_9478187308266f87.txt",
  "2024-10-15_001_554b9e868c6e5a63.txt",
];
const seedText = (name: string): string => readFileSync(new URL(`../../content/issues/${name}`, import.meta.url), "utf8");

function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Buffer {
  // Buffer has no UTF-16BE encoder: encode little-endian, then swap each byte pair.
  const body = Buffer.from(text, "utf16le").swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}

function decodedText(bytes: Uint8Array): string {
  const result = decodeIssueBytes(bytes);
  assert.ok(result.ok, `expected the bytes to decode, got: ${result.ok ? "" : result.reason}`);
  return result.text;
}

/** A deterministic pseudo-random byte source (no Math.random: failures must be reproducible). */
function pseudoRandomBytes(length: number, min: number, max: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // The low bits of this generator cycle quickly; take the high ones.
    out[i] = min + ((state >>> 16) % (max - min + 1));
  }
  return out;
}

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

describe("decodeIssueBytes: every supported encoding gives the seed text", () => {
  for (const name of SEED_FILES) {
    const text = seedText(name);
    describe(name, () => {
      test("the seed itself has LF line ends and no BOM (the reference text)", () => {
        assert.ok(!text.includes("\r"));
        assert.ok(!text.startsWith("\ufeff"));
      });

      test("UTF-8 without BOM", () => {
        const result = decodeIssueBytes(Buffer.from(text, "utf8"));
        assert.ok(result.ok);
        assert.equal(result.encoding, "utf-8");
        assert.equal(result.text, text);
      });

      test("UTF-8 with BOM (the BOM is not part of the text)", () => {
        const result = decodeIssueBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
        assert.ok(result.ok);
        assert.equal(result.encoding, "utf-8");
        assert.equal(result.text, text);
      });

      test("UTF-16LE with BOM", () => {
        const result = decodeIssueBytes(utf16le(text));
        assert.ok(result.ok);
        assert.equal(result.encoding, "utf-16le");
        assert.equal(result.text, text);
      });

      test("UTF-16BE with BOM", () => {
        const result = decodeIssueBytes(utf16be(text));
        assert.ok(result.ok);
        assert.equal(result.encoding, "utf-16be");
        assert.equal(result.text, text);
      });

      test("GB18030", () => {
        const bytes = iconv.encode(text, "gb18030");
        // Make sure the fixture really is not UTF-8, so the GB18030 path is what is tested.
        assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        const result = decodeIssueBytes(bytes);
        assert.ok(result.ok, result.ok ? "" : result.reason);
        assert.equal(result.encoding, "gb18030");
        assert.equal(result.text, text);
      });

      test("CRLF line ends (UTF-8, UTF-16LE, GB18030)", () => {
        const crlf = text.replace(/\n/g, "\r\n");
        assert.equal(decodedText(Buffer.from(crlf, "utf8")), text);
        assert.equal(decodedText(utf16le(crlf)), text);
        assert.equal(decodedText(iconv.encode(crlf, "gb18030")), text);
      });

      test("lone CR line ends (old Mac exports)", () => {
        const cr = text.replace(/\n/g, "\r");
        assert.equal(decodedText(Buffer.from(cr, "utf8")), text);
        assert.equal(decodedText(utf16be(cr)), text);
        assert.equal(decodedText(iconv.encode(cr, "gb18030")), text);
      });

      test("mixed CRLF, CR and LF in one file", () => {
        const lines = text.split("\n");
        const ends = ["\r\n", "\r", "\n"];
        // A lone CR right before an empty line and an LF would read as one CRLF: use CRLF there.
        const endOf = (i: number) => (ends[i % 3] === "\r" && lines[i + 1] === "" ? "\r\n" : ends[i % 3]);
        const mixed = lines.map((line, i) => (i < lines.length - 1 ? line + endOf(i) : line)).join("");
        assert.equal(decodedText(Buffer.from(mixed, "utf8")), text);
      });
    });
  }

  test("the line count is preserved by line-end normalisation (blank lines matter to the layout)", () => {
    assert.equal(normalizeLineEnds("a\r\n\r\n\r\nb"), "a\n\n\nb");
    assert.equal(normalizeLineEnds("a\r\r\rb"), "a\n\n\nb");
    assert.equal(normalizeLineEnds("a\r\n\rb\n"), "a\n\nb\n");
  });
});

describe("decodeIssueBytes: bytes that are not page text", () => {
  test("an empty file is refused with a clear reason", () => {
    const result = decodeIssueBytes(new Uint8Array(0));
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /empty/);
  });

  test("a PNG header followed by NULs is refused as binary", () => {
    const bytes = Buffer.concat([Buffer.from(PNG_HEADER), Buffer.alloc(512)]);
    const result = decodeIssueBytes(bytes);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /binary/);
  });

  test("seed text with a run of NULs in the middle is refused as binary", () => {
    const text = Buffer.from(seedText(SEED_FILES[0]!).slice(0, 200), "utf8");
    const bytes = Buffer.concat([text, Buffer.alloc(64), text]);
    const result = decodeIssueBytes(bytes);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /binary/);
  });

  test("pseudo-random high bytes are neither UTF-8 nor GB18030", () => {
    const result = decodeIssueBytes(pseudoRandomBytes(4096, 0x80, 0xff));
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /neither UTF-8.*GB18030/);
  });

  test("pseudo-random printable and high bytes are refused", () => {
    const result = decodeIssueBytes(pseudoRandomBytes(4096, 0x20, 0xff, 11));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.reason.length > 10, "the reason says what is wrong");
  });

  test("UTF-8 with BOM but invalid UTF-8 bytes is refused", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("本报记者", "utf8"), Buffer.from([0xff, 0xfe, 0xc3])]);
    const result = decodeIssueBytes(bytes);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /UTF-8/);
  });

  test("UTF-8 seed text with one corrupt byte is not silently read as GB18030 mojibake", () => {
    const bytes = Buffer.from(seedText(SEED_FILES[2]!), "utf8");
    const corrupt = Buffer.concat([bytes.subarray(0, 1000), Buffer.from([0xff]), bytes.subarray(1000)]);
    const result = decodeIssueBytes(corrupt);
    assert.equal(result.ok, false);
  });

  test("UTF-16LE with BOM and an unpaired surrogate is refused", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("本报记者", "utf16le"), Buffer.from([0x00, 0xd8]), Buffer.from("白丹\n", "utf16le")]);
    const result = decodeIssueBytes(bytes);
    assert.equal(result.ok, false, result.ok ? `decoded to ${JSON.stringify(result.text)}` : "");
  });

  test("a BOM in front of binary bytes does not make them page text", () => {
    const payload = Buffer.concat([Buffer.from([0x50, 0x4e, 0x47]), Buffer.alloc(256)]);
    for (const bom of [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]) {
      const result = decodeIssueBytes(Buffer.concat([Buffer.from(bom), payload]));
      assert.equal(result.ok, false, `BOM ${bom.map((b) => b.toString(16)).join(" ")}: ${result.ok ? `decoded as ${result.encoding}` : ""}`);
    }
  });
});

describe("decodeIssueBytes: a file cut in the middle of its last character (an interrupted copy)", () => {
  const text = seedText(SEED_FILES[3]!);
  // The seed ends in a newline; cut after a Chinese character so the cut falls inside one.
  const body = text.trimEnd();
  const last = [...body].at(-1)!;
  const withoutLast = body.slice(0, body.length - last.length);

  const cases: { name: string; bytes: Buffer; encoding: string }[] = [];
  const utf8 = Buffer.from(body, "utf8");
  for (const cut of [1, 2]) cases.push({ name: `UTF-8, ${cut} of 3 bytes left out`, bytes: utf8.subarray(0, utf8.length - cut), encoding: "utf-8" });
  const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  cases.push({ name: "UTF-8 with BOM, 1 byte left out", bytes: utf8Bom.subarray(0, utf8Bom.length - 1), encoding: "utf-8" });
  const gb = iconv.encode(body, "gb18030");
  cases.push({ name: "GB18030, the second byte of a two-byte character left out", bytes: gb.subarray(0, gb.length - 1), encoding: "gb18030" });
  const le = utf16le(body);
  cases.push({ name: "UTF-16LE with BOM, half a code unit left out", bytes: le.subarray(0, le.length - 1), encoding: "utf-16le" });

  for (const { name, bytes, encoding } of cases) {
    test(`${name}: read, the broken character dropped, and the result says so`, () => {
      assert.ok(body.length > 0 && /[\u4e00-\u9fff。”）]/u.test(last), `the seed ends in a wide character, not ${last}`);
      const result = decodeIssueBytes(bytes);
      assert.ok(result.ok, result.ok ? "" : result.reason);
      assert.equal(result.encoding, encoding);
      assert.equal(result.text, withoutLast);
      assert.ok(result.droppedBytes > 0);
      assert.ok(!result.text.includes("\ufffd"), "no replacement character is published");
    });
  }

  test("a four-byte GB18030 character cut after its first, second or third byte is dropped", () => {
    const tail = "𠀀"; // outside the BMP: four bytes in GB18030
    const bytes = iconv.encode(`${body}${tail}`, "gb18030");
    for (const cut of [1, 2, 3]) {
      const result = decodeIssueBytes(bytes.subarray(0, bytes.length - cut));
      assert.ok(result.ok, `cut ${cut}: ${result.ok ? "" : result.reason}`);
      assert.equal(result.text, body);
      assert.equal(result.droppedBytes, 4 - cut);
    }
  });

  test("UTF-16BE with BOM cut inside a surrogate pair drops the whole pair", () => {
    const bytes = utf16be(`${body}𠀀`);
    const result = decodeIssueBytes(bytes.subarray(0, bytes.length - 1));
    assert.ok(result.ok, result.ok ? "" : result.reason);
    assert.equal(result.text, body);
    assert.equal(result.droppedBytes, 3);
  });

  test("a whole file drops nothing", () => {
    const result = decodeIssueBytes(Buffer.from(text, "utf8"));
    assert.ok(result.ok);
    assert.equal(result.droppedBytes, 0);
  });

  test("bad bytes before the end are still refused: only the last character may be cut", () => {
    const bytes = Buffer.concat([utf8.subarray(0, 1000), Buffer.from([0xff]), utf8.subarray(1000, utf8.length - 1)]);
    assert.equal(decodeIssueBytes(bytes).ok, false);
  });

  test("the warning names the file and the bytes dropped", () => {
    const message = droppedTailWarning("2024-10-15_党建版.txt", 2);
    assert.match(message, /^2024-10-15_党建版\.txt/u);
    assert.match(message, /2 个字节/u);
  });
});

describe("the ingest reads a cut file and warns about it", () => {
  test("parseIssueBytes: the page is parsed and its file warning names the file; the report lists it first", async () => {
    const [{ parseIssueBytes }, { loadPageKnowledge }, { articleLocator }, { issueReports, parseReport }] = await Promise.all([
      import("../../src/lib/ingest/parse-file.ts"),
      import("../../src/lib/ingest/page-knowledge.ts"),
      import("../../src/lib/places/article-locator.ts"),
      import("../../src/lib/ingest/parse-report.ts"),
    ]);
    const source = "2022-12-13_党建版.txt";
    const bytes = Buffer.from(seedText(SEED_FILES[3]!).trimEnd(), "utf8");
    const result = parseIssueBytes(source, bytes.subarray(0, bytes.length - 1), loadPageKnowledge("content/data"), articleLocator);
    assert.ok(result.ok, result.ok ? "" : result.error.message);
    assert.ok(result.parsed.articles.length > 0);
    assert.equal(result.parsed.fileWarnings?.length, 1);
    assert.ok(result.parsed.fileWarnings[0]!.message.includes(source));
    const report = parseReport(issueReports([result.parsed]), []);
    assert.deepEqual(report.issues[0]!.warnings[0], { code: "truncated-file", message: result.parsed.fileWarnings[0]!.message, line: null, article: null });
  });
});
