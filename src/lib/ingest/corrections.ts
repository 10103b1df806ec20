/**
 * Editors' metadata corrections: a YAML map from article id to frontmatter fields.
 * They live outside the generated articles, so every rebuild applies them again.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseYaml, yamlErrorLine, yamlErrorReason } from "../yaml.ts";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";
import { articleFrontmatterSchema } from "../article-schema.ts";
import type { IngestError } from "./errors.ts";

export type Corrections = Map<string, Partial<ArticleFrontmatter>>;

/** The corrections file read and checked; none when there is no file (`file` null or absent). */
export function readCorrections(file: string | null): { corrections: Corrections; errors: IngestError[] } {
  if (file === null || !existsSync(file)) return { corrections: new Map(), errors: [] };
  return parseCorrections(file, readFileSync(file, "utf8"));
}

export function parseCorrections(file: string, text: string): { corrections: Corrections; errors: IngestError[] } {
  const corrections: Corrections = new Map();
  const errors: IngestError[] = [];
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    errors.push({ file, line: yamlErrorLine(error), message: `bad YAML: ${yamlErrorReason(error)}` });
    return { corrections, errors };
  }
  if (data === null || data === undefined) return { corrections, errors };
  if (typeof data !== "object" || Array.isArray(data)) {
    errors.push({ file, line: 1, message: "expected a map from article id to fields" });
    return { corrections, errors };
  }
  const allowed = new Set<string>(FRONTMATTER_KEYS);
  for (const [id, fields] of Object.entries(data as Record<string, unknown>)) {
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      errors.push({ file, line: null, message: `${id}: expected a map of frontmatter fields` });
      continue;
    }
    const unknown = Object.keys(fields).filter((k) => !allowed.has(k));
    if (unknown.length > 0) {
      errors.push({ file, line: null, message: `${id}: unknown field(s) ${unknown.join(", ")}; allowed: ${FRONTMATTER_KEYS.join(", ")}` });
      continue;
    }
    corrections.set(id, fields as Partial<ArticleFrontmatter>);
  }
  return { corrections, errors };
}

/** Applies a correction; the result must still be valid frontmatter, else the error says which field. */
export function applyCorrection(
  frontmatter: ArticleFrontmatter,
  correction: Partial<ArticleFrontmatter> | undefined,
): { ok: true; frontmatter: ArticleFrontmatter } | { ok: false; message: string } {
  if (!correction) return { ok: true, frontmatter };
  const result = articleFrontmatterSchema.safeParse({ ...frontmatter, ...correction });
  if (result.success) return { ok: true, frontmatter: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: `field "${issue?.path.join(".") ?? "?"}": ${issue?.message ?? "invalid"}` };
}

/**
 * Each article's frontmatter with its correction applied (by its final id), in the order given;
 * an invalid correction leaves the frontmatter as parsed, with an error naming `file` and the id.
 * The ids corrected are added to `used`.
 */
export function applyCorrections(
  articles: readonly { id: string; frontmatter: Readonly<ArticleFrontmatter> }[],
  corrections: Corrections,
  file: string,
  used: Set<string>,
): { frontmatters: Readonly<ArticleFrontmatter>[]; errors: IngestError[] } {
  const errors: IngestError[] = [];
  const frontmatters = articles.map(({ id, frontmatter }) => {
    const correction = corrections.get(id);
    if (!correction) return frontmatter;
    used.add(id);
    const corrected = applyCorrection(frontmatter, correction);
    if (corrected.ok) return corrected.frontmatter;
    errors.push({ file, line: null, message: `${id}: ${corrected.message}` });
    return frontmatter;
  });
  return { frontmatters, errors };
}

/** An error naming `file` for each correction whose id no article has (none in `used`). */
export function unusedCorrections(corrections: Corrections, used: ReadonlySet<string>, file: string): IngestError[] {
  return [...corrections.keys()].filter((id) => !used.has(id)).map((id) => ({ file, line: null, message: `${id}: no article has this id` }));
}
