/**
 * The one place where Simplified Chinese becomes Traditional. Pages are written once, in
 * Simplified; after the build each HTML page is turned into its Traditional twin under /zh-hant/
 * by toTraditionalPage (called from src/integrations/traditional-mirror.ts).
 *
 * Character conversion is OpenCC's cn → tw table (characters only, no regional vocabulary
 * swaps: an archive should not reword what was printed).
 */
import { memoizeConversion } from "./conversion-memo.ts";
import { KEEP_SCRIPT_ATTRIBUTE, SCRIPT_SWITCH_ATTRIBUTE, SIMPLIFIED, TRADITIONAL } from "./locale.ts";
import { isTraditionalPath, traditionalPath } from "./paths.ts";
import { SITE } from "./site-info.ts";
import { toTaiwanCharacters } from "./taiwan-characters.ts";

/**
 * Simplified → Traditional characters: OpenCC's cn → tw, as opencc-js converts (in less time:
 * ./taiwan-characters.ts). The OpenCC dictionaries are loaded on first use.
 */
export function toTraditional(text: string): string {
  return toTaiwanCharacters(text);
}

/**
 * The Traditional twin of a URL, if it names a page of this site: a root-relative or same-site
 * absolute URL whose path ends in "/" (every page URL does; files such as /raw/….txt, /rss.xml or
 * /articles/….md do not, and stay shared by both scripts). Anything else comes back unchanged.
 * A URL under the site's base path (/archive/issues/, a page an incremental build kept after
 * rebasing it: src/lib/config/base-path.ts) gets its prefix after the base (/archive/zh-hant/issues/).
 */
export function toTraditionalUrl(url: string, site: string, base: string = SITE.base): string {
  let origin = "";
  let rest = url;
  if (url.startsWith(site) && url.charAt(site.length) === "/") {
    origin = site;
    rest = url.slice(site.length);
  } else if (!url.startsWith("/") || url.startsWith("//")) {
    return url;
  }
  const pathEnd = rest.search(/[?#]/);
  const path = pathEnd === -1 ? rest : rest.slice(0, pathEnd);
  const under = base !== "/" && path.startsWith(base) ? base.slice(0, -1) : "";
  const local = path.slice(under.length);
  if (!local.endsWith("/") || isTraditionalPath(local)) return url;
  return origin + under + traditionalPath(local) + rest.slice(path.length);
}

/**
 * toTraditional for the runs of a page (CONVERTIBLE, below), remembered across the pages a process
 * converts: most runs recur on every page. Long runs are an article's own text (docs/scale.md).
 */
const toTraditionalRun = memoizeConversion((text) => toTraditional(text), { maxLength: 64, maxEntries: 200_000 });

export interface TraditionalPageOptions {
  /** The site origin without trailing slash, e.g. "https://archive.example.org". */
  site: string;
  /** Character conversion; defaults to toTraditional (remembering the runs it has converted). */
  convert?: (text: string) => string;
  /** The site's base path ("/" or "/archive/"); defaults to the config's. */
  base?: string;
}

/**
 * The stretches of a page conversion can change: from a non-ASCII character to the last one
 * before whitespace, a quote, "<", ">" or "=". Converting these alone skips the markup (half the
 * time of converting a whole page) and changes nothing: no key of OpenCC's tables holds those
 * characters, and the few keys with ASCII letters or "-" ("PN结", "伯克希尔-哈撒韦") either lie
 * within one stretch or convert the same character by character.
 */
// Matched by UTF-16 code unit (no "u" flag, which takes the scan twice as long here): both halves
// of a surrogate pair are non-ASCII, so a stretch never begins or ends between them.
const CONVERTIBLE = /[\u0080-\uffff](?:[^<>"'\s=]*[\u0080-\uffff])?/g;
/**
 * The tags a rewrite below can change: those with an attribute it rewrites. Most tags (class, id,
 * aria-*) have none, and are passed over by the expression itself rather than handed one by one
 * to a function that returns them unchanged (a third of the mirror's time on a page).
 */
const REWRITTEN_TAG = /<[a-zA-Z][^>]*?(?:href|action|content|lang)="[^>]*>/g;
const URL_ATTRIBUTE = /\b(href|action|content)="([^"]*)"/g;
const JSON_LD = /(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/g;
const JSON_URL = /"(https?:\/\/[^"]+)"/g;
// A citation quotes the title as printed: the kept <pre> elements (citations), and the citation
// tags of an article's head (citation_*, DC.*, citation-meta.ts), which citation managers save.
const KEPT = new RegExp(`(<pre\\b[^>]*\\b${KEEP_SCRIPT_ATTRIBUTE}\\b[^>]*>[\\s\\S]*?</pre>|<meta name="(?:citation_|DC\\.)[^"]*" content="[^"]*">)`);
const SWITCH = new RegExp(`<a\\b[^>]*\\b${SCRIPT_SWITCH_ATTRIBUTE}\\b[^>]*>[\\s\\S]*?</a>`, "g");

/**
 * The Traditional twin of a built Simplified page: text converted to Traditional characters;
 * `lang`, OpenGraph locale and JSON-LD language switched; links to pages of the site pointed into
 * /zh-hant/; the language switch (which led to /zh-hant/<path>) now leading back to <path>.
 * Other tags that carry `hreflang` (the alternates) are left alone: they already name both versions;
 * so is the text of <pre data-keep-script> elements (citations) and of the citation meta tags.
 */
export function toTraditionalPage(html: string, options: TraditionalPageOptions): string {
  const { site, convert = toTraditionalRun, base = SITE.base } = options;
  // Odd indices of the split are the kept elements.
  const converted = html
    .split(KEPT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CONVERTIBLE, convert)))
    .join("");
  const rewritten = converted
    .replace(REWRITTEN_TAG, (tag) => {
      if (tag.includes("hreflang=")) return tag;
      return tag
        .replace(URL_ATTRIBUTE, (_attr, name: string, value: string) => `${name}="${toTraditionalUrl(value, site, base)}"`)
        .replace(`lang="${SIMPLIFIED.lang}"`, `lang="${TRADITIONAL.lang}"`)
        .replace(/(property="og:locale" content=")[^"]*"/, `$1${TRADITIONAL.ogLocale}"`)
        .replace(/(property="og:locale:alternate" content=")[^"]*"/, `$1${SIMPLIFIED.ogLocale}"`);
    })
    .replace(
      JSON_LD,
      (_, open: string, json: string, close: string) =>
        open +
        json
          .replace(JSON_URL, (_m, url: string) => `"${toTraditionalUrl(url, site, base)}"`)
          .replace(`"inLanguage":"${SIMPLIFIED.lang}"`, `"inLanguage":"${TRADITIONAL.lang}"`) +
        close,
    );
  return rewritten.replace(SWITCH, (link) => {
    const target = /\bhref="([^"]*)"/.exec(link)?.[1] ?? `${TRADITIONAL.prefix}/`;
    const under = base !== "/" && target.startsWith(base) ? base.slice(0, -1) : "";
    const local = target.slice(under.length);
    const back = isTraditionalPath(local) ? under + (local.slice(TRADITIONAL.prefix.length) || "/") : target;
    return link
      .replace(/\bhref="[^"]*"/, `href="${back}"`)
      .replace(/\bhreflang="[^"]*"/, `hreflang="${SIMPLIFIED.lang}"`)
      .replace(/\blang="[^"]*"/, `lang="${SIMPLIFIED.lang}"`)
      .replace(/>[^<]*<\/a>$/, `>${SIMPLIFIED.name}</a>`);
  });
}
