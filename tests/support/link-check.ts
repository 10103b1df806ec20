// Internal link checker over a built site (dist/). Parses every .html file
// with parse5 (the spec-compliant parser already installed via Astro's
// markdown/rehype stack), collects href/src/srcset of a, link, script, img and
// source, and verifies each internal target exists in dist: a file, or a
// directory containing index.html.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export interface BrokenLink {
  /** The page containing the link, relative to dist with "/" separators. */
  page: string;
  /** The attribute value exactly as written in the page. */
  href: string;
}

export interface LinkCheckResult {
  /** Number of internal references checked (each occurrence counts). */
  checked: number;
  broken: BrokenLink[];
}

export interface LinkCheckOptions {
  /** Astro `base` the site is deployed under, e.g. "/archive/". Default "/". */
  base?: string;
  /** Astro `site` origin; absolute URLs on this origin are checked as internal. */
  site?: string;
}

const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
};

// Placeholder origin used to resolve relative URLs; never contacted.
const LOCAL_ORIGIN = "http://dist.invalid";

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = "childNodes" in node ? [...node.childNodes] : [];
  if (isElement(node) && node.tagName === "template" && "content" in node) {
    children.push(...(node as DefaultTreeAdapterTypes.Template).content.childNodes);
  }
  return children;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** URLs from a srcset attribute ("a.webp 1x, b.webp 2x" -> ["a.webp", "b.webp"]). */
export function parseSrcset(srcset: string): string[] {
  return srcset
    .split(/,(?=\s|$)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/** All link-like attribute values in an HTML document, plus its <base href> if any. */
export function extractLinks(html: string): { baseHref: string | undefined; links: string[] } {
  const links: string[] = [];
  let baseHref: string | undefined;
  const stack: Node[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (node.tagName === "base" && baseHref === undefined) baseHref = attr(node, "href");
      for (const name of LINK_ATTRIBUTES[node.tagName] ?? []) {
        const value = attr(node, name);
        if (value === undefined) continue;
        if (name === "srcset") links.push(...parseSrcset(value));
        else links.push(value.trim());
      }
    }
    stack.push(...childrenOf(node).reverse());
  }
  return { baseHref, links };
}

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export async function checkInternalLinks(
  distDir: string,
  options: LinkCheckOptions = {},
): Promise<LinkCheckResult> {
  const root = path.resolve(distDir);
  const base = normaliseBase(options.base ?? "/");
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const existsCache = new Map<string, Promise<boolean>>();

  async function isFile(p: string): Promise<boolean> {
    try {
      return (await stat(p)).isFile();
    } catch {
      return false;
    }
  }

  /** Whether a decoded site path (starting with "/") resolves to something servable. */
  function targetExists(sitePath: string): Promise<boolean> {
    let cached = existsCache.get(sitePath);
    if (!cached) {
      cached = (async () => {
        const fsPath = path.resolve(root, "." + sitePath);
        if (fsPath !== root && !fsPath.startsWith(root + path.sep)) return false;
        if (sitePath.endsWith("/")) return isFile(path.join(fsPath, "index.html"));
        return (await isFile(fsPath)) || isFile(path.join(fsPath, "index.html"));
      })();
      existsCache.set(sitePath, cached);
    }
    return cached;
  }

  /** Returns the site path (without base) to check, or null for external/ignored refs. */
  function internalPath(href: string, pageUrl: URL): string | null | "broken" {
    if (href === "" || href.startsWith("#")) return null;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      return "broken";
    }
    const internal = url.origin === LOCAL_ORIGIN || (siteOrigin !== undefined && url.origin === siteOrigin);
    if (!internal || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
    if (!url.pathname.startsWith(base)) {
      return url.pathname + "/" === base ? "/" : "broken";
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname.slice(base.length - 1));
    } catch {
      return "broken";
    }
    return decoded;
  }

  const files = await listHtmlFiles(root);
  const broken: BrokenLink[] = [];
  let checked = 0;

  async function checkPage(file: string): Promise<void> {
    const page = path.relative(root, file).split(path.sep).join("/");
    const { baseHref, links } = extractLinks(await readFile(file, "utf8"));
    let pageUrl = new URL(base + page.split("/").map(encodeURIComponent).join("/"), LOCAL_ORIGIN);
    if (baseHref) {
      try {
        pageUrl = new URL(baseHref, pageUrl);
      } catch {
        // Ignore an unparsable <base href>; browsers do the same.
      }
    }
    for (const href of links) {
      const target = internalPath(href, pageUrl);
      if (target === null) continue;
      checked++;
      if (target === "broken" || !(await targetExists(target))) broken.push({ page, href });
    }
  }

  // Small worker pool: a news archive can have thousands of pages.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) await checkPage(files[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));

  broken.sort((a, b) => a.page.localeCompare(b.page) || a.href.localeCompare(b.href));
  return { checked, broken };
}

/** Readable multi-line summary for assertion messages. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  if (broken.length === 0) return "no broken internal links";
  return [
    `${broken.length} broken internal link(s):`,
    ...broken.map((b) => `  ${b.page}: ${b.href}`),
  ].join("\n");
}
