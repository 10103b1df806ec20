// Every internal link of the built site (both scripts) leads to a file of the build. Absolute
// links on the site's own origin (canonical, hreflang, og:url are not checked: only a, link,
// script, img and source) count as internal. Under a base path every link must carry it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkInternalLinks, formatBrokenLinks } from "../support/link-check.ts";
import { seedSite } from "../support/test-site.ts";

const site = await seedSite();

test(`every internal link in the built site resolves (base path ${site.base})`, async (t) => {
  const { checked, broken } = await checkInternalLinks(site.dist, { site: new URL(site.siteUrl).origin, base: site.base });
  t.diagnostic(`${checked} internal links checked`);
  if (broken.length > 0) console.error(formatBrokenLinks(broken));
  assert.ok(checked > 1000, `only ${checked} internal links found: is the site built?`);
  assert.deepEqual(broken, [], formatBrokenLinks(broken));
});
