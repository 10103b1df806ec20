/**
 * Classifies each page block by its own text: column label, byline, photo credit,
 * deck, headline-shaped line, or body text. Context (what comes before and after)
 * is the assembler's business.
 */
import type { PageBlock } from "./page-blocks.ts";
import type { Byline } from "./byline.ts";
import { parseAuthorByline, parseBriefByline, parseCredit, parseStaffByline } from "./byline.ts";
import type { Dateline } from "./dateline.ts";
import { parseDateline } from "./dateline.ts";
import type { LabelColumn, PageKnowledge } from "./page-knowledge.ts";
import { charLength, isHeadlineShaped } from "./text-shape.ts";

export interface ColumnLabel {
  name: string;
  column: LabelColumn;
  series: { name: string; no: number | null } | null;
  /** False when the label was inferred from layout rather than printed as one. */
  recognised: boolean;
  /** Known only by the form of its name, printed without ◎ (经济快讯): inside a story it may be a subhead. */
  unmarked?: true;
}

export type BlockClass =
  | { type: "label"; label: ColumnLabel }
  | { type: "byline"; byline: Byline }
  | { type: "brief-byline"; byline: Byline }
  | { type: "credit"; byline: Byline }
  | { type: "deck"; text: string }
  | { type: "dateline"; dateline: Dateline }
  | { type: "affiliation"; text: string }
  | { type: "jump"; direction: "to" | "from"; page: number }
  | { type: "verse"; text: string }
  | { type: "heading"; text: string; marked: boolean }
  | { type: "body"; text: string };

export interface ClassifiedBlock extends PageBlock {
  class: BlockClass;
}

const LABEL_MARK = /^[◎⊙]\s*/u;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿";

function seriesNumber(text: string): number | null {
  const circled = CIRCLED.indexOf(text);
  if (text.length === 1 && circled >= 0) return circled + 1;
  const digits = /^[(（]?(\d{1,3})[)）]?$/u.exec(text);
  return digits && digits[1] ? Number(digits[1]) : null;
}

function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/gu, " ").trim();
}

/**
 * What kind of column a label's name says it is, for labels the data file does not list:
 * 经济快讯 and 热点简讯 hold briefs, 北疆掠影 photos, 草原论坛 commentary, 公告 notices.
 */
export function columnByName(name: string): LabelColumn | null {
  if (/(快讯|简讯|速递|快递|速览|短讯|集锦|短波|一句话新闻|简报|播报|资讯|集装箱|动态|扫描|传真|直通车)$/u.test(name)) return "brief";
  if (/(掠影|图片新闻|图说|图片|视觉|影像|光影|镜头|瞬间)$/u.test(name)) return "photo";
  if (/(评论|时评|短评|快评|锐评|热评|论坛|言论|观点|评说|议论|杂谈|论苑|理论)$/u.test(name)) return "commentary";
  if (/^(广告|分类广告|公告栏|广而告之|广告专版|公告专版)$/u.test(name)) return "notice";
  return null;
}

/** （下转第3版） and （上接第1版）: where an article continues. */
const CHINESE_DIGITS = "〇一二三四五六七八九十";
export function pageNumber(text: string): number | null {
  if (/^\d{1,3}$/u.test(text)) return Number(text);
  if (!/^[〇一二三四五六七八九十]{1,3}$/u.test(text)) return null;
  if (text === "十") return 10;
  const parts = text.split("十");
  if (parts.length === 1) return CHINESE_DIGITS.indexOf(text);
  return (parts[0] === "" ? 1 : CHINESE_DIGITS.indexOf(parts[0]!)) * 10 + (parts[1] === "" ? 0 : CHINESE_DIGITS.indexOf(parts[1]!));
}

const JUMP_LINE = /^[(（【[]?\s*(下转|转|上接|接)\s*第?\s*([0-9〇一二三四五六七八九十]{1,3})\s*版\s*[)）】\]]?$/u;

export function parseJump(text: string): { direction: "to" | "from"; page: number } | null {
  const m = JUMP_LINE.exec(text);
  if (!m || !m[1] || !m[2]) return null;
  const page = pageNumber(m[2]);
  return page === null ? null : { direction: m[1].includes("接") ? "from" : "to", page };
}

/** （作者单位：内蒙古大学）, 作者系自治区党委党校教授: the author's affiliation, printed after the piece. */
export function parseAffiliation(text: string): string | null {
  const m = /^[(（]?\s*(?:作者单位[：:]\s*|作者单位为|作者系|作者为|作者是)(.{2,60}?)\s*[)）]?$/u.exec(text);
  return m && m[1] && !/[。！？]$/u.test(m[1]) ? m[1].replace(/[。；;]$/u, "") : null;
}

export function parseColumnLabel(text: string, knowledge: PageKnowledge, people: ReadonlySet<string>): ColumnLabel | null {
  const marked = LABEL_MARK.test(text);
  const name = normaliseSpaces(text.replace(LABEL_MARK, ""));
  if (name === "") return null;

  for (const series of knowledge.seriesNames) {
    const compact = (s: string) => s.replace(/\s/gu, "");
    if (!compact(name).startsWith(compact(series))) continue;
    const rest = compact(name).slice(compact(series).length);
    const no = rest === "" ? null : seriesNumber(rest);
    if (rest !== "" && no === null) continue;
    return { name: series, column: "text", series: { name: series, no }, recognised: true };
  }
  const column = knowledge.labels.get(name);
  if (column) return { name, column, series: null, recognised: true };
  const byForm = columnByName(name);
  if (byForm && marked) return { name, column: byForm, series: null, recognised: true };
  if (byForm && byForm !== "text" && byForm !== "commentary" && charLength(name) <= 6) return { name, column: byForm, series: null, recognised: true, unmarked: true };
  if (!marked) return null;
  // ◎ also stands in for the □ of a commentary byline when OCR misreads it (◎安寅东).
  if (people.has(name)) return null;
  if (charLength(name) > 16 || /[。，,！？]/u.test(name)) return null;
  return { name, column: "text", series: null, recognised: true };
}

export function classifyBlock(block: PageBlock, knowledge: PageKnowledge, people: ReadonlySet<string>): BlockClass {
  const text = block.text;
  const label = parseColumnLabel(text, knowledge, people);
  if (label) return { type: "label", label };

  const roles = knowledge.roles;
  const staff = parseStaffByline(text, roles);
  if (staff) return { type: "byline", byline: staff };
  const brief = parseBriefByline(text, roles);
  if (brief) return { type: "brief-byline", byline: brief };
  const credit = parseCredit(text, roles);
  if (credit) return { type: "credit", byline: credit };
  const author = parseAuthorByline(text, roles);
  if (author) return { type: "byline", byline: author };
  const jump = parseJump(text);
  if (jump) return { type: "jump", ...jump };
  if (parseAffiliation(text) !== null) return { type: "affiliation", text };
  const dateline = parseDateline(text, roles);
  if (dateline) return { type: "dateline", dateline };

  if (/^(——|--|－－)/u.test(text)) return { type: "deck", text };

  const hashes = /^#{1,6}\s*/u.exec(text);
  const unmarked = hashes ? text.slice(hashes[0].length).trim() : text;
  if (hashes && unmarked !== "" && charLength(unmarked) <= 60) return { type: "heading", text: unmarked, marked: true };
  if (isHeadlineShaped(unmarked)) return { type: "heading", text: unmarked, marked: false };
  return { type: "body", text };
}

/** Names printed in this page's bylines, so that ◎Name can be told from a column label. */
export function bylinePeople(blocks: PageBlock[], knowledge: PageKnowledge): Set<string> {
  const people = new Set<string>(knowledge.reporterAliases.keys());
  for (const block of blocks) {
    const byline = parseStaffByline(block.text, knowledge.roles) ?? parseBriefByline(block.text, knowledge.roles) ?? parseCredit(block.text, knowledge.roles);
    if (!byline) continue;
    for (const list of [byline.reporters, byline.correspondents, byline.photographers]) for (const n of list) people.add(n);
  }
  return people;
}

/** `people`: the page's byline names (bylinePeople), when the caller already has them. */
export function classifyPage(blocks: PageBlock[], knowledge: PageKnowledge, people: ReadonlySet<string> = bylinePeople(blocks, knowledge)): ClassifiedBlock[] {
  return blocks.map((block) => ({ ...block, class: classifyBlock(block, knowledge, people) }));
}
