/**
 * The search page's words, rendered into the page as JSON (search-page.ts reads them). Being part
 * of the page, they reach the Traditional mirror through its build-time conversion like all
 * other text. Placeholders in braces are filled in the browser (search-page/messages.ts).
 */
import { ITEM_KINDS } from "../article.ts";
import { KIND_LABEL } from "../site/format.ts";
import { SITE } from "../site/site-info.ts";
import type { FilterKey } from "./index-schema.ts";

/** The keys of the page's messages. */
export type MessageKey =
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
  | "exported"
  | "partialFound"
  | "partialLatest"
  | "partialNone"
  | "yearSpan";

/** The page's words: each filter's name, each kind's, and the messages with their {placeholders}. */
export interface SearchLabels {
  filters: Record<FilterKey, string>;
  kinds: Record<string, string>;
  messages: Record<MessageKey, string>;
}

export function searchLabels(): SearchLabels {
  return {
    filters: { person: "署名", region: SITE.places.prefectures, county: SITE.places.counties, page: "版面", section: "栏目", agency: "来源", kind: "体裁", year: "年份" },
    kinds: Object.fromEntries(ITEM_KINDS.map((kind) => [kind, KIND_LABEL[kind]])),
    messages: {
      loading: "正在检索……",
      found: "找到 {count} 篇文章。",
      latest: "共 {count} 篇文章，按日期排列。",
      none: "没有找到含“{query}”的文章。",
      noneFiltered: "在所选的筛选条件下没有找到含“{query}”的文章。",
      noneListed: "所选的筛选条件下没有文章。",
      removeFilters: "可以去掉一些筛选条件再试。",
      shown: "已显示 {shown} 篇。",
      more: "再显示 {n} 篇",
      converted: "已按简体“{term}”检索。",
      error: "搜索索引未能加载，请稍后再试。",
      showFilters: "按署名、地区、版面、栏目、来源、体裁或年份筛选",
      hideFilters: "收起筛选条件",
      clearFilters: "清除全部筛选条件",
      showAll: "显示全部 {count} 项",
      showFewer: "收起",
      count: "（{count}）",
      noneInRange: "所选的日期范围内没有文章。",
      tooBroad:
        "引号和减号要逐篇核对候选文章的原文，一次最多核对 {max} 篇，这次有 {count} 篇候选。请加检索词、筛选条件或日期范围后再试。",
      clearRange: "不限日期",
      timelineYears: "各年份的匹配文章数（共 {count} 篇），点击柱条只看那一年",
      timelineMonths: "各月份的匹配文章数（共 {count} 篇），点击柱条只看那个月",
      timelineYear: "{year}年",
      timelineMonth: "{year}年{month}月",
      timelineBar: "{period}：{count} 篇",
      exportRis: "导出 RIS（前 {n} 篇）",
      exportCsv: "导出 CSV（前 {n} 篇）",
      exportLabel: "导出检索结果",
      exporting: "正在导出……",
      exported: "已导出 {n} 篇。",
      partialFound: "{period}的文章中找到 {count} 篇，正在载入更早年份……",
      partialLatest: "{period}共 {count} 篇文章，正在载入更早年份……",
      partialNone: "{period}的文章中没有找到，正在载入更早年份……",
      yearSpan: "{from}—{to}年",
    },
  };
}

/** The labels as the text of a <script type="application/json">: "<" escaped so no tag can end it early. */
export function searchLabelsJson(): string {
  return JSON.stringify(searchLabels()).replace(/</g, "\\u003c");
}
