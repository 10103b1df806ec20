/**
 * Page furniture: the lines a newspaper page prints about itself rather than as news.
 *   header   2022年9月6日 星期二 第5版 党建 / 第5版：党建 / 内蒙古日报 / 本版编辑：张三
 *   footer   责任编辑：李四  版式设计：王五  美编 / 校对 / 审校
 *   teaser   导读 / 详见第3版 (front-page pointers to stories inside)
 * They are page metadata: never an article, a headline or a column label.
 */
import type { PrintedPage } from "../article.ts";

/** People the page names for its own making: 责任编辑 李四, 版式设计 王五. */
export interface PageStaff {
  /** The role as printed: 责任编辑, 本版编辑, 版式设计, 美编, 校对, 审校, 制图 … */
  role: string;
  names: string[];
}

/** A front-page pointer to a story on another page (导读 … 详见第3版). */
export interface PageTeaser {
  text: string;
  /** The page it points to, when printed. */
  page: number | null;
  line: number;
}

export interface PageMeta extends PrintedPage {
  /** The issue date the header prints (YYYY-MM-DD), when it prints one. */
  printedDate: string | null;
  staff: PageStaff[];
  teasers: PageTeaser[];
}

export function emptyPageMeta(): PageMeta {
  return { no: null, name: null, printedDate: null, staff: [], teasers: [] };
}
