/**
 * Article frontmatter in the form the ingest writes it (src/lib/ingest/markdown.ts), read without
 * the YAML library's per-character work: every build reads every article's frontmatter (the
 * content sync, the downloads, the search index), and js-yaml was most of that cost
 * (docs/scale.md, "The floor on two cores").
 *
 * The form: one `key: value` line per key, or `key:` followed by lines of `  - value` (a list) or
 * `  name: value` (a small mapping); `key: []` for an empty list. A value is returned exactly as
 * js-yaml reads it with the core schema, because it is either text that cannot be anything but a
 * string (printable, with a character beyond ASCII and no ASCII but letters, digits and inner
 * spaces: most headlines, names and places), `null`, a plain integer, or else given to js-yaml
 * itself, alone, and kept only when it reads as a single value. Anything else (comments, blank
 * lines, a value on two lines, block or flow collections, a repeated key, CR line ends, tabs)
 * gives null, and the caller reads the text with js-yaml, errors and all.
 */
import { isPlainYamlText, parseYaml } from "../yaml.ts";

/** A key of the form: an identifier, or a quoted one as js-yaml writes `'no'`. */
const KEY_LINE = /^(?:([A-Za-z_][A-Za-z0-9_]*)|'([A-Za-z_][A-Za-z0-9_]*)'):(?: (.*))?$/u;
const NESTED_KEY_LINE = /^ {2}(?:([A-Za-z_][A-Za-z0-9_]*)|'([A-Za-z_][A-Za-z0-9_]*)'): (.*)$/u;
const LIST_ITEM = /^ {2}- (.*)$/u;
/** Keys js-yaml reads as null or a boolean and then spells in lower case ("True" → "true"). */
const RESPELLED_KEY = /^(?:Null|NULL|True|TRUE|False|FALSE)$/u;
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/u;

type Scalar = string | number | boolean | null;
const NOT_PLAIN = Symbol("not in the plain form");

/** Values js-yaml was asked for (a date or a file name recurs on every article of a page). */
const readScalars = new Map<string, Scalar | typeof NOT_PLAIN>();
const READ_SCALARS_LIMIT = 10_000;

/**
 * Whether js-yaml, given `text` alone, could read it otherwise than as a value of the frontmatter:
 * empty or with spaces at its ends; a tab or line separator; an opening byte order mark (dropped
 * from the start of its input); "---" or "..." (a document's start or end: js-yaml reads "---x"
 * alone as "x"); a block scalar's header ("|", ">"), whose text is on the next lines.
 */
function readsOtherwiseAlone(text: string): boolean {
  return text === "" || text.startsWith(" ") || text.endsWith(" ") || /[\t\u0085\u2028\u2029]/u.test(text) || /^(?:\ufeff|---|\.\.\.|[|>])/u.test(text);
}

/** A value as js-yaml reads it in a block mapping or list, or NOT_PLAIN. */
function readScalar(text: string): Scalar | typeof NOT_PLAIN {
  if (isPlainYamlText(text)) return text;
  if (text === "null") return null;
  if (PLAIN_INTEGER.test(text)) return Number(text);
  if (readsOtherwiseAlone(text)) return NOT_PLAIN;
  let value = readScalars.get(text);
  if (value === undefined) {
    value = NOT_PLAIN;
    try {
      const parsed = parseYaml(text);
      // A value that reads as a list or a mapping on its own ("a: b", "- x", "[a]") would read
      // differently inside the frontmatter.
      if (parsed === null || ["string", "number", "boolean"].includes(typeof parsed)) value = parsed as Scalar;
    } catch {
      // Not YAML on its own: js-yaml reads the whole frontmatter and reports it.
    }
    if (readScalars.size >= READ_SCALARS_LIMIT) readScalars.clear();
    readScalars.set(text, value);
  }
  return value;
}

/**
 * The frontmatter block (the lines between the delimiters, without them) as js-yaml reads it with
 * the core schema, or null when it is not in the ingest's form.
 */
export function readPlainFrontmatter(block: string): Record<string, unknown> | null {
  if (block.includes("\r")) return null;
  const lines = block.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) return null;
  const data: Record<string, unknown> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = KEY_LINE.exec(line);
    if (!match) return null;
    const key = match[1] ?? match[2]!;
    if (key === "__proto__" || (match[1] && RESPELLED_KEY.test(key)) || Object.hasOwn(data, key)) return null;
    const text = match[3];
    if (text !== undefined) {
      if (text === "[]") data[key] = [];
      else {
        const value = readScalar(text);
        if (value === NOT_PLAIN) return null;
        data[key] = value;
      }
      continue;
    }
    // `key:` alone: the lines below it, all list items or all keys of a mapping.
    const nested: string[] = [];
    while (i + 1 < lines.length && lines[i + 1]!.startsWith("  ")) nested.push(lines[++i]!);
    if (nested.length === 0) return null;
    if (LIST_ITEM.test(nested[0]!)) {
      const list: Scalar[] = [];
      for (const item of nested) {
        const value = readScalar(LIST_ITEM.exec(item)?.[1] ?? "");
        if (value === NOT_PLAIN) return null;
        list.push(value);
      }
      data[key] = list;
    } else {
      const mapping: Record<string, Scalar> = {};
      for (const entry of nested) {
        const nestedMatch = NESTED_KEY_LINE.exec(entry);
        if (!nestedMatch) return null;
        const nestedKey = nestedMatch[1] ?? nestedMatch[2]!;
        if (nestedKey === "__proto__" || (nestedMatch[1] && RESPELLED_KEY.test(nestedKey)) || Object.hasOwn(mapping, nestedKey)) return null;
        const value = readScalar(nestedMatch[3]!);
        if (value === NOT_PLAIN) return null;
        mapping[nestedKey] = value;
      }
      data[key] = mapping;
    }
  }
  return data;
}

/**
 * The frontmatter block of an article file's text, as gray-matter cuts it, when the file opens
 * with `---` on a line of its own and the block is not empty; null otherwise.
 */
export function plainFrontmatterBlock(text: string): string | null {
  if (!text.startsWith("---\n")) return null;
  // gray-matter ends the frontmatter at the first "\n---" after the opening delimiter.
  const close = text.indexOf("\n---", 3);
  if (close <= 4) return null;
  return text.slice(4, close);
}
