/** The timeline's DOM: its caption and an SVG of linked bars (timeline-chart.ts draws the model). */
import { element, svgElement } from "./dom.ts";
import type { TimelineChart } from "./timeline-chart.ts";

/** Draws `chart` into the figure, or empties and hides it for null. */
export function renderTimeline(figure: HTMLElement, chart: TimelineChart | null): void {
  if (!chart) {
    figure.replaceChildren();
    figure.hidden = true;
    return;
  }
  const caption = element("figcaption", { id: chart.captionId }, chart.caption);
  const svg = svgElement("svg", { class: "search-timeline-chart", viewBox: chart.viewBox, role: "group", "aria-labelledby": chart.captionId });
  svg.append(svgElement("line", { ...chart.axis, class: "search-timeline-axis", "aria-hidden": "true" }));
  for (const mark of chart.marks) {
    if (mark.link) {
      const { link } = mark;
      svg.append(
        svgElement(
          "a",
          {
            href: link.href,
            "aria-label": mark.name,
            "data-timeline-bar": mark.key,
            "data-from": link.from,
            "data-to": link.to,
            "data-count": link.count,
          },
          svgElement("title", {}, mark.name),
          svgElement("rect", { ...link.slot, class: "search-timeline-slot" }),
          svgElement("rect", { ...link.bar, class: "search-timeline-bar" }),
        ),
      );
    }
    if (mark.label) {
      svg.append(
        svgElement(
          "text",
          { x: mark.label.x, y: mark.label.y, "text-anchor": "middle", class: "search-timeline-label", "aria-hidden": "true" },
          mark.label.text,
        ),
      );
    }
  }
  figure.replaceChildren(caption, svg);
  figure.hidden = false;
}
