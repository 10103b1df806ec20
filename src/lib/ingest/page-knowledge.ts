/**
 * What the ingest knows about the paper beyond the page text: its column labels and
 * the OCR variants of its staff's names. Kept as YAML in content/data/ so editors can
 * extend it without touching code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../yaml.ts";
import type { BylineRoles } from "./byline.ts";
import { compileBylineRoles } from "./byline.ts";

export type LabelColumn = "text" | "commentary" | "photo" | "brief" | "notice";

export interface PageKnowledge {
  labels: Map<string, LabelColumn>;
  seriesNames: string[];
  /** Variant spelling → correct name. */
  reporterAliases: Map<string, string>;
  /** Role words and outlets of bylines (byline-roles.yaml). */
  roles: BylineRoles;
}

function stringList(value: unknown, file: string, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new Error(`${file}: "${key}" must be a list of names`);
  }
  return value as string[];
}

export function buildPageKnowledge(
  labelsYaml: unknown,
  aliasesYaml: unknown,
  rolesYaml: unknown,
  files = { labels: "column-labels.yaml", aliases: "reporter-aliases.yaml", roles: "byline-roles.yaml" },
): PageKnowledge {
  const labelData = (labelsYaml ?? {}) as Record<string, unknown>;
  const labels = new Map<string, LabelColumn>();
  for (const column of ["text", "commentary", "photo", "brief", "notice"] as const) {
    for (const name of stringList(labelData[column], files.labels, column)) labels.set(name, column);
  }
  const seriesNames = stringList(labelData.series, files.labels, "series");
  const reporterAliases = new Map<string, string>();
  for (const [name, variants] of Object.entries((aliasesYaml ?? {}) as Record<string, unknown>)) {
    reporterAliases.set(name, name);
    for (const variant of stringList(variants, files.aliases, name)) reporterAliases.set(variant, name);
  }
  const roleData = (rolesYaml ?? {}) as Record<string, unknown>;
  const roles = compileBylineRoles({
    reporter: stringList(roleData.reporter, files.roles, "reporter"),
    correspondent: stringList(roleData.correspondent, files.roles, "correspondent"),
    agency: stringList(roleData.agency, files.roles, "agency"),
    institution: stringList(roleData.institution, files.roles, "institution"),
  });
  if (roles.reporter.length === 0) throw new Error(`${files.roles}: "reporter" must list at least one role word`);
  return { labels, seriesNames, reporterAliases, roles };
}

export function loadPageKnowledge(dataDir: string): PageKnowledge {
  const read = (name: string): unknown => {
    const path = join(dataDir, name);
    try {
      return parseYaml(readFileSync(path, "utf8"));
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`, { cause: err });
    }
  };
  return buildPageKnowledge(read("column-labels.yaml"), read("reporter-aliases.yaml"), read("byline-roles.yaml"));
}

export function canonicalPersonName(knowledge: PageKnowledge, name: string): string {
  return knowledge.reporterAliases.get(name) ?? name;
}
