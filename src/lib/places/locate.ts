/**
 * Finds Inner Mongolian place names in text and decides which league (and county) an article is
 * mainly about, the way an editor filing it would: by where the bulk of its place names point,
 * the title and lead counting more than the rest.
 */
import { OUTSIDE_NAMES, PLACE_NAMES } from "./gazetteer.ts";
import type { County, League, NameGuard } from "./gazetteer.ts";

/** A place name found in text. */
export interface PlaceMention {
  /** UTF-16 offset of the name in the text. */
  offset: number;
  /** The name as written (an official name or an alias). */
  text: string;
  league: League;
  /** The county-level unit named; null when the name is the league's. */
  county: County | null;
}

/** The location value of an article about the whole region rather than one league. */
export const REGION_WIDE = "内蒙古";

export type ArticleZone = "title" | "lead" | "body";

export interface WeighedCue {
  zone: ArticleZone;
  text: string;
  /** What the cue counted for: an official league or county name, 内蒙古, or "outside". */
  counts: string;
  weight: number;
}

export interface LocationEvidence {
  /** Which rule decided the answer. */
  basis: "no-place" | "outside" | "league" | "region-wide";
  /** Weight per league (county mentions included), heaviest first. */
  leagues: { name: string; weight: number }[];
  /** Weight per county-level unit, heaviest first. */
  counties: { name: string; league: string; weight: number }[];
  /** Weight of cues that speak of the region as a whole (自治区, 全区, 内蒙古…). */
  region: number;
  /** Weight of places outside Inner Mongolia. */
  outside: number;
  cues: WeighedCue[];
}

export interface ArticleLocation {
  /** Official league name, REGION_WIDE, or null when the text does not say. */
  location: string | null;
  /** Official county-level name when the article is mainly about one; else null. */
  county: string | null;
  evidence: LocationEvidence;
}

export interface ArticleText {
  title: string;
  /** The first paragraph. */
  lead: string;
  /** The rest; a body that repeats the lead at its start is accepted too. */
  body: string;
}

// A place named in the title or lead is what the article is about far more often than one named
// in passing further down; weights are per mention, so the bulk of the text still decides.
const ZONE_WEIGHT: Readonly<Record<ArticleZone, number>> = { title: 3, lead: 2, body: 1 };

// A county mention whose league the article never names, in an article that does name another
// league, is more often a namesake, a passing reference or OCR damage (丰镇派出所 in a 通辽
// story; 杭锦旗 misread for 杭锦后旗 in a 巴彦淖尔 story) than the subject.
const UNANCHORED_COUNTY_FACTOR = 0.5;

// The top league must carry this share of all league weight to be "the" league; below it the
// article spreads over several leagues and is filed as region-wide.
const LEAGUE_DOMINANCE = 0.6;

// "Clear majority": a county is named only when most of its league's weight is about it, so a
// league-wide story that visits one banner stays filed under the league.
const COUNTY_MAJORITY = 0.6;

// Text that names places outside Inner Mongolia this many times as often as ours is about elsewhere.
const OUTSIDE_DOMINANCE = 3;

interface RegionCue extends NameGuard {
  name: string;
  /**
   * 全区 and 我区 say "the whole region" in most of the paper, but "the whole district" in a
   * story about a 区 (元宝山区, 新城区), so they count only when no district is named.
   */
  districtAmbiguous: boolean;
}

function regionCue(name: string, guard: Partial<NameGuard> = {}, districtAmbiguous = false): RegionCue {
  return {
    name,
    districtAmbiguous,
    notFollowedBy: guard.notFollowedBy ?? [],
    notPrecededBy: guard.notPrecededBy ?? [],
  };
}

const REGION_CUES: readonly RegionCue[] = [
  regionCue("内蒙古自治区"),
  regionCue("内蒙古"),
  regionCue("自治区", { notFollowedBy: ["域"] }),
  regionCue("全区各地"),
  // 各盟市, 12个盟市: the leagues as a set; 联盟市场 is not.
  regionCue("盟市", { notPrecededBy: ["联", "加", "同", "结"] }),
  regionCue("全区", { notPrecededBy: ["安", "完", "健", "齐", "周", "保"], notFollowedBy: ["域", "别", "分", "间"] }, true),
  regionCue("我区", { notPrecededBy: ["自"] }, true),
];

// Names that contain a cue but say nothing about where a story is: the paper's own name, and
// the Badain Jaran desert and town in 阿拉善, which would otherwise read as 吉林 province.
const NEUTRAL_NAMES: readonly string[] = ["内蒙古日报", "巴丹吉林"];

type Denotation =
  | { kind: "place"; league: League; county: County | null }
  | { kind: "region"; districtAmbiguous: boolean }
  | { kind: "outside" }
  | { kind: "neutral" };

interface Entry extends NameGuard {
  name: string;
  denotes: Denotation;
}

interface Cue {
  offset: number;
  text: string;
  denotes: Denotation;
}

const NO_GUARD: NameGuard = { notFollowedBy: [], notPrecededBy: [] };

// Every name has at least two characters, so candidates are keyed by their first two UTF-16
// units; a bitmap of first units lets the scan skip the many characters that start no name.
const prefixKey = (first: number, second: number): number => first * 0x10000 + second;

const { startsName, entriesByPrefix } = (() => {
  const entries = new Map<string, Entry>();
  const add = (entry: Entry): void => {
    if (entry.name.length < 2) throw new Error(`place name ${entry.name} is too short to scan for`);
    // Inner Mongolian meanings win: 新城区 is also in 西安, but this is the Inner Mongolia Daily.
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
  };
  for (const place of PLACE_NAMES) add({ ...place, denotes: { kind: "place", league: place.league, county: place.county } });
  for (const cue of REGION_CUES) add({ ...cue, denotes: { kind: "region", districtAmbiguous: cue.districtAmbiguous } });
  for (const name of NEUTRAL_NAMES) add({ name, ...NO_GUARD, denotes: { kind: "neutral" } });
  for (const outside of OUTSIDE_NAMES) add({ ...outside, denotes: { kind: "outside" } });

  const firstUnits = new Uint8Array(0x10000);
  const byPrefix = new Map<number, Entry[]>();
  for (const entry of entries.values()) {
    firstUnits[entry.name.charCodeAt(0)] = 1;
    const key = prefixKey(entry.name.charCodeAt(0), entry.name.charCodeAt(1));
    const list = byPrefix.get(key) ?? [];
    list.push(entry);
    byPrefix.set(key, list);
  }
  // Longest first, so a scan tries 杭锦后旗 before 杭锦旗.
  for (const list of byPrefix.values()) list.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  return { startsName: firstUnits, entriesByPrefix: byPrefix as ReadonlyMap<number, readonly Entry[]> };
})();

function guardAllows(entry: Entry, text: string, offset: number): boolean {
  const end = offset + entry.name.length;
  return (
    !entry.notFollowedBy.some((word) => text.startsWith(word, end)) &&
    !entry.notPrecededBy.some((word) => text.endsWith(word, offset))
  );
}

function matchAt(text: string, offset: number): Entry | undefined {
  const candidates = entriesByPrefix.get(prefixKey(text.charCodeAt(offset), text.charCodeAt(offset + 1)));
  if (!candidates) return undefined;
  for (const entry of candidates) {
    if (text.startsWith(entry.name, offset) && guardAllows(entry, text, offset)) return entry;
  }
  return undefined;
}

/** Leftmost-longest, non-overlapping scan over every known name. */
function scanCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const lastStart = text.length - 1;
  let offset = 0;
  while (offset < lastStart) {
    const match = startsName[text.charCodeAt(offset)] === 1 ? matchAt(text, offset) : undefined;
    if (match) {
      cues.push({ offset, text: match.name, denotes: match.denotes });
      offset += match.name.length;
    } else {
      offset += 1;
    }
  }
  return cues;
}

/** Inner Mongolian place names in `text`, in text order, longest name first where names overlap. */
export function findPlaceMentions(text: string): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const cue of scanCues(text)) {
    if (cue.denotes.kind === "place") {
      mentions.push({ offset: cue.offset, text: cue.text, league: cue.denotes.league, county: cue.denotes.county });
    }
  }
  return mentions;
}

/** A cue after merging qualifiers (呼和浩特市 in 呼和浩特市新城区, 内蒙古 in 内蒙古赤峰市) into what they qualify. */
interface Reading {
  zone: ArticleZone;
  text: string;
  denotes: Denotation;
  /** How many names the reading spans: 2 for 兴安盟扎赉特旗, which says its place twice over. */
  names: number;
}

function readZone(zone: ArticleZone, text: string): Reading[] {
  const readings: Reading[] = [];
  const cues = scanCues(text);
  for (let index = 0; index < cues.length; index += 1) {
    const cue = cues[index];
    if (!cue) continue;
    const next = cues[index + 1];
    const adjacent = next !== undefined && next.offset === cue.offset + cue.text.length;
    if (adjacent && next.denotes.kind === "place") {
      const qualifiesCounty =
        cue.denotes.kind === "place" &&
        cue.denotes.county === null &&
        next.denotes.county !== null &&
        next.denotes.county.leagueCode === cue.denotes.league.code;
      if (qualifiesCounty) {
        readings.push({ zone, text: cue.text + next.text, denotes: next.denotes, names: 2 });
        index += 1;
        continue;
      }
      // 内蒙古赤峰市: an address, not a statement about the whole region.
      if (cue.denotes.kind === "region") continue;
    }
    readings.push({ zone, text: cue.text, denotes: cue.denotes, names: 1 });
  }
  return readings;
}

function byWeightThenName<T extends { weight: number; name: string }>(a: T, b: T): number {
  return b.weight - a.weight || a.name.localeCompare(b.name, "zh");
}

/**
 * Decides the league-level division an article is mainly about (official name; 内蒙古 when it
 * is about the region as a whole or spread over several leagues; null when it names no place in
 * Inner Mongolia or is about elsewhere) and the county-level unit when it is mainly about one.
 */
export function locateArticle(input: ArticleText): ArticleLocation {
  const body = input.lead.length > 0 && input.body.startsWith(input.lead) ? input.body.slice(input.lead.length) : input.body;
  const readings = [...readZone("title", input.title), ...readZone("lead", input.lead), ...readZone("body", body)];

  const namedLeagues = new Set<string>();
  let namesDistrict = false;
  for (const reading of readings) {
    if (reading.denotes.kind !== "place") continue;
    const { league, county } = reading.denotes;
    if (county === null || reading.names === 2) namedLeagues.add(league.code);
    if (county?.name.endsWith("区")) namesDistrict = true;
  }

  const leagueWeights = new Map<string, number>();
  const countyWeights = new Map<string, { county: County; weight: number }>();
  const cues: WeighedCue[] = [];
  let region = 0;
  let outside = 0;
  for (const reading of readings) {
    const base = ZONE_WEIGHT[reading.zone] * reading.names;
    const { denotes } = reading;
    if (denotes.kind === "place") {
      const unanchored = denotes.county !== null && !namedLeagues.has(denotes.league.code) && namedLeagues.size > 0;
      const weight = unanchored ? base * UNANCHORED_COUNTY_FACTOR : base;
      leagueWeights.set(denotes.league.name, (leagueWeights.get(denotes.league.name) ?? 0) + weight);
      if (denotes.county) {
        const entry = countyWeights.get(denotes.county.name) ?? { county: denotes.county, weight: 0 };
        entry.weight += weight;
        countyWeights.set(denotes.county.name, entry);
      }
      cues.push({ zone: reading.zone, text: reading.text, counts: denotes.county?.name ?? denotes.league.name, weight });
    } else if (denotes.kind === "region") {
      if (denotes.districtAmbiguous && namesDistrict) continue;
      region += base;
      cues.push({ zone: reading.zone, text: reading.text, counts: REGION_WIDE, weight: base });
    } else if (denotes.kind === "outside") {
      outside += base;
      cues.push({ zone: reading.zone, text: reading.text, counts: "outside", weight: base });
    }
  }

  const leagues = [...leagueWeights].map(([name, weight]) => ({ name, weight })).sort(byWeightThenName);
  const counties = [...countyWeights.values()]
    .map(({ county, weight }) => ({ name: county.name, league: county.league, weight }))
    .sort(byWeightThenName);
  const evidence = (basis: LocationEvidence["basis"]): LocationEvidence => ({ basis, leagues, counties, region, outside, cues });

  const leagueTotal = leagues.reduce((sum, league) => sum + league.weight, 0);
  const ours = leagueTotal + region;
  if (ours === 0) return { location: null, county: null, evidence: evidence(outside > 0 ? "outside" : "no-place") };
  if (outside >= OUTSIDE_DOMINANCE * ours) return { location: null, county: null, evidence: evidence("outside") };

  const top = leagues[0];
  if (!top || top.weight < LEAGUE_DOMINANCE * leagueTotal || top.weight < region) {
    return { location: REGION_WIDE, county: null, evidence: evidence("region-wide") };
  }
  const topCounty = counties.find((county) => county.league === top.name);
  const county = topCounty && topCounty.weight >= COUNTY_MAJORITY * top.weight ? topCounty.name : null;
  return { location: top.name, county, evidence: evidence("league") };
}
