/**
 * "Related articles" on an article page: up to five items from other issues that share its
 * people, place or column, the closer in time the better.
 *
 * The score of a candidate B for an article A (relatedScore), from what they share:
 *
 *   each person both credit (reporter, correspondent, photographer or author;  +3, at most two
 *     institutional bylines such as 本报评论员 name nobody and do not count)    counted (+6)
 *   the same county (旗县区)                                                    +3
 *   the same league (盟市); not 内蒙古, which only says "the whole province"     +1
 *   the same column (栏目)                                                      +2
 *   the same series (系列), e.g. 五化协同 大抓基层                                +2
 *
 * A candidate must share a person, a county, a column or a series (a league alone, one of twelve,
 * says too little): that shared part is at least 2. Time then adds up to 2 points, halving with
 * every year between the two dates (2 × 0.5^(days / 365)), so that of two equally related items
 * the nearer in time comes first, and a strong tie (a shared reporter) still beats a weak one
 * (the same column) from the next week. Ties go to the nearer date, then the newer, then the id.
 * Notices (公告) are never related, nor get a list; items of the same issue are the page's
 * neighbours already and are left out.
 *
 * No pairs are compared wholesale: every article is filed under each person, county, league,
 * column and series it has, each file sorted by date, and only the WINDOW nearest in time on
 * either side in each of its files are scored. A file as large as a whole league's articles thus
 * costs at most 2 × WINDOW comparisons, whatever the archive's size (docs/scale.md has the time).
 */
import type { ArticleFrontmatter } from "../article.ts";
import { REGION_WIDE } from "../places/locate.ts";
import { ROLES, ROLE_FIELD, isNotice, type ArchiveEntry } from "./archive.ts";
import { isInstitutionalByline } from "./institutional-byline.ts";

/** How many related articles a page lists. */
export const RELATED_LIMIT = 5;

/** How many articles on either side, by date, are scored in each file an article is filed under. */
export const WINDOW = 40;

export const WEIGHTS = {
  person: 3,
  maxPeople: 2,
  county: 3,
  league: 1,
  section: 2,
  series: 2,
  time: 2,
  /** Days over which the time bonus halves. */
  halfLifeDays: 365,
  /** What a candidate must share, apart from time and league. */
  minimumShared: 2,
} as const;

/**
 * What the score compares of an article, worked out once per article. Names are strings, or (in
 * relatedArticles, where an archive's articles are scored millions of times) numbers standing for
 * them, which compare faster.
 */
export interface RelatedFeatures<Name extends string | number = string> {
  people: readonly Name[];
  /** The league (frontmatter `location`); null when none or province-wide. */
  league: Name | null;
  county: Name | null;
  section: Name | null;
  series: Name | null;
  /** Days since 1970-01-01 of its date. */
  day: number;
}

export function relatedFeatures(data: ArticleFrontmatter): RelatedFeatures {
  const people = new Set<string>();
  for (const role of ROLES) for (const name of data[ROLE_FIELD[role]]) if (!isInstitutionalByline(name)) people.add(name);
  return {
    people: [...people],
    league: data.location === REGION_WIDE ? null : data.location,
    county: data.location && data.county ? data.county : null,
    section: data.section,
    series: data.series?.name ?? null,
    day: Math.round(Date.parse(`${data.date}T00:00:00Z`) / 86_400_000),
  };
}

/** The score of `b` as related to `a` (see the module comment); 0 when it does not qualify. Symmetric. */
export function relatedScore<Name extends string | number>(a: RelatedFeatures<Name>, b: RelatedFeatures<Name>): number {
  let sharedPeople = 0;
  for (const name of a.people) if (b.people.includes(name)) sharedPeople++;
  const sameLeague = a.league !== null && a.league === b.league;
  let shared = Math.min(sharedPeople, WEIGHTS.maxPeople) * WEIGHTS.person;
  if (sameLeague && a.county !== null && a.county === b.county) shared += WEIGHTS.county;
  if (a.section !== null && a.section === b.section) shared += WEIGHTS.section;
  if (a.series !== null && a.series === b.series) shared += WEIGHTS.series;
  if (shared < WEIGHTS.minimumShared) return 0;
  const days = Math.abs(a.day - b.day);
  return shared + (sameLeague ? WEIGHTS.league : 0) + WEIGHTS.time * 0.5 ** (days / WEIGHTS.halfLifeDays);
}

/** The files an article is filed under: one per person, county, league, column and series. */
function fileKeys(f: RelatedFeatures<string>): string[] {
  return [
    ...f.people.map((name) => `p:${name}`),
    ...(f.league && f.county ? [`c:${f.league}/${f.county}`] : []),
    ...(f.league ? [`l:${f.league}`] : []),
    ...(f.section ? [`s:${f.section}`] : []),
    ...(f.series ? [`r:${f.series}`] : []),
  ];
}

/** Index of the first item of `sorted` (by day) on or after `day`. */
function lowerBound(sorted: readonly { day: number }[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Filed<E> {
  entry: E;
  features: RelatedFeatures<number>;
  day: number;
  issue: string;
  /** The last article whose candidates included this one: each candidate is scored once per article. */
  seenBy: number;
}

interface Scored<E> {
  candidate: Filed<E>;
  score: number;
  distance: number;
}

/** Better first: higher score, then nearer in time, then newer, then by id. A total order. */
function compareScored<E extends ArchiveEntry>(a: Scored<E>, b: Scored<E>): number {
  return b.score - a.score || a.distance - b.distance || b.candidate.day - a.candidate.day || compareText(a.candidate.entry.id, b.candidate.entry.id);
}

/** Puts `item` into `best` (sorted, better first) when it is among the `limit` best so far. */
function keepBest<E extends ArchiveEntry>(best: Scored<E>[], item: Scored<E>, limit: number): void {
  if (best.length === limit && compareScored(item, best[limit - 1]!) >= 0) return;
  let at = best.length;
  while (at > 0 && compareScored(item, best[at - 1]!) < 0) at--;
  best.splice(at, 0, item);
  if (best.length > limit) best.pop();
}

/**
 * The related articles of every article, worked out once: call the result with an article id.
 * Articles without any qualifying candidate, and notices, get an empty list.
 */
export function relatedArticles<E extends ArchiveEntry>(entries: readonly E[], limit: number = RELATED_LIMIT): (id: string) => E[] {
  const filed = new Map<string, Filed<E>>();
  const files = new Map<string, Filed<E>[]>();
  /** Keys of the files (a person, a county, …) as numbers: one string per name for the archive. */
  const numbers = new Map<string, number>();
  const numberOf = (kind: string, name: string | null) => {
    if (name === null) return null;
    const key = `${kind}:${name}`;
    let number = numbers.get(key);
    if (number === undefined) numbers.set(key, (number = numbers.size));
    return number;
  };
  const fileKeysOf = new Map<Filed<E>, string[]>();
  for (const entry of entries) {
    if (isNotice(entry)) continue;
    const named = relatedFeatures(entry.data);
    const features: RelatedFeatures<number> = {
      people: named.people.map((name) => numberOf("p", name)!),
      league: numberOf("l", named.league),
      // Counties are compared within one league (relatedScore), so a county's name is enough.
      county: numberOf("c", named.county),
      section: numberOf("s", named.section),
      series: numberOf("r", named.series),
      day: named.day,
    };
    const item = { entry, features, day: features.day, issue: entry.data.issue, seenBy: 0 };
    filed.set(entry.id, item);
    const keys = fileKeys(named);
    fileKeysOf.set(item, keys);
    for (const key of keys) {
      let file = files.get(key);
      if (!file) files.set(key, (file = []));
      file.push(item);
    }
  }
  for (const file of files.values()) file.sort((a, b) => a.day - b.day || compareText(a.entry.id, b.entry.id));
  const cache = new Map<string, E[]>();
  let articlesSeen = 0;
  return (id) => {
    const cached = cache.get(id);
    if (cached) return cached;
    const self = filed.get(id);
    let result: E[] = [];
    if (self && limit > 0) {
      // A candidate found in several files is scored once; only the best `limit` are kept, in
      // order, as sorting every candidate would keep them (compareScored is a total order).
      const visit = ++articlesSeen;
      const best: Scored<E>[] = [];
      for (const key of fileKeysOf.get(self)!) {
        const file = files.get(key)!;
        const at = lowerBound(file, self.day);
        for (let i = Math.max(0, at - WINDOW); i < Math.min(file.length, at + WINDOW); i++) {
          const candidate = file[i]!;
          if (candidate.seenBy === visit) continue;
          candidate.seenBy = visit;
          if (candidate.issue === self.issue) continue;
          const score = relatedScore(self.features, candidate.features);
          if (score > 0) keepBest(best, { candidate, score, distance: Math.abs(candidate.day - self.day) }, limit);
        }
      }
      result = best.map((s) => s.candidate.entry);
    }
    cache.set(id, result);
    return result;
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
