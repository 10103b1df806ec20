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
 * This module is the controller: the state, the tasks and the events, and where the focus goes.
 * What to show for an outcome is decided by the pure modules of search-page/ (status-line.ts,
 * result-item.ts, facet-panel.ts, timeline-chart.ts, export-offer.ts, more-button.ts) and drawn
 * by their render-*.ts. The page's words come from the HTML (a JSON block of labels rendered by
 * the page), so the Traditional mirror of the page, converted at build time like every page,
 * speaks Traditional. Results are rendered as text nodes only; nothing from the index is parsed
 * as HTML.
 *
 * The first search of a page shows its first results from the newest bundle while the older ones
 * load (archive-search.ts), marked as partial in the status line; the complete list then replaces
 * them, and a reader whose focus was on a result keeps it there (search-page/outcome-parts.ts
 * says what a partial outcome shows and why).
 *
 * The root element's data-search-state is "loading", "partial" (first results shown, the rest
 * loading), "done" or "error": tests wait on it.
 */
import { SIMPLIFIED } from "../site/locale.ts";
import { siteUrl } from "../site/paths.ts";
import { SITE } from "../site/site-info.ts";
import { createArchiveSearch, type ArchiveSearch, type FacetCounts, type PagefindApi, type SearchOutcome } from "./archive-search.ts";
import type { ResultView } from "./search-results.ts";
import { hasRange, openRange, parseDateRange } from "./date-range.ts";
import { FILTER_KEYS, type FilterKey } from "./index-schema.ts";
import { shardPath } from "./index-shards.ts";
import { MAX_EXPORT } from "./result-export.ts";
import { loadToSimplified, loadToTraditional } from "./script-conversion.ts";
import {
  SORT_ORDERS,
  hasFilters,
  parseSearchState,
  searchStateUrl,
  toggleFilter,
  withoutNarrowing,
  type SearchState,
  type SortOrder,
} from "./search-state.ts";
import { download } from "./search-page/dom.ts";
import { exportFile, type ExportFormat } from "./search-page/export-offer.ts";
import { facetPanel } from "./search-page/facet-panel.ts";
import { messageOf } from "./search-page/messages.ts";
import { outcomeParts } from "./search-page/outcome-parts.ts";
import { searchPageData, searchPageElements } from "./search-page/elements.ts";
import { renderExportButtons } from "./search-page/render-export.ts";
import { renderFacetPanel } from "./search-page/render-facets.ts";
import { renderMore, renderNote, renderResultItem } from "./search-page/render-results.ts";
import { renderTimeline } from "./search-page/render-timeline.ts";
import { resultItem } from "./search-page/result-item.ts";
import { RESULTS_PER_PRESS } from "./search-page/more-button.ts";
import { searchNote, statusLine } from "./search-page/status-line.ts";
import { timelineChart } from "./search-page/timeline-chart.ts";

/**
 * Remembers which control of `box` has the focus (a filter's checkbox or its show-all toggle),
 * and returns how to give it back once the box's content is rebuilt.
 */
function keepFocusIn(box: HTMLElement): () => void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !box.contains(focused)) return () => {};
  if (focused instanceof HTMLInputElement) {
    const { name, value } = focused;
    return () => box.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`)?.focus();
  }
  const toggle = focused instanceof HTMLButtonElement ? focused.dataset["facetToggle"] : undefined;
  if (toggle) return () => box.querySelector<HTMLButtonElement>(`[data-facet-toggle="${CSS.escape(toggle)}"]`)?.focus();
  return () => {};
}

/**
 * Remembers the result link of `list` that has the focus, and returns how to give it back once the
 * list is rebuilt: to the same article's link, else to the first result's.
 */
function keepFocusOnResult(list: HTMLElement): () => void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLAnchorElement) || !list.contains(focused)) return () => {};
  const href = focused.getAttribute("href") ?? "";
  return () => (list.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(href)}"]`) ?? list.querySelector<HTMLAnchorElement>("a"))?.focus();
}

export function startSearchPage(root: HTMLElement): void {
  const page = searchPageElements(root);
  const { labels, shards, years, span } = searchPageData(root);
  const message = messageOf(labels);
  const traditional = document.documentElement.lang.toLowerCase() === "zh-hant";
  const pagePath = window.location.pathname;
  const expanded = new Set<FilterKey>();

  const search: ArchiveSearch = createArchiveSearch({
    shards,
    years,
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

  /** The form's controls and the filter toggle, as the state says. */
  function showControls(): void {
    page.input.value = state.query;
    page.fromInput.value = state.range.from ?? "";
    page.toInput.value = state.range.to ?? "";
    page.clearRange.hidden = !hasRange(state.range);
    page.sortSelect.value = SORT_ORDERS.includes(state.sort) ? state.sort : "relevance";
    page.filtersToggle.setAttribute("aria-expanded", String(filtersOpen));
    page.filtersToggle.textContent = filtersOpen ? message("hideFilters") : message("showFilters");
    page.facets.hidden = !filtersOpen;
  }

  /** Changes the state from a reader's action: a new history entry, then the search. */
  function navigate(next: SearchState): void {
    state = next;
    window.history.pushState(null, "", searchStateUrl(pagePath, state));
    void run();
  }

  /** Rebuilds the filter panel from the counts; a reader who just ticked a box keeps the focus on it. */
  async function showFacets(): Promise<void> {
    if (!counts) return;
    const panel = facetPanel(counts, state, { labels, message, convert: await search.displayConvert(), expanded });
    const restoreFocus = keepFocusIn(page.facets);
    renderFacetPanel(page.facets, panel, message);
    restoreFocus();
  }

  /** The status line and the "more" button for `current`, `shown` of its results listed. */
  function showCount(current: SearchOutcome): void {
    renderMore(page.more, outcomeParts(current, shown).more, message);
    page.status.textContent = statusLine(current, shown, message);
  }

  /**
   * Shows an outcome's first views in place of the list, with what goes with them (all of it for a
   * complete outcome, the results and the status for a partial one: outcome-parts.ts).
   */
  async function showOutcome(current: SearchOutcome, views: readonly ResultView[]): Promise<void> {
    shown = views.length;
    const parts = outcomeParts(current, shown);
    const restoreFocus = keepFocusOnResult(page.list);
    page.list.replaceChildren(...views.map((view) => renderResultItem(resultItem(view, labels.kinds))));
    restoreFocus();
    renderTimeline(page.timeline, parts.timeline ? timelineChart(current.months, current.state, span, pagePath, message) : null);
    renderExportButtons(page.exportBox, parts.exportCount, message);
    renderNote(page.note, searchNote(current), message);
    renderMore(page.more, parts.more, message);
    if (parts.counts) await showFacets();
    page.status.textContent = statusLine(current, shown, message);
  }

  async function exportResults(format: ExportFormat, button: HTMLButtonElement): Promise<void> {
    const current = outcome;
    if (!current || exporting) return;
    exporting = true;
    const label = button.textContent ?? "";
    button.disabled = true;
    button.textContent = message("exporting");
    try {
      const records = await search.exportRecords(current, MAX_EXPORT, window.location.origin + siteUrl("/"));
      const file = exportFile(format, records, current.state.range, { newspaper: SITE.newspaper, lang: SIMPLIFIED.lang });
      download(file.name, file.text, file.type);
      page.exportBox.dataset["exported"] = String(records.length);
    } catch (error) {
      console.warn("search export:", error);
      page.status.textContent = message("error");
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
      page.status.textContent = message("error");
      root.dataset["searchState"] = "error";
    }
  }

  /** Empties what a failed search leaves: results, note, timeline, export, "more". */
  function clearOutcome(): void {
    outcome = undefined;
    counts = undefined;
    page.list.replaceChildren();
    page.note.replaceChildren();
    renderTimeline(page.timeline, null);
    renderExportButtons(page.exportBox, 0, message);
    page.more.hidden = true;
  }

  function run(): Promise<void> {
    showControls();
    page.status.textContent = message("loading");
    page.list.setAttribute("aria-busy", "true");
    return task(async (isCurrent) => {
      try {
        const next = await search.run(state, async (partial) => {
          if (!isCurrent()) return;
          const views = await search.views(partial, 0, RESULTS_PER_PRESS);
          if (!isCurrent()) return;
          // Nothing acts on first results (more, export, counts): they wait for the complete outcome.
          outcome = undefined;
          await showOutcome(partial, views);
          root.dataset["searchState"] = "partial";
        });
        const views = await search.views(next, 0, RESULTS_PER_PRESS);
        const nextCounts = filtersOpen ? await search.counts(next) : undefined;
        if (!isCurrent()) return;
        outcome = next;
        counts = nextCounts;
        await showOutcome(next, views);
      } catch (error) {
        if (isCurrent()) clearOutcome();
        throw error;
      } finally {
        if (isCurrent()) page.list.removeAttribute("aria-busy");
      }
    });
  }

  function showMore(): Promise<void> {
    const current = outcome;
    if (!current) return Promise.resolve();
    page.more.disabled = true;
    return task(async (isCurrent) => {
      try {
        const views = await search.views(current, shown, RESULTS_PER_PRESS);
        if (!isCurrent()) return;
        const items = views.map((view) => renderResultItem(resultItem(view, labels.kinds)));
        page.list.append(...items);
        shown += views.length;
        showCount(current);
        // The first new result takes the focus, so a keyboard reader continues from there.
        items[0]?.querySelector("a")?.focus();
      } finally {
        page.more.disabled = false;
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
      await showFacets();
    });
  }

  /** The state the form's controls describe. */
  const formState = (): SearchState => ({
    ...state,
    query: page.input.value.trim(),
    range: parseDateRange(page.fromInput.value, page.toInput.value),
    sort: page.sortSelect.value as SortOrder,
  });
  page.form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(formState());
  });
  page.sortSelect.addEventListener("change", () => navigate(formState()));
  page.timeline.addEventListener("click", (event) => {
    const bar = event.target instanceof Element ? event.target.closest("[data-timeline-bar]") : null;
    if (!bar || event.defaultPrevented || (event instanceof MouseEvent && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0))) return;
    event.preventDefault();
    navigate({ ...state, range: { from: bar.getAttribute("data-from") || null, to: bar.getAttribute("data-to") || null } });
    page.input.focus();
  });
  page.facets.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !(FILTER_KEYS as readonly string[]).includes(box.name)) return;
    navigate(toggleFilter(state, box.name as FilterKey, box.value, box.checked));
  });
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    const facet = button.dataset["facetToggle"] as FilterKey | undefined;
    if (button === page.filtersToggle) {
      void toggleFilters();
    } else if (facet) {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      void showFacets();
    } else if (button.dataset["clearFilters"]) {
      navigate(withoutNarrowing(state));
      page.input.focus();
    } else if (button === page.clearRange) {
      navigate({ ...state, range: openRange() });
      page.fromInput.focus();
    } else if (button.dataset["export"]) {
      void exportResults(button.dataset["export"] === "csv" ? "csv" : "ris", button);
    }
  });
  page.more.addEventListener("click", () => void showMore());
  window.addEventListener("popstate", () => {
    state = parseSearchState(window.location.search);
    if (hasFilters(state.filters)) filtersOpen = true;
    void run();
  });

  // A hand-edited or shared URL is rewritten to the state's own form, without a new entry.
  window.history.replaceState(null, "", searchStateUrl(pagePath, state));
  void run();
}
