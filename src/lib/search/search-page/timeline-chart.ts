/**
 * The timeline of matches above the results, as a drawing: a caption, then one slot per year or
 * month (timeline.ts), each with a match a link that narrows the date range to it, named by its
 * period and count; short axis labels under some of the slots. Pure: the page draws it as SVG
 * (render-timeline.ts).
 */
import type { ArchiveSpan } from "../date-range.ts";
import { searchStateUrl, type SearchState } from "../search-state.ts";
import { buildTimeline, labelledBuckets, timelineBars } from "../timeline.ts";
import type { Message } from "./messages.ts";

/** The drawing's size, in SVG units (the SVG scales to the column's width): bars, then the labels' band. */
export const CHART = { width: 640, height: 64, labels: 18 };
/** Most axis labels drawn. */
const MAX_LABELS = 12;
export const TIMELINE_CAPTION_ID = "search-timeline-caption";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineLink {
  /** The search page's URL with the range narrowed to the slot. */
  href: string;
  from: string;
  to: string;
  count: number;
  /** The whole slot, the link's target: a short bar is as easy to hit as a tall one. */
  slot: Rect;
  bar: Rect;
}

export interface TimelineMark {
  /** "2022" or "2022-09". */
  key: string;
  /** The slot's name, for its link and tooltip: "2022年：5 篇". */
  name: string;
  /** Null for a slot without a match: nothing is drawn there. */
  link: TimelineLink | null;
  /** The axis label under the slot, if it gets one. */
  label: { x: number; y: number; text: string } | null;
}

export interface TimelineChart {
  captionId: string;
  caption: string;
  viewBox: string;
  /** The axis line under the bars. */
  axis: { x1: number; x2: number; y1: number; y2: number };
  marks: TimelineMark[];
}

/** "2022年" or "2022年9月". */
function periodName(key: string, message: Message): string {
  return key.length === 4
    ? message("timelineYear", { year: key })
    : message("timelineMonth", { year: key.slice(0, 4), month: Number(key.slice(5, 7)) });
}

/** An axis label: the year; a month's number, with its year on the first slot and on every January ("2022.9", "10", "2023.1"). */
function axisLabel(key: string, index: number): string {
  if (key.length === 4) return key;
  const month = Number(key.slice(5, 7));
  return index === 0 || key.endsWith("-01") ? `${key.slice(0, 4)}.${month}` : String(month);
}

/**
 * The chart of an outcome's months under its state's range, within the archive's span; null when
 * there is nothing to draw. `pagePath` is the search page's path, which the links keep.
 */
export function timelineChart(
  months: Readonly<Record<string, number>>,
  state: SearchState,
  span: ArchiveSpan | null,
  pagePath: string,
  message: Message,
): TimelineChart | null {
  const timeline = buildTimeline(months, state.range, span);
  if (timeline.buckets.length === 0) return null;
  const labelled = labelledBuckets(timeline, MAX_LABELS);
  const marks = timelineBars(timeline, { width: CHART.width, height: CHART.height }).map((bar, i): TimelineMark => {
    const { bucket } = bar;
    const name = message("timelineBar", { period: periodName(bucket.key, message), count: bucket.count });
    const link =
      bucket.count > 0
        ? {
            href: searchStateUrl(pagePath, { ...state, range: bucket.range }),
            from: bucket.range.from ?? "",
            to: bucket.range.to ?? "",
            count: bucket.count,
            slot: { x: bar.x, y: 0, width: bar.width, height: CHART.height },
            bar: { x: bar.x, y: bar.y, width: bar.width, height: bar.height },
          }
        : null;
    const label = labelled.has(i) ? { x: bar.x + bar.width / 2, y: CHART.height + CHART.labels - 4, text: axisLabel(bucket.key, i) } : null;
    return { key: bucket.key, name, link, label };
  });
  return {
    captionId: TIMELINE_CAPTION_ID,
    caption: message(timeline.unit === "year" ? "timelineYears" : "timelineMonths", { count: timeline.total }),
    viewBox: `0 0 ${CHART.width} ${CHART.height + CHART.labels}`,
    axis: { x1: 0, x2: CHART.width, y1: CHART.height + 0.5, y2: CHART.height + 0.5 },
    marks,
  };
}
