/**
 * The search page in the browser: reads the state from the URL, runs it through archive-search.ts
 * and renders results, filter counts and status; every change of query, filter or sort is a new
 * history entry, so back/forward, reload and a shared link restore it.
 *
 * The page's words come from the HTML (a JSON block of labels rendered by the page), so the
 * Traditional mirror of the page, converted at build time like every page, speaks Traditional.
 * Results are rendered as text nodes only; nothing from the index is parsed as HTML.
 *
 * The root element's data-search-state is "loading", "done" or "error": tests wait on it.
 */
import { formatDate } from "../site/format.ts";
import { createArchiveSearch, type ArchiveSearch, type PagefindApi, type SearchOutcome } from "./archive-search.ts";
import { FILTER_KEYS, type FilterKey } from "./index-schema.ts";
import { normaliseQuery } from "./search-query.ts";
import { facetValues, type ResultView } from "./search-results.ts";
import {
  SORT_ORDERS,
  hasFilters,
  parseSearchState,
  searchStateUrl,
  toggleFilter,
  type SearchState,
  type SortOrder,
} from "./search-state.ts";
import { loadToSimplified, loadToTraditional } from "./script-conversion.ts";

/** Results added per "more" click (and shown first). */
export const PAGE_SIZE = 10;
/** Values of a filter shown before "show all". */
const FACET_PREVIEW = 8;
/** Where Pagefind's bundle is served; a URL, so the bundler leaves the import alone. */
const PAGEFIND_URL = "/pagefind/pagefind.js";

export interface SearchLabels {
  filters: Record<FilterKey, string>;
  kinds: Record<string, string>;
  messages: Record<
    | "loading"
    | "found"
    | "latest"
    | "none"
    | "noneFiltered"
    | "shown"
    | "more"
    | "converted"
    | "error"
    | "clearFilters"
    | "showAll"
    | "showFewer"
    | "count",
    string
  >;
}

/** "{count} 篇" with its placeholders filled. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: ${selector} is missing`);
  return found;
}

export function startSearchPage(root: HTMLElement): void {
  const labels = JSON.parse(required<HTMLScriptElement>(root, "[data-search-labels]").textContent ?? "{}") as SearchLabels;
  const form = required<HTMLFormElement>(root, "[data-search-form]");
  const input = required<HTMLInputElement>(form, "input[name=q]");
  const sortSelect = required<HTMLSelectElement>(form, "select[name=sort]");
  const status = required<HTMLElement>(root, "[data-search-status]");
  const note = required<HTMLElement>(root, "[data-search-note]");
  const facets = required<HTMLElement>(root, "[data-search-facets]");
  const list = required<HTMLOListElement>(root, "[data-search-results]");
  const more = required<HTMLButtonElement>(root, "[data-search-more]");
  const traditional = document.documentElement.lang.toLowerCase() === "zh-hant";
  const pagePath = window.location.pathname;
  const expanded = new Set<FilterKey>();

  const search: ArchiveSearch = createArchiveSearch({
    loadPagefind: () => import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindApi>,
    loadToSimplified,
    loadDisplayConvert: traditional ? loadToTraditional : () => Promise.resolve((text: string) => text),
    pathPrefix: traditional ? "/zh-hant" : "",
  });

  let state: SearchState = parseSearchState(window.location.search);
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let generation = 0;

  const message = (key: keyof SearchLabels["messages"], values: Record<string, string | number> = {}) =>
    fillMessage(labels.messages[key], values);

  function showControls(): void {
    input.value = state.query;
    sortSelect.value = SORT_ORDERS.includes(state.sort) ? state.sort : "relevance";
  }

  /** Changes the state from a reader's action: a new history entry, then the search. */
  function navigate(next: SearchState): void {
    state = next;
    window.history.pushState(null, "", searchStateUrl(pagePath, state));
    void run();
  }

  function renderResult(view: ResultView): HTMLLIElement {
    const meta = element("p", { class: "search-result-meta" });
    const parts: (Node | string)[] = [];
    if (view.date) parts.push(element("time", { datetime: view.date }, formatDate(view.date)));
    if (view.kind) parts.push(labels.kinds[view.kind] ?? view.kind);
    if (view.section) parts.push(view.section);
    if (view.byline) parts.push(view.byline);
    const place = [view.location, view.county].filter(Boolean).join(" ");
    if (place) parts.push(place);
    parts.forEach((part, i) => {
      if (i > 0) meta.append(" · ");
      meta.append(part);
    });
    const excerpt = element("p", { class: "search-result-excerpt" });
    for (const part of view.excerpt) excerpt.append(part.mark ? element("mark", {}, part.text) : part.text);
    return element(
      "li",
      { class: "search-result" },
      element("h3", { class: "search-result-title" }, element("a", { href: view.url }, view.title)),
      meta,
      excerpt,
    );
  }

  async function renderFacets(current: SearchOutcome): Promise<void> {
    const convert = await search.displayConvert();
    // The groups are rebuilt; a reader who just ticked a box keeps the focus on it.
    const focused = document.activeElement;
    const focusedBox = focused instanceof HTMLInputElement && facets.contains(focused) ? focused : undefined;
    const focusedToggle = focused instanceof HTMLButtonElement && facets.contains(focused) ? focused.dataset["facetToggle"] : undefined;
    const groups: Node[] = [];
    for (const key of FILTER_KEYS) {
      const values = facetValues(key, current.counts[key], state.filters[key], Object.keys(labels.kinds));
      if (values.length === 0) continue;
      const all = expanded.has(key);
      const visible = all ? values : values.filter((v, i) => i < FACET_PREVIEW || v.selected);
      const items = visible.map((v) => {
        const label = key === "kind" ? (labels.kinds[v.value] ?? v.value) : convert(v.value);
        const box = element("input", { type: "checkbox", name: key, value: v.value });
        box.checked = v.selected;
        return element(
          "li",
          {},
          element("label", {}, box, ` ${label} `, element("span", { class: "search-facet-count" }, message("count", { count: v.count }))),
        );
      });
      const group = element("fieldset", { class: "search-facet" }, element("legend", {}, labels.filters[key]), element("ul", {}, ...items));
      if (values.length > visible.length || all) {
        const toggle = element(
          "button",
          { type: "button", class: "search-facet-toggle", "data-facet-toggle": key, "aria-expanded": String(all) },
          all ? message("showFewer") : message("showAll", { count: values.length }),
        );
        group.append(toggle);
      }
      groups.push(group);
    }
    if (hasFilters(state.filters)) {
      groups.push(element("button", { type: "button", class: "search-clear", "data-clear-filters": "all" }, message("clearFilters")));
    }
    facets.replaceChildren(...groups);
    if (focusedBox) {
      facets.querySelector<HTMLInputElement>(`input[name="${focusedBox.name}"][value="${CSS.escape(focusedBox.value)}"]`)?.focus();
    } else if (focusedToggle) {
      facets.querySelector<HTMLButtonElement>(`[data-facet-toggle="${focusedToggle}"]`)?.focus();
    }
  }

  function renderMore(current: SearchOutcome): void {
    const remaining = current.hits.length - shown;
    more.hidden = remaining <= 0;
    more.textContent = message("more", { n: Math.min(PAGE_SIZE, remaining) });
  }

  function renderNote(current: SearchOutcome): void {
    const typed = normaliseQuery(current.state.query);
    note.replaceChildren();
    if (current.term !== null && current.term !== typed) note.append(message("converted", { term: current.term }));
    if (current.hits.length === 0) {
      const none = element("p", {}, hasFilters(state.filters) ? message("noneFiltered") : message("none", { query: typed }));
      note.append(none);
      if (hasFilters(state.filters)) {
        note.append(element("button", { type: "button", class: "search-clear", "data-clear-filters": "note" }, message("clearFilters")));
      }
    }
  }

  function statusText(current: SearchOutcome): string {
    const count = current.hits.length;
    if (count === 0) return current.term === null ? message("noneFiltered") : message("none", { query: normaliseQuery(current.state.query) });
    const total = current.term === null ? message("latest", { count }) : message("found", { count });
    return shown < count ? `${total} ${message("shown", { shown, count })}` : total;
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    showControls();
    status.textContent = message("loading");
    list.setAttribute("aria-busy", "true");
    root.dataset["searchState"] = "loading";
    try {
      const next = await search.run(state);
      const views = await search.views(next, 0, PAGE_SIZE);
      if (mine !== generation) return;
      outcome = next;
      shown = views.length;
      list.replaceChildren(...views.map(renderResult));
      renderNote(next);
      renderMore(next);
      await renderFacets(next);
      if (mine !== generation) return;
      status.textContent = statusText(next);
      root.dataset["searchState"] = "done";
    } catch (error) {
      if (mine !== generation) return;
      console.warn("search: the search failed", error);
      outcome = undefined;
      list.replaceChildren();
      more.hidden = true;
      note.replaceChildren();
      status.textContent = message("error");
      root.dataset["searchState"] = "error";
    } finally {
      if (mine === generation) list.removeAttribute("aria-busy");
    }
  }

  async function showMore(): Promise<void> {
    if (!outcome) return;
    const current = outcome;
    const mine = generation;
    more.disabled = true;
    root.dataset["searchState"] = "loading";
    try {
      const views = await search.views(current, shown, PAGE_SIZE);
      if (mine !== generation) return;
      const items = views.map(renderResult);
      list.append(...items);
      shown += views.length;
      renderMore(current);
      status.textContent = statusText(current);
      items[0]?.querySelector("a")?.focus();
    } catch (error) {
      console.warn("search: loading more results failed", error);
      status.textContent = message("error");
    } finally {
      more.disabled = false;
      if (mine === generation) root.dataset["searchState"] = "done";
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate({ ...state, query: input.value.trim(), sort: sortSelect.value as SortOrder });
  });
  sortSelect.addEventListener("change", () => navigate({ ...state, query: input.value.trim(), sort: sortSelect.value as SortOrder }));
  facets.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !(FILTER_KEYS as readonly string[]).includes(box.name)) return;
    navigate(toggleFilter(state, box.name as FilterKey, box.value, box.checked));
  });
  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    const facet = target.dataset["facetToggle"] as FilterKey | undefined;
    if (facet) {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      if (outcome) void renderFacets(outcome);
    } else if (target.dataset["clearFilters"]) {
      navigate({ ...state, filters: parseSearchState("").filters });
      input.focus();
    }
  });
  more.addEventListener("click", () => void showMore());
  window.addEventListener("popstate", () => {
    state = parseSearchState(window.location.search);
    void run();
  });

  // A hand-edited or shared URL is rewritten to the state's own form, without a new entry.
  window.history.replaceState(null, "", searchStateUrl(pagePath, state));
  void run();
}
