/**
 * Joins the outputs of a site built in parts (site-parts.ts) into one output folder: every file
 * from the one part that owns it, the shared bundles once (identical in every part, or the join
 * fails), and the files made from every part's files and pages (the whole metadata files, the
 * sitemap) written last. Files are hard-linked where the folders share a file system, so a join
 * of 100,000 articles' pages copies no bytes. Nothing here knows Astro: the parts' builds leave a manifest (PART_MANIFEST) beside
 * their output, and the caller says what to write from the pages.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isSharedOutput, parseSitePart, sitePartHasYear, sitePartName, sitePartOwns, sitePartsProblem, type SitePart } from "./site-parts.ts";
import { writeWholeExports } from "./whole-exports.ts";

/** Written by a part's build into its output folder; read and left out by the join. */
export const PART_MANIFEST = ".site-part.json";

export interface PartManifest {
  /** The part's name ("2005-2016", "spanning"). */
  part: string;
  /** The paths of the part's pages that a whole build's sitemap lists ("/articles/2024-10-15/slug/"). */
  pages: string[];
  /** The years with dated pages (outputYears) when the part was built: every part must have seen the same. */
  years: number[];
  /** A digest of the article ids the part was built from: every part must have read the same articles. */
  articles: string;
  /** Where the site is published, as the part was built for it; the join writes the sitemap for it. */
  site: { origin: string; base: string; traditional: boolean };
}

/** A part's output that cannot be joined; the message names the folder and the file. */
export class SiteJoinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SiteJoinError";
  }
}

export function serializePartManifest(manifest: PartManifest): string {
  const { part, years, articles, site, pages } = manifest;
  return `${JSON.stringify({ part, years: [...years].sort((a, b) => a - b), articles, site, pages: [...pages].sort() })}\n`;
}

/** A digest of the article ids a part was built from. */
export function articlesDigest(ids: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const id of [...ids].sort()) hash.update(`${id}\n`);
  return hash.digest("base64url");
}

/** A part's manifest from its output folder; throws SiteJoinError naming the folder. */
export function readPartManifest(dir: string): { manifest: PartManifest; part: SitePart } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SiteJoinError(`${dir}: no such folder`);
  const file = path.join(dir, PART_MANIFEST);
  if (!existsSync(file)) throw new SiteJoinError(`${dir}: no ${PART_MANIFEST}: not the output of one part's build (ARCHIVE_SITE_PART)`);
  let manifest: PartManifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as PartManifest;
  } catch (error) {
    throw new SiteJoinError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof manifest.part !== "string" || !Array.isArray(manifest.pages) || !Array.isArray(manifest.years) || typeof manifest.articles !== "string" || typeof manifest.site !== "object") {
    throw new SiteJoinError(`${file}: expected { "part", "years", "articles", "site", "pages" }: written by another version of the build? Build the part again`);
  }
  let part: SitePart;
  try {
    part = parseSitePart(manifest.part);
  } catch (error) {
    throw new SiteJoinError(`${file}: ${(error as Error).message}`);
  }
  if (part.kind === "whole") throw new SiteJoinError(`${file}: names no part`);
  return { manifest, part };
}

/** Files under `dir`, relative and "/"-separated, the manifest left out, in name order. */
function outputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((relative) => relative !== PART_MANIFEST)
    .sort();
}

/** Removes the files of `dir` that `part` does not own (a part's build renders a few pages of others); returns how many. */
export function removeUnownedOutput(dir: string, part: SitePart): number {
  let removed = 0;
  for (const relative of outputFiles(dir)) {
    if (sitePartOwns(part, relative)) continue;
    rmSync(path.join(dir, relative));
    removed++;
  }
  removeEmptyFolders(dir);
  return removed;
}

/** Removes the empty folders under `dir` (not `dir` itself), deepest first. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}

/** Hard-links `from` as `to` (copies where the two cannot share a file), or copies it. */
function place(from: string, to: string, link: boolean): void {
  if (link) {
    try {
      linkSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK") throw error;
    }
  }
  copyFileSync(from, to);
}

export interface JoinSummary {
  parts: string[];
  files: number;
  pages: number;
}

/**
 * Joins the part folders `partDirs` into `outDir`, which must be missing or empty. `fromPages`
 * gives the files made from all parts' pages for the site they were built for (file name →
 * text), written last. With `link`, files are hard-linked rather than copied: much faster, but
 * the joined site then shares its files with the parts' folders, so a part built again in its
 * folder would change the joined site too (for a CI job, whose folders are thrown away).
 */
export function joinSiteParts(
  partDirs: readonly string[],
  outDir: string,
  fromPages: (pages: string[], site: PartManifest["site"]) => Map<string, string>,
  options: { link?: boolean } = {},
): JoinSummary {
  const parts = partDirs.map((dir) => ({ dir, ...readPartManifest(dir) }));
  const problem = sitePartsProblem(parts.map(({ part }) => part));
  if (problem) throw new SiteJoinError(`cannot join ${partDirs.join(", ")}: ${problem}`);
  const first = parts[0]!;
  const other = parts.find(({ manifest }) => manifest.years.join(",") !== first.manifest.years.join(",") || manifest.articles !== first.manifest.articles);
  if (other) throw new SiteJoinError(`${other.dir} was built from other articles than ${first.dir}; build every part from the same articles`);
  const elsewhere = parts.find(({ manifest }) => JSON.stringify(manifest.site) !== JSON.stringify(first.manifest.site));
  if (elsewhere) throw new SiteJoinError(`${elsewhere.dir} was built for another address than ${first.dir} (${JSON.stringify(elsewhere.manifest.site)} against ${JSON.stringify(first.manifest.site)}); build every part with the same ARCHIVE_SITE_URL and config`);
  const missing = first.manifest.years.filter((year) => !parts.some(({ part }) => part.kind === "years" && sitePartHasYear(part, year)));
  if (missing.length > 0) throw new SiteJoinError(`no part makes the pages of ${missing.join(", ")}; build ${missing.join(", ")} too (npm run site-parts -- plan)`);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new SiteJoinError(`${outDir}: the join writes into an empty folder, and this one is not`);
  mkdirSync(outDir, { recursive: true });
  const from = new Map<string, string>();
  for (const { dir, part } of parts) {
    for (const relative of outputFiles(dir)) {
      const source = path.join(dir, relative);
      if (!sitePartOwns(part, relative)) throw new SiteJoinError(`${source}: part ${sitePartName(part)} holds a file of another part`);
      const earlier = from.get(relative);
      if (earlier !== undefined) {
        if (isSharedOutput(relative) && readFileSync(earlier).equals(readFileSync(source))) continue;
        throw new SiteJoinError(`${relative}: ${earlier} and ${source} differ; the parts were built from different code or articles`);
      }
      from.set(relative, source);
      const target = path.join(outDir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      place(source, target, options.link ?? false);
    }
  }
  // The whole metadata files, which no part holds: every year's file is in place now.
  writeWholeExports(outDir);
  const pages = parts.flatMap(({ manifest }) => manifest.pages);
  const written = fromPages(pages, first.manifest.site);
  for (const [name, text] of written) {
    if (from.has(name)) throw new SiteJoinError(`${name}: written by the join and also by ${from.get(name)}`);
    writeFileSync(path.join(outDir, name), text);
  }
  return { parts: parts.map(({ part }) => sitePartName(part)), files: from.size + written.size + 2, pages: pages.length };
}
