/**
 * From Pagefind's answers to what the search page shows: a result's title, highlighted excerpt,
 * date, page, section, agency, byline and place (and a 公告 tag on notices), in the page's script
 * and linking into the page's half of the site; and the filter values with their counts. Pure:
 * the script converter and the path prefix are passed in.
 */
import type { FilterKey } from "./index-schema.ts";

/** The part of a Pagefind result fragment (`await result.data()`) the page uses. */
export interface PagefindFragment {
  url: string;
  /** Text around the best match, "&lt;" and "&gt;" escaped, matches wrapped in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface ExcerptPart {
  text: string;
  /** True for a matched word. */
  mark: boolean;
}

export interface ResultView {
  /** The article's URL in the page's script ("/zh-hant/articles/…/" on the Traditional page). */
  url: string;
  title: string;
  excerpt: ExcerptPart[];
  /** ISO date, as indexed (for <time datetime>). */
  date: string;
  kind: string;
  /** The printed page as cited: "第5版 党建". */
  page: string;
  section: string;
  /** The wire service or paper it comes from: "新华社". */
  agency: string;
  byline: string;
  location: string;
  county: string;
}

export interface ViewOptions {
  /** Script conversion for displayed text: identity on the Simplified page, cn → tw on the Traditional one. */
  convert: (text: string) => string;
  /** Prefix of the page's half of the site: "" or "/zh-hant". */
  pathPrefix: string;
  /** The term searched for (Simplified, normalised), whose words the excerpt marks; null for a listing. */
  term?: string | null;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
// Pagefind separates the words it segmented with zero-width spaces; they would be copied with the text.
const ZERO_WIDTH = /\u200b/g;

function decodeEntities(text: string): string {
  return text.replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity]!);
}

/**
 * An excerpt as plain-text parts: Pagefind escapes "<" and ">" in the page text and adds <mark>
 * tags; everything else is text, so the page can render the parts as text nodes and never
 * parses the excerpt as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === "<mark>") mark = true;
    else if (piece === "</mark>") mark = false;
    else {
      const text = decodeEntities(piece).replace(ZERO_WIDTH, "");
      if (text === "") continue;
      const last = parts.at(-1);
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/**
 * Marks where the query's words stand in the excerpt, as typed. Pagefind marks the index words
 * its match went through, which for Chinese can be a neighbour of the query (社会 for 议事会, as
 * 会 is a word of its own) or only part of it; a reader checking a source wants the words
 * themselves. When none of the query's words occurs in the excerpt as a whole, Pagefind's marks
 * stay. Latin letters compare regardless of case.
 */
export function markTerms(parts: readonly ExcerptPart[], term: string | null): ExcerptPart[] {
  const text = parts.map((part) => part.text).join("");
  const words = [...new Set((term ?? "").split(" ").filter((word) => word !== ""))].sort((a, b) => b.length - a.length);
  const fold = (s: string) => (s.toLowerCase().length === s.length ? s.toLowerCase() : s);
  const haystack = fold(text);
  const marked = new Array<boolean>(text.length).fill(false);
  let found = false;
  for (const word of words) {
    const needle = fold(word);
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      marked.fill(true, at, at + needle.length);
      found = true;
    }
  }
  if (!found) return parts.map((part) => ({ ...part }));
  const out: ExcerptPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out.at(-1);
    if (last && last.mark === marked[i]) last.text += text[i];
    else out.push({ text: text[i]!, mark: marked[i]! });
  }
  return out;
}

/**
 * Converts an excerpt's parts as one text, so that a phrase cut by a mark converts as the whole
 * phrase does on the page (头<mark>发</mark> must become 頭髮, not 頭發), then cuts the converted
 * text where the parts were cut. Conversion keeps the number of characters in all but rare
 * phrases; when it does not, each part is converted on its own.
 */
export function convertParts(parts: readonly ExcerptPart[], convert: (text: string) => string): ExcerptPart[] {
  const converted = [...convert(parts.map((part) => part.text).join(""))];
  const lengths = parts.map((part) => [...part.text].length);
  if (converted.length !== lengths.reduce((sum, n) => sum + n, 0)) {
    return parts.map((part) => ({ ...part, text: convert(part.text) }));
  }
  let at = 0;
  return parts.map((part, i) => {
    const text = converted.slice(at, at + lengths[i]!).join("");
    at += lengths[i]!;
    return { ...part, text };
  });
}

/** A result as the page shows it. */
export function resultView(fragment: PagefindFragment, { convert, pathPrefix, term = null }: ViewOptions): ResultView {
  const meta = (key: string): string => convert((fragment.meta[key] ?? "").replace(ZERO_WIDTH, ""));
  return {
    url: pathPrefix + fragment.url,
    title: meta("title"),
    excerpt: convertParts(markTerms(excerptParts(fragment.excerpt), term), convert),
    date: fragment.meta["date"] ?? "",
    kind: fragment.meta["kind"] ?? "",
    page: meta("page"),
    section: meta("section"),
    agency: meta("agency"),
    byline: meta("byline"),
    location: meta("location"),
    county: meta("county"),
  };
}

/**
 * Kinds a result carries as a tag beside its headline rather than in its line of metadata: a
 * notice (公告, 启事, 声明, 广告) is no article, and a reader must tell it apart before opening it.
 */
export const TAGGED_KINDS: readonly string[] = ["notice"];

export interface ResultLabels {
  /** The kind's label shown as a tag beside the headline ("公告"), or null. */
  tag: string | null;
  /** The result's line of metadata after its date: kind (unless tagged), page, column, agency, byline, place. */
  meta: string[];
}

/** What a result says about itself besides its title, date and excerpt; `kindLabels` names the kinds ("notice" → "公告"). */
export function resultLabels(view: ResultView, kindLabels: Readonly<Record<string, string>>): ResultLabels {
  const kind = view.kind ? (kindLabels[view.kind] ?? view.kind) : "";
  const tagged = TAGGED_KINDS.includes(view.kind);
  const place = [view.location, view.county].filter(Boolean).join(" ");
  const meta = [tagged ? "" : kind, view.page, view.section, view.agency, view.byline, place].filter((part) => part !== "");
  return { tag: tagged ? kind : null, meta };
}

export interface FacetValue {
  /** The filter value as indexed (Simplified): what goes into the URL and the query. */
  value: string;
  count: number;
  selected: boolean;
}

/**
 * A filter's values in display order: years newest first, kinds in their fixed order, anything
 * else by count then code point. Values with no results are left out unless selected (a shared
 * URL may select a value the current query does not reach; the reader must still see it to
 * remove it).
 */
export function facetValues(
  key: FilterKey,
  counts: Record<string, number> | undefined,
  selected: readonly string[],
  kindOrder: readonly string[] = [],
): FacetValue[] {
  const all = new Map(Object.entries(counts ?? {}));
  for (const value of selected) if (!all.has(value)) all.set(value, 0);
  const values = [...all]
    .filter(([value, count]) => count > 0 || selected.includes(value))
    .map(([value, count]) => ({ value, count, selected: selected.includes(value) }));
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  if (key === "year") return values.sort((a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
  if (key === "kind") {
    const rank = (value: string) => (kindOrder.includes(value) ? kindOrder.indexOf(value) : kindOrder.length);
    return values.sort((a, b) => rank(a.value) - rank(b.value) || byCount(a, b));
  }
  return values.sort(byCount);
}
