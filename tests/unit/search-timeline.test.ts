import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTimeline, labelledBuckets, monthCounts, timelineBars } from "../../src/lib/search/timeline.ts";

const OPEN = { from: null, to: null };
const SPAN = { first: "2019-01-02", last: "2024-10-15" };

describe("timeline: buckets", () => {
  it("counts dates per month", () => {
    assert.deepEqual(monthCounts(["2022-09-06", "2022-09-30", "2022-11-08", "bad"]), { "2022-09": 2, "2022-11": 1 });
  });

  it("draws months, gaps included, when the matches lie within two years", () => {
    const timeline = buildTimeline({ "2022-09": 2, "2022-11": 1, "2022-12": 0 }, OPEN, SPAN);
    assert.equal(timeline.unit, "month");
    assert.deepEqual(
      timeline.buckets.map((b) => [b.key, b.count]),
      [["2022-09", 2], ["2022-10", 0], ["2022-11", 1]],
    );
    assert.equal(timeline.total, 3);
    assert.deepEqual(timeline.buckets[0]!.range, { from: "2022-09-01", to: "2022-09-30" });
  });

  it("draws years when the matches span more than two years; a year's count is the sum of its months", () => {
    const timeline = buildTimeline({ "2019-03": 1, "2019-04": 2, "2022-09": 4, "2024-10": 1 }, OPEN, SPAN);
    assert.equal(timeline.unit, "year");
    assert.deepEqual(
      timeline.buckets.map((b) => [b.key, b.count]),
      [["2019", 3], ["2020", 0], ["2021", 0], ["2022", 4], ["2023", 0], ["2024", 1]],
    );
    assert.equal(timeline.buckets.reduce((sum, b) => sum + b.count, 0), timeline.total);
    assert.deepEqual(timeline.buckets[3]!.range, { from: "2022-01-01", to: "2022-12-31" });
  });

  it("shows the chosen range (within the archive), its bars narrowing within it", () => {
    const range = { from: "2022-09-15", to: "2023-02-10" };
    const timeline = buildTimeline({ "2022-09": 1, "2022-12": 2 }, range, SPAN);
    assert.equal(timeline.unit, "month");
    assert.deepEqual(timeline.buckets.map((b) => b.key), ["2022-09", "2022-10", "2022-11", "2022-12", "2023-01", "2023-02"]);
    assert.deepEqual(timeline.buckets[0]!.range, { from: "2022-09-15", to: "2022-09-30" });
    assert.deepEqual(timeline.buckets.at(-1)!.range, { from: "2023-02-01", to: "2023-02-10" });
    // A range reaching before the archive starts where the archive does.
    const early = buildTimeline({ "2019-01": 1 }, { from: "1990-01-01", to: "2019-12-31" }, SPAN);
    assert.equal(early.buckets[0]!.key, "2019-01");
    assert.equal(early.buckets.length, 12);
  });

  it("a range of 24 months is drawn by month, of 25 by year", () => {
    assert.equal(buildTimeline({}, { from: "2021-01-01", to: "2022-12-31" }, SPAN).unit, "month");
    assert.equal(buildTimeline({}, { from: "2021-01-01", to: "2023-01-01" }, SPAN).unit, "year");
  });

  it("is empty without matches or range", () => {
    assert.deepEqual(buildTimeline({}, OPEN, SPAN).buckets, []);
  });
});

describe("timeline: drawing", () => {
  it("places bars in equal slots, heights proportional, a single match still visible", () => {
    const timeline = buildTimeline({ "2022-09": 100, "2022-10": 0, "2022-11": 1 }, OPEN, SPAN);
    const bars = timelineBars(timeline, { width: 300, height: 100, gap: 0.2, minHeight: 2, maxBarWidth: 100 });
    assert.deepEqual(
      bars.map((b) => [b.x, b.width, b.y, b.height]),
      [
        [10, 80, 0, 100],
        [110, 80, 100, 0],
        [210, 80, 98, 2],
      ],
    );
    assert.deepEqual(
      timelineBars(timeline, { width: 300, height: 100, maxBarWidth: 40 }).map((b) => [b.x, b.width]),
      [[30, 40], [130, 40], [230, 40]],
    );
  });

  it("labels every bar that fits, else every k-th", () => {
    const few = buildTimeline({ "2022-09": 1, "2022-11": 1 }, OPEN, SPAN);
    assert.deepEqual([...labelledBuckets(few, 12)], [0, 1, 2]);
    const many = buildTimeline({ "2021-01": 1, "2022-12": 1 }, OPEN, SPAN);
    assert.deepEqual([...labelledBuckets(many, 12)].sort((a, b) => a - b), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 23]);
  });
});
