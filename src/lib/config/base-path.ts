/**
 * Serving the site under a base path (archive.config.yaml `base`, such as /archive/). Pages are
 * built as if at the root, with root-relative links (src/lib/site/paths.ts), and the built files
 * are then rebased in one pass (src/integrations/base-path.ts): every root-relative URL in an
 * HTML attribute and every absolute URL of the site (canonical links, feeds, sitemaps, JSON-LD,
 * data exports) gets the base path. Code that runs in the browser adds it itself (withBase).
 * Rebasing is idempotent: a URL that already starts with the base path is left alone, so a page
 * an incremental build kept from the last build is not rebased twice.
 */

/** Top-level folders of the site: a base path may not begin with one, or rebasing could not tell a page's URL from a rebased one. */
export const SITE_FOLDERS: readonly string[] = [
  "_astro", "about", "articles", "data", "geo", "issues", "pagefind", "raw", "regions", "report", "reporters", "search", "sections", "stats", "zh-hant",
];

/** "/issues/" under base "/archive/" → "/archive/issues/"; unchanged under "/" or when it has the base already. */
export function withBase(url: string, base: string): string {
  if (base === "/" || !url.startsWith("/") || url.startsWith("//") || url.startsWith(base) || `${url}/` === base) return url;
  return base + url.slice(1);
}

// href="/…", src="/…", action="/…", content="/…", poster="/…"; srcset's first URL. Not "//host".
const ROOT_RELATIVE_ATTRIBUTE = /(\s(?:href|src|action|content|poster|srcset)=")(\/(?!\/)[^"]*)"/gu;

/** An HTML page with its root-relative attribute URLs and its absolute site URLs rebased. */
export function rebaseHtml(html: string, origin: string, base: string): string {
  if (base === "/") return html;
  return rebaseAbsolute(html, origin, base).replace(
    /<[a-zA-Z][^>]*>/gu,
    (tag) => tag.replace(ROOT_RELATIVE_ATTRIBUTE, (_match, attribute: string, url: string) => `${attribute}${withBase(url, base)}"`),
  );
}

/**
 * Every absolute URL of the site (origin + "/…") in a text rebased: feeds, sitemaps, robots.txt,
 * JSON and CSV exports. The origin must be followed by "/" and not by a longer host name.
 */
export function rebaseAbsolute(text: string, origin: string, base: string): string {
  if (base === "/") return text;
  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
  return text.replace(new RegExp(`${escaped}(/[^\\s"'<>)\\]]*)?`, "gu"), (match, path: string | undefined) =>
    path === undefined ? match : origin + withBase(path, base),
  );
}
