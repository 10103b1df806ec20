/**
 * A result as the list shows it: the headline linking to the article (with a tag such as 公告
 * beside it for a notice), a line of metadata (the date, then kind, page, column, agency, byline,
 * place) and the excerpt with the query's words marked. Every part is text: the page renders
 * them as text nodes, never as HTML.
 */
import { formatDate } from "../../site/format.ts";
import { resultLabels, type ExcerptPart, type ResultView } from "../search-results.ts";

/** A part of the metadata line: text, or a date with its ISO form for <time datetime>. */
export type MetaPart = string | { date: string; text: string };

export interface ResultItem {
  url: string;
  title: string;
  /** The kind's tag beside the headline ("公告"), or null. */
  tag: string | null;
  /** The kind as indexed ("notice"), for data-kind; "" when unknown. */
  kind: string;
  /** The metadata line's parts, shown joined by " · ". */
  meta: MetaPart[];
  excerpt: ExcerptPart[];
}

/** The item for a result; `kindLabels` names the kinds ("notice" → "公告"). */
export function resultItem(view: ResultView, kindLabels: Readonly<Record<string, string>>): ResultItem {
  const described = resultLabels(view, kindLabels);
  const date: MetaPart[] = view.date ? [{ date: view.date, text: formatDate(view.date) }] : [];
  return { url: view.url, title: view.title, tag: described.tag, kind: view.kind, meta: [...date, ...described.meta], excerpt: view.excerpt };
}
