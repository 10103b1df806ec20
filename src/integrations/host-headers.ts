/**
 * Writes `_headers` into the output folder: the cache rules that Cloudflare Pages and Netlify
 * read from it (docs/deploy.md). Files whose names carry a hash of their content (Astro's
 * /_astro/ assets; Pagefind's fragment, index and filter chunks) never change under one URL, so
 * a browser keeps them a year without asking; everything else (HTML pages, feeds, the data
 * exports, Pagefind's entry files) is revalidated on every visit, so a new issue shows at once.
 * Written from the configured base path, so a site under /archive/ gets /archive/_astro/*.
 */
import type { AstroIntegration } from "astro";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const HEADERS_FILE = "_headers";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * The `_headers` text for a site under `base` ("/" or "/archive/"). Both hosts merge the headers
 * of every rule a URL matches (a catch-all "/*" rule would add its value to the immutable ones),
 * so no two rules here match one URL, and pages are left to the hosts' default for what no rule
 * names, which is to revalidate (`public, max-age=0, must-revalidate` on both). Pagefind's
 * entry files keep their names across builds and are named here too, so that a host with
 * another default still revalidates them. (Cloudflare Pages allows one splat per rule;
 * ":bundle" stands for one of Pagefind's bundle folders.)
 */
export function hostHeaders(base: string): string {
  const at = base.endsWith("/") ? base : `${base}/`;
  const rule = (pattern: string, value: string) => `${at}${pattern}\n  Cache-Control: ${value}\n`;
  return [
    "# Written by the build (src/integrations/host-headers.ts); see docs/deploy.md.\n",
    rule("_astro/*", IMMUTABLE),
    rule("pagefind/:bundle/fragment/*", IMMUTABLE),
    rule("pagefind/:bundle/index/*", IMMUTABLE),
    rule("pagefind/:bundle/filter/*", IMMUTABLE),
    rule("pagefind/:bundle/pagefind.js", REVALIDATE),
    rule("pagefind/:bundle/pagefind-entry.json", REVALIDATE),
    rule("pagefind/:bundle/pagefind-worker.js", REVALIDATE),
  ].join("\n");
}

/** `base`: the config's base path (the site is built at the root and rebased: base-path.ts). */
export function hostHeadersFile(options: { base: string }): AstroIntegration {
  return {
    name: "archive:host-headers",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        await writeFile(path.join(fileURLToPath(dir), HEADERS_FILE), hostHeaders(options.base));
      },
    },
  };
}
