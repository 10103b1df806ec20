/**
 * rehype plugin: article bodies are newspaper text, so a link or image whose URL could run
 * script (javascript:, data:, vbscript:) can only come from damaged or hostile input. Such a
 * link is unwrapped to its text and such an image dropped; nothing else is touched.
 * (Raw HTML never reaches this point: the Markdown processor is configured to drop it.)
 */
import type { Element, ElementContent, Root, RootContent } from "hast";

const SAFE_PROTOCOL = /^(?:https?|mailto):/i;

/** True for relative URLs and http(s)/mailto ones. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || SAFE_PROTOCOL.test(compact);
}

function cleanChildren(children: (RootContent | ElementContent)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type !== "element") {
      if (child.type !== "doctype") out.push(child);
      continue;
    }
    child.children = cleanChildren(child.children);
    const href = urlProperty(child, "href");
    const src = urlProperty(child, "src");
    if (href !== undefined && !isSafeUrl(href)) {
      out.push(...child.children);
    } else if (src !== undefined && !isSafeUrl(src)) {
      continue;
    } else {
      out.push(child);
    }
  }
  return out;
}

function urlProperty(element: Element, name: "href" | "src"): string | undefined {
  const value = element.properties[name];
  return value === undefined || value === null ? undefined : String(value);
}

export function rehypeSafeUrls() {
  return (tree: Root): void => {
    tree.children = cleanChildren(tree.children);
  };
}
