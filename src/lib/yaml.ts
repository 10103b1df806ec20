/**
 * YAML as the project reads and writes it, with one library: js-yaml, the one gray-matter reads
 * frontmatter with. Read with the core schema, so that a date stays the text it was written as.
 */
import { CORE_SCHEMA, dump, load } from "js-yaml";

export { dump as stringifyYaml };

/**
 * Text that YAML writes and reads as it is, a string under any schema: one line of printable
 * characters at least one of which is not ASCII (no YAML type reads such text as anything but a
 * string), with no ASCII but letters, digits and inner spaces (no indicator, comment or
 * separator). Most headlines, names and places are: the ingest writes them without js-yaml, and
 * the articles' reader reads them so (src/lib/ingest/markdown.ts, src/lib/articles/plain-frontmatter.ts).
 */
export function isPlainYamlText(text: string): boolean {
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa1) {
      if ((c > 0xd7ff && c < 0xe000) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c > 0xfffd) return false;
      wide = true;
    } else if (c === 0x20) {
      if (i === 0 || i === text.length - 1) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return wide;
}

/** Parses YAML text; throws js-yaml's error, which yamlErrorLine and yamlErrorReason read. */
export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/** The 1-based line a YAML error points at, or null for an error that is not YAML's. */
export function yamlErrorLine(error: unknown): number | null {
  const line = (error as { mark?: { line?: number } } | null)?.mark?.line;
  return typeof line === "number" ? line + 1 : null;
}

/** What is wrong, without the excerpt of the text that js-yaml appends to its message. */
export function yamlErrorReason(error: unknown): string {
  return (error as { reason?: string }).reason ?? (error as Error).message;
}

/** gray-matter's options that read frontmatter as parseYaml does. */
export const FRONTMATTER_ENGINES = { engines: { yaml: (text: string) => parseYaml(text) as object } };
