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
import { canonicalPersonName } from "./page-knowledge.ts";
import type { PlaceReader } from "./repair.ts";
import {
  joinCutSentences,
  liftMidSentenceHeadings,
  moveContinuations,
  recoverRunInAuthor,
  relocateOpeningFragment,
  titleUntitled,
  warnMissingByline,
} from "./repair.ts";

export interface ArticleLocator extends PlaceReader {
  locate(input: { title: string; lead: string; body: string }): { location: string | null; county: string | null };
}

export interface ParsedArticle {
  /** `<date>/<slug>`: the permalink and the key of corrections. */
  id: string;
  slug: string;
  frontmatter: ArticleFrontmatter;
  body: BodyBlock[];
  warnings: ItemWarning[];
}

export interface Coverage {
  lines: number;
  covered: number;
  ratio: number;
  uncovered: number[];
}

export interface ParsedIssue {
  issue: IssueFile;
  articles: ParsedArticle[];
  coverage: Coverage;
}

function normaliseForCoverage(text: string): string {
  return text.replace(/^[#◎⊙□■●•\s]+/u, "").replace(/[\s\u3000]+/gu, "");
}

export function parseIssue(issue: IssueFile, knowledge: PageKnowledge, places: ArticleLocator): ParsedIssue {
  const blocks = classifyPage(splitPageBlocks(issue.text, issue.firstLine), knowledge);
  const { items, labelLines } = assembleItems(blocks);
  const people = bylinePeople(blocks, knowledge);

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
  const articles = items.map((item, index) => toArticle(item, index, slugs[index]!, issue, knowledge, places));
  const coverage = accountLines(blocks, items, labelLines);
  return { issue, articles, coverage };
}

function toArticle(item: PageItem, index: number, slug: string, issue: IssueFile, knowledge: PageKnowledge, places: ArticleLocator): ParsedArticle {
  const byline = foldNames(item.byline, (name) => canonicalPersonName(knowledge, name));
  const text = item.paragraphs.filter((p) => !p.heading);
  const { location, county } = places.locate({
    title: item.title ?? "",
    lead: text[0]?.text ?? "",
    body: text.slice(1).map((p) => p.text).join("\n"),
  });
  const warnings = [...item.warnings];
  if (location === null && item.kind !== "photo") {
    warnings.push({ code: "unknown-location", message: "no place in Inner Mongolia found in the text", line: item.titleLine ?? item.startLine });
  }
  const label = item.label;
  if (label && !label.recognised) {
    warnings.push({ code: "unrecognised-label", message: `"${label.name}" above the headline read as the column label; add it to content/data/column-labels.yaml if right`, line: item.startLine });
  }
  const frontmatter: ArticleFrontmatter = {
    title: item.title ?? "",
    subtitle: item.subtitle,
    kind: item.kind,
    section: label ? label.name : null,
    series: label?.series ? { name: label.series.name, no: label.series.no } : null,
    reporters: byline.reporters,
    correspondents: byline.correspondents,
    photographers: byline.photographers,
    authors: byline.authors,
    location,
    county,
    date: issue.date,
    issue: issue.date,
    order: index + 1,
    source: issue.source,
  };
  return {
    id: `${issue.date}/${slug}`,
    slug,
    frontmatter,
    body: item.paragraphs.map((p) => ({ text: p.text, heading: p.heading })),
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/**
 * Checks every non-empty line of the page against what was written: a line counts as
 * covered when its text appears in a title, deck, paragraph, label or byline, or when
 * removing one byline or credit from it leaves text that does (a credit run onto its
 * caption, an author's name run into the text).
 */
function accountLines(blocks: { line: number; text: string }[], items: PageItem[], labelLines: { text: string }[]): Coverage {
  const outputs: string[] = [];
  const metaTexts: string[] = [];
  for (const item of items) {
    if (item.title) outputs.push(item.title);
    if (item.subtitle) outputs.push(item.subtitle);
    for (const p of item.paragraphs) outputs.push(p.text);
    for (const m of item.metaLines) metaTexts.push(normaliseForCoverage(m.text));
    for (const names of Object.values(item.byline)) for (const n of names as string[]) metaTexts.push(n);
  }
  for (const l of labelLines) metaTexts.push(normaliseForCoverage(l.text));
  const witness = [...outputs.map(normaliseForCoverage), ...metaTexts].join("\u0000");

  const uncovered: number[] = [];
  for (const block of blocks) {
    const text = normaliseForCoverage(block.text);
    if (text === "" || witness.includes(text)) continue;
    const splitCovered = metaTexts.some((meta) => {
      const at = meta === "" ? -1 : text.indexOf(meta);
      if (at < 0) return false;
      const rest = text.slice(0, at) + text.slice(at + meta.length);
      return rest === "" || witness.includes(rest);
    });
    if (!splitCovered) uncovered.push(block.line);
  }
  const lines = blocks.length;
  const covered = lines - uncovered.length;
  return { lines, covered, ratio: lines === 0 ? 1 : covered / lines, uncovered };
}
