/**
 * Articles that jump pages: （下转第3版） at the foot of one part, （上接第1版） at the head of
 * the other. All files of one date are one issue, so the two parts are joined into one
 * article, kept on its first page; a part whose other half is not in the issue stays as it
 * is, with a warning. The pages given are never changed: an issue with jumps gets new pages.
 */
import type { ArticleFrontmatter } from "../article.ts";
import { mergeBylines } from "./byline.ts";
import { bodyMarkdown, type BodyBlock } from "./markdown.ts";
import type { ItemWarning } from "./page-item.ts";
import type { PageArticle, ParsedIssue } from "./parse-page.ts";
import { comparableText, endsSentence } from "./text-shape.ts";

/** Warnings about a continuation as if it stood alone; joined to its first part, they no longer hold. */
const PART_WARNINGS = new Set(["guessed-headline", "missing-byline", "unknown-location"]);

/** An article of an issue with jumps, while its parts are being joined: a copy, so the parse stays as it was. */
interface Part {
  id: string;
  slug: string;
  frontmatter: ArticleFrontmatter;
  body: BodyBlock[];
  jump: { to: number | null; from: number | null };
  warnings: ItemWarning[];
}

interface PartsPage {
  parsed: ParsedIssue;
  articles: Part[];
}

/** The last paragraph of a Markdown body, to see whether a sentence runs on into the next part. */
function lastParagraph(markdown: string): string {
  const paragraphs = markdown.trimEnd().split(/\n\n+/u);
  return paragraphs[paragraphs.length - 1] ?? "";
}

function join(first: Part, second: Part): void {
  // Read as written (a subhead is `## …`), so a cut is judged on the text the article will show.
  const last = lastParagraph(bodyMarkdown(first.body)).trim();
  const next = bodyMarkdown(second.body).trimStart();
  // A sentence cut at the jump runs on into the continuation's first paragraph, never into a subhead.
  const cut = !endsSentence(last) && !last.startsWith("#") && !next.startsWith("#");
  const [head, ...tail] = second.body;
  const lastBlock = first.body[first.body.length - 1];
  if (cut && lastBlock && head && !lastBlock.heading && !head.heading) {
    first.body = [...first.body.slice(0, -1), { ...lastBlock, text: lastBlock.text + head.text }, ...tail];
  } else {
    first.body = [...first.body, ...second.body];
  }
  first.warnings = first.warnings.filter((w) => w.code !== "ends-mid-sentence").concat(second.warnings.filter((w) => !PART_WARNINGS.has(w.code)));
  // The continuation's own credit (（记者 张三） closing it on its page) is the article's too.
  first.frontmatter = { ...first.frontmatter, ...mergeBylines(first.frontmatter, second.frontmatter) };
  // A chain (第1版 → 第2版 → 第3版) goes on from where the continuation jumps.
  first.jump = { to: second.jump.to, from: first.jump.from };
}

/** Joins the parts of jumped articles across the pages of one issue (one date), in place on the copies. */
function joinIssue(pages: PartsPage[]): void {
  const continuations = pages.flatMap((page) => page.articles.filter((a) => a.jump.from !== null).map((article) => ({ page, article })));
  const used = new Set<Part>();
  for (const page of pages) {
    for (const article of page.articles) {
      // Follow the chain: the part on page `from` continues on page `article.jump.to`.
      let from = page.parsed.page.no;
      while (article.jump.to !== null) {
        const to = article.jump.to;
        const candidates = continuations.filter((c) => !used.has(c.article) && c.page.parsed.page.no === to && (c.article.jump.from === from || from === null));
        // A continuation that repeats the headline is that article's; otherwise the first one.
        const match =
          candidates.find((c) => c.article.warnings.every((w) => w.code !== "guessed-headline") && comparableText(c.article.frontmatter.title) === comparableText(article.frontmatter.title)) ??
          candidates.find((c) => c.article.warnings.some((w) => w.code === "guessed-headline")) ??
          candidates[0];
        if (!match) {
          article.warnings.push({ code: "unmatched-jump", message: `转至第${to}版，但本期该版没有标“上接第${from ?? "?"}版”的续文`, line: null });
          break;
        }
        used.add(match.article);
        join(article, match.article);
        match.page.articles = match.page.articles.filter((a) => a !== match.article);
        match.page.articles.forEach((a, index) => (a.frontmatter.order = index + 1));
        from = to;
      }
    }
  }
  for (const { article } of continuations) {
    if (used.has(article)) continue;
    article.warnings.push({ code: "unmatched-jump", message: `上接第${article.jump.from}版，但本期没有找到前文`, line: null });
  }
}

const jumps = (article: PageArticle) => article.jump.to !== null || article.jump.from !== null;

/**
 * The pages with the parts of jumped articles joined across the pages of each issue (one date),
 * in the order given. A page of an issue without jumps is returned as it is.
 */
export function joinJumps(issues: readonly ParsedIssue[]): ParsedIssue[] {
  const byDate = new Map<string, ParsedIssue[]>();
  for (const parsed of issues) {
    const list = byDate.get(parsed.issue.date);
    if (list) list.push(parsed);
    else byDate.set(parsed.issue.date, [parsed]);
  }
  const joined = new Map<ParsedIssue, ParsedIssue>();
  for (const pages of byDate.values()) {
    if (!pages.some((page) => page.articles.some(jumps))) continue;
    const parts = pages.map(
      (parsed): PartsPage => ({
        parsed,
        articles: parsed.articles.map((a) => ({ ...a, frontmatter: { ...a.frontmatter }, jump: { ...a.jump }, warnings: [...a.warnings] })),
      }),
    );
    joinIssue(parts);
    for (const page of parts) joined.set(page.parsed, { ...page.parsed, articles: page.articles });
  }
  return issues.map((parsed) => joined.get(parsed) ?? parsed);
}
