/**
 * The site's two scripts. Every page is written in Simplified Chinese at its plain path and
 * mirrored in Traditional Chinese under /zh-hant/ with the same path after the prefix
 * (paths.ts makes those paths; traditional.ts produces the mirror after the build).
 */
import { TRADITIONAL_PREFIX, traditionalPath } from "./paths.ts";
import { SITE } from "./site-info.ts";

export interface ScriptLocale {
  /** BCP 47 tag for `lang` and `hreflang`. */
  lang: string;
  /** OpenGraph locale. */
  ogLocale: string;
  /** The name of the script, written in that script (the language switch shows it). */
  name: string;
  /** Path prefix of this script's pages ("" for the Simplified originals). */
  prefix: string;
}

export const SIMPLIFIED: ScriptLocale = { lang: "zh-CN", ogLocale: "zh_CN", name: "简体中文", prefix: "" };
export const TRADITIONAL: ScriptLocale = { lang: "zh-Hant", ogLocale: "zh_TW", name: "繁體中文", prefix: TRADITIONAL_PREFIX };

/** Marks the language-switch link, which the mirror replaces with the link back. */
export const SCRIPT_SWITCH_ATTRIBUTE = "data-script-switch";

/**
 * Marks a <pre> whose text stays in the original script on the Traditional page too: a citation
 * must quote the title as printed.
 */
export const KEEP_SCRIPT_ATTRIBUTE = "data-keep-script";

export interface LanguageAlternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates for a Simplified page path: both scripts, and x-default → Simplified.
 * Identical on both versions of a page, so the mirror leaves them as they are. None when the
 * config turns the Traditional mirror off.
 */
export function languageAlternates(path: string, site: URL | string, traditional: boolean = SITE.traditional): LanguageAlternate[] {
  if (!traditional) return [];
  const simplified = new URL(path, site).href;
  return [
    { hreflang: SIMPLIFIED.lang, href: simplified },
    { hreflang: TRADITIONAL.lang, href: new URL(traditionalPath(path), site).href },
    { hreflang: "x-default", href: simplified },
  ];
}
