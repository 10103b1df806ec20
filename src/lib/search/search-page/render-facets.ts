/** The filter panel's DOM: a fieldset of checkboxes per filter, its show-all toggle, the clear button. */
import { element } from "./dom.ts";
import type { FacetPanel } from "./facet-panel.ts";
import type { Message } from "./messages.ts";

/** Replaces the panel's content with `panel`'s groups. */
export function renderFacetPanel(box: HTMLElement, panel: FacetPanel, message: Message): void {
  const groups: Node[] = panel.groups.map((group) => {
    const items = group.options.map((option) => {
      const checkbox = element("input", { type: "checkbox", name: group.key, value: option.value });
      checkbox.checked = option.selected;
      return element("li", {}, element("label", {}, checkbox, ` ${option.label} `, element("span", { class: "search-facet-count" }, option.count)));
    });
    const fieldset = element("fieldset", { class: "search-facet" }, element("legend", {}, group.legend), element("ul", {}, ...items));
    if (group.toggle) {
      fieldset.append(
        element(
          "button",
          { type: "button", class: "search-facet-toggle", "data-facet-toggle": group.key, "aria-expanded": String(group.toggle.expanded) },
          group.toggle.text,
        ),
      );
    }
    return fieldset;
  });
  if (panel.offerClear) {
    groups.push(element("button", { type: "button", class: "search-clear", "data-clear-filters": "panel" }, message("clearFilters")));
  }
  box.replaceChildren(...groups);
}
