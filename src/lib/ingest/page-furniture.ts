/**
 * Page furniture: the lines a newspaper page prints about itself rather than as news.
 *   header   2022年9月6日 星期二 第5版 党建 / 第5版：党建 / 内蒙古日报 / 本版编辑：张三
 *   footer   责任编辑：李四  版式设计：王五  美编 / 校对 / 审校
 *   teaser   导读 / 详见第3版 (front-page pointers to stories inside)
 * They are page metadata: never an article, a headline or a column label.
 */
import type { PrintedPage } from "../article.ts";
import { pageNumber } from "./classify.ts";

/** People the page names for its own making: 责任编辑 李四, 版式设计 王五. */
export interface PageStaff {
  /** The role as printed: 责任编辑, 本版编辑, 版式设计, 美编, 校对, 审校, 制图 … */
  role: string;
  names: string[];
}

/** A front-page pointer to a story on another page (导读 … 详见第3版). */
export interface PageTeaser {
  text: string;
  /** The summary printed with it, when it is more than a headline. */
  summary: string | null;
  /** The page it points to, when printed. */
  page: number | null;
  line: number;
}

export interface PageMeta extends PrintedPage {
  /** The paper's name as the masthead prints it (北方新报), when it does. */
  paper: string | null;
  /** The issue date the header prints (YYYY-MM-DD), when it prints one. */
  printedDate: string | null;
  staff: PageStaff[];
  teasers: PageTeaser[];
}

export function emptyPageMeta(): PageMeta {
  return { no: null, name: null, paper: null, printedDate: null, staff: [], teasers: [] };
}

const STAFF_ROLE =
  "责任编辑|本版编辑|本版责编|本版主编|责编|版式设计|版面设计|版式编辑|版式|美术编辑|美编|图片编辑|责任校对|校对|审校|审读|编辑|制图|排版|照排|组版|终审|一审|二审|三审|主编|值班编辑";
const STAFF_NAMES = "[\\u4e00-\\u9fff·]{2,8}(?:[\\s\\u3000、，,]+(?!(?:" + STAFF_ROLE + "))[\\u4e00-\\u9fff·]{2,8})*";
// The role and the names are set apart by a colon or a space: 编辑手记 and 主编寄语 are column headings.
const STAFF_PAIR = new RegExp(`(${STAFF_ROLE})(?:\\s*[：:]\\s*|[\\s\\u3000]+)(${STAFF_NAMES})`, "gu");
const STAFF_LINE = new RegExp(`^(?:(?:${STAFF_ROLE})(?:\\s*[：:]\\s*|[\\s\\u3000]+)${STAFF_NAMES}[\\s\\u3000]*)+$`, "u");

/** 责任编辑：李四  版式设计：王五 → [{责任编辑, [李四]}, {版式设计, [王五]}]; null when the line is anything else. */
export function parseStaffLine(text: string): PageStaff[] | null {
  const compact = text.trim();
  if (compact.length > 80 || !STAFF_LINE.test(compact)) return null;
  // 编辑 and 主编 alone are words of a headline (编辑 记者 走基层) unless a colon follows them.
  if (/^(编辑|主编)[\s\u3000]/u.test(compact)) return null;
  return [...compact.matchAll(STAFF_PAIR)].map((m) => ({ role: m[1]!, names: m[2]!.split(/[\s\u3000、，,]+/u).filter(Boolean) }));
}

const NUMERAL = "[0-9〇一二三四五六七八九十]{1,3}";
const PAGE_MARK = new RegExp(`第\\s*(${NUMERAL})\\s*版`, "u");
const PRINTED_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const WEEKDAY = /星期[一二三四五六日天]|周[一二三四五六日]/u;
const LUNAR = /农历\S*/u;

/**
 * A header line: 2022年9月6日 星期二 第5版 党建, 第5版：党建, 要闻 第1版, a date with its weekday,
 * or 第6版 2024年5月20日 星期一 文化 责任编辑 某某. Null when the line is not one.
 */
export function parseHeaderLine(text: string): { no: number | null; name: string | null; printedDate: string | null; staff: PageStaff[] } | null {
  if (text.length > 80 || TEASER_POINTER.test(text)) return null;
  const page = PAGE_MARK.exec(text);
  const date = PRINTED_DATE.exec(text);
  const weekday = WEEKDAY.test(text);
  if (!page && !(date && weekday)) return null;
  let rest = text;
  const staff: PageStaff[] = [];
  const staffAt = rest.search(new RegExp(`(${STAFF_ROLE})`, "u"));
  if (staffAt >= 0) {
    const parsed = parseStaffLine(rest.slice(staffAt));
    if (parsed) {
      staff.push(...parsed);
      rest = rest.slice(0, staffAt);
    }
  }
  rest = rest.replace(PAGE_MARK, " ").replace(PRINTED_DATE, " ").replace(WEEKDAY, " ").replace(LUNAR, " ");
  let words = rest.split(/[\s\u3000：:·|｜/／,，]+/u).filter(Boolean);
  // 3 经济 2025年1月8日 星期三, 副刊 ｜ 7 ｜ …: a bare number beside the printed date is the page's.
  let bareNo: number | null = null;
  if (!page && words.filter((w) => /^\d{1,2}$/u.test(w)).length === 1) {
    bareNo = Number(words.find((w) => /^\d{1,2}$/u.test(w)));
    words = words.filter((w) => !/^\d{1,2}$/u.test(w));
  }
  // Whatever is left must be a page name (and perhaps the paper's name), or this is a sentence.
  if (words.some((w) => !/^[\u4e00-\u9fff]{1,8}$/u.test(w))) return null;
  const names = words.filter((w) => !/(日报|晚报|报)$/u.test(w));
  if (names.length > 1) return null;
  const printedDate = date ? `${date[1]}-${date[2]!.padStart(2, "0")}-${date[3]!.padStart(2, "0")}` : null;
  return { no: page ? pageNumber(page[1]!) : bareNo, name: names[0] ?? null, printedDate, staff };
}

/** Lines of a page's masthead that are neither header nor news: the paper's name, its serial numbers. */
const MASTHEAD = /^(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S{2,8}|[\u4e00-\u9fff]{2,8}(?:日报|晚报|都市报|商报|新报)|[\u4e00-\u9fff]{2,20}机关报|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|[A-Z ]{6,}|(?:国内统一连续出版物号|国内统一刊号|邮发代号|CN\s*\d{2}\s*[-－]\s*\d{4}).*|今日\d{1,2}版|总第\s*\d+\s*[号期].*|第\s*\d{4,6}\s*[号期])$/u;

const TEASER_POINTER = new RegExp(`[(（【\\[]?\\s*(?:详见|见|请看|详情见)\\s*(?:今日|本报)?\\s*第?\\s*(${NUMERAL})\\s*版\\s*[)）】\\]]?[。.]?$`, "u");
/** ▶雪落阿尔山（7版）: in a teaser block, the page alone in brackets. */
const BARE_POINTER = new RegExp(`[(（【\\[]\\s*第?\\s*(${NUMERAL})\\s*版\\s*[)）】\\]]$`, "u");
const TEASER_HEAD = /^(?:今日|本期|本版)?(?:导读|看点|提要)$|^导\s*读$/u;

/** Headline-shaped: short, no full stop at the end. */
const headlineLike = (text: string) => text.length <= 40 && !/[。！？]$/u.test(text);

export interface FurnitureBlock {
  text: string;
  line: number;
  gapBefore: number;
}

/**
 * Takes the page's furniture out of its blocks: header and masthead lines at the top,
 * staff lines anywhere, 导读 teasers. Returns what they say and the blocks left for the
 * parser; every furniture line is listed so that the coverage account counts it.
 */
export function readPageFurniture<B extends FurnitureBlock>(blocks: B[]): { meta: PageMeta; furniture: { line: number; text: string }[]; rest: B[] } {
  const meta = emptyPageMeta();
  const furniture: { line: number; text: string }[] = [];
  const rest: B[] = [];
  let inTeasers = false;
  // A header that printed its number on one line and its name on the next (第1版 / 要闻).
  let nameFollows = false;
  let pendingTeaser: B | null = null;
  const isTopOfPage = () => rest.length === 0;
  for (const block of blocks) {
    const text = block.text;
    if (nameFollows && isTopOfPage() && /^[\u4e00-\u9fff]{2,6}$/u.test(text) && !TEASER_HEAD.test(text)) {
      meta.name = text;
      nameFollows = false;
      furniture.push({ line: block.line, text });
      continue;
    }
    nameFollows = false;
    const pointer = !text.includes("版") ? null : (TEASER_POINTER.exec(text) ?? ((inTeasers || /^[▶►]/u.test(text)) && text.length <= 50 ? BARE_POINTER.exec(text) : null));
    const header = pointer ? null : parseHeaderLine(text);
    // Below the top of the page a header needs two signals (第10版 and a date): 第十版诊疗方案发布 is a headline.
    const headerHere = header && (isTopOfPage() || (header.no !== null && header.printedDate !== null)) ? header : null;
    const staff = parseStaffLine(text);
    if (headerHere) {
      const header = headerHere;
      meta.no ??= header.no;
      meta.name ??= header.name;
      meta.printedDate ??= header.printedDate;
      meta.staff.push(...header.staff);
      nameFollows = header.no !== null && header.name === null && meta.name === null;
      furniture.push({ line: block.line, text });
      continue;
    }
    if (staff) {
      meta.staff.push(...staff);
      furniture.push({ line: block.line, text });
      continue;
    }
    if (isTopOfPage() && (MASTHEAD.test(text) || (/^农历\S{2,12}$/u.test(text)))) {
      if (/^[\u4e00-\u9fff]{2,8}(?:日报|晚报|都市报|商报|新报)$/u.test(text)) meta.paper ??= text;
      furniture.push({ line: block.line, text });
      continue;
    }
    if (TEASER_HEAD.test(text)) {
      inTeasers = true;
      furniture.push({ line: block.line, text });
      continue;
    }
    if (pointer) {
      const page = pageNumber(pointer[1]!);
      const before = text.slice(0, pointer.index).replace(/[\s\u3000▶►●•>＞]+$/u, "").replace(/^[▶►●•>＞\s]+/u, "");
      let title = before;
      let summary: string | null = null;
      // Headline, summary, then 详见第7版 on a line of its own: the headline is two blocks up.
      const previous = pendingTeaser ? rest[rest.indexOf(pendingTeaser) - 1] : undefined;
      if (before === "" && pendingTeaser && !headlineLike(pendingTeaser.text) && previous && headlineLike(previous.text)) {
        furniture.push({ line: previous.line, text: previous.text });
        rest.splice(rest.indexOf(previous), 1);
        summary = pendingTeaser.text;
        pendingTeaser = previous;
      }
      if ((before === "" || (!headlineLike(before) && inTeasers)) && pendingTeaser) {
        summary ??= before === "" ? null : before;
        title = pendingTeaser.text.replace(/^[▶►●•>＞\s]+/u, "");
        furniture.push({ line: pendingTeaser.line, text: pendingTeaser.text });
        rest.splice(rest.indexOf(pendingTeaser), 1);
      }
      // Outside a 导读 block only a line that is a pointer, or a headline with its pointer, is a
      // teaser: a paragraph that ends by pointing elsewhere (…开局良好。详见第3版) is a story's text.
      const standsAlone = before === "" || headlineLike(before);
      if ((title !== "" || before === "") && (inTeasers || standsAlone)) {
        meta.teasers.push({ text: title === "" ? text : title, summary, page, line: block.line });
        furniture.push({ line: block.line, text });
        pendingTeaser = null;
        continue;
      }
    }
    if (inTeasers && (block.gapBefore >= 2 || !headlineLike(text))) inTeasers = false;
    // A byline is never a teaser's headline or summary.
    pendingTeaser = /^[□■]|记者|通讯员/u.test(text) ? null : block;
    rest.push(block);
  }
  return { meta, furniture, rest };
}

/** Pages whose signed pieces are essays and poems, not commentary: a daily's culture and supplement pages. */
export function isLiteraryPage(name: string | null): boolean {
  return name !== null && /(副刊|文化|文艺|文学|读书|书评|阅读|悦读|散文|诗|人文|风物|史话|北国风光|草原)/u.test(name);
}

/** Pages of notices and advertisements: every item on them is one. */
export function isNoticePage(name: string | null): boolean {
  return name !== null && /(公告|广告|启事)/u.test(name);
}
