/**
 * Turns the bytes of an issue file into text. Newspapers hand over files in
 * whatever encoding their OCR system wrote: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or GB18030/GBK from older Windows tools.
 */
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      /**
       * Bytes of a last character cut in half and dropped (an interrupted copy ends mid-character);
       * 0 for a whole file. The ingest warns about the file when this is not 0.
       */
      droppedBytes: number;
    }
  | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of bytes that no text file contains: NUL and C0 controls other than tab/newline/CR/FF. */
function controlByteShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8 * 1024));
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return sample.length === 0 ? 0 : control / sample.length;
}

/** CRLF and lone CR (old Mac OCR exports) become LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Share of decoded characters that are U+FFFD or private-use: a wrong guess shows up as these. */
function garbageShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad / text.length;
}

export function decodeIssueBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "the file is empty" };

  if (startsWith(bytes, UTF8_BOM)) return refuseControlText(withCutTail(bytes.subarray(3), decodeUtf8, utf8CutTail));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return refuseControlText(withCutTail(bytes.subarray(2), (b) => decodeStrict(b, "utf-16le"), utf16CutTail(false)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return refuseControlText(withCutTail(bytes.subarray(2), (b) => decodeStrict(b, "utf-16be"), utf16CutTail(true)));
  if (controlByteShare(bytes) > 0.01) {
    return { ok: false, reason: "the file looks binary (control bytes), not page text" };
  }
  // UTF-8, also cut short, before GB18030: UTF-8 text read as GB18030 is mojibake, not an error.
  const utf8 = withCutTail(bytes, decodeUtf8, utf8CutTail);
  if (utf8.ok) return utf8;
  return withCutTail(bytes, decodeGb18030, gb18030CutTail);
}

/**
 * An interrupted copy ends in the middle of its last character. When the bytes do not decode,
 * but do without the first bytes of a last character cut short (`cutTail` says how many), that
 * character is dropped and the result says so; otherwise the first failure stands.
 */
function withCutTail(bytes: Uint8Array, decode: (bytes: Uint8Array) => DecodeResult, cutTail: (bytes: Uint8Array) => number): DecodeResult {
  const whole = decode(bytes);
  if (whole.ok) return whole;
  const cut = cutTail(bytes);
  if (cut === 0 || cut >= bytes.length) return whole;
  const rest = decode(bytes.subarray(0, bytes.length - cut));
  return rest.ok ? { ...rest, droppedBytes: cut } : whole;
}

/** A UTF-8 lead byte at the end with fewer continuation bytes than it announces: their count, else 0. */
function utf8CutTail(bytes: Uint8Array): number {
  for (let count = 1; count <= 3 && count <= bytes.length; count++) {
    const b = bytes[bytes.length - count]!;
    if (b >= 0x80 && b <= 0xbf) continue;
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    return length > count ? count : 0;
  }
  return 0;
}

/**
 * The start of a GB18030 character at the end: a lone lead byte (0x81–0xFE) of a two-byte
 * character, or the first one to three bytes of a four-byte one (lead, digit, lead).
 */
function gb18030CutTail(bytes: Uint8Array): number {
  const lead = (b: number | undefined) => b !== undefined && b >= 0x81 && b <= 0xfe;
  const digit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
  const n = bytes.length;
  if (lead(bytes[n - 3]) && digit(bytes[n - 2]) && lead(bytes[n - 1])) return 3;
  if (lead(bytes[n - 2]) && digit(bytes[n - 1])) return 2;
  return lead(bytes[n - 1]) ? 1 : 0;
}

/** Half a code unit at the end, or a high surrogate whose low half is missing (with half a unit after it). */
function utf16CutTail(bigEndian: boolean): (bytes: Uint8Array) => number {
  return (bytes) => {
    const odd = bytes.length % 2;
    const end = bytes.length - odd;
    if (end < 2) return odd;
    const unit = bigEndian ? (bytes[end - 2]! << 8) | bytes[end - 1]! : (bytes[end - 1]! << 8) | bytes[end - 2]!;
    return unit >= 0xd800 && unit <= 0xdbff ? odd + 2 : odd;
  };
}

function decodeGb18030(bytes: Uint8Array): DecodeResult {
  const gb = iconv.decode(Buffer.from(bytes), "gb18030");
  // A replacement character at the end (iconv may emit a cut four-byte form's digit after it) is
  // a last character cut short, not text to publish.
  if (garbageShare(gb) > 0.001 || gb.slice(-3).includes("\ufffd")) {
    return { ok: false, reason: "the bytes are neither UTF-8, UTF-16 with BOM nor GB18030/GBK" };
  }
  return { ok: true, text: normalizeLineEnds(gb), encoding: "gb18030", droppedBytes: 0 };
}

function decodeUtf8(bytes: Uint8Array): DecodeResult {
  return decodeStrict(bytes, "utf-8");
}

function decodeStrict(bytes: Uint8Array, encoding: "utf-8" | "utf-16le" | "utf-16be"): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { ok: true, text: normalizeLineEnds(text), encoding, droppedBytes: 0 };
  } catch {
    return { ok: false, reason: `invalid ${encoding.toUpperCase()} after its byte-order mark or in its bytes` };
  }
}

/** A byte-order mark in front of binary data does not make it page text. */
function refuseControlText(result: DecodeResult): DecodeResult {
  if (!result.ok) return result;
  const sample = result.text.slice(0, 8 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return sample.length > 0 && control / sample.length > 0.01 ? { ok: false, reason: "the file looks binary (control bytes), not page text" } : result;
}

/** The warning for a file whose cut last character was dropped; it names the file. */
export function droppedTailWarning(source: string, droppedBytes: number): string {
  return `${source}：文件在最后一个字符中间中断（复制未完成？），已丢弃末尾 ${droppedBytes} 个字节；请核对版面文字是否完整`;
}
