/**
 * Finds the configured province's place names in text (Inner Mongolia's by default, whose seed
 * pages the comments cite) and decides which league (prefecture) and county an article is mainly
 * about, the way an editor filing it would: by where the bulk of its place names point, the
 * dateline, title and lead counting more than the rest; words such as 我市 and 全旗 count for the
 * place the dateline, title or lead names; and an article is filed province-wide only when it is
 * really about the province as a whole, and nowhere in it when it is about elsewhere.
 */
import { ARCHIVE } from "../config/archive-config.ts";
import { OUTSIDE_NAMES, PLACE_NAMES, datelinePlace } from "./gazetteer.ts";
import { PROVINCE } from "./province.ts";
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

/** The location value of an article about the whole province rather than one league: its short name (内蒙古, 宁夏, 浙江). */
export const REGION_WIDE = PROVINCE.short;

export type ArticleZone = "dateline" | "title" | "lead" | "body";

export interface WeighedCue {
  zone: ArticleZone;
  text: string;
  /**
   * What the cue counted for: an official league or county name, 内蒙古, or "outside". A word such
   * as 我市 counts for the place it refers to; a dateline counts for its league only.
   */
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
  /** Weight of places outside Inner Mongolia and of cues that speak of the whole country. */
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
  /** The place a dateline prints (本报呼和浩特3月5日讯 → 呼和浩特, 新华社北京3月5日电 → 北京); null or absent when none. */
  dateline?: string | null;
}

// A place named in the title or lead is what the article is about far more often than one named
// in passing further down; weights are per mention, so the bulk of the text still decides.
// A dateline says where the reporter filed from, which is where the story happened more surely
// than a place the title names (a title may name a partner, a rival or a visitor).
const ZONE_WEIGHT: Readonly<Record<ArticleZone, number>> = { dateline: 4, title: 3, lead: 2, body: 1 };

// The paper and the regional government sit in 呼和浩特, so its dateline heads the region's own
// news (自治区 meetings, 全区 figures) as often as the city's: it weighs like one body mention.
const REGION_SEAT = PROVINCE.seat ?? "";
const REGION_SEAT_DATELINE_WEIGHT = 1;

// 全国, 我国 and 国务院 speak of the whole country, which is outside the region's filing; but the
// region's own stories cite national policy and rankings often, so they weigh half a name.
const NATIONAL_FACTOR = 0.5;

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

// Text whose cues for elsewhere (other provinces, the whole country, a dateline outside) outweigh
// all of its Inner Mongolian cues by this much is about elsewhere; below it, a story of ours that
// visits 北京 or sells to 辽宁 stays ours, and a story about 宁夏 that lists 内蒙古 does not.
const OUTSIDE_DOMINANCE = 1.5;

// Region-wide needs the bulk of the text to be about the region: the top league is the answer
// unless it holds less than this share of all Inner Mongolian weight (the region's cues and the
// other leagues' names together), so a story about one league that cites a region-wide policy or
// ranking once or twice stays that league's, while a region-wide story that opens on a scene in one
// place does not. (A story over several leagues with none dominant is region-wide too.)
const LEAGUE_SHARE_OF_REGION = 0.4;

interface RegionCue extends NameGuard {
  name: string;
  /**
   * 全区 and 我区 say "the whole region" in most of the paper, but "the whole district" in a
   * story about a 区 (元宝山区, 新城区): there they count for the district, like 该区, unless the
   * story also speaks of the region by a name no district has (自治区, 内蒙古, 盟市), as a region-wide
   * story that opens on a scene in one district does.
   */
  districtAmbiguous: boolean;
  /**
   * 自治区, 全区 and 我区 name no region: they are the autonomous region the story is about, which
   * in a story about 宁夏, 新疆 or 广西 is that region. Such a story's generic cues count for
   * elsewhere (see locateArticle); 内蒙古 and 盟市 are always ours.
   */
  generic: boolean;
}

function regionCue(name: string, guard: Partial<NameGuard> = {}, kind: Partial<Pick<RegionCue, "districtAmbiguous" | "generic">> = {}): RegionCue {
  return {
    name,
    districtAmbiguous: kind.districtAmbiguous ?? false,
    generic: kind.generic ?? false,
    notFollowedBy: guard.notFollowedBy ?? [],
    notPrecededBy: guard.notPrecededBy ?? [],
  };
}

/**
 * The words for the configured province as a whole: its names, and the level words of an
 * autonomous region (自治区, 全区, 我区) or of a province (全省, 我省, 省委). Inner Mongolia's
 * leagues as a set (盟市) are region-wide there only.
 */
function regionCues(): RegionCue[] {
  const cues = [regionCue(PROVINCE.name), regionCue(PROVINCE.short)];
  if (PROVINCE.level === "自治区") {
    cues.push(
      regionCue("自治区", { notFollowedBy: ["域"] }, { generic: true }),
      regionCue("全区各地", {}, { generic: true }),
      regionCue(
        "全区",
        { notPrecededBy: ["安", "完", "健", "齐", "周", "保"], notFollowedBy: ["域", "别", "分", "间"] },
        { districtAmbiguous: true, generic: true },
      ),
      regionCue("我区", { notPrecededBy: ["自"] }, { districtAmbiguous: true, generic: true }),
    );
  } else if (PROVINCE.level === "省") {
    // 节省, 反省, 省钱: 省 alone is a word; these are not.
    cues.push(
      regionCue("全省各地", {}, { generic: true }),
      regionCue("全省", { notFollowedBy: ["份"] }, { generic: true }),
      regionCue("我省", {}, { generic: true }),
      regionCue("省委", { notPrecededBy: ["反"] }),
      regionCue("省政府"),
    );
  }
  if (PROVINCE.code === "15") {
    cues.push(
      // 各盟市, 12个盟市, 全盟市: the leagues as a set; 联盟市场 and 兴安盟市场监管局 are not.
      regionCue("盟市", { notPrecededBy: ["联", "加", "同", "结"], notFollowedBy: ["场"] }),
      regionCue("全盟市", { notFollowedBy: ["场"] }),
    );
  }
  return cues;
}

const REGION_CUES: readonly RegionCue[] = regionCues();

/** The province's "whole" word in rankings: 全区 in an autonomous region, 全省 in a province. */
const WHOLE_PROVINCE = PROVINCE.level === "自治区" ? "全区" : PROVINCE.level === "省" ? "全省" : "全市";

/** The kind of place a word such as 我市 or 全旗 refers to: the last character of its official name. */
type LocalKind = "市" | "盟" | "旗" | "县" | "区";

interface LocalWord extends NameGuard {
  name: string;
  kind: LocalKind;
}

// 我市, 全旗, 该县: the city, banner or county the story is about, never the region. They count for
// the place of that kind the dateline, title or lead names (see anchorFor); with none, for nothing.
// 全区 and 我区 join them in a story that names a district (see RegionCue.districtAmbiguous).
const LOCAL_WORDS: readonly LocalWord[] = [
  // 全市场, 该市场, 本市场: "the whole market", not the city.
  ...["我市", "全市", "本市", "该市"].map((name) => ({ name, kind: "市" as const, notFollowedBy: ["场"], notPrecededBy: [] })),
  // 全盟员: all members of a party such as 民盟, not the league.
  ...["我盟", "全盟", "本盟", "该盟"].map((name) => ({ name, kind: "盟" as const, notFollowedBy: ["员"], notPrecededBy: [] })),
  // 全旗县: all of a league's banners and counties, not one banner; 旗帜 is a banner.
  ...["我旗", "全旗", "本旗", "该旗"].map((name) => ({ name, kind: "旗" as const, notFollowedBy: ["县", "帜"], notPrecededBy: [] })),
  ...["我县", "全县", "本县", "该县"].map((name) => ({ name, kind: "县" as const, notFollowedBy: ["区", "域"], notPrecededBy: [] })),
  // 该区域, 本区域: "the area".
  ...["本区", "该区"].map((name) => ({ name, kind: "区" as const, notFollowedBy: ["域", "别", "间", "分"], notPrecededBy: [] })),
];

// Names that contain a cue but say nothing about where a story is: the paper's own name (内蒙古日报),
// and the Badain Jaran desert and town in 阿拉善, which would otherwise read as 吉林 province.
const NEUTRAL_NAMES: readonly string[] = [...new Set([ARCHIVE.newspaper, "内蒙古日报", "巴丹吉林"])];

// A ranking or a title against the region or the country (位居全区前列, 高于全国平均, 自治区级示范,
// 全国文明城市) says how a place compares or what it was named, not that the story is about the
// region or the country: such phrases count for nothing. Matching is longest first, so each one
// wins over the 全区, 自治区 or 全国 inside it.
const COMPARISON_PHRASES: readonly string[] = [
  ...[WHOLE_PROVINCE, "全国"].flatMap((whole) => [
    `居${whole}`,
    `占${whole}`,
    `高于${whole}`,
    `低于${whole}`,
    `超过${whole}`,
    `${whole}前列`,
    `${whole}第`,
    `${whole}首`,
    `${whole}领先`,
    `${whole}率先`,
    `${whole}平均`,
    `${whole}先进`,
    `${whole}优秀`,
    `${whole}示范`,
    `${whole}文明`,
    `${whole}劳动模范`,
    `${whole}劳模`,
  ]),
  `${PROVINCE.level}级`,
  "国家级",
];

// Cues that speak of the country as a whole; they count for elsewhere, at NATIONAL_FACTOR.
const NATIONAL_CUES: readonly RegionCue[] = [
  regionCue("全国", { notFollowedBy: ["人大", "政协"] }),
  regionCue("我国"),
  regionCue("国务院"),
];

type Denotation =
  | { kind: "place"; league: League; county: County | null }
  | { kind: "region"; districtAmbiguous: boolean; generic: boolean }
  | { kind: "local"; localKind: LocalKind }
  | { kind: "outside"; factor: number }
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
  for (const cue of REGION_CUES) add({ ...cue, denotes: { kind: "region", districtAmbiguous: cue.districtAmbiguous, generic: cue.generic } });
  for (const word of LOCAL_WORDS) add({ ...word, denotes: { kind: "local", localKind: word.kind } });
  for (const name of [...NEUTRAL_NAMES, ...COMPARISON_PHRASES]) add({ name, ...NO_GUARD, denotes: { kind: "neutral" } });
  for (const outside of OUTSIDE_NAMES) add({ ...outside, denotes: { kind: "outside", factor: 1 } });
  for (const cue of NATIONAL_CUES) add({ ...cue, denotes: { kind: "outside", factor: NATIONAL_FACTOR } });

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

/** The dateline as a reading: an Inner Mongolian place, a place elsewhere, or nothing the gazetteer knows. */
function readDateline(dateline: string | null | undefined): Reading[] {
  const text = dateline?.trim() ?? "";
  if (text.length === 0) return [];
  const place = datelinePlace(text);
  if (place === "outside") return [{ zone: "dateline", text, denotes: { kind: "outside", factor: 1 }, names: 1 }];
  if (place) return [{ zone: "dateline", text, denotes: { kind: "place", league: place.league, county: place.county }, names: 1 }];
  // A dateline handed over with more around it (新华社北京): the first place it names.
  const named = scanCues(text).find((cue) => cue.denotes.kind === "place" || (cue.denotes.kind === "outside" && cue.denotes.factor === 1));
  return named ? [{ zone: "dateline", text: named.text, denotes: named.denotes, names: 1 }] : [];
}

function baseWeight(reading: Reading): number {
  const { denotes } = reading;
  if (reading.zone === "dateline" && denotes.kind === "place" && denotes.league.name === REGION_SEAT) return REGION_SEAT_DATELINE_WEIGHT;
  return ZONE_WEIGHT[reading.zone] * reading.names;
}

/** The place a word such as 我市 or 全旗 refers to. */
interface Anchor {
  league: League;
  county: County | null;
  name: string;
  weight: number;
}

/**
 * For each kind of local word, the place it refers to: of the places the dateline, title and lead
 * name, the heaviest whose official name ends in that kind (a county weighs its own mentions, a
 * league all mentions within it, so 全市 in a story titled 土左旗 is 呼和浩特市); on a tie the
 * county, the narrower place, then the first named.
 */
function localAnchors(readings: readonly Reading[]): Map<LocalKind, Anchor> {
  const candidates = new Map<string, Anchor>();
  const credit = (name: string, league: League, county: County | null, weight: number): void => {
    const anchor = candidates.get(name) ?? { league, county, name, weight: 0 };
    anchor.weight += weight;
    candidates.set(name, anchor);
  };
  for (const reading of readings) {
    if (reading.zone === "body" || reading.denotes.kind !== "place") continue;
    const { league, county } = reading.denotes;
    const weight = baseWeight(reading);
    credit(league.name, league, null, weight);
    if (county) credit(county.name, league, county, weight);
  }
  const anchors = new Map<LocalKind, Anchor>();
  for (const anchor of candidates.values()) {
    const kind = anchor.name.at(-1) as LocalKind;
    const held = anchors.get(kind);
    const heavier = !held || anchor.weight > held.weight || (anchor.weight === held.weight && anchor.county !== null && held.county === null);
    if (heavier) anchors.set(kind, anchor);
  }
  return anchors;
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
  const readings = [
    ...readDateline(input.dateline),
    ...readZone("title", input.title),
    ...readZone("lead", input.lead),
    ...readZone("body", body),
  ];

  const namedLeagues = new Set<string>();
  let namesDistrict = false;
  let namesRegion = false;
  for (const reading of readings) {
    if (reading.denotes.kind === "region" && !reading.denotes.districtAmbiguous) namesRegion = true;
    if (reading.denotes.kind !== "place") continue;
    const { league, county } = reading.denotes;
    if (reading.zone === "dateline") {
      // The seat's dateline heads any story, so it does not vouch for the league's counties.
      if (league.name !== REGION_SEAT) namedLeagues.add(league.code);
      continue;
    }
    if (county === null || reading.names === 2) namedLeagues.add(league.code);
    if (county?.name.endsWith("区")) namesDistrict = true;
  }
  const anchors = localAnchors(readings);
  const districtWhole = namesDistrict && !namesRegion;

  const leagueWeights = new Map<string, number>();
  // A dateline names the league's seat (锡林浩特 for 锡林郭勒盟) as often as the county itself, so
  // it counts for the league alone, and a county's majority is weighed against the text's own.
  const datelineWeights = new Map<string, number>();
  const countyWeights = new Map<string, { county: County; weight: number }>();
  const cues: WeighedCue[] = [];
  let region = 0;
  let outside = 0;
  // Names of elsewhere (provinces, prefectures, a dateline outside), apart from 全国 and the like.
  let outsideNames = 0;
  const generic: WeighedCue[] = [];
  const creditPlace = (reading: Reading, league: League, county: County | null, weight: number): void => {
    leagueWeights.set(league.name, (leagueWeights.get(league.name) ?? 0) + weight);
    if (reading.zone === "dateline") {
      datelineWeights.set(league.name, (datelineWeights.get(league.name) ?? 0) + weight);
    } else if (county) {
      const entry = countyWeights.get(county.name) ?? { county, weight: 0 };
      entry.weight += weight;
      countyWeights.set(county.name, entry);
    }
    const counts = reading.zone === "dateline" ? league.name : (county?.name ?? league.name);
    cues.push({ zone: reading.zone, text: reading.text, counts, weight });
  };
  for (const reading of readings) {
    const base = baseWeight(reading);
    const { denotes } = reading;
    if (denotes.kind === "place") {
      const unanchored =
        reading.zone !== "dateline" && denotes.county !== null && !namedLeagues.has(denotes.league.code) && namedLeagues.size > 0;
      creditPlace(reading, denotes.league, denotes.county, unanchored ? base * UNANCHORED_COUNTY_FACTOR : base);
    } else if (denotes.kind === "local" || (denotes.kind === "region" && denotes.districtAmbiguous && districtWhole)) {
      // In a story that names a district, 全区 and 我区 are that district, like 该区.
      const anchor = anchors.get(denotes.kind === "local" ? denotes.localKind : "区");
      if (anchor) creditPlace(reading, anchor.league, anchor.county, base);
    } else if (denotes.kind === "region" && denotes.generic) {
      const cue = { zone: reading.zone, text: reading.text, counts: REGION_WIDE, weight: base };
      generic.push(cue);
      cues.push(cue);
    } else if (denotes.kind === "region") {
      region += base;
      cues.push({ zone: reading.zone, text: reading.text, counts: REGION_WIDE, weight: base });
    } else if (denotes.kind === "outside") {
      const weight = base * denotes.factor;
      outside += weight;
      if (denotes.factor === 1) outsideNames += weight;
      cues.push({ zone: reading.zone, text: reading.text, counts: "outside", weight });
    }
  }
  // 自治区 and 全区 are the region the story names most: elsewhere when it names places outside
  // more than it names Inner Mongolia (its leagues, counties, 内蒙古 and 盟市) and our own otherwise.
  const ourNames = region + [...leagueWeights.values()].reduce((sum, weight) => sum + weight, 0);
  const genericElsewhere = outsideNames > ourNames;
  for (const cue of generic) {
    if (genericElsewhere) {
      outside += cue.weight;
      cue.counts = "outside";
    } else {
      region += cue.weight;
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
  if (!top || top.weight < LEAGUE_DOMINANCE * leagueTotal || top.weight < LEAGUE_SHARE_OF_REGION * ours) {
    return { location: REGION_WIDE, county: null, evidence: evidence("region-wide") };
  }
  const textWeight = top.weight - (datelineWeights.get(top.name) ?? 0);
  const topCounty = counties.find((county) => county.league === top.name);
  const county = topCounty && topCounty.weight >= COUNTY_MAJORITY * textWeight ? topCounty.name : null;
  return { location: top.name, county, evidence: evidence("league") };
}
