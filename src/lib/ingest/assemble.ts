/**
 * Walks a page's classified blocks in reading order and groups them into items:
 * articles, commentaries, photos, briefs and notices. Decisions that need context live
 * here: whether a headline-shaped line starts a new item, titles a photo or is a subhead;
 * which label governs which item; bylines printed before their headline; datelines that
 * open a story; credits that close a picture.
 */
import type { ClassifiedBlock, ColumnLabel } from "./classify.ts";
import { parseAffiliation } from "./classify.ts";
import type { BylineRoles } from "./byline.ts";
import { emptyByline, mergeBylines, splitTrailingCredit } from "./byline.ts";
import type { PageItem } from "./page-item.ts";
import { charLength, endsSentence, isSubheadShaped } from "./text-shape.ts";

interface Draft extends PageItem {
  photo: boolean;
  brief: boolean;
  notice: boolean;
  afterGap: boolean;
  /** How the item opened: a dateline, a headline, a column break … */
  openedBy: "dateline" | "other";
  /** How its author signed: □Name (an opinion piece) or 文/Name (an essay or feature). */
  signature: "marked" | "slash" | "institutional" | null;
  verse: boolean;
}

/** Two or more blank lines: the layout moved to a picture or another column. */
const COLUMN_GAP = 2;

/** Headlines of notices: 减资公告, 遗失声明, 招聘启事 … */
const NOTICE_TITLE = /(公告|启事|启示|声明|通告|公示|告知书|通知书|讣告|注销公告|拍卖会|招标公告|广告)$/u;

/** Page names whose signed pieces are essays and poems, not commentary. */
const LITERARY_PAGE = /(副刊|文化|文艺|文学|读书|书评|阅读|悦读|散文|诗|人文|风物|旅游|史话|草原|北国风光|生活)/u;

export interface PageContext {
  roles: BylineRoles;
  /** The page's name (文化, 评论 …), when known. */
  pageName: string | null;
}

function newDraft(line: number, label: ColumnLabel | null, afterGap: boolean): Draft {
  return {
    kind: "article",
    title: null,
    titleLine: null,
    titleOrigin: "printed",
    subtitle: null,
    kicker: null,
    label,
    byline: emptyByline(),
    dateline: null,
    continuesTo: null,
    continuedFrom: null,
    metaLines: [],
    paragraphs: [],
    startLine: line,
    warnings: [],
    photo: label?.column === "photo",
    brief: false,
    notice: label?.column === "notice",
    afterGap,
    openedBy: "other",
    signature: null,
    verse: false,
  };
}

function kindOf(draft: Draft, pageName: string | null): PageItem["kind"] {
  if (draft.notice) return "notice";
  if (draft.brief) return "brief";
  if (draft.photo) return "photo";
  if (draft.label?.column === "commentary") return "commentary";
  if (draft.signature === "institutional") return "commentary";
  if (draft.verse || draft.signature === "slash") return "article";
  if (draft.byline.authors.length > 0 && draft.byline.reporters.length === 0) {
    return pageName !== null && LITERARY_PAGE.test(pageName) ? "article" : "commentary";
  }
  return "article";
}

export interface AssembledPage {
  items: PageItem[];
  /** Column label lines (printed, or inferred from a kicker), credited to the page. */
  labelLines: { line: number; text: string }[];
}

/** A caption that a credit closes, rather than the last paragraph of a report above it. */
function looksLikeCaption(text: string, gapBefore: number): boolean {
  if (gapBefore >= COLUMN_GAP) return true;
  if (/(图为|左图|右图|上图|下图|图①|图②|图片|组图)/u.test(text)) return true;
  return charLength(text) <= 90;
}

export function assembleItems(blocks: ClassifiedBlock[], context: PageContext): AssembledPage {
  const { roles, pageName } = context;
  const items: Draft[] = [];
  const labelLines: { line: number; text: string }[] = [];
  let current: Draft | null = null;
  let pendingLabel: ColumnLabel | null = null;
  let pendingKicker: { text: string; line: number } | null = null;
  let photoLabel: ColumnLabel | null = null;
  let briefLabel: ColumnLabel | null = null;
  let noticeLabel: ColumnLabel | null = null;

  const close = () => {
    if (current) items.push(current);
    current = null;
  };
  const lastItem = (): Draft | null => current ?? items[items.length - 1] ?? null;
  const start = (line: number, afterGap: boolean): Draft => {
    close();
    const draft = newDraft(line, pendingLabel, afterGap);
    if (noticeLabel && !pendingLabel) {
      draft.label = noticeLabel;
      draft.notice = true;
    }
    pendingLabel = null;
    if (pendingKicker) {
      draft.kicker = pendingKicker.text;
      draft.metaLines.push({ line: pendingKicker.line, text: pendingKicker.text });
      pendingKicker = null;
    }
    current = draft;
    return draft;
  };
  const startText = (line: number, afterGap: boolean): Draft => {
    photoLabel = null;
    briefLabel = null;
    return start(line, afterGap);
  };
  const meta = (draft: Draft, block: { line: number; text: string }) => draft.metaLines.push({ line: block.line, text: block.text });

  const isPhotoTitle = (i: number): boolean => {
    const caption = blocks[i + 1];
    const after = blocks[i + 2];
    if (!caption || caption.class.type !== "body" || caption.gapBefore >= COLUMN_GAP) return false;
    if (after?.class.type === "credit" && after.gapBefore < COLUMN_GAP) return true;
    if (splitTrailingCredit(caption.text, roles)) return true;
    return photoLabel !== null;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const c = block.class;
    const next = blocks[i + 1]?.class;
    const afterNext = blocks[i + 2]?.class;
    const afterGap = i > 0 && block.gapBefore >= COLUMN_GAP;
    if (afterGap) {
      close();
      briefLabel = null;
    }
    const cur = current as Draft | null;

    switch (c.type) {
      case "label": {
        const line = { line: block.line, text: block.text };
        if (c.label.column === "photo") {
          close();
          photoLabel = c.label;
          briefLabel = null;
          pendingLabel = null;
          labelLines.push(line);
        } else if (c.label.column === "brief") {
          close();
          briefLabel = c.label;
          photoLabel = null;
          pendingLabel = null;
          labelLines.push(line);
        } else if (c.label.column === "notice") {
          close();
          noticeLabel = c.label;
          photoLabel = null;
          briefLabel = null;
          pendingLabel = null;
          labelLines.push(line);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.label === null && !cur.photo) {
          // A label printed after its headline (容错纠错让干部想为敢为 / 观潮, 2022-09-06).
          cur.label = c.label;
          meta(cur, block);
        } else {
          close();
          photoLabel = null;
          briefLabel = null;
          pendingLabel = c.label;
          labelLines.push(line);
        }
        break;
      }
      case "byline": {
        const fresh = cur && cur.paragraphs.length === 0 && !cur.photo && !cur.brief;
        const target = fresh ? cur : startText(block.line, afterGap);
        target.byline = mergeBylines(target.byline, c.byline);
        if (c.byline.authors.length > 0) {
          target.signature = /^文\s*[/／]/u.test(block.text) ? "slash" : c.byline.authors.some((a) => /评论员|编辑部|社论/u.test(a)) ? "institutional" : "marked";
        }
        meta(target, block);
        break;
      }
      case "dateline": {
        const { dateline } = c;
        let target: Draft;
        if (cur && cur.paragraphs.length === 0 && !cur.photo && !cur.brief && cur.dateline === null) {
          target = cur;
        } else {
          // A headline read as the last item's subhead was this story's headline.
          const stolen = cur && !cur.brief && cur.paragraphs.length > 1 && cur.paragraphs.at(-1)!.heading ? cur.paragraphs.pop()! : null;
          target = startText(block.line, afterGap);
          if (stolen) setTitle(target, stolen.text, stolen.lines[0]!);
        }
        target.openedBy = "dateline";
        target.dateline = { text: dateline.text, place: dateline.place };
        target.byline = mergeBylines(target.byline, dateline.byline);
        if (dateline.agency) target.byline.agency ??= dateline.agency;
        target.metaLines.push({ line: block.line, text: dateline.text });
        if (dateline.rest !== "") appendBody(target, block.line, dateline.rest);
        break;
      }
      case "brief-byline":
      case "credit": {
        let target = lastItem() ?? start(block.line, afterGap);
        const previous = blocks[i - 1];
        if (c.type === "credit" && !target.photo && !target.brief && target.paragraphs.length >= 2 && previous?.class.type === "body") {
          const last = target.paragraphs.at(-1)!;
          if (looksLikeCaption(last.text, previous.gapBefore) && !c.byline.photographers.every((n) => target.byline.reporters.includes(n))) {
            // A picture's caption and credit under a report: the credit is the picture's (2022-09-06 style pages).
            target.paragraphs.pop();
            const photo = start(last.lines[0]!, previous.gapBefore >= COLUMN_GAP);
            photo.photo = true;
            photo.label = photoLabel;
            photo.paragraphs.push(last);
            target = photo;
          }
        }
        target.byline = mergeBylines(target.byline, c.byline);
        meta(target, block);
        if (c.type === "credit" && !target.brief && !target.notice) target.photo = true;
        close();
        break;
      }
      case "affiliation": {
        const target = lastItem() ?? start(block.line, afterGap);
        target.byline = { ...target.byline, affiliation: target.byline.affiliation ?? parseAffiliation(block.text) };
        meta(target, block);
        break;
      }
      case "jump": {
        if (c.direction === "to") {
          const target = lastItem() ?? start(block.line, afterGap);
          target.continuesTo = c.page;
          meta(target, block);
          close();
        } else {
          const target = cur && cur.paragraphs.length === 0 && !cur.photo ? cur : startText(block.line, afterGap);
          target.continuedFrom = c.page;
          meta(target, block);
        }
        break;
      }
      case "deck": {
        if (cur && cur.paragraphs.length === 0 && cur.subtitle === null) {
          cur.subtitle = c.text.replace(/^(——|--|－－)\s*/u, "");
          meta(cur, block);
        } else {
          appendBody(cur ?? startText(block.line, afterGap), block.line, c.text);
        }
        break;
      }
      case "verse": {
        const target = cur && (cur.verse || (cur.paragraphs.length === 0 && !cur.photo && !cur.brief)) ? cur : startText(block.line, afterGap);
        target.verse = true;
        target.paragraphs.push({ text: c.text, lines: [block.line], heading: false, verse: true });
        break;
      }
      case "heading": {
        const opensStory = next?.type === "byline" || next?.type === "deck" || next?.type === "dateline" || next?.type === "verse" || next?.type === "jump";
        const startsText = opensStory || (next?.type === "label" && next.label.column !== "photo" && next.label.column !== "brief" && next.label.column !== "notice");
        if (NOTICE_TITLE.test(c.text) && charLength(c.text) <= 30) {
          const draft = startText(block.line, afterGap);
          draft.notice = true;
          setTitle(draft, c.text, block.line);
        } else if (cur && cur.title === null && cur.paragraphs.length === 0 && !cur.brief && cur.continuedFrom === null) {
          // The byline came before its headline (□本报记者 白丹 / 文明新风拂遍青城大地, 2022-11-08).
          setTitle(cur, c.text, block.line);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.subtitle === null && !cur.photo && !cur.brief && cur.byline !== null && hasPeople(cur)) {
          // Headline, byline, then a second headline-shaped line: the deck printed after the byline.
          cur.subtitle = c.text;
          meta(cur, block);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.subtitle === null && !cur.photo && !cur.brief && !hasPeople(cur) && (next?.type === "byline" || next?.type === "dateline")) {
          // Headline, then a line that is not a byline before the byline: the deck, with or without ——.
          cur.subtitle = c.text;
          meta(cur, block);
        } else if (next?.type === "heading" && (afterNext?.type === "byline" || afterNext?.type === "deck" || afterNext?.type === "dateline") && pendingLabel === null && !afterGap && !opensStory) {
          const second = blocks[i + 1]!.text;
          const secondIsLabel = charLength(second) <= 6 && charLength(c.text) > charLength(second) && afterNext?.type !== "deck";
          if (secondIsLabel) {
            // Headline, then a short column label after it (草原论坛), then the byline.
            const draft = startText(block.line, afterGap);
            setTitle(draft, c.text, block.line);
          } else if (charLength(c.text.replace(/[“”"]/gu, "")) <= 8 && !/\s/u.test(c.text)) {
            // A short rubric over a headline with a byline: read it as the column label.
            close();
            pendingLabel = { name: c.text, column: "text", series: null, recognised: false };
            labelLines.push({ line: block.line, text: block.text });
          } else if (afterNext?.type === "dateline" || afterNext?.type === "deck") {
            // A kicker (引题) over the headline of a story that opens with its dateline or has a deck.
            close();
            pendingKicker = { text: c.text, line: block.line };
          } else {
            // Headline and deck (printed without ——) over the byline.
            const draft = startText(block.line, afterGap);
            setTitle(draft, c.text, block.line);
          }
        } else if (!startsText && isPhotoTitle(i)) {
          close();
          const photo = start(block.line, afterGap);
          photo.label = photoLabel;
          photo.photo = true;
          setTitle(photo, c.text, block.line);
        } else if (
          cur &&
          cur.title === null &&
          cur.paragraphs.length === 1 &&
          (cur.openedBy === "dateline" || cur.afterGap) &&
          !cur.photo &&
          !cur.brief &&
          endsSentence(cur.paragraphs[0]!.text) &&
          next?.type === "body"
        ) {
          // A headline printed after the first paragraph of its story (OCR order).
          setTitle(cur, c.text, block.line);
          cur.warnings.push({ code: "headline-after-lead", message: `headline "${c.text}" printed after the first paragraph; taken as the title`, line: block.line });
        } else if (startsText || pendingLabel !== null || afterGap || cur === null || cur.photo || cur.brief || cur.verse) {
          const asPhoto = photoLabel !== null && !startsText;
          const draft = asPhoto ? start(block.line, afterGap) : startText(block.line, afterGap);
          if (asPhoto) {
            draft.label = photoLabel;
            draft.photo = true;
          }
          setTitle(draft, c.text, block.line);
        } else if (isSubheadShaped(c.text, c.marked)) {
          cur.paragraphs.push({ text: c.text, lines: [block.line], heading: true });
        } else {
          // Not a subhead after all: keep the line as printed, # marks included.
          appendBody(cur, block.line, block.text);
        }
        break;
      }
      case "body": {
        if (briefLabel !== null && (cur === null || !cur.brief || /^[●•]/u.test(block.text))) {
          const brief = start(block.line, afterGap);
          brief.label = briefLabel;
          brief.brief = true;
          appendBody(brief, block.line, block.text.replace(/^[●•]\s*/u, ""));
          break;
        }
        const target = cur && !cur.verse ? cur : start(block.line, afterGap);
        if (cur === null && photoLabel !== null) {
          target.label = photoLabel;
          target.photo = true;
        }
        const split = splitTrailingCredit(block.text, roles);
        if (split && (target.photo || target.paragraphs.length === 0 || target.title === null || looksLikeCaption(split.caption, block.gapBefore))) {
          // A caption with its credit run on: it closes a picture, never a report above it.
          const photo = target.photo || (target.paragraphs.length === 0 && target.dateline === null) ? target : start(block.line, afterGap);
          if (photo !== target) photo.label = photoLabel;
          photo.photo = true;
          appendBody(photo, block.line, split.caption);
          photo.byline = mergeBylines(photo.byline, split.byline);
          photo.metaLines.push({ line: block.line, text: split.credit });
          close();
          break;
        }
        appendBody(target, block.line, block.text);
        break;
      }
    }
  }
  close();

  return { items: items.map((draft) => finishDraft(draft, pageName)), labelLines };
}

function hasPeople(draft: Draft): boolean {
  const b = draft.byline;
  return b.reporters.length + b.correspondents.length + b.authors.length > 0;
}

function setTitle(draft: Draft, text: string, line: number): void {
  draft.title = text;
  draft.titleLine = line;
  draft.titleOrigin = "printed";
}

function appendBody(draft: Draft, line: number, text: string): void {
  draft.paragraphs.push({ text, lines: [line], heading: false });
}

function finishDraft(draft: Draft, pageName: string | null): PageItem {
  const kind = kindOf(draft, pageName);
  const item: PageItem = {
    kind,
    title: draft.title,
    titleLine: draft.titleLine,
    titleOrigin: draft.titleOrigin,
    subtitle: draft.subtitle,
    kicker: draft.kicker,
    label: draft.label,
    byline: draft.byline,
    dateline: draft.dateline,
    continuesTo: draft.continuesTo,
    continuedFrom: draft.continuedFrom,
    metaLines: draft.metaLines,
    paragraphs: draft.paragraphs,
    startLine: draft.startLine,
    warnings: draft.warnings,
  };
  if (item.paragraphs.length === 0 && item.title !== null && kind !== "photo" && draft.afterGap) {
    // A picture title whose caption the OCR lost (晒丰收, 2022-09-06).
    item.kind = "photo";
    item.warnings.push({ code: "photo-without-caption", message: `"${item.title}" has no caption or text`, line: item.titleLine });
  }
  return item;
}
