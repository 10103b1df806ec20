/** The results list's DOM: a result's item, the note under the status line, the "more" button. */
import { element } from "./dom.ts";
import type { Message } from "./messages.ts";
import type { MoreButton } from "./more-button.ts";
import type { ResultItem } from "./result-item.ts";
import type { SearchNote } from "./status-line.ts";

/** A result's list item: headline (with its tag), metadata line, excerpt with its marks. */
export function renderResultItem(item: ResultItem): HTMLLIElement {
  const meta = element("p", { class: "search-result-meta" });
  item.meta.forEach((part, i) => {
    if (i > 0) meta.append(" · ");
    meta.append(typeof part === "string" ? part : element("time", { datetime: part.date }, part.text));
  });
  const excerpt = element("p", { class: "search-result-excerpt" });
  for (const part of item.excerpt) excerpt.append(part.mark ? element("mark", {}, part.text) : part.text);
  const title = element("h3", { class: "search-result-title" }, element("a", { href: item.url }, item.title));
  if (item.tag) title.prepend(element("span", { class: "search-result-tag" }, item.tag), " ");
  return element("li", { class: "search-result", ...(item.kind ? { "data-kind": item.kind } : {}) }, title, meta, excerpt);
}

/** Fills the note under the status line. */
export function renderNote(box: HTMLElement, note: SearchNote, message: Message): void {
  box.replaceChildren();
  if (note.converted !== null) box.append(element("p", {}, message("converted", { term: note.converted })));
  if (note.offerClear) {
    box.append(element("button", { type: "button", class: "search-clear", "data-clear-filters": "note" }, message("clearFilters")));
  }
}

/** Shows or hides the "more" button, saying how many a press adds. */
export function renderMore(button: HTMLButtonElement, more: MoreButton, message: Message): void {
  button.hidden = more.hidden;
  button.textContent = message("more", { n: more.adds });
}
