/**
 * Classifies each page block by its own text: column label, byline, photo credit,
 * deck, headline-shaped line, or body text. Context (what comes before and after)
 * is the assembler's business.
 */
import type { PageBlock } from "./page-blocks.ts";
import type { Byline } from "./byline.ts";
import { parseAuthorByline, parseBriefByline, parseCredit, parseStaffByline } from "./byline.ts";
import type { LabelColumn, PageKnowledge } from "./page-knowledge.ts";
import { charLength, isHeadlineShaped } from "./text-shape.ts";

export interface ColumnLabel {
  name: string;
  column: LabelColumn;
  series: { name: string; no: number | null } | null;
  /** False when the label was inferred from layout rather than printed as one. */
  recognised: boolean;
}

export type BlockClass =
  | { type: "label"; label: ColumnLabel }
  | { type: "byline"; byline: Byline }
  | { type: "brief-byline"; byline: Byline }
  | { type: "credit"; byline: Byline }
  | { type: "deck"; text: string }
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

  const staff = parseStaffByline(text);
  if (staff) return { type: "byline", byline: staff };
  const brief = parseBriefByline(text);
  if (brief) return { type: "brief-byline", byline: brief };
  const credit = parseCredit(text);
  if (credit) return { type: "credit", byline: credit };
  if (/^[□■◎]/u.test(text)) {
    const author = parseAuthorByline(text);
    if (author) return { type: "byline", byline: author };
  }

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
    const byline = parseStaffByline(block.text) ?? parseBriefByline(block.text) ?? parseCredit(block.text);
    if (!byline) continue;
    for (const list of [byline.reporters, byline.correspondents, byline.photographers]) for (const n of list) people.add(n);
  }
  return people;
}

export function classifyPage(blocks: PageBlock[], knowledge: PageKnowledge): ClassifiedBlock[] {
  const people = bylinePeople(blocks, knowledge);
  return blocks.map((block) => ({ ...block, class: classifyBlock(block, knowledge, people) }));
}
