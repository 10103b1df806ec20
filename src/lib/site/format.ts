/** How the site writes dates, kinds and roles in Chinese. */
import type { ItemKind, PrintedPage } from "../article.ts";
import type { Role } from "./archive.ts";

/** "2022-11-08" → "2022年11月8日" */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** "2022-11" → "2022年11月" */
export function formatMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

export const KIND_LABEL: Record<ItemKind, string> = {
  article: "报道",
  commentary: "评论",
  photo: "图片",
  brief: "简讯",
  notice: "公告",
};

export const ROLE_LABEL: Record<Role, string> = {
  reporter: "记者",
  correspondent: "通讯员",
  photographer: "摄影",
  author: "作者",
};

/** Numbers as the site prints them: with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A series instalment as the site labels it: "五化协同 大抓基层（1）", or the bare name. */
export function formatSeries(series: { name: string; no: number | null }): string {
  return series.no === null ? series.name : `${series.name}（${series.no}）`;
}

/**
 * The page an item was printed on, as the paper heads it: "第5版 党建", "第5版", "党建"; null when
 * neither the number nor the name is known (the seed pages, which the OCR gave without a header).
 */
export function formatPrintedPage(page: PrintedPage): string | null {
  const parts = [page.no === null ? null : `第${page.no}版`, page.name].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(" ");
}
