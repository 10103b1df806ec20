/**
 * Editors' metadata corrections: a YAML map from article id to frontmatter fields.
 * They live outside the generated articles, so every rebuild applies them again.
 */
import { parseDocument } from "yaml";
import type { ArticleFrontmatter } from "../article.ts";
import { FRONTMATTER_KEYS } from "../article.ts";
import { articleFrontmatterSchema } from "../article-schema.ts";
import type { IngestError } from "./errors.ts";

export type Corrections = Map<string, Partial<ArticleFrontmatter>>;

export function parseCorrections(file: string, text: string): { corrections: Corrections; errors: IngestError[] } {
  const corrections: Corrections = new Map();
  const errors: IngestError[] = [];
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ file, line: e.linePos?.[0]?.line ?? null, message: `bad YAML: ${e.message.split("\n")[0]}` });
    return { corrections, errors };
  }
  const data = doc.toJS() as unknown;
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
