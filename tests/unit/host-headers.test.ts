// The cache rules written for Cloudflare Pages and Netlify: hashed files immutable, the rest revalidated.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hostHeaders } from "../../src/integrations/host-headers.ts";

/** The rules of a _headers text: pattern → Cache-Control value. */
function rules(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let pattern = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) pattern = line;
    else found.set(pattern, line.trim().replace(/^Cache-Control: /u, ""));
  }
  return found;
}

describe("_headers", () => {
  test("Astro's assets and Pagefind's hashed chunks are immutable; Pagefind's entry files are revalidated", () => {
    const found = rules(hostHeaders("/"));
    for (const pattern of ["/_astro/*", "/pagefind/:bundle/fragment/*", "/pagefind/:bundle/index/*", "/pagefind/:bundle/filter/*"]) {
      assert.match(found.get(pattern) ?? "", /max-age=31536000, immutable/u, pattern);
    }
    for (const pattern of ["/pagefind/:bundle/pagefind.js", "/pagefind/:bundle/pagefind-entry.json"]) {
      assert.match(found.get(pattern) ?? "", /max-age=0, must-revalidate/u, pattern);
    }
  });

  test("no catch-all rule: the hosts would merge its value into the immutable ones; pages get the hosts' revalidating default", () => {
    for (const pattern of rules(hostHeaders("/")).keys()) assert.ok(!["/*", "/"].includes(pattern), pattern);
  });

  test("under a base path every rule starts with it", () => {
    for (const base of ["/archive/", "/archive"]) {
      const found = rules(hostHeaders(base));
      assert.ok(found.has("/archive/_astro/*"));
      for (const pattern of found.keys()) assert.ok(pattern.startsWith("/archive/"), pattern);
    }
  });

  test("Cloudflare Pages' limits: at most one splat per rule", () => {
    for (const pattern of rules(hostHeaders("/")).keys()) assert.ok(pattern.split("*").length <= 2, pattern);
  });
});
