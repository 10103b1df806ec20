/**
 * Walks a page's classified blocks in reading order and groups them into items:
 * articles, commentaries, photos and briefs. Decisions that need context live here:
 * whether a headline-shaped line starts a new item, titles a photo or is a subhead;
 * which label governs which item; bylines printed before their headline.
 */
import type { ClassifiedBlock, ColumnLabel } from "./classify.ts";
import type { PageItem } from "./page-item.ts";
import { emptyByline, mergeBylines, splitTrailingCredit } from "./byline.ts";
import { isSubheadShaped } from "./text-shape.ts";

interface Draft extends PageItem {
  photo: boolean;
  brief: boolean;
  afterGap: boolean;
}

/** Two or more blank lines: the layout moved to a picture or another column. */
const COLUMN_GAP = 2;

function newDraft(line: number, label: ColumnLabel | null, afterGap: boolean): Draft {
  return {
    kind: "article",
    title: null,
    titleLine: null,
    titleOrigin: "printed",
    subtitle: null,
    label,
    byline: emptyByline(),
    metaLines: [],
    paragraphs: [],
    startLine: line,
    warnings: [],
    photo: false,
    brief: false,
    afterGap,
  };
}

function kindOf(draft: Draft): PageItem["kind"] {
  if (draft.brief) return "brief";
  if (draft.photo) return "photo";
  if (draft.label?.column === "commentary" || draft.byline.authors.length > 0) return "commentary";
  return "article";
}

export interface AssembledPage {
  items: PageItem[];
  /** Column label lines (printed, or inferred from a kicker), credited to the page. */
  labelLines: { line: number; text: string }[];
}

export function assembleItems(blocks: ClassifiedBlock[]): AssembledPage {
  const items: Draft[] = [];
  const labelLines: { line: number; text: string }[] = [];
  let current: Draft | null = null;
  let pendingLabel: ColumnLabel | null = null;
  let photoLabel: ColumnLabel | null = null;
  let briefLabel: ColumnLabel | null = null;

  const close = () => {
    if (current) items.push(current);
    current = null;
  };
  const lastItem = (): Draft | null => current ?? items[items.length - 1] ?? null;
  const start = (line: number, afterGap: boolean): Draft => {
    close();
    const draft = newDraft(line, pendingLabel, afterGap);
    pendingLabel = null;
    current = draft;
    return draft;
  };
  const startText = (line: number, afterGap: boolean): Draft => {
    photoLabel = null;
    briefLabel = null;
    return start(line, afterGap);
  };

  const isPhotoTitle = (i: number): boolean => {
    const caption = blocks[i + 1];
    const after = blocks[i + 2];
    if (!caption || caption.class.type !== "body" || caption.gapBefore >= COLUMN_GAP) return false;
    if (after?.class.type === "credit" && after.gapBefore < COLUMN_GAP) return true;
    if (splitTrailingCredit(caption.text)) return true;
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
        const meta = { line: block.line, text: block.text };
        if (c.label.column === "photo") {
          close();
          photoLabel = c.label;
          briefLabel = null;
          pendingLabel = null;
          labelLines.push(meta);
        } else if (c.label.column === "brief") {
          close();
          briefLabel = c.label;
          photoLabel = null;
          pendingLabel = null;
          labelLines.push(meta);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.label === null && !cur.photo) {
          // A label printed after its headline (容错纠错让干部想为敢为 / 观潮, 2022-09-06).
          cur.label = c.label;
          cur.metaLines.push(meta);
        } else {
          close();
          photoLabel = null;
          briefLabel = null;
          pendingLabel = c.label;
          labelLines.push(meta);
        }
        break;
      }
      case "byline": {
        const target = cur && cur.paragraphs.length === 0 && !cur.photo && !cur.brief ? cur : startText(block.line, afterGap);
        target.byline = mergeBylines(target.byline, c.byline);
        target.metaLines.push({ line: block.line, text: block.text });
        break;
      }
      case "brief-byline":
      case "credit": {
        const target = lastItem() ?? start(block.line, afterGap);
        target.byline = mergeBylines(target.byline, c.byline);
        target.metaLines.push({ line: block.line, text: block.text });
        if (c.type === "credit" && !target.brief) target.photo = true;
        close();
        break;
      }
      case "deck": {
        if (cur && cur.paragraphs.length === 0 && cur.subtitle === null) {
          cur.subtitle = c.text.replace(/^(——|--|－－)\s*/u, "");
          cur.metaLines.push({ line: block.line, text: block.text });
        } else {
          appendBody(cur ?? startText(block.line, afterGap), block.line, c.text);
        }
        break;
      }
      case "heading": {
        const startsText =
          next?.type === "byline" || next?.type === "deck" || (next?.type === "label" && next.label.column !== "photo" && next.label.column !== "brief");
        if (cur && cur.title === null && cur.paragraphs.length === 0 && !cur.brief) {
          // The byline came before its headline (□本报记者 白丹 / 文明新风拂遍青城大地, 2022-11-08).
          setTitle(cur, c.text, block.line);
        } else if (next?.type === "heading" && (afterNext?.type === "byline" || afterNext?.type === "deck") && pendingLabel === null && !afterGap) {
          // A kicker over a headline with a byline: read it as the column label.
          close();
          pendingLabel = { name: c.text, column: "text", series: null, recognised: false };
          labelLines.push({ line: block.line, text: block.text });
        } else if (!startsText && isPhotoTitle(i)) {
          close();
          const photo = start(block.line, afterGap);
          photo.label = photoLabel;
          photo.photo = true;
          setTitle(photo, c.text, block.line);
        } else if (startsText || pendingLabel !== null || afterGap || cur === null || cur.photo || cur.brief) {
          const draft = photoLabel !== null && !startsText ? start(block.line, afterGap) : startText(block.line, afterGap);
          if (photoLabel !== null && !startsText) {
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
        const target = cur ?? start(block.line, afterGap);
        if (cur === null && photoLabel !== null) target.label = photoLabel;
        if (target.photo) {
          const split = splitTrailingCredit(block.text);
          if (split) {
            appendBody(target, block.line, split.caption);
            target.byline = mergeBylines(target.byline, split.byline);
            target.metaLines.push({ line: block.line, text: split.credit });
            close();
            break;
          }
        }
        appendBody(target, block.line, block.text);
        break;
      }
    }
  }
  close();

  return { items: items.map(finishDraft), labelLines };
}

function setTitle(draft: Draft, text: string, line: number): void {
  draft.title = text;
  draft.titleLine = line;
  draft.titleOrigin = "printed";
}

function appendBody(draft: Draft, line: number, text: string): void {
  draft.paragraphs.push({ text, lines: [line], heading: false });
}

function finishDraft(draft: Draft): PageItem {
  const kind = kindOf(draft);
  const item: PageItem = {
    kind,
    title: draft.title,
    titleLine: draft.titleLine,
    titleOrigin: draft.titleOrigin,
    subtitle: draft.subtitle,
    label: draft.label,
    byline: draft.byline,
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

