// The search page's filter panel, as a model (src/lib/search/search-page/facet-panel.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FacetCounts } from "../../src/lib/search/archive-search.ts";
import { FILTER_KEYS, type FilterKey } from "../../src/lib/search/index-schema.ts";
import { searchLabels } from "../../src/lib/search/search-labels.ts";
import { emptySearchState, type SearchState } from "../../src/lib/search/search-state.ts";
import { FACET_PREVIEW, facetPanel } from "../../src/lib/search/search-page/facet-panel.ts";
import { messageOf } from "../../src/lib/search/search-page/messages.ts";

const labels = searchLabels();
const message = messageOf(labels);

function counts(values: Partial<FacetCounts>): FacetCounts {
  return { ...(Object.fromEntries(FILTER_KEYS.map((key) => [key, {}])) as FacetCounts), ...values };
}

function state(filters: Partial<SearchState["filters"]> = {}): SearchState {
  return { ...emptySearchState(), query: "党建", filters: { ...emptySearchState().filters, ...filters } };
}

const context = (expanded: FilterKey[] = [], convert = (text: string) => text) => ({ labels, message, convert, expanded: new Set(expanded) });

/** Twelve people, 甲 with the most articles. */
const PEOPLE = Object.fromEntries([..."甲乙丙丁戊己庚辛壬癸子丑"].map((name, i) => [name, 12 - i]));

describe("filter panel", () => {
  it("shows only the filters with values, each named, values by count with their counts as shown", () => {
    const panel = facetPanel(counts({ region: { 包头市: 2, 赤峰市: 5, 通辽市: 0 }, kind: { notice: 1, article: 4 } }), state(), context());
    assert.deepEqual(panel.groups.map((g) => [g.key, g.legend]), [["region", "盟市"], ["kind", "体裁"]]);
    assert.deepEqual(panel.groups[0]!.options, [
      { value: "赤峰市", label: "赤峰市", count: "（5）", selected: false },
      { value: "包头市", label: "包头市", count: "（2）", selected: false },
    ]);
    // Kinds in their fixed order, by their names.
    assert.deepEqual(panel.groups[1]!.options.map((o) => [o.value, o.label]), [["article", "报道"], ["notice", "公告"]]);
    assert.equal(panel.offerClear, false);
  });

  it(`shows ${FACET_PREVIEW} values and a chosen one beyond them, with a button for all; all once asked, with a button for fewer`, () => {
    const chosen = state({ person: ["丑"] });
    const preview = facetPanel(counts({ person: PEOPLE }), chosen, context()).groups[0]!;
    assert.deepEqual(preview.options.map((o) => o.value), [..."甲乙丙丁戊己庚辛丑"]);
    assert.deepEqual(preview.toggle, { expanded: false, text: "显示全部 12 项" });
    assert.equal(preview.options.at(-1)!.selected, true);
    const all = facetPanel(counts({ person: PEOPLE }), chosen, context(["person"])).groups[0]!;
    assert.equal(all.options.length, 12);
    assert.deepEqual(all.toggle, { expanded: true, text: "收起" });
    assert.equal(facetPanel(counts({ region: { 包头市: 1 } }), state(), context()).groups[0]!.toggle, null);
  });

  it("keeps a value's index form and converts its label; offers to clear while anything narrows", () => {
    const panel = facetPanel(counts({ region: { 包头市: 1 } }), state({ region: ["包头市"] }), context([], (t) => t.replace("头", "頭")));
    assert.deepEqual(panel.groups[0]!.options, [{ value: "包头市", label: "包頭市", count: "（1）", selected: true }]);
    assert.equal(panel.offerClear, true);
    const ranged = { ...state(), range: { from: "2022-01-01", to: null } };
    assert.equal(facetPanel(counts({}), ranged, context()).offerClear, true);
  });
});
