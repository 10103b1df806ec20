// Every internal link of the built site (dist/, both scripts) leads to a file of the build.
// Absolute links on the site's own origin (canonical, hreflang, og:url are not checked: only
// a, link, script, img and source) count as internal.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkInternalLinks, formatBrokenLinks } from "../support/link-check.ts";
import { DIST, siteOrigin } from "../support/site-paths.ts";

test("every internal link in the built site resolves", async (t) => {
  const { checked, broken } = await checkInternalLinks(DIST, { site: siteOrigin() });
  t.diagnostic(`${checked} internal links checked`);
  if (broken.length > 0) console.error(formatBrokenLinks(broken));
  assert.ok(checked > 1000, `only ${checked} internal links found: is dist/ built?`);
  assert.deepEqual(broken, [], formatBrokenLinks(broken));
});
