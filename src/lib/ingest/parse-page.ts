/**
 * One issue file's page text → its articles with frontmatter, body and warnings, and
 * the coverage account proving that every line of the page went somewhere.
 */
import type { ArticleFrontmatter } from "../article.ts";
import { uniqueSlugs } from "../slug.ts";
import { assembleItems } from "./assemble.ts";
import { foldNames } from "./byline.ts";
import { bylinePeople, classifyPage } from "./classify.ts";
import type { BodyBlock } from "./markdown.ts";
import type { IssueFile } from "./issue-file.ts";
import type { ItemWarning, PageItem } from "./page-item.ts";
import { splitPageBlocks } from "./page-blocks.ts";
import type { PageKnowledge } from "./page-knowledge.ts";
import type { PageMeta } from "./page-furniture.ts";
import { isLiteraryPage, readPageFurniture } from "./page-furniture.ts";
import { markVerse } from "./verse.ts";
import { canonicalPersonName } from "./page-knowledge.ts";
import type { ArticleLocator } from "../places/article-locator.ts";
import {
  joinCutSentences,
  liftMidSentenceHeadings,
  moveContinuations,
  recoverRunInAuthor,
  relocateOpeningFragment,
  titleUntitled,
  warnMissingByline,
} from "./repair.ts";


/**
 * An article as its page's parse made it: its id is its headline's slug within the page; the run
 * gives it its final id, unique within the date, and applies editors' corrections (run-ingest.ts).
 * A kept parse (parse-cache.ts) is never changed: later steps make new articles from it.
 */
export interface PageArticle {
  /** `<date>/<slug>`: the permalink and the key of corrections. */
  readonly id: string;
  readonly slug: string;
  readonly frontmatter: Readonly<ArticleFrontmatter>;
  readonly body: BodyBlock[];
  /** Where the article jumps: the page it continues on (下转第3版) or from (上接第1版). */
  readonly jump: { readonly to: number | null; readonly from: number | null };
  readonly warnings: ItemWarning[];
}

export interface Coverage {
  lines: number;
  covered: number;
  ratio: number;
  uncovered: number[];
}

/** The issue file a page came from: its name, and the date of its issue. */
export interface PageSource {
  /** File name relative to the input folder, with forward slashes. */
  readonly source: string;
  readonly date: string;
}

/** One issue file's page, parsed: the same shape in the run's thread, a worker thread and the parse cache. */
export interface ParsedIssue {
  readonly issue: PageSource;
  /** The page this file holds: number, name, staff and teasers. */
  readonly page: PageMeta;
  readonly articles: PageArticle[];
  readonly coverage: Coverage;
  /** Warnings about the file as a whole (its last character cut and dropped), each naming the file. */
  readonly fileWarnings: FileWarning[];
}

/** A warning about a whole issue file: truncated-file, its last character cut short and dropped. */
export interface FileWarning {
  readonly code: "truncated-file";
  readonly message: string;
}

function normaliseForCoverage(text: string): string {
  return text.replace(/^[#◎⊙□■●•\s]+/u, "").replace(/[\s\u3000]+/gu, "");
}

export function parseIssue(issue: IssueFile, knowledge: PageKnowledge, places: ArticleLocator): ParsedIssue {
  const allBlocks = splitPageBlocks(issue.text, issue.firstLine);
  const furniture = readPageFurniture(allBlocks);
  // The editor's frontmatter wins over the printed header, which wins over the file name.
  const page: PageMeta = {
    ...furniture.meta,
    no: issue.pageNo ?? furniture.meta.no ?? issue.fileNamePageNo,
    name: issue.pageName ?? furniture.meta.name,
  };
  // The names the page prints in bylines: read once, for labels (◎Name) and run-in authors alike.
  const people = bylinePeople(furniture.rest, knowledge);
  const blocks = markVerse(classifyPage(furniture.rest, knowledge, people), isLiteraryPage(page.name));
  const { items, labelLines } = assembleItems(blocks, { roles: knowledge.roles, pageName: page.name });

  for (const item of items) {
    relocateOpeningFragment(item);
    liftMidSentenceHeadings(item);
  }
  moveContinuations(items, places);
  for (const item of items) {
    joinCutSentences(item);
    recoverRunInAuthor(item, people);
    titleUntitled(item);
    warnMissingByline(item);
  }

  const slugs = uniqueSlugs(items.map((item) => item.title ?? ""));
  const articles = items.map((item, index) => toArticle(item, index, slugs[index]!, issue, page, knowledge, places));
  const coverage = accountLines(allBlocks, items, [...labelLines, ...furniture.furniture]);
  return { issue: { source: issue.source, date: issue.date }, page, articles, coverage, fileWarnings: [] };
}

/** 新报讯 on a page of 北方新报 is the paper's own story: an outlet that the paper's name ends with is no agency. */
function ownPaper(agency: string | null, paper: string | null): string | null {
  return agency !== null && paper !== null && paper.endsWith(agency) ? null : agency;
}

function toArticle(item: PageItem, index: number, slug: string, issue: IssueFile, page: PageMeta, knowledge: PageKnowledge, places: ArticleLocator): PageArticle {
  const byline = foldNames(item.byline, (name) => canonicalPersonName(knowledge, name));
  const text = item.paragraphs.filter((p) => !p.heading);
  const { location, county } = places.locate({
    // A notice's 内蒙古…有限公司 names where the firm is registered, not what the notice is about.
    title: item.kind === "notice" && (item.title ?? "").startsWith(places.regionWide) ? (item.title ?? "").slice(places.regionWide.length).replace(/^(?:自治区|省)/u, "") : (item.title ?? ""),
    lead: text[0]?.text ?? "",
    body: text.slice(1).map((p) => p.text).join("\n"),
    dateline: item.dateline?.place ?? null,
  });
  const warnings = [...item.warnings];
  if (location === null && item.kind !== "photo" && item.kind !== "notice" && byline.agency === null) {
    warnings.push({ code: "unknown-location", message: "正文中未找到区内地名", line: item.titleLine ?? item.startLine });
  }
  const label = item.label;
  if (label && !label.recognised) {
    warnings.push({ code: "unrecognised-label", message: `标题上方的“${label.name}”被识别为栏目名；如无误，请加入 content/data/column-labels.yaml`, line: item.startLine });
  }
  const frontmatter: ArticleFrontmatter = {
    title: item.title ?? "",
    subtitle: item.subtitle,
    kicker: item.kicker,
    kind: item.kind,
    section: label ? label.name : null,
    series: label?.series ? { name: label.series.name, no: label.series.no } : null,
    reporters: byline.reporters,
    correspondents: byline.correspondents,
    photographers: byline.photographers,
    authors: byline.authors,
    affiliation: byline.affiliation,
    agency: ownPaper(byline.agency, issue.paper ?? page.paper),
    location,
    county,
    date: issue.date,
    issue: issue.date,
    page: { no: page.no, name: page.name },
    order: index + 1,
    source: issue.source,
  };
  return {
    id: `${issue.date}/${slug}`,
    slug,
    frontmatter,
    body: item.paragraphs.map((p) => (p.verse ? { text: p.text, heading: false, verse: true } : { text: p.text, heading: p.heading })),
    jump: { to: item.continuesTo, from: item.continuedFrom },
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/**
 * Checks every non-empty line of the page against what was written: a line counts as
 * covered when its text appears in the title, deck, paragraph, label or byline that
 * claims that line, or when removing a byline or credit claimed by the line leaves text
 * that does (a credit run onto its caption, an author's name run into the text).
 */
function accountLines(blocks: { line: number; text: string }[], items: PageItem[], labelLines: { line: number; text: string }[]): Coverage {
  const texts = new Map<number, string[]>();
  const metas = new Map<number, string[]>();
  const claim = (map: Map<number, string[]>, line: number | null, text: string) => {
    if (line === null) return;
    const list = map.get(line);
    if (list) list.push(normaliseForCoverage(text));
    else map.set(line, [normaliseForCoverage(text)]);
  };
  for (const item of items) {
    if (item.title !== null) claim(texts, item.titleLine, item.title);
    for (const p of item.paragraphs) for (const line of p.lines) claim(texts, line, p.text);
    for (const m of item.metaLines) claim(metas, m.line, m.text);
    if (item.subtitle !== null) for (const m of item.metaLines) claim(texts, m.line, item.subtitle);
    if (item.dateline !== null) for (const p of item.paragraphs.slice(0, 1)) for (const line of p.lines) claim(metas, line, item.dateline.text);
  }
  for (const l of labelLines) claim(metas, l.line, l.text);

  const uncovered: number[] = [];
  for (const block of blocks) {
    const text = normaliseForCoverage(block.text);
    const own = texts.get(block.line) ?? [];
    const meta = metas.get(block.line) ?? [];
    if (text === "" || own.some((t) => t.includes(text)) || meta.includes(text)) continue;
    // A line may carry several: a dateline and the closing credit of a one-paragraph story.
    let rest = text;
    for (const m of meta) {
      const at = m === "" ? -1 : rest.indexOf(m);
      if (at >= 0) rest = rest.slice(0, at) + rest.slice(at + m.length);
    }
    const eachCovers = meta.some((m) => {
      const at = m === "" ? -1 : text.indexOf(m);
      if (at < 0) return false;
      const left = text.slice(0, at) + text.slice(at + m.length);
      return left === "" || own.some((t) => t.includes(left));
    });
    const splitCovered = eachCovers || (rest !== text && (rest === "" || own.some((t) => t.includes(rest))));
    if (!splitCovered) uncovered.push(block.line);
  }
  const lines = blocks.length;
  const covered = lines - uncovered.length;
  return { lines, covered, ratio: lines === 0 ? 1 : covered / lines, uncovered };
}
