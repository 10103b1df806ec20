/**
 * A strict little XML reader for the SVG strings of src/lib/site (charts, region map): it fails
 * on anything not well-formed (unbalanced tags, unquoted or repeated attributes, a bare < or &),
 * and returns a tree to query. Enough for our generated markup, which has no comments or CDATA.
 */
import assert from "node:assert/strict";

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  children: SvgElement[];
  /** Character data directly inside this element, entities decoded. */
  text: string;
}

function decode(text: string): string {
  assert.doesNotMatch(text, /&(?!#\d+;|#x[0-9a-f]+;|amp;|lt;|gt;|quot;|apos;)/i, `bare & in ${text}`);
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function parseSvg(markup: string): SvgElement {
  const root: SvgElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: SvgElement[] = [root];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < markup.length) {
    token.lastIndex = at;
    match = token.exec(markup);
    assert.ok(match, `not well-formed at ${at}: ${markup.slice(at, at + 60)}`);
    at = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const parent = stack.at(-1)!;
    if (text !== undefined) {
      parent.text += decode(text);
    } else if (closing) {
      assert.equal(parent.name, name, `</${name}> closes <${parent.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        assert.ok(!(key! in attributes), `repeated attribute ${key} on <${name}>`);
        attributes[key!] = decode(value!);
      }
      const element: SvgElement = { name: name!, attributes, children: [], text: "" };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  assert.equal(stack.length, 1, `unclosed <${stack.at(-1)!.name}>`);
  assert.equal(root.children.length, 1, "one root element");
  return root.children[0]!;
}

export function findAll(element: SvgElement, name: string): SvgElement[] {
  const found: SvgElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}

/** All character data inside an element: its own first, then its descendants'. */
export function textContent(element: SvgElement): string {
  return element.text + element.children.map(textContent).join("");
}
