/**
 * The document Pagefind indexes for an article: a small HTML page made from the article's
 * Markdown, not the built page. The index is built from content/articles/ while Astro renders the
 * site (scripts/build.ts runs the two side by side), so it never waits for the site.
 *
 * What it holds is what a reader searches and what a result shows: the body as the site renders
 * it (the same unified processor, src/lib/articles/markdown.ts), the headline as the result's title
 * and, with TITLE_WEIGHT, as text; the deck, column, series, names and places as text; the
 * filters, metadata and sort key as empty <data> elements (search-record.ts).
 */
import type { ArticleFrontmatter } from "../article.ts";
import { escapeMarkup } from "../escape-markup.ts";
import { SIMPLIFIED } from "../site/locale.ts";
import { TITLE_WEIGHT, pagefindAttribute, searchRecordFields, searchableLabels, type PagefindField } from "./search-record.ts";

/** `<data data-pagefind-filter="person[value]" value="宋爽">`: each value on an element of its own (search-record.ts says why). */
function fieldElement(field: PagefindField): string {
  const attributes = Object.entries(pagefindAttribute(field)).map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`);
  return `<data${attributes.join("")}></data>`;
}

/**
 * The HTML Pagefind reads for one article, given its frontmatter and its body rendered to HTML.
 * The body alone is data-pagefind-body, so excerpts come from the article's text.
 */
export function searchDocument(data: ArticleFrontmatter, bodyHtml: string): string {
  const labels = searchableLabels(data);
  const title = escapeMarkup(data.title);
  return (
    `<!doctype html><html lang="${SIMPLIFIED.lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<h1 data-pagefind-meta="title">${title}</h1>` +
    `<div data-pagefind-body>${bodyHtml}` +
    `<p data-pagefind-weight="${TITLE_WEIGHT}">${title}</p>` +
    (labels.length > 0 ? `<p>${escapeMarkup(labels.join(" "))}</p>` : "") +
    searchRecordFields(data).map(fieldElement).join("") +
    `</div></body></html>`
  );
}

/** The texts a result can show of an article: its body's text nodes, the labels and the metadata values. */
export function searchDocumentTexts(data: ArticleFrontmatter, bodyHtml: string): string[] {
  const body = bodyHtml.split(/<[^>]*>/).map(unescapeHtml);
  const fields = searchRecordFields(data).map((field) => field.value);
  return [data.title, ...searchableLabels(data), ...fields, ...body].filter((text) => text.trim() !== "");
}

/** The entities the Markdown renderer writes in text (&#x3C; for "<", &#x26; for "&", and named ones). */
function unescapeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&(amp|lt|gt|quot);/g, (_m, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[name]!);
}
