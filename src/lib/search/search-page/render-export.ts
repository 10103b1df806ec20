/** The export buttons' DOM: RIS and CSV of the first `count` results, hidden when there are none. */
import { element } from "./dom.ts";
import type { Message } from "./messages.ts";

export function renderExportButtons(box: HTMLElement, count: number, message: Message): void {
  box.hidden = count === 0;
  box.replaceChildren(
    ...(count === 0
      ? []
      : [
          element("button", { type: "button", "data-export": "ris" }, message("exportRis", { n: count })),
          " ",
          element("button", { type: "button", "data-export": "csv" }, message("exportCsv", { n: count })),
        ]),
  );
}
