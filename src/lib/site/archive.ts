/**
 * The archive's indexes, built once from the article collection: issues, people, leagues,
 * counties, sections, and each article's neighbours within its issue. Pages look things up here
 * instead of scanning the collection, so the per-page work stays proportional to what the page
 * shows even with 100,000 articles.
 *
 * Generic over the entry type so pages get back the very collection entries they can render,
 * while tests pass plain objects.
 *
 * Notices (公告, 启事, 声明, 广告) are the paper's, but not its reporting: they stay in their issue
 * and have article pages, while the indexes by person, league and column, the feeds and the
 * statistics count the other items only (`countedArticles`). Institutional bylines (本报评论员)
 * name no person, so they get no person entry.
 */
import type { ArticleFrontmatter } from "../article.ts";
import { LEAGUES, countiesOf } from "../places/gazetteer.ts";
import { REGION_WIDE } from "../places/locate.ts";
import { assignUniqueSlugs } from "../slug.ts";
import { isInstitutionalByline } from "./institutional-byline.ts";

/** What the archive needs from a collection entry: its id (= permalink) and frontmatter. */
export interface ArchiveEntry {
  id: string;
  data: ArticleFrontmatter;
}

/** The ways a person is credited on an item, in byline order. */
export const ROLES = ["reporter", "correspondent", "photographer", "author"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_FIELD = {
  reporter: "reporters",
  correspondent: "correspondents",
  photographer: "photographers",
  author: "authors",
} as const satisfies Record<Role, keyof ArticleFrontmatter>;

export interface Credit<E> {
  article: E;
  roles: Role[];
}

export interface Person<E> {
  name: string;
  slug: string;
  /** Newest first. */
  credits: Credit<E>[];
  /** Items credited per role (an item counts once per role). */
  counts: Record<Role, number>;
}

export interface SectionGroup<E> {
  /** Column label, or null for items printed outside any column. */
  section: string | null;
  articles: E[];
}

/** One printed page of an issue (第5版 党建), with its items in the order printed. */
export interface IssuePage<E> {
  /** Page number (版次), or null when the items do not say. */
  no: number | null;
  /** Page name (版名), or null. */
  name: string | null;
  /** Raw page files its items came from, in page order. */
  sources: string[];
  /** In the order printed on the page. */
  articles: E[];
  /** Runs of consecutive items under the same column label, in page order. */
  sectionGroups: SectionGroup<E>[];
}

export interface Issue<E> {
  id: string;
  date: string;
  /** Raw page files the issue's items came from, in page order. */
  sources: string[];
  /** In page order: page by page (see compareArticles), each page's items as printed. */
  articles: E[];
  /** Numbered pages by number, then pages without a number, one per source file. */
  pages: IssuePage<E>[];
}

export interface County<E> {
  name: string;
  slug: string;
  /** Newest first. */
  articles: E[];
}

export interface League<E> {
  /** The league's official name as in the frontmatter `location`: 呼和浩特市; 内蒙古 for province-wide items; or another name an editor gave. */
  name: string;
  slug: string;
  /** Newest first. */
  articles: E[];
  /** Most articles first. */
  counties: County<E>[];
  countyBySlug: Map<string, County<E>>;
}

export interface Section<E> {
  name: string;
  slug: string;
  /** Newest first. */
  articles: E[];
}

export interface Neighbours<E> {
  previous: E | undefined;
  next: E | undefined;
}

export interface Archive<E extends ArchiveEntry> {
  /** Newest first: by date, then issue, then page order. */
  articles: E[];
  /** `articles` without notices: what feeds and statistics count. */
  countedArticles: E[];
  articleById: Map<string, E>;
  /** Newest first. */
  issues: Issue<E>[];
  issueById: Map<string, Issue<E>>;
  /** Alphabetical by slug (pinyin order). */
  people: Person<E>[];
  personBySlug: Map<string, Person<E>>;
  personSlug: (name: string) => string | undefined;
  /** The leagues in official (division code) order, then 内蒙古 (province-wide), then any other name. */
  leagues: League<E>[];
  leagueBySlug: Map<string, League<E>>;
  leagueSlug: (name: string) => string | undefined;
  countySlug: (leagueName: string, countyName: string) => string | undefined;
  /** Most articles first. */
  sections: Section<E>[];
  sectionBySlug: Map<string, Section<E>>;
  sectionSlug: (name: string) => string | undefined;
  /** The items printed before and after this one in its issue. */
  neighbours: (id: string) => Neighbours<E>;
  /** The issues before (older) and after (newer) this one. */
  issueNeighbours: (id: string) => { older: Issue<E> | undefined; newer: Issue<E> | undefined };
}

/** Whether an item is a notice (公告, 启事, 声明, 广告), which feeds and statistics leave out. */
export function isNotice(entry: Pick<ArchiveEntry, "data">): boolean {
  return entry.data.kind === "notice";
}

/**
 * Position within an issue: numbered pages by number, pages without a number after them, then
 * by source file (one file holds one page), then by position on the page. `order` counts from 1
 * on each page file, so it alone would interleave the items of two pages.
 */
function compareWithinIssue(a: ArchiveEntry, b: ArchiveEntry): number {
  return (
    (a.data.page.no ?? Infinity) - (b.data.page.no ?? Infinity) ||
    compareText(a.data.source, b.data.source) ||
    a.data.order - b.data.order ||
    compareText(a.id, b.id)
  );
}

/** Newspaper order: date, then issue, then page and position on it, then id as the last tie-break. */
export function compareArticles(a: ArchiveEntry, b: ArchiveEntry): number {
  return compareText(a.data.date, b.data.date) || compareText(a.data.issue, b.data.issue) || compareWithinIssue(a, b);
}

/** Newest first; within an issue, in page order. */
export function compareNewestFirst(a: ArchiveEntry, b: ArchiveEntry): number {
  return compareText(b.data.date, a.data.date) || compareText(b.data.issue, a.data.issue) || compareWithinIssue(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCountThenSlug(a: { slug: string; articles: unknown[] }, b: { slug: string; articles: unknown[] }) {
  return b.articles.length - a.articles.length || compareText(a.slug, b.slug);
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

export function buildArchive<E extends ArchiveEntry>(entries: readonly E[]): Archive<E> {
  const articles = [...entries].sort(compareNewestFirst);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const countedArticles = articles.filter((article) => !isNotice(article));
  // Oldest first, so that slug collisions are settled by first appearance (see assignUniqueSlugs).
  const chronological = countedArticles.toReversed();

  // Issues: articles are newest first, so each issue's items arrive page by page, in page order.
  const issueById = new Map<string, Issue<E>>();
  for (const article of articles) {
    const { issue: id, date, source, page: printed } = article.data;
    const issue = getOrCreate(issueById, id, () => ({ id, date, sources: [], articles: [], pages: [] }));
    issue.articles.push(article);
    if (!issue.sources.includes(source)) issue.sources.push(source);
    const page = issue.pages.at(-1);
    const samePage = page !== undefined && (printed.no === null ? page.no === null && page.sources.at(-1) === source : page.no === printed.no);
    if (samePage) addToPage(page, article);
    else issue.pages.push(addToPage({ no: printed.no, name: printed.name, sources: [], articles: [], sectionGroups: [] }, article));
  }
  const issues = [...issueById.values()];
  const issueIndex = new Map(issues.map((issue, index) => [issue.id, index]));
  const position = new Map<string, { issue: Issue<E>; index: number }>();
  for (const issue of issues) issue.articles.forEach((a, index) => position.set(a.id, { issue, index }));

  // People.
  const personSlugs = assignUniqueSlugs(
    chronological.flatMap((a) => ROLES.flatMap((role) => personNames(a.data[ROLE_FIELD[role]]))),
  );
  const personBySlug = new Map<string, Person<E>>();
  for (const article of countedArticles) {
    const rolesByName = new Map<string, Role[]>();
    for (const role of ROLES) {
      for (const name of personNames(article.data[ROLE_FIELD[role]])) {
        const roles = getOrCreate(rolesByName, name, () => []);
        if (!roles.includes(role)) roles.push(role);
      }
    }
    for (const [name, roles] of rolesByName) {
      const slug = personSlugs.get(name)!;
      const person = getOrCreate(personBySlug, slug, () => ({
        name,
        slug,
        credits: [],
        counts: { reporter: 0, correspondent: 0, photographer: 0, author: 0 },
      }));
      person.credits.push({ article, roles });
      for (const role of roles) person.counts[role]++;
    }
  }
  const people = [...personBySlug.values()].sort((a, b) => compareText(a.slug, b.slug));

  // Leagues and their counties, with the gazetteer's slugs where it knows the name.
  const leagueSlugs = assignUniqueSlugs(
    chronological.flatMap((a) => (a.data.location ? [a.data.location] : [])),
    (name) => LEAGUES.find((league) => league.name === name)?.slug,
  );
  const countySlugsByLeague = new Map<string, Map<string, string>>();
  for (const [league, countyNames] of groupCountyNames(chronological)) {
    const counties = countiesOf(league);
    countySlugsByLeague.set(
      league,
      assignUniqueSlugs(countyNames, (name) => counties.find((county) => county.name === name)?.slug),
    );
  }
  const leagueBySlug = new Map<string, League<E>>();
  for (const article of countedArticles) {
    // The frontmatter calls an article's league its `location`.
    const { location: name, county } = article.data;
    if (!name) continue;
    const slug = leagueSlugs.get(name)!;
    const league = getOrCreate(leagueBySlug, slug, () => ({
      name,
      slug,
      articles: [],
      counties: [],
      countyBySlug: new Map(),
    }));
    league.articles.push(article);
    if (county) {
      const countySlug = countySlugsByLeague.get(name)!.get(county)!;
      getOrCreate(league.countyBySlug, countySlug, () => ({ name: county, slug: countySlug, articles: [] })).articles.push(
        article,
      );
    }
  }
  for (const league of leagueBySlug.values()) league.counties = [...league.countyBySlug.values()].sort(byCountThenSlug);
  const leagues = [...leagueBySlug.values()].sort((a, b) => leagueRank(a.name) - leagueRank(b.name) || byCountThenSlug(a, b));

  // Sections.
  const sectionSlugs = assignUniqueSlugs(chronological.flatMap((a) => (a.data.section ? [a.data.section] : [])));
  const sectionBySlug = new Map<string, Section<E>>();
  for (const article of countedArticles) {
    const name = article.data.section;
    if (!name) continue;
    const slug = sectionSlugs.get(name)!;
    getOrCreate(sectionBySlug, slug, () => ({ name, slug, articles: [] })).articles.push(article);
  }
  const sections = [...sectionBySlug.values()].sort(byCountThenSlug);

  return {
    articles,
    countedArticles,
    articleById,
    issues,
    issueById,
    people,
    personBySlug,
    personSlug: (name) => personSlugs.get(name),
    leagues,
    leagueBySlug,
    leagueSlug: (name) => leagueSlugs.get(name),
    countySlug: (league, county) => countySlugsByLeague.get(league)?.get(county),
    sections,
    sectionBySlug,
    sectionSlug: (name) => sectionSlugs.get(name),
    neighbours(id) {
      const at = position.get(id);
      if (!at) return { previous: undefined, next: undefined };
      return { previous: at.issue.articles[at.index - 1], next: at.issue.articles[at.index + 1] };
    },
    issueNeighbours(id) {
      const index = issueIndex.get(id);
      if (index === undefined) return { older: undefined, newer: undefined };
      return { older: issues[index + 1], newer: issues[index - 1] };
    },
  };
}

/** Adds an item to its page, continuing the page's last column run when the label is the same. */
function addToPage<E extends ArchiveEntry>(page: IssuePage<E>, article: E): IssuePage<E> {
  const { source, section, page: printed } = article.data;
  page.articles.push(article);
  if (!page.sources.includes(source)) page.sources.push(source);
  page.name ??= printed.name;
  const lastGroup = page.sectionGroups.at(-1);
  if (lastGroup && lastGroup.section === section) lastGroup.articles.push(article);
  else page.sectionGroups.push({ section, articles: [article] });
  return page;
}

/** The names in a byline field that stand for a person: 本报评论员 and the like do not. */
function personNames(names: readonly string[]): string[] {
  return names.filter((name) => !isInstitutionalByline(name));
}

function leagueRank(name: string): number {
  const index = LEAGUES.findIndex((league) => league.name === name);
  return index !== -1 ? index : name === REGION_WIDE ? LEAGUES.length : LEAGUES.length + 1;
}

function groupCountyNames(chronological: readonly ArchiveEntry[]): Map<string, string[]> {
  const byLeague = new Map<string, string[]>();
  for (const { data } of chronological) {
    if (data.location && data.county) getOrCreate(byLeague, data.location, () => []).push(data.county);
  }
  return byLeague;
}
