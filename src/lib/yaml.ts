/**
 * YAML as the project reads and writes it, with one library: js-yaml, the one gray-matter reads
 * frontmatter with. Read with the core schema, so that a date stays the text it was written as.
 */
import { CORE_SCHEMA, dump, load } from "js-yaml";

export { dump as stringifyYaml };

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
