import assert from "node:assert/strict";
import { test } from "node:test";
import { BUILD_MEMORY_MB, astroMemoryMb, buildMemoryMb, buildPeakMb, indexMemoryMb, maxShardPages, pagesPerYear, planShards, shardPath, shardsAtOnce, shardsToAddAfterSite, bundlePlan, laneMemoryMb } from "../../src/lib/search/index-shards.ts";

const years = (entries: [string, number][]) => new Map(entries);

test("the newest year is a shard of its own; older years run together up to the page limit, oldest first", () => {
  const plan = planShards(years([["2005", 400], ["2006", 500], ["2007", 300], ["2008", 600], ["2009", 100]]), 1000);
  assert.deepEqual(plan.map((s) => [s.name, s.pages]), [["2009", 100], ["2007-2008", 900], ["2005-2006", 900]]);
});

test("a year over the limit is a run of its own", () => {
  const plan = planShards(years([["2001", 50], ["2002", 5000], ["2003", 40], ["2004", 10]]), 1000);
  assert.deepEqual(plan.map((s) => s.name), ["2004", "2003", "2002", "2001"]);
});

test("adding pages to the newest year changes no other shard", () => {
  const before = planShards(years([["2019", 700], ["2020", 800], ["2021", 10]]), 1000);
  const after = planShards(years([["2019", 700], ["2020", 800], ["2021", 900]]), 1000);
  assert.deepEqual(after.slice(1), before.slice(1));
});

test("a new year moves last year into the runs of older years", () => {
  const plan = planShards(years([["2020", 300], ["2021", 400], ["2022", 5]]), 1000);
  assert.deepEqual(plan.map((s) => [s.name, s.years]), [["2022", ["2022"]], ["2020-2021", ["2020", "2021"]]]);
});

test("no pages, no shards; pages per year count article dates; bundle paths end in a slash", () => {
  assert.deepEqual(planShards(new Map()), []);
  assert.deepEqual([...pagesPerYear(["2022-09-06/a", "2022-11-08/b", "2024-10-15/c"])], [["2022", 2], ["2024", 1]]);
  assert.equal(shardPath("2005-2016"), "/pagefind/2005-2016/");
});

test("bundles are as large as the build's memory allows: 4,000 pages at 10,000 articles, 8,000 at 100,000", () => {
  assert.equal(maxShardPages(1_000), 2_000);
  // Astro and the index together take no more than the Pagefind CLI would for the whole archive.
  assert.equal(maxShardPages(10_000), 4_000);
  assert.ok(buildPeakMb(10_000) <= buildMemoryMb(10_000));
  assert.equal(buildMemoryMb(10_000), indexMemoryMb(10_000));
  assert.equal(buildMemoryMb(100_000), BUILD_MEMORY_MB);
  assert.equal(maxShardPages(20_000), 12_000);
  assert.equal(maxShardPages(80_000), 10_000);
  assert.equal(maxShardPages(100_000), 8_000);
  assert.equal(maxShardPages(10_000_000), 2_000);
  // Where `npm run index` warns that the bundles should be built apart.
  assert.ok(buildPeakMb(210_000) > BUILD_MEMORY_MB);
  // Up to ~203,000 articles the budget holds; beyond, the smallest bundles exceed it (docs/scale.md).
  for (const articles of [1_000, 10_000, 30_000, 60_000, 100_000, 150_000, 200_000]) {
    const pages = maxShardPages(articles);
    assert.equal(pages % 2_000, 0);
    assert.equal(buildPeakMb(articles), astroMemoryMb(articles) + indexMemoryMb(pages));
    if (articles >= 10_000) assert.ok(buildPeakMb(articles) <= buildMemoryMb(articles), `${articles} articles: ${pages} pages a bundle`);
  }
});

test("without a limit given, the plan takes the archive's own: 10,000 articles over 21 years are four bundles", () => {
  const perYear = years(Array.from({ length: 21 }, (_, i): [string, number] => [String(2005 + i), i === 20 ? 500 : 475]));
  assert.deepEqual(planShards(perYear).map((s) => s.name), ["2025", "2021-2024", "2013-2020", "2005-2012"]);
  // 100,000 articles: older years of 2,900 pages go in pairs (8,000 a bundle), not in threes (10,000) or alone (4,000).
  const large = years(Array.from({ length: 21 }, (_, i): [string, number] => [String(2005 + i), i === 20 ? 42_000 : 2_900]));
  assert.deepEqual(
    planShards(large).map((shard) => shard.pages),
    [42_000, ...Array.from({ length: 10 }, () => 5_800)],
  );
});

test("two bundles are indexed at once on two cores while both fit beside Astro: at 30,000 articles, not at 10,000 or 100,000", () => {
  assert.equal(shardsAtOnce(30_000, [8_000, 1_428], 2), 2);
  assert.equal(shardsAtOnce(30_000, [8_000, 1_428], 1), 1);
  assert.equal(shardsAtOnce(10_000, [3_800, 3_800, 1_900, 500], 2), 1);
  assert.equal(shardsAtOnce(10_000, [476], 2), 1);
  assert.equal(shardsAtOnce(100_000, [8_000, 8_000, 4_762], 2), 1);
  assert.equal(shardsAtOnce(0, [], 2), 1);
});

test("once the site is built, a waiting shard starts beside a running one when both fit without Astro, one per core", () => {
  // 10,000 articles: with Astro gone, two 3,800-page bundles fit in the CLI's memory; beside Astro, not.
  assert.equal(shardsToAddAfterSite(10_000, [3_800], [476], 2), 1);
  assert.equal(shardsToAddAfterSite(10_000, [3_800], [3_800, 1_900], 2), 1);
  assert.equal(shardsAtOnce(10_000, [3_800, 3_800], 2), 1);
  assert.ok(indexMemoryMb(3_800) + laneMemoryMb(3_800) <= buildMemoryMb(10_000));
  // A lane after the first costs its Pagefind process and worker, not a second index process.
  assert.ok(laneMemoryMb(3_800) < indexMemoryMb(3_800));
  // Never more lanes than cores, nor more than the shards waiting, nor more than memory allows.
  assert.equal(shardsToAddAfterSite(100_000, [4_000], [4_000, 4_000, 4_000], 2), 1);
  assert.equal(shardsToAddAfterSite(100_000, [4_000], [4_000, 4_000, 4_000], 4), 3);
  assert.equal(shardsToAddAfterSite(100_000, [12_000], [12_000, 12_000], 4), 0);
  assert.ok(indexMemoryMb(12_000) + laneMemoryMb(12_000) > BUILD_MEMORY_MB);
  assert.equal(shardsToAddAfterSite(100_000, [4_000, 4_000], [4_000], 2), 0);
  assert.equal(shardsToAddAfterSite(100_000, [4_000], [], 2), 0);
  // With nothing running (every lane between shards), the waiting ones start as memory allows.
  assert.equal(shardsToAddAfterSite(10_000, [], [3_800, 476], 2), 2);
});

test("bundles built apart, each by a job of its own, are sized for the whole machine, not for what Astro leaves", () => {
  // A million articles: 2,000-page bundles beside Astro, 12,000 apart.
  assert.equal(maxShardPages(1_000_000), 2_000);
  assert.equal(maxShardPages(1_000_000, "apart"), 12_000);
  assert.equal(maxShardPages(100_000, "apart"), 12_000);
  // Small archives: never more than Pagefind's CLI needs for all the archive's pages.
  assert.equal(maxShardPages(10_000, "apart"), 10_000);
  assert.ok(buildPeakMb(1_000_000, "apart") <= BUILD_MEMORY_MB);
  assert.equal(buildPeakMb(1_000_000, "apart"), indexMemoryMb(12_000));
  // 100,000 articles over 21 years: a bundle a year beside Astro, two years a bundle apart.
  const perYear = new Map(Array.from({ length: 21 }, (_, i) => [String(2005 + i), i === 20 ? 4_800 : 4_760] as [string, number]));
  const beside = bundlePlan(perYear, "beside-site");
  const apart = bundlePlan(perYear, "apart");
  assert.equal(beside.length, 21);
  assert.equal(apart.length, 11);
  assert.deepEqual(apart.slice(0, 3).map((shard) => shard.name), ["2025", "2023-2024", "2021-2022"]);
  assert.ok(apart.every((shard) => shard.pages <= 12_000));
  // A year is never cut: a year of 50,000 articles is one bundle either way.
  assert.deepEqual(bundlePlan(new Map([["2024", 50_000], ["2025", 50_000]]), "apart").map((shard) => shard.pages), [50_000, 50_000]);
});
