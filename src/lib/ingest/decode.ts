/**
 * Turns the bytes of an issue file into text. Newspapers hand over files in
 * whatever encoding their OCR system wrote: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or GB18030/GBK from older Windows tools.
 */
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding }
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

  if (startsWith(bytes, UTF8_BOM)) return refuseControlText(decodeUtf8(bytes.subarray(3)));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return refuseControlText(decodeStrict(bytes.subarray(2), "utf-16le"));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return refuseControlText(decodeStrict(bytes.subarray(2), "utf-16be"));
  if (controlByteShare(bytes) > 0.01) {
    return { ok: false, reason: "the file looks binary (control bytes), not page text" };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return utf8;

  const gb = iconv.decode(Buffer.from(bytes), "gb18030");
  if (garbageShare(gb) > 0.001) {
    return { ok: false, reason: "the bytes are neither UTF-8, UTF-16 with BOM nor GB18030/GBK" };
  }
  return { ok: true, text: normalizeLineEnds(gb), encoding: "gb18030" };
}

function decodeUtf8(bytes: Uint8Array): DecodeResult {
  return decodeStrict(bytes, "utf-8");
}

function decodeStrict(bytes: Uint8Array, encoding: "utf-8" | "utf-16le" | "utf-16be"): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { ok: true, text: normalizeLineEnds(text), encoding };
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
