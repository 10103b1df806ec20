import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Element, Root } from "hast";
import { isSafeUrl, rehypeSafeUrls } from "../../src/lib/articles/rehype-safe-urls.ts";

describe("isSafeUrl", () => {
  const table: [string, boolean][] = [
    ["https://example.org/", true],
    ["http://example.org/", true],
    ["mailto:a@b.c", true],
    ["/issues/", true],
    ["#x", true],
    ["page.html", true],
    ["javascript:alert(1)", false],
    ["JavaScript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["vbscript:x", false],
  ];
  for (const [url, safe] of table) it(`${JSON.stringify(url)} → ${safe}`, () => assert.equal(isSafeUrl(url), safe));
});

function el(tagName: string, properties: Element["properties"], children: Element["children"] = []): Element {
  return { type: "element", tagName, properties, children };
}

describe("rehypeSafeUrls", () => {
  it("unwraps script links to their text and drops script images, keeping the rest", () => {
    const tree: Root = {
      type: "root",
      children: [
        el("p", {}, [
          el("a", { href: "javascript:alert(1)" }, [{ type: "text", value: "x" }]),
          { type: "text", value: " 与 " },
          el("a", { href: "https://example.org/" }, [{ type: "text", value: "ok" }]),
          el("img", { src: "data:image/svg+xml,<svg onload=alert(1)>" }),
          el("img", { src: "/a.png" }),
        ]),
      ],
    };
    rehypeSafeUrls()(tree);
    const p = tree.children[0] as Element;
    assert.deepEqual(
      p.children.map((c) => (c.type === "element" ? `${c.tagName}:${String(c.properties.href ?? c.properties.src)}` : `text:${c.type === "text" ? c.value : ""}`)),
      ["text:x", "text: 与 ", "a:https://example.org/", "img:/a.png"],
    );
  });
});
