import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hasRange,
  inRange,
  intersectRanges,
  monthsBetween,
  parseDateBound,
  parseDateRange,
  rangeFilter,
  rangeValues,
  yearsInRange,
} from "../../src/lib/search/date-range.ts";

const SPAN = { first: "2021-05-01", last: "2023-01-01" };

describe("date range: reading bounds", () => {
  const cases: [string, "from" | "to", string | null][] = [
    ["2022-09-06", "from", "2022-09-06"],
    ["2022-09-06", "to", "2022-09-06"],
    ["2022-09", "from", "2022-09-01"],
    ["2022-09", "to", "2022-09-30"],
    ["2024-02", "to", "2024-02-29"],
    ["2023-02", "to", "2023-02-28"],
    ["2022", "from", "2022-01-01"],
    ["2022", "to", "2022-12-31"],
    [" 2022-09-06 ", "from", "2022-09-06"],
    ["2022-02-30", "from", null],
    ["2022-13", "from", null],
    ["2022-9-6", "from", null],
    ["yesterday", "to", null],
    ["", "to", null],
  ];
  for (const [text, end, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as a ${end} bound: ${expected}`, () => assert.equal(parseDateBound(text, end), expected));
  }

  it("keeps either end open, and swaps ends given the wrong way round", () => {
    assert.deepEqual(parseDateRange("2022-09-01", null), { from: "2022-09-01", to: null });
    assert.deepEqual(parseDateRange(null, "2022-12-31"), { from: null, to: "2022-12-31" });
    assert.deepEqual(parseDateRange("2022-12-31", "2022-09-01"), { from: "2022-09-01", to: "2022-12-31" });
    assert.deepEqual(parseDateRange("2023", "2022"), { from: "2022-01-01", to: "2023-12-31" });
    assert.equal(hasRange(parseDateRange("bad", "")), false);
  });

  it("tells whether a date lies in a range, ends included", () => {
    const range = { from: "2022-09-01", to: "2022-12-31" };
    assert.equal(inRange("2022-09-01", range), true);
    assert.equal(inRange("2022-12-31", range), true);
    assert.equal(inRange("2022-08-31", range), false);
    assert.equal(inRange("2023-01-01", range), false);
    assert.equal(inRange("1999-01-01", { from: null, to: "2022-01-01" }), true);
  });

  it("intersects ranges", () => {
    assert.deepEqual(intersectRanges({ from: "2022-09-15", to: null }, { from: "2022-09-01", to: "2022-09-30" }), { from: "2022-09-15", to: "2022-09-30" });
    assert.equal(intersectRanges({ from: "2023-01-01", to: null }, { from: "2022-01-01", to: "2022-12-31" }), null);
  });
});

describe("date range: Pagefind's filter", () => {
  it("covers whole months by month and cut months day by day", () => {
    assert.deepEqual(rangeValues({ from: "2022-09-29", to: "2022-12-02" }, SPAN), {
      months: ["2022-10", "2022-11"],
      days: ["2022-09-29", "2022-09-30", "2022-12-01", "2022-12-02"],
    });
    assert.deepEqual(rangeValues({ from: "2022-09-01", to: "2022-12-31" }, SPAN), { months: ["2022-09", "2022-10", "2022-11", "2022-12"], days: [] });
  });

  it("takes an open end, and the months the archive itself cuts, as whole", () => {
    // The archive begins on 2021-05-01 and ends on 2023-01-01: May 2021 and January 2023 are whole as far as it goes.
    const { months, days } = rangeValues({ from: null, to: "2021-06-30" }, SPAN);
    assert.deepEqual([months, days], [["2021-05", "2021-06"], []]);
    assert.deepEqual(rangeValues({ from: "2022-12-01", to: null }, SPAN), { months: ["2022-12", "2023-01"], days: [] });
    assert.deepEqual(rangeValues({ from: "2025-01-01", to: null }, SPAN), { months: [], days: [] });
  });

  it("is Pagefind's `any` of months and days, nothing for a range outside the archive, and a no-op that loads the months when open", () => {
    assert.deepEqual(rangeFilter({ from: "2022-09-30", to: "2022-10-31" }, SPAN), {
      any: [{ month: { any: ["2022-10"] } }, { day: { any: ["2022-09-30"] } }],
    });
    assert.deepEqual(rangeFilter({ from: "2030-01-01", to: null }, SPAN), { any: [{ month: { any: ["0000-00"] } }] });
    assert.deepEqual(rangeFilter({ from: null, to: null }, SPAN), { month: { none: [] } });
  });

  it("lists months across a new year, and the years a range reaches", () => {
    assert.deepEqual(monthsBetween("2022-11", "2023-02"), ["2022-11", "2022-12", "2023-01", "2023-02"]);
    assert.deepEqual(yearsInRange(["2023", "2022", "2021"], { from: "2022-03-01", to: null }), ["2023", "2022"]);
    assert.deepEqual(yearsInRange(["2023", "2022", "2021"], { from: null, to: "2021-12-31" }), ["2021"]);
  });
});
