import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MONTH_DAYS, calendarDay, monthDayOf, onThisDay, onThisDayPicks } from "../../src/lib/site/on-this-day.ts";
import { sampleEntry } from "../support/sample-entries.ts";

const entries = [
  sampleEntry("2022-11-08/a", { order: 1 }),
  sampleEntry("2022-11-08/b", { order: 2 }),
  sampleEntry("2022-11-08/c", { order: 3 }),
  sampleEntry("2023-11-08/d", { order: 2 }),
  sampleEntry("2023-11-08/e", { order: 1 }),
  sampleEntry("2023-11-08/gong-gao", { kind: "notice", order: 3 }),
  sampleEntry("2025-11-08/f", { order: 1 }),
  sampleEntry("2022-11-09/g", { order: 1 }),
];

describe("on this day", () => {
  it("has a file for every day of a leap year", () => {
    assert.equal(MONTH_DAYS.length, 366);
    assert.equal(new Set(MONTH_DAYS).size, 366);
    assert.deepEqual([MONTH_DAYS[0], MONTH_DAYS[59], MONTH_DAYS[365]], ["01-01", "02-29", "12-31"]);
    assert.equal(monthDayOf("2022-11-08"), "11-08");
  });

  it("picks each year's lead first, newest year first, then each year's second item; never a notice", () => {
    const picks = onThisDayPicks(entries, 5);
    assert.deepEqual(picks.get("11-08")!.map((e) => e.id), ["2025-11-08/f", "2023-11-08/e", "2022-11-08/a", "2023-11-08/d", "2022-11-08/b"]);
    assert.deepEqual(picks.get("11-09")!.map((e) => e.id), ["2022-11-09/g"]);
    assert.equal(picks.has("01-01"), false);
  });

  it("shows the picks of earlier years only, at most the number asked for", () => {
    const picks = onThisDayPicks(entries);
    assert.deepEqual(onThisDay(picks, { year: 2025, monthDay: "11-08" }, 3).map((e) => e.id), ["2023-11-08/e", "2022-11-08/a", "2023-11-08/d"]);
    assert.deepEqual(onThisDay(picks, { year: 2022, monthDay: "11-08" }), []);
    assert.deepEqual(onThisDay(picks, { year: 2030, monthDay: "02-29" }), []);
  });

  it("takes today in the paper's time zone", () => {
    // 16:30 UTC on 4 December is already 5 December in Beijing time.
    assert.deepEqual(calendarDay(new Date("2026-12-04T16:30:00Z")), { year: 2026, monthDay: "12-05" });
    assert.deepEqual(calendarDay(new Date("2026-12-31T16:30:00Z")), { year: 2027, monthDay: "01-01" });
    assert.deepEqual(calendarDay(new Date("2026-12-04T16:30:00Z"), "UTC"), { year: 2026, monthDay: "12-04" });
  });
});
