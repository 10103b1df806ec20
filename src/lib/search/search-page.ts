/**
 * The search page in the browser: reads the state from the URL, runs it through archive-search.ts
 * and renders results, status and (once the reader opens the filter panel, or the URL already
 * chooses filters) the filters with their counts. Every change of query, filter or sort is a new
 * history entry, so back/forward, reload and a shared link all restore it.
 *
 * Above the results stand the timeline of matches (an SVG of bars, each a link that narrows the
 * date range, with its count as its name) and the export buttons (RIS, CSV of the first
 * MAX_EXPORT results, made in the browser: result-export.ts).
 *
 * The page's words come from the HTML (a JSON block of labels rendered by the page), so the
 * Traditional mirror of the page, converted at build time like every page, speaks Traditional.
 * Results are rendered as text nodes only; nothing from the index is parsed as HTML.
 *
 * The root element's data-search-state is "loading", "done" or "error": tests wait on it.
 */
import { formatDate } from "../site/format.ts";
import { SIMPLIFIED } from "../site/locale.ts";
import { SITE } from "../site/site-info.ts";
import {
  MAX_TEXT_CHECKS,
  createArchiveSearch,
  type ArchiveSearch,
  type FacetCounts,
  type PagefindApi,
  type SearchOutcome,
} from "./archive-search.ts";
import { hasRange, openRange, parseDateRange, type ArchiveSpan } from "./date-range.ts";
import { FILTER_KEYS, type FilterKey } from "./index-schema.ts";
import { shardPath } from "./index-shards.ts";
import { MAX_EXPORT, csvExport, exportFileName, risExport } from "./result-export.ts";
import { normaliseQuery } from "./search-query.ts";
import { facetValues, resultLabels, type ResultView } from "./search-results.ts";
import {
  SORT_ORDERS,
  hasFilters,
  isNarrowed,
  parseSearchState,
  searchStateUrl,
  toggleFilter,
  withoutNarrowing,
  type SearchState,
  type SortOrder,
} from "./search-state.ts";
import { loadToSimplified, loadToTraditional } from "./script-conversion.ts";
import { buildTimeline, labelledBuckets, timelineBars, type Timeline } from "./timeline.ts";
import { siteUrl } from "../site/paths.ts";

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
    | "count"
    | "noneInRange"
    | "tooBroad"
    | "clearRange"
    | "timelineYears"
    | "timelineMonths"
    | "timelineYear"
    | "timelineMonth"
    | "timelineBar"
    | "exportRis"
    | "exportCsv"
    | "exportLabel"
    | "exporting"
    | "exported",
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

const SVG_NS = "http://www.w3.org/2000/svg";

function svgElement(tag: string, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** The timeline's drawing size, in SVG units (the SVG scales to the column's width). */
const CHART = { width: 640, height: 64, labels: 18 };

/** Starts a download of `text` as a file named `name`, made in the browser. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a", { href: url, download: name, hidden: "" });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
  const fromInput = required<HTMLInputElement>(form, "input[name=from]");
  const toInput = required<HTMLInputElement>(form, "input[name=to]");
  const clearRange = required<HTMLButtonElement>(root, "[data-clear-range]");
  const timelineBox = required<HTMLElement>(root, "[data-search-timeline]");
  const exportBox = required<HTMLElement>(root, "[data-search-export]");
  const traditional = document.documentElement.lang.toLowerCase() === "zh-hant";
  const pagePath = window.location.pathname;
  const expanded = new Set<FilterKey>();

  const span = JSON.parse(root.dataset["searchSpan"] ?? "null") as ArchiveSpan | null;
  const search: ArchiveSearch = createArchiveSearch({
    shards: JSON.parse(root.dataset["searchShards"] ?? "[]") as string[],
    years: JSON.parse(root.dataset["searchYears"] ?? "[]") as string[],
    span,
    // A URL, so the bundler leaves the import alone.
    loadPagefind: (shard) => import(/* @vite-ignore */ `${shardPath(shard)}pagefind.js`) as Promise<PagefindApi>,
    shardPath,
    loadToSimplified,
    queryConversion: traditional ? "always" : "traditional-characters",
    loadDisplayConvert: traditional ? loadToTraditional : () => Promise.resolve((text: string) => text),
    // Result URLs are root-relative: under the site's base path, and in the Traditional mirror.
    pathPrefix: siteUrl("/").replace(/\/$/u, "") + (traditional ? "/zh-hant" : ""),
  });

  let state: SearchState = parseSearchState(window.location.search);
  let outcome: SearchOutcome | undefined;
  let counts: FacetCounts | undefined;
  let shown = 0;
  let generation = 0;
  // Counting loads every filter's file, so the panel opens on request, or by itself when the
  // URL chooses filters (their files are loaded for the search anyway).
  let filtersOpen = hasFilters(state.filters);
  let exporting = false;

  const message = (key: keyof SearchLabels["messages"], values: Record<string, string | number> = {}) =>
    fillMessage(labels.messages[key], values);

  function showControls(): void {
    input.value = state.query;
    fromInput.value = state.range.from ?? "";
    toInput.value = state.range.to ?? "";
    clearRange.hidden = !hasRange(state.range);
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
    if (isNarrowed(state)) {
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
    if (current.converted && current.term !== null) {
      note.append(element("p", {}, message("converted", { term: current.term })));
    }
    if (current.hits.length === 0 && isNarrowed(current.state)) {
      note.append(element("button", { type: "button", class: "search-clear", "data-clear-filters": "note" }, message("clearFilters")));
    }
  }

  function statusText(current: SearchOutcome): string {
    const count = current.hits.length;
    if (current.tooBroad !== undefined) return message("tooBroad", { max: MAX_TEXT_CHECKS, count: current.tooBroad });
    if (count === 0) {
      const query = normaliseQuery(current.state.query);
      if (!isNarrowed(current.state)) return message("none", { query });
      if (current.term === null && !current.textChecked && !hasFilters(current.state.filters)) return message("noneInRange");
      const none = current.term === null && !current.textChecked ? message("noneListed") : message("noneFiltered", { query });
      return `${none}${message("removeFilters")}`;
    }
    const total = current.term === null ? message("latest", { count }) : message("found", { count });
    return shown < count ? `${total}${message("shown", { shown })}` : total;
  }

  function renderTimeline(current: SearchOutcome): void {
    const timeline: Timeline = buildTimeline(current.months, current.state.range, span);
    if (timeline.buckets.length === 0) {
      timelineBox.replaceChildren();
      timelineBox.hidden = true;
      return;
    }
    const captionId = "search-timeline-caption";
    const caption = element(
      "figcaption",
      { id: captionId },
      message(timeline.unit === "year" ? "timelineYears" : "timelineMonths", { count: timeline.total }),
    );
    const period = (key: string) =>
      key.length === 4
        ? message("timelineYear", { year: key })
        : message("timelineMonth", { year: key.slice(0, 4), month: Number(key.slice(5, 7)) });
    const shortPeriod = (key: string, i: number) =>
      key.length === 4 ? key : i === 0 || key.endsWith("-01") ? `${key.slice(0, 4)}.${Number(key.slice(5, 7))}` : String(Number(key.slice(5, 7)));
    const bars = timelineBars(timeline, { width: CHART.width, height: CHART.height });
    const labelled = labelledBuckets(timeline, 12);
    const svg = svgElement("svg", {
      class: "search-timeline-chart",
      viewBox: `0 0 ${CHART.width} ${CHART.height + CHART.labels}`,
      role: "group",
      "aria-labelledby": captionId,
    });
    svg.append(svgElement("line", { x1: 0, x2: CHART.width, y1: CHART.height + 0.5, y2: CHART.height + 0.5, class: "search-timeline-axis", "aria-hidden": "true" }));
    bars.forEach((bar, i) => {
      const name = message("timelineBar", { period: period(bar.bucket.key), count: bar.bucket.count });
      // The whole slot is the target, so a short bar is as easy to hit as a tall one.
      const hit = svgElement("rect", { x: bar.x, y: 0, width: bar.width, height: CHART.height, class: "search-timeline-slot" });
      const shape = svgElement("rect", { x: bar.x, y: bar.y, width: bar.width, height: bar.height, class: "search-timeline-bar" });
      if (bar.bucket.count > 0) {
        const next = { ...current.state, range: bar.bucket.range };
        svg.append(
          svgElement(
            "a",
            {
              href: searchStateUrl(pagePath, next),
              "aria-label": name,
              "data-timeline-bar": bar.bucket.key,
              "data-from": bar.bucket.range.from ?? "",
              "data-to": bar.bucket.range.to ?? "",
              "data-count": bar.bucket.count,
            },
            svgElement("title", {}, name),
            hit,
            shape,
          ),
        );
      }
      if (labelled.has(i)) {
        svg.append(
          svgElement(
            "text",
            { x: bar.x + bar.width / 2, y: CHART.height + CHART.labels - 4, "text-anchor": "middle", class: "search-timeline-label", "aria-hidden": "true" },
            shortPeriod(bar.bucket.key, i),
          ),
        );
      }
    });
    timelineBox.replaceChildren(caption, svg);
    timelineBox.hidden = false;
  }

  function renderExport(current: SearchOutcome): void {
    const n = Math.min(MAX_EXPORT, current.hits.length);
    exportBox.hidden = n === 0;
    exportBox.replaceChildren(
      ...(n === 0
        ? []
        : [
            element("button", { type: "button", "data-export": "ris" }, message("exportRis", { n })),
            " ",
            element("button", { type: "button", "data-export": "csv" }, message("exportCsv", { n })),
          ]),
    );
  }

  async function exportResults(format: "ris" | "csv", button: HTMLButtonElement): Promise<void> {
    const current = outcome;
    if (!current || exporting) return;
    exporting = true;
    const label = button.textContent ?? "";
    button.disabled = true;
    button.textContent = message("exporting");
    try {
      const records = await search.exportRecords(current, MAX_EXPORT, window.location.origin);
      const name = exportFileName("search-results", current.state.range, format);
      if (format === "ris") {
        download(name, risExport(records, { newspaper: SITE.newspaper, lang: SIMPLIFIED.lang }), "application/x-research-info-systems;charset=utf-8");
      } else {
        download(name, csvExport(records), "text/csv;charset=utf-8");
      }
      exportBox.dataset["exported"] = String(records.length);
    } catch (error) {
      console.warn("search export:", error);
      status.textContent = message("error");
    } finally {
      exporting = false;
      button.disabled = false;
      button.textContent = label;
    }
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
        renderTimeline(next);
        renderExport(next);
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
          timelineBox.replaceChildren();
          timelineBox.hidden = true;
          exportBox.replaceChildren();
          exportBox.hidden = true;
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

  /** The state the form's controls describe. */
  const formState = (): SearchState => ({
    ...state,
    query: input.value.trim(),
    range: parseDateRange(fromInput.value, toInput.value),
    sort: sortSelect.value as SortOrder,
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(formState());
  });
  sortSelect.addEventListener("change", () => navigate(formState()));
  timelineBox.addEventListener("click", (event) => {
    const bar = event.target instanceof Element ? event.target.closest("[data-timeline-bar]") : null;
    if (!bar || event.defaultPrevented || (event instanceof MouseEvent && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0))) return;
    event.preventDefault();
    navigate({ ...state, range: { from: bar.getAttribute("data-from") || null, to: bar.getAttribute("data-to") || null } });
    input.focus();
  });
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
      navigate(withoutNarrowing(state));
      input.focus();
    } else if (button === clearRange) {
      navigate({ ...state, range: openRange() });
      fromInput.focus();
    } else if (button.dataset["export"]) {
      void exportResults(button.dataset["export"] === "csv" ? "csv" : "ris", button);
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
