/**
 * The search page in the browser: reads the state from the URL, runs it through archive-search.ts
 * and renders results, status and (once the reader opens the filter panel, or the URL already
 * chooses filters) the filters with their counts. Every change of query, filter or sort is a new
 * history entry, so back/forward, reload and a shared link all restore it.
 *
 * The page's words come from the HTML (a JSON block of labels rendered by the page), so the
 * Traditional mirror of the page, converted at build time like every page, speaks Traditional.
 * Results are rendered as text nodes only; nothing from the index is parsed as HTML.
 *
 * The root element's data-search-state is "loading", "done" or "error": tests wait on it.
 */
import { formatDate } from "../site/format.ts";
import { createArchiveSearch, type ArchiveSearch, type FacetCounts, type PagefindApi, type SearchOutcome } from "./archive-search.ts";
import { FILTER_KEYS, type FilterKey } from "./index-schema.ts";
import { shardPath } from "./index-shards.ts";
import { normaliseQuery } from "./search-query.ts";
import { facetValues, resultLabels, type ResultView } from "./search-results.ts";
import {
  SORT_ORDERS,
  emptyFilters,
  hasFilters,
  parseSearchState,
  searchStateUrl,
  toggleFilter,
  type SearchState,
  type SortOrder,
} from "./search-state.ts";
import { loadToSimplified, loadToTraditional } from "./script-conversion.ts";

/** Results added per "more" press (and shown first). */
export const PAGE_SIZE = 10;
/** Values of a filter shown before "show all". */
const FACET_PREVIEW = 8;

export interface SearchLabels {
  filters: Record<FilterKey, string>;
  kinds: Record<string, string>;
  messages: Record<
    | "loading"
    | "found"
    | "latest"
    | "none"
    | "noneFiltered"
    | "noneListed"
    | "removeFilters"
    | "shown"
    | "more"
    | "converted"
    | "error"
    | "showFilters"
    | "hideFilters"
    | "clearFilters"
    | "showAll"
    | "showFewer"
    | "count",
    string
  >;
}

/** A message with its {placeholders} filled. */
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
  const list = required<HTMLOListElement>(root, "[data-search-results]");
  const more = required<HTMLButtonElement>(root, "[data-search-more]");
  const filtersToggle = required<HTMLButtonElement>(root, "[data-filters-toggle]");
  const facets = required<HTMLElement>(root, "[data-search-facets]");
  const traditional = document.documentElement.lang.toLowerCase() === "zh-hant";
  const pagePath = window.location.pathname;
  const expanded = new Set<FilterKey>();

  const search: ArchiveSearch = createArchiveSearch({
    shards: JSON.parse(root.dataset["searchShards"] ?? "[]") as string[],
    years: JSON.parse(root.dataset["searchYears"] ?? "[]") as string[],
    // A URL, so the bundler leaves the import alone.
    loadPagefind: (shard) => import(/* @vite-ignore */ `${shardPath(shard)}pagefind.js`) as Promise<PagefindApi>,
    shardPath,
    loadToSimplified,
    queryConversion: traditional ? "always" : "traditional-characters",
    loadDisplayConvert: traditional ? loadToTraditional : () => Promise.resolve((text: string) => text),
    pathPrefix: traditional ? "/zh-hant" : "",
  });

  let state: SearchState = parseSearchState(window.location.search);
  let outcome: SearchOutcome | undefined;
  let counts: FacetCounts | undefined;
  let shown = 0;
  let generation = 0;
  // Counting loads every filter's file, so the panel opens on request, or by itself when the
  // URL chooses filters (their files are loaded for the search anyway).
  let filtersOpen = hasFilters(state.filters);

  const message = (key: keyof SearchLabels["messages"], values: Record<string, string | number> = {}) =>
    fillMessage(labels.messages[key], values);

  function showControls(): void {
    input.value = state.query;
    sortSelect.value = SORT_ORDERS.includes(state.sort) ? state.sort : "relevance";
    filtersToggle.setAttribute("aria-expanded", String(filtersOpen));
    filtersToggle.textContent = filtersOpen ? message("hideFilters") : message("showFilters");
    facets.hidden = !filtersOpen;
  }

  /** Changes the state from a reader's action: a new history entry, then the search. */
  function navigate(next: SearchState): void {
    state = next;
    window.history.pushState(null, "", searchStateUrl(pagePath, state));
    void run();
  }

  function renderResult(view: ResultView): HTMLLIElement {
    const described = resultLabels(view, labels.kinds);
    const meta = element("p", { class: "search-result-meta" });
    const parts: (Node | string)[] = view.date ? [element("time", { datetime: view.date }, formatDate(view.date))] : [];
    parts.push(...described.meta);
    parts.forEach((part, i) => {
      if (i > 0) meta.append(" · ");
      meta.append(part);
    });
    const excerpt = element("p", { class: "search-result-excerpt" });
    for (const part of view.excerpt) excerpt.append(part.mark ? element("mark", {}, part.text) : part.text);
    const title = element("h3", { class: "search-result-title" }, element("a", { href: view.url }, view.title));
    if (described.tag) title.prepend(element("span", { class: "search-result-tag" }, described.tag), " ");
    return element(
      "li",
      { class: "search-result", ...(view.kind ? { "data-kind": view.kind } : {}) },
      title,
      meta,
      excerpt,
    );
  }

  async function renderFacets(): Promise<void> {
    if (!counts) return;
    const convert = await search.displayConvert();
    // The groups are rebuilt; a reader who just ticked a box keeps the focus on it.
    const focused = document.activeElement;
    const focusedBox = focused instanceof HTMLInputElement && facets.contains(focused) ? focused : undefined;
    const focusedToggle = focused instanceof HTMLButtonElement && facets.contains(focused) ? focused.dataset["facetToggle"] : undefined;
    const groups: Node[] = [];
    for (const key of FILTER_KEYS) {
      const values = facetValues(key, counts[key], state.filters[key], Object.keys(labels.kinds));
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
        group.append(
          element(
            "button",
            { type: "button", class: "search-facet-toggle", "data-facet-toggle": key, "aria-expanded": String(all) },
            all ? message("showFewer") : message("showAll", { count: values.length }),
          ),
        );
      }
      groups.push(group);
    }
    if (hasFilters(state.filters)) {
      groups.push(element("button", { type: "button", class: "search-clear", "data-clear-filters": "panel" }, message("clearFilters")));
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
    note.replaceChildren();
    if (current.term !== null && current.term !== normaliseQuery(current.state.query)) {
      note.append(element("p", {}, message("converted", { term: current.term })));
    }
    if (current.hits.length === 0 && hasFilters(current.state.filters)) {
      note.append(element("button", { type: "button", class: "search-clear", "data-clear-filters": "note" }, message("clearFilters")));
    }
  }

  function statusText(current: SearchOutcome): string {
    const count = current.hits.length;
    if (count === 0) {
      const query = normaliseQuery(current.state.query);
      if (!hasFilters(current.state.filters)) return message("none", { query });
      const none = current.term === null ? message("noneListed") : message("noneFiltered", { query });
      return `${none}${message("removeFilters")}`;
    }
    const total = current.term === null ? message("latest", { count }) : message("found", { count });
    return shown < count ? `${total}${message("shown", { shown })}` : total;
  }

  /** Runs `work` as the page's current task: older tasks' results are dropped when they arrive. */
  async function task(work: (isCurrent: () => boolean) => Promise<void>): Promise<void> {
    const mine = ++generation;
    const isCurrent = () => mine === generation;
    root.dataset["searchState"] = "loading";
    try {
      await work(isCurrent);
      if (isCurrent()) root.dataset["searchState"] = "done";
    } catch (error) {
      if (!isCurrent()) return;
      console.warn("search:", error);
      status.textContent = message("error");
      root.dataset["searchState"] = "error";
    }
  }

  function run(): Promise<void> {
    showControls();
    status.textContent = message("loading");
    list.setAttribute("aria-busy", "true");
    return task(async (isCurrent) => {
      try {
        const next = await search.run(state);
        const views = await search.views(next, 0, PAGE_SIZE);
        const nextCounts = filtersOpen ? await search.counts(next) : undefined;
        if (!isCurrent()) return;
        outcome = next;
        counts = nextCounts;
        shown = views.length;
        list.replaceChildren(...views.map(renderResult));
        renderNote(next);
        renderMore(next);
        await renderFacets();
        status.textContent = statusText(next);
      } catch (error) {
        if (isCurrent()) {
          outcome = undefined;
          counts = undefined;
          list.replaceChildren();
          note.replaceChildren();
          more.hidden = true;
        }
        throw error;
      } finally {
        if (isCurrent()) list.removeAttribute("aria-busy");
      }
    });
  }

  function showMore(): Promise<void> {
    const current = outcome;
    if (!current) return Promise.resolve();
    more.disabled = true;
    return task(async (isCurrent) => {
      try {
        const views = await search.views(current, shown, PAGE_SIZE);
        if (!isCurrent()) return;
        const items = views.map(renderResult);
        list.append(...items);
        shown += views.length;
        renderMore(current);
        status.textContent = statusText(current);
        items[0]?.querySelector("a")?.focus();
      } finally {
        more.disabled = false;
      }
    });
  }

  function toggleFilters(): Promise<void> {
    filtersOpen = !filtersOpen;
    showControls();
    const current = outcome;
    if (!filtersOpen || !current) return Promise.resolve();
    return task(async (isCurrent) => {
      const next = await search.counts(current);
      if (!isCurrent()) return;
      counts = next;
      await renderFacets();
    });
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
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    const facet = button.dataset["facetToggle"] as FilterKey | undefined;
    if (button === filtersToggle) {
      void toggleFilters();
    } else if (facet) {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      void renderFacets();
    } else if (button.dataset["clearFilters"]) {
      navigate({ ...state, filters: emptyFilters() });
      input.focus();
    }
  });
  more.addEventListener("click", () => void showMore());
  window.addEventListener("popstate", () => {
    state = parseSearchState(window.location.search);
    if (hasFilters(state.filters)) filtersOpen = true;
    void run();
  });

  // A hand-edited or shared URL is rewritten to the state's own form, without a new entry.
  window.history.replaceState(null, "", searchStateUrl(pagePath, state));
  void run();
}
