// The timeline of matches as a drawing model (src/lib/search/search-page/timeline-chart.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchLabels } from "../../src/lib/search/search-labels.ts";
import { emptySearchState, type SearchState } from "../../src/lib/search/search-state.ts";
import { messageOf } from "../../src/lib/search/search-page/messages.ts";
import { CHART, TIMELINE_CAPTION_ID, timelineChart } from "../../src/lib/search/search-page/timeline-chart.ts";

const message = messageOf(searchLabels());
const SPAN = { first: "2021-03-05", last: "2023-06-18" };
const query = (range = { from: null as string | null, to: null as string | null }): SearchState => ({ ...emptySearchState(), query: "草原", range });

describe("timeline chart", () => {
  it("draws nothing without matches", () => {
    assert.equal(timelineChart({}, query(), SPAN, "/search/", message), null);
  });

  it("draws a year per slot over more than two years, each with a match a link narrowing the range", () => {
    const chart = timelineChart({ "2021-03": 1, "2021-11": 1, "2023-06": 2 }, query(), SPAN, "/search/", message)!;
    assert.equal(chart.captionId, TIMELINE_CAPTION_ID);
    assert.equal(chart.caption, "各年份的匹配文章数（共 4 篇），点击柱条只看那一年");
    assert.equal(chart.viewBox, `0 0 ${CHART.width} ${CHART.height + CHART.labels}`);
    assert.deepEqual(chart.marks.map((m) => [m.key, m.name, m.link?.count ?? null]), [
      ["2021", "2021年：2 篇", 2],
      ["2022", "2022年：0 篇", null],
      ["2023", "2023年：2 篇", 2],
    ]);
    const link = chart.marks[0]!.link!;
    assert.equal(link.href, `/search/?q=${encodeURIComponent("草原")}&from=2021-01-01&to=2021-12-31`);
    assert.deepEqual([link.from, link.to], ["2021-01-01", "2021-12-31"]);
    // The slot is the whole column's height; the bar stands on the axis.
    assert.equal(link.slot.height, CHART.height);
    assert.equal(link.bar.y + link.bar.height, CHART.height);
    assert.deepEqual(chart.marks.map((m) => m.label?.text), ["2021", "2022", "2023"]);
  });

  it("draws months within a range of two years, labels naming the year on the first and on January", () => {
    const chart = timelineChart({ "2022-11": 1, "2023-01": 3 }, query({ from: "2022-11-01", to: "2023-02-28" }), SPAN, "/zh-hant/search/", message)!;
    assert.match(chart.caption, /各月份/);
    assert.deepEqual(chart.marks.map((m) => m.label?.text), ["2022.11", "12", "2023.1", "2"]);
    assert.equal(chart.marks[2]!.name, "2023年1月：3 篇");
    assert.ok(chart.marks[2]!.link!.href.startsWith("/zh-hant/search/?"));
  });
});
