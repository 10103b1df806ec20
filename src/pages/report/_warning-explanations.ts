/**
 * What each warning of the parse report means for an editor, in Chinese: a short name, what the
 * parser saw, and what to check in the page text. The codes stay as the ingest writes them (tools
 * read them); the report page shows the name and the explanation beside each code.
 */
import type { WarningCode } from "../../lib/ingest/page-item.ts";

export interface WarningExplanation {
  /** A short name: 标题系推测. */
  name: string;
  /** What the parser found and did. */
  meaning: string;
  /** What the editor should look at, and how to correct it. */
  check: string;
}

const CORRECTION = "如有误，在 content/corrections.yaml 中按文章编号更正";

export const WARNING_EXPLANATIONS = {
  "truncated-file": {
    name: "文件末尾残缺",
    meaning: "文件在最后一个字符中间中断（多为复制或传输未完成），残缺的字符已丢弃，其余内容照常解析。",
    check: "对照原件核对本版末尾是否缺字；重新复制完整文件后再次构建。",
  },
  "guessed-headline": {
    name: "标题系推测",
    meaning: "版面上没有印出标题，解析程序以首句作为标题。",
    check: `核对标题；${CORRECTION}（title）。`,
  },
  "headline-mid-body": {
    name: "标题在上一篇正文中",
    meaning: "本文标题夹在上一篇文章的正文里（分栏造成），已移回本文。",
    check: "核对两篇文章的分界是否正确。",
  },
  "subhead-mid-sentence": {
    name: "小标题截断句子",
    meaning: "一个小标题插在一句话中间，句子已接上，小标题移到句后。",
    check: "核对该处句子与小标题的位置。",
  },
  "missing-byline": {
    name: "缺少署名",
    meaning: "未找到记者或作者署名。",
    check: `核对原版是否有署名；${CORRECTION}（reporters、authors）。`,
  },
  "byline-in-text": {
    name: "署名混入正文",
    meaning: "作者姓名出现在正文中，已作为署名处理。",
    check: "核对署名与正文开头。",
  },
  "joined-fragments": {
    name: "断句已合并",
    meaning: "被分栏截断的同一句话分在两处，已合并为一段。",
    check: "核对合并后的句子是否通顺。",
  },
  "moved-paragraph": {
    name: "段落已移动",
    meaning: "一段话止于引号之中，其后半句在别处，已合并。",
    check: "核对导语与首段的顺序。",
  },
  "moved-continuation": {
    name: "续文已移入他篇",
    meaning: "一段文字所写地区与所在文章不符，判断为另一篇的续文，已移入。",
    check: "核对两篇文章的结尾与开头。",
  },
  "orphan-fragment": {
    name: "孤立的半句",
    meaning: "一段文字是半句话的结尾，句首不在本版（可能在其他版面）。",
    check: "查看相邻版面，必要时在原始文字中补全。",
  },
  "ends-mid-sentence": {
    name: "正文止于半句",
    meaning: "文章最后一句没有结束，后文不在本版。",
    check: "查看是否有转版（下转第几版）未被识别。",
  },
  "unrecognised-label": {
    name: "未知栏目名",
    meaning: "标题上方的短语被当作栏目名，但它不在栏目名单中。",
    check: "如确是栏目，请加入 content/data/column-labels.yaml；如不是，核对标题。",
  },
  "photo-without-caption": {
    name: "图片缺少说明",
    meaning: "一则图片稿没有图片说明或正文。",
    check: "核对原版的图片说明。",
  },
  "unknown-location": {
    name: "未找到地名",
    meaning: "正文中没有找到本省（区）的地名，文章未归入任何地区。",
    check: `如文章有所属地区，${CORRECTION}（location、county）；常用简称可加入 content/data/place-aliases/。`,
  },
  "headline-after-lead": {
    name: "标题在首段之后",
    meaning: "标题印在首段之后（排版造成），已作为本文标题。",
    check: "核对标题与导语。",
  },
  "unmatched-jump": {
    name: "转版未接上",
    meaning: "文章注明转至某版，但本期该版没有对应的“上接”续文。",
    check: "核对该期各版文件是否齐全，续文的“上接第几版”是否印错。",
  },
} as const satisfies Record<WarningCode | "truncated-file", WarningExplanation>;

/** The explanation of a code; a code this page does not know yet gets a plain one. */
export function explainWarning(code: string): WarningExplanation {
  return (WARNING_EXPLANATIONS as Record<string, WarningExplanation>)[code] ?? { name: code, meaning: "解析程序的警告。", check: "请对照原始版面文字核对。" };
}

/** The report's problem (missing or unreadable file), as an editor reads it. */
export function reportProblemText(problem: string): string {
  if (/does not exist yet/u.test(problem)) return "尚未生成解析报告：请先运行 npm run ingest（或 npm run build）。";
  return `解析报告无法读取：${problem}`;
}
