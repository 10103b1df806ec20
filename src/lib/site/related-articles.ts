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

/** What the score compares of an article, worked out once per article. */
export interface RelatedFeatures {
  people: readonly string[];
  /** The league (frontmatter `location`); null when none or province-wide. */
  league: string | null;
  county: string | null;
  section: string | null;
  series: string | null;
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
export function relatedScore(a: RelatedFeatures, b: RelatedFeatures): number {
  let sharedPeople = 0;
  for (const name of a.people) if (b.people.includes(name)) sharedPeople++;
  const sameLeague = a.league !== null && a.league === b.league;
  const shared = sharedScore(
    sharedPeople,
    sameLeague && a.county !== null && a.county === b.county,
    a.section !== null && a.section === b.section,
    a.series !== null && a.series === b.series,
  );
  return shared === 0 ? 0 : shared + (sameLeague ? WEIGHTS.league : 0) + timeBonus(Math.abs(a.day - b.day));
}

/** What two articles share, scored (the county counted only within one league); 0 when it is too little to relate them. */
function sharedScore(sharedPeople: number, sameCounty: boolean, sameSection: boolean, sameSeries: boolean): number {
  let shared = Math.min(sharedPeople, WEIGHTS.maxPeople) * WEIGHTS.person;
  if (sameCounty) shared += WEIGHTS.county;
  if (sameSection) shared += WEIGHTS.section;
  if (sameSeries) shared += WEIGHTS.series;
  return shared < WEIGHTS.minimumShared ? 0 : shared;
}

/** The time bonus of two articles `days` apart. */
function timeBonus(days: number): number {
  return WEIGHTS.time * 0.5 ** (days / WEIGHTS.halfLifeDays);
}

/** The files an article is filed under: one per person, county, league, column and series. */
function fileKeys(f: RelatedFeatures): string[] {
  return [
    ...f.people.map((name) => `p:${name}`),
    ...(f.league && f.county ? [`c:${f.league}/${f.county}`] : []),
    ...(f.league ? [`l:${f.league}`] : []),
    ...(f.section ? [`s:${f.section}`] : []),
    ...(f.series ? [`r:${f.series}`] : []),
  ];
}

/** A candidate scored for an article: its index among the filed articles. */
interface Scored {
  candidate: number;
  score: number;
  distance: number;
}

/** No name: a null feature, as a number. */
const NONE = -1;

/**
 * The articles as the scoring reads them: one typed array per feature, indexed by article, and
 * names as numbers. An archive's articles are scored tens of millions of times, and reading
 * scattered objects, not the arithmetic, was the cost (100,000 articles: 4.4-5.0 s with an
 * object per article).
 */
class FiledArticles<E extends ArchiveEntry> {
  readonly entries: E[] = [];
  readonly byId = new Map<string, number>();
  readonly day: Int32Array;
  readonly issue: Int32Array;
  readonly league: Int32Array;
  readonly county: Int32Array;
  readonly section: Int32Array;
  readonly series: Int32Array;
  /** The last article whose candidates included this one: each candidate is scored once per article. */
  readonly seenBy: Int32Array;
  /** Article i's people are people[peopleFrom[i]] up to people[peopleFrom[i + 1]]. */
  readonly peopleFrom: Int32Array;
  people: Int32Array = new Int32Array(0);
  /** The files each article is filed under. */
  readonly keys: string[][] = [];
  readonly #numbers = new Map<string, number>();
  /** timeBonus by days apart, for every distance within the archive: a power is dear, and days are whole numbers. */
  #bonuses = new Float64Array(0);

  constructor(capacity: number) {
    const array = () => new Int32Array(capacity);
    this.day = array();
    this.issue = array();
    this.league = array();
    this.county = array();
    this.section = array();
    this.series = array();
    this.seenBy = array();
    this.peopleFrom = new Int32Array(capacity + 1);
  }

  #number(kind: string, name: string | null): number {
    if (name === null) return NONE;
    const key = `${kind}:${name}`;
    let number = this.#numbers.get(key);
    if (number === undefined) this.#numbers.set(key, (number = this.#numbers.size));
    return number;
  }

  /** Files the entries that can be related (not notices), and returns each file's articles. */
  file(entries: readonly E[]): Map<string, number[]> {
    const files = new Map<string, number[]>();
    const people: number[] = [];
    for (const entry of entries) {
      if (isNotice(entry)) continue;
      const f = relatedFeatures(entry.data);
      const i = this.entries.length;
      this.entries.push(entry);
      this.byId.set(entry.id, i);
      this.day[i] = f.day;
      this.issue[i] = this.#number("i", entry.data.issue);
      this.league[i] = this.#number("l", f.league);
      // Counties are compared within one league (relatedScore), so a county's name is enough.
      this.county[i] = this.#number("c", f.county);
      this.section[i] = this.#number("s", f.section);
      this.series[i] = this.#number("r", f.series);
      this.peopleFrom[i] = people.length;
      for (const name of f.people) people.push(this.#number("p", name));
      const keys = fileKeys(f);
      this.keys.push(keys);
      for (const key of keys) {
        let file = files.get(key);
        if (!file) files.set(key, (file = []));
        file.push(i);
      }
    }
    this.peopleFrom[this.entries.length] = people.length;
    this.people = Int32Array.from(people);
    let first = Infinity;
    let last = -Infinity;
    for (const day of this.day.subarray(0, this.entries.length)) {
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    const span = this.entries.length === 0 ? 0 : last - first;
    this.#bonuses = Float64Array.from({ length: span + 1 }, (_, apart) => timeBonus(apart));
    return files;
  }

  /** relatedScore of articles a and b. */
  score(a: number, b: number): number {
    let sharedPeople = 0;
    for (let i = this.peopleFrom[a]!; i < this.peopleFrom[a + 1]!; i++) {
      for (let j = this.peopleFrom[b]!; j < this.peopleFrom[b + 1]!; j++) {
        if (this.people[i] === this.people[j]) {
          sharedPeople++;
          break;
        }
      }
    }
    const league = this.league[a]!;
    const sameLeague = league !== NONE && league === this.league[b];
    const county = this.county[a]!;
    const section = this.section[a]!;
    const series = this.series[a]!;
    const shared = sharedScore(
      sharedPeople,
      sameLeague && county !== NONE && county === this.county[b],
      section !== NONE && section === this.section[b],
      series !== NONE && series === this.series[b],
    );
    return shared === 0 ? 0 : shared + (sameLeague ? WEIGHTS.league : 0) + this.#bonuses[Math.abs(this.day[a]! - this.day[b]!)]!;
  }

  /** Better first: higher score, then nearer in time, then newer, then by id. A total order. */
  compare(a: Scored, b: Scored): number {
    return b.score - a.score || a.distance - b.distance || this.day[b.candidate]! - this.day[a.candidate]! || compareText(this.entries[a.candidate]!.id, this.entries[b.candidate]!.id);
  }

  /** Puts `item` into `best` (sorted, better first) when it is among the `limit` best so far. */
  keepBest(best: Scored[], item: Scored, limit: number): void {
    if (best.length === limit && this.compare(item, best[limit - 1]!) >= 0) return;
    let at = best.length;
    while (at > 0 && this.compare(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
}

/** Index of the first article of `file` (by day) on or after `day`. */
function lowerBound(file: Int32Array, days: Int32Array, day: number): number {
  let lo = 0;
  let hi = file.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[file[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The related articles of every article, worked out once: call the result with an article id.
 * Articles without any qualifying candidate, and notices, get an empty list.
 */
export function relatedArticles<E extends ArchiveEntry>(entries: readonly E[], limit: number = RELATED_LIMIT): (id: string) => E[] {
  const filed = new FiledArticles<E>(entries.length);
  const files = new Map<string, Int32Array>();
  for (const [key, file] of filed.file(entries)) {
    file.sort((a, b) => filed.day[a]! - filed.day[b]! || compareText(filed.entries[a]!.id, filed.entries[b]!.id));
    files.set(key, Int32Array.from(file));
  }
  const cache = new Map<string, E[]>();
  let articlesSeen = 0;
  return (id) => {
    const cached = cache.get(id);
    if (cached) return cached;
    const self = filed.byId.get(id);
    let result: E[] = [];
    if (self !== undefined && limit > 0) {
      // A candidate found in several files is scored once; only the best `limit` are kept, in
      // order, as sorting every candidate would keep them (compare is a total order).
      const visit = ++articlesSeen;
      const best: Scored[] = [];
      const day = filed.day[self]!;
      const issue = filed.issue[self]!;
      for (const key of filed.keys[self]!) {
        const file = files.get(key)!;
        const at = lowerBound(file, filed.day, day);
        for (let i = Math.max(0, at - WINDOW); i < Math.min(file.length, at + WINDOW); i++) {
          const candidate = file[i]!;
          if (filed.seenBy[candidate] === visit) continue;
          filed.seenBy[candidate] = visit;
          if (filed.issue[candidate] === issue) continue;
          const score = filed.score(self, candidate);
          if (score > 0) filed.keepBest(best, { candidate, score, distance: Math.abs(filed.day[candidate]! - day) }, limit);
        }
      }
      result = best.map((s) => filed.entries[s.candidate]!);
    }
    cache.set(id, result);
    return result;
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
