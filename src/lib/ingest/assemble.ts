/**
 * Walks a page's classified blocks in reading order and groups them into items:
 * articles, commentaries, photos, briefs and notices. Decisions that need context live
 * here: whether a headline-shaped line starts a new item, titles a photo or is a subhead;
 * which label governs which item; bylines printed before their headline; datelines that
 * open a story; credits that close a picture.
 */
import type { ClassifiedBlock, ColumnLabel } from "./classify.ts";
import { columnByName, pageNumber, parseAffiliation } from "./classify.ts";
import type { Byline, BylineRoles } from "./byline.ts";
import { emptyByline, mergeBylines, splitTrailingBriefByline, splitTrailingCredit } from "./byline.ts";
import type { PageItem, Paragraph } from "./page-item.ts";
import { isLiteraryPage, isNoticePage } from "./page-furniture.ts";
import { parseDateline } from "./dateline.ts";
import { charLength, endsSentence, isHeadlineShaped, isSubheadShaped } from "./text-shape.ts";

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
  /** Its headline was printed after its first paragraph; the byline may still follow. */
  leadBeforeHeadline: boolean;
  /** It opened with an editor's note (编者按); its headline follows the note. */
  editorsNote: boolean;
}

/** Captions of a group of pictures under one credit: 图①：…, 图2 …, 上图：… */
const PHOTO_GROUP_CAPTION = /^(?:图\s*[①-⑩\d]|[上下左右]图[：:])/u;

/** The number of a part of an essay or a theory piece: 一, （二）, 3. */
const PART_NUMBER = /^(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.]?|\d{1,2}[.、]?)$/u;

/** A name printed on its own: two to four Han characters, none of them a word that ends a phrase. */
const BARE_NAME = /^[\u4e00-\u9fff]{2,4}$/u;

/** The date that closes a notice: 2024年5月20日. */
const NOTICE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;

/** Two or more blank lines: the layout moved to a picture or another column. */
const COLUMN_GAP = 2;

/** Headlines of notices: 减资公告, 遗失声明, 招聘启事 … */
const NOTICE_TITLE = /(公告|启事|启示|声明|通告|公示|告知书|通知书|讣告|注销公告|拍卖会|招标公告|广告|更正|致歉|天气预报|节目预告|今日荧屏|电视节目)$/u;

/** Boxes that belong to the report they follow: 相关链接, 延伸阅读, 记者手记, 编后. */
const ATTACHED_BOX = /^[【[]?(相关链接|延伸阅读|链接|背景链接|新闻链接|记者手记|编后|编后语|编后记|记者观察)[】\]]?$/u;

/** An editor's note printed before the headline of the report it introduces. */
const EDITORS_NOTE = /^[【[]?编者按[】\]]?[：:]?/u;

/** Kickers (引题) open on a verb of purpose: 推动产业链向高端延伸, 坚持生态优先. */
const KICKER_OPENING = /^(推动|推进|坚持|聚焦|围绕|立足|深化|加快|奋力|扎实|持续|牢记|践行|喜迎|学习|贯彻|打造|全力|奋进|筑牢|共建|勇当|做好|着力|强化|落实|守护|助力|赋能|擦亮|厚植|激活|服务|凝心|聚力|砥砺|书写|谱写|绘就|办好|用好|抓好|把|让|为|以)/u;

function isKicker(first: string, second: string): boolean {
  return KICKER_OPENING.test(first) && !KICKER_OPENING.test(second);
}

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
    leadBeforeHeadline: false,
    editorsNote: false,
  };
}

function kindOf(draft: Draft, pageName: string | null): PageItem["kind"] {
  if (draft.notice || isNoticePage(pageName)) return "notice";
  if (draft.brief) return "brief";
  if (draft.photo) return "photo";
  if (draft.label?.column === "commentary") return "commentary";
  if (draft.signature === "institutional") return "commentary";
  if (draft.verse || draft.signature === "slash") return "article";
  if (draft.byline.authors.length > 0 && draft.byline.reporters.length === 0) {
    return isLiteraryPage(pageName) ? "article" : "commentary";
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
  /** Headlines that landed inside another story, waiting for the byline of their own. */
  const landedHeadlines: Paragraph[] = [];

  const close = () => {
    if (current) items.push(current);
    current = null;
  };
  const lastItem = (): Draft | null => current ?? items[items.length - 1] ?? null;
  const start = (line: number, afterGap: boolean): Draft => {
    close();
    const draft = newDraft(line, pendingLabel, afterGap);
    if (isNoticePage(pageName)) draft.notice = true;
    // 广告 over a block of advertisements marks their kind; it is not a column they belong to.
    if (noticeLabel && !pendingLabel) draft.notice = true;
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
        if (c.label.unmarked && cur && cur.paragraphs.length > 0 && !cur.brief && !cur.photo && !cur.notice && !afterGap && next?.type === "body") {
          // 温暖瞬间 or 市场扫描 inside a story, the text going on after it: a subhead, not a column.
          cur.paragraphs.push({ text: block.text, lines: [block.line], heading: true });
          break;
        }
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
        const nextBlock = blocks[i + 1];
        const endsItem = !nextBlock || nextBlock.gapBefore >= COLUMN_GAP || nextBlock.class.type === "label" || nextBlock.class.type === "heading";
        if (cur && cur.paragraphs.length > 0 && !hasPeople(cur) && !cur.photo && !cur.brief && c.byline.authors.length > 0 && c.byline.reporters.length === 0 && endsItem) {
          // A commentary signed at its foot (…为民办事，贵在用心用情。 / □苏雅拉).
          cur.byline = mergeBylines(cur.byline, c.byline);
          cur.signature = c.byline.authors.some((a) => roles.institutionRe.test(a)) ? "institutional" : "marked";
          meta(cur, block);
          break;
        }
        // A poem's author is printed under it as often as over it.
        const fresh =
          cur &&
          (cur.paragraphs.length === 0 || ((cur.leadBeforeHeadline || cur.editorsNote) && !hasPeople(cur)) || (cur.verse && !hasPeople(cur))) &&
          !cur.photo &&
          !cur.brief;
        const landed =
          !fresh && cur && next?.type === "body" && c.byline.authors.length + c.byline.reporters.length > 0 ? (landedHeadlines.shift() ?? landedHeadline(cur)) : null;
        const target = fresh ? cur : startText(block.line, afterGap);
        if (!fresh) noticeLabel = null;
        if (landed) {
          // The story's headline landed inside the story above it (OCR read across the columns).
          setTitle(target, landed.text, landed.lines[0]!);
          target.warnings.push({ code: "headline-mid-body", message: `标题“${landed.text}”印在上一篇正文之中，已移作本文标题`, line: landed.lines[0]! });
        }
        target.byline = mergeBylines(target.byline, c.byline);
        if (c.byline.authors.length > 0) {
          target.signature = /^文\s*[/／]/u.test(block.text) ? "slash" : c.byline.authors.some((a) => roles.institutionRe.test(a)) ? "institutional" : "marked";
        }
        meta(target, block);
        break;
      }
      case "dateline": {
        const { dateline } = c;
        let target: Draft;
        if (cur && (cur.paragraphs.length === 0 || (cur.editorsNote && cur.title !== null)) && !cur.photo && !cur.brief && cur.dateline === null) {
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
        const closing = splitTrailingBriefByline(dateline.rest, roles);
        if (closing) {
          // A short story whose credit closes its only paragraph: 本报讯 …。（记者 乌日娜）
          appendBody(target, block.line, closing.text);
          target.byline = mergeBylines(target.byline, closing.byline);
          target.metaLines.push({ line: block.line, text: closing.credit });
          close();
        } else if (dateline.rest !== "") appendBody(target, block.line, dateline.rest);
        break;
      }
      case "brief-byline":
      case "credit": {
        let target = lastItem() ?? start(block.line, afterGap);
        const story = c.type === "brief-byline" && !target.brief ? splitAtLastSubhead(target, c.byline) : null;
        if (story) {
          if (target === current) close();
          items.push(story);
          target = story;
        }
        const previous = blocks[i - 1];
        const photoGroup = target.paragraphs.some((p) => PHOTO_GROUP_CAPTION.test(p.text));
        if (c.type === "credit" && photoGroup) target.photo = true;
        if (c.type === "credit" && !photoGroup && !target.photo && !target.brief && target.paragraphs.length >= 2 && previous?.class.type === "body") {
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
        const lastPoem = items.at(-1);
        if (cur === null && afterGap && lastPoem?.verse && lastPoem.paragraphs.at(-1)?.verse) {
          // Stanzas set further apart than one blank line: the poem goes on.
          current = items.pop()!;
          current.paragraphs.push({ text: c.text, lines: [block.line], heading: false, verse: true });
          break;
        }
        const lone = block.gapBefore >= 1 && (blocks[i + 1]?.gapBefore ?? 0) >= 1 && next?.type === "verse" && charLength(c.text) <= 10;
        if (cur?.verse && hasPeople(cur) && cur.paragraphs.length > 0 && lone) {
          // A poem signed above its lines ends where a one-line title stands alone: the next poem's.
          const poem = startText(block.line, afterGap);
          poem.verse = true;
          if (items.at(-1)?.label) poem.label = items.at(-1)!.label;
          setTitle(poem, c.text, block.line);
          break;
        }
        const continuing = cur !== null && (cur.verse || (cur.paragraphs.length === 0 && !cur.photo && !cur.brief));
        const target = continuing ? cur! : startText(block.line, afterGap);
        // Poems under one label (◎诗歌) each stand under it, their author printed over them or not.
        const before = items.at(-1);
        if (target.paragraphs.length === 0 && target.label === null && before?.verse && before.label) target.label = before.label;
        target.verse = true;
        const stanza = target.paragraphs.at(-1);
        // Lines that follow each other form a stanza; a blank line starts the next one.
        if (stanza?.verse && block.gapBefore === 0) {
          stanza.text += `\n${c.text}`;
          stanza.lines.push(block.line);
        } else {
          target.paragraphs.push({ text: c.text, lines: [block.line], heading: false, verse: true });
        }
        break;
      }
      case "heading": {
        const opensStory = next?.type === "byline" || next?.type === "deck" || next?.type === "dateline" || next?.type === "verse" || next?.type === "jump";
        const startsText = opensStory || (next?.type === "label" && next.label.column !== "photo" && next.label.column !== "brief" && next.label.column !== "notice");
        const previous = items.at(-1);
        const previousLast = previous?.paragraphs.at(-1);
        const host = cur ?? previous;
        if (ATTACHED_BOX.test(c.text) && host && host.paragraphs.length > 0 && !host.photo && !host.brief && !host.notice) {
          // 相关链接 / 记者手记 after a report: a box of that report, its text part of the report.
          if (cur === null) current = items.pop()!;
          current!.paragraphs.push({ text: c.text, lines: [block.line], heading: true });
          break;
        }
        if (/^[(（][^()（）]+[)）]$/u.test(c.text) && host && host.paragraphs.length > 0 && !host.photo) {
          // （数据来源：…） under a report: the report's own line, not a headline.
          if (cur === null) current = items.pop()!;
          appendBody(current!, block.line, c.text);
          break;
        }
        if (cur && cur.editorsNote && cur.title === null && !afterGap) {
          // The headline under an editor's note heads the report the note introduces.
          setTitle(cur, c.text, block.line);
          break;
        }
        const nextBlock = blocks[i + 1];
        if (
          afterGap &&
          cur === null &&
          previous &&
          previous.title !== null &&
          previousLast &&
          !previousLast.heading &&
          !previousLast.verse &&
          !endsSentence(previousLast.text) &&
          !previous.photo &&
          !previous.brief &&
          nextBlock?.class.type === "body" &&
          nextBlock.gapBefore >= COLUMN_GAP
        ) {
          // A headline that landed between the two halves of a sentence cut across columns: the
          // story goes on after it, and the headline waits for the story whose byline comes later.
          landedHeadlines.push({ text: c.text, lines: [block.line], heading: false });
          break;
        }
        if (
          afterGap &&
          cur === null &&
          previous &&
          previous.title === null &&
          previousLast &&
          !previousLast.heading &&
          !endsSentence(previousLast.text) &&
          next?.type === "body" &&
          !previous.photo &&
          !previous.brief
        ) {
          // A headline that landed between the two halves of a sentence of an untitled story, across
          // a column break: the story goes on, and the repair pass takes the headline as its title.
          current = items.pop()!;
          current.paragraphs.push({ text: c.text, lines: [block.line], heading: true });
          break;
        }
        if (briefLabel !== null && !startsText) {
          const brief = start(block.line, afterGap);
          brief.label = briefLabel;
          brief.brief = true;
          setTitle(brief, c.text, block.line);
          break;
        }
        if (
          opensStory &&
          cur &&
          cur.title === null &&
          cur.paragraphs.length === 1 &&
          !hasPeople(cur) &&
          !cur.photo &&
          !cur.brief &&
          !cur.notice &&
          cur.label === null &&
          (cur.afterGap || items.length === 0) &&
          endsSentence(cur.paragraphs[0]!.text) &&
          next?.type === "byline"
        ) {
          // A headline printed after the first paragraph of its story (OCR order), its byline after it.
          setTitle(cur, c.text, block.line);
          cur.leadBeforeHeadline = true;
          cur.warnings.push({ code: "headline-after-lead", message: `标题“${c.text}”印在首段之后，已作为本文标题`, line: block.line });
          break;
        }
        if (next?.type === "heading" && afterNext?.type === "heading" && !afterGap && pendingLabel === null) {
          const fourth = blocks[i + 3]?.class.type;
          const together = blocks.slice(i + 1, i + 4).every((b) => b.gapBefore < COLUMN_GAP);
          if (together && (fourth === "byline" || fourth === "dateline")) {
            // Kicker, headline, deck, then the byline or dateline.
            close();
            pendingKicker = { text: c.text, line: block.line };
            break;
          }
        }
        if (NOTICE_TITLE.test(c.text) && charLength(c.text) <= 30 && !opensStory) {
          const draft = startText(block.line, afterGap);
          draft.notice = true;
          setTitle(draft, c.text, block.line);
        } else if (cur && cur.title === null && cur.paragraphs.length === 0 && !cur.brief && cur.continuedFrom === null) {
          // The byline came before its headline (□本报记者 白丹 / 文明新风拂遍青城大地, 2022-11-08).
          setTitle(cur, c.text, block.line);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.subtitle === null && !cur.photo && !cur.brief && hasPeople(cur) && !PART_NUMBER.test(c.text)) {
          // Headline, byline, then a second headline-shaped line: the deck printed after the byline.
          cur.subtitle = c.text;
          meta(cur, block);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && !hasPeople(cur) && !cur.photo && !cur.brief && next?.type === "body" && BARE_NAME.test(c.text) && columnByName(c.text) === null) {
          // A signed piece whose author's name is printed bare under the headline (李慧敏).
          cur.byline = { ...cur.byline, authors: [c.text] };
          cur.signature = "marked";
          meta(cur, block);
        } else if (cur && cur.title !== null && cur.paragraphs.length === 0 && cur.label === null && !cur.photo && columnByName(c.text) !== null && charLength(c.text) <= 6) {
          // An unmarked column label printed after its headline (草原论坛 over the □ byline).
          cur.label = { name: c.text, column: columnByName(c.text)!, series: null, recognised: true };
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
          } else if (charLength(c.text.replace(/[“”"]/gu, "")) <= 8 && !/\s/u.test(c.text) && afterNext?.type === "byline") {
            // A short rubric over a headline with a byline: read it as the column label.
            close();
            pendingLabel = { name: c.text, column: "text", series: null, recognised: false };
            labelLines.push({ line: block.line, text: block.text });
          } else if (
            afterNext?.type === "dateline" &&
            charLength(c.text) <= 14 &&
            charLength(second) <= 10 &&
            !/\s/u.test(c.text + second) &&
            !isKicker(c.text, second) &&
            charLength(c.text) > 6
          ) {
            // A headline OCR broke over two lines (呼和浩特市今年将新建改建 / 城市道路120公里): one title.
            const draft = startText(block.line, afterGap);
            setTitle(draft, `${c.text}${second}`, block.line);
            draft.metaLines.push({ line: blocks[i + 1]!.line, text: second });
            i++;
          } else if (afterNext?.type === "deck" || isKicker(c.text, second) || (afterNext?.type === "dateline" && charLength(c.text) <= 6 && charLength(second) > charLength(c.text))) {
            // A kicker (引题) over the headline: over a deck, or a slogan over a headline of facts.
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
          cur.warnings.push({ code: "headline-after-lead", message: `标题“${c.text}”印在首段之后，已作为本文标题`, line: block.line });
        } else if (startsText || pendingLabel !== null || afterGap || cur === null || cur.photo || cur.brief || cur.verse) {
          const asPhoto = photoLabel !== null && !startsText;
          const draft = asPhoto ? start(block.line, afterGap) : startText(block.line, afterGap);
          if (asPhoto) {
            draft.label = photoLabel;
            draft.photo = true;
          }
          setTitle(draft, c.text, block.line);
        } else if (cur.notice && NOTICE_DATE.test(cur.paragraphs.at(-1)?.text ?? "")) {
          // A notice ends with its date: a headline after it opens the next notice or advertisement.
          const draft = startText(block.line, afterGap);
          draft.notice = true;
          setTitle(draft, c.text, block.line);
        } else if (cur.notice) {
          // A notice's short lines (联系人：…, the issuer, its date) are its text, not subheads.
          appendBody(cur, block.line, block.text);
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
          let text = block.text.replace(/^[●•]\s*/u, "");
          // ●本报讯 近日，…: the brief's dateline, not its first words.
          const dateline = parseDateline(text, roles);
          if (dateline && dateline.rest !== "") {
            brief.dateline = { text: dateline.text, place: dateline.place };
            brief.byline = mergeBylines(brief.byline, dateline.byline);
            brief.metaLines.push({ line: block.line, text: dateline.text });
            text = dateline.rest;
          }
          const closing = splitTrailingBriefByline(text, roles);
          appendBody(brief, block.line, closing ? closing.text : text);
          if (closing) {
            brief.byline = mergeBylines(brief.byline, closing.byline);
            brief.metaLines.push({ line: block.line, text: closing.credit });
            close();
          }
          break;
        }
        const previous = items.at(-1);
        const previousLast = previous?.paragraphs.at(-1);
        if (cur === null && afterGap && previous && previousLast && !previousLast.heading && !previousLast.verse && !previous.photo && !endsSentence(previousLast.text)) {
          // The rest of a sentence a column break cut: the story goes on in the next column.
          current = items.pop()!;
          if (current.brief) briefLabel = current.label;
          appendBody(current, block.line, block.text);
          break;
        }
        if (EDITORS_NOTE.test(block.text) && (cur === null || cur.paragraphs.length > 0 || cur.title !== null)) {
          const note = startText(block.line, afterGap);
          note.editorsNote = true;
          appendBody(note, block.line, block.text);
          break;
        }
        const jumpIn = JUMP_IN_RUN_ON.exec(block.text);
        if (jumpIn) {
          // （上接第1版）run into the continued text, which may jump on again at its end.
          const target = cur && cur.paragraphs.length === 0 && !cur.photo ? cur : startText(block.line, afterGap);
          target.continuedFrom = pageNumber(jumpIn[1]!);
          target.metaLines.push({ line: block.line, text: jumpIn[0].trim() });
          const text = block.text.slice(jumpIn[0].length);
          const onward = trailingJumpOut(text);
          appendBody(target, block.line, onward ? onward.text : text);
          if (onward) {
            target.continuesTo = onward.page;
            target.metaLines.push({ line: block.line, text: onward.marker });
            close();
          }
          break;
        }
        const jumpOut = trailingJumpOut(block.text);
        if (jumpOut && jumpOut.text !== "") {
          // （下转第2版）run onto the last paragraph of the part on this page.
          const target = cur ?? start(block.line, afterGap);
          appendBody(target, block.line, jumpOut.text);
          target.continuesTo = jumpOut.page;
          target.metaLines.push({ line: block.line, text: jumpOut.marker });
          close();
          break;
        }
        const target = cur && !cur.verse ? cur : start(block.line, afterGap);
        if (cur === null && photoLabel !== null) {
          target.label = photoLabel;
          target.photo = true;
        }
        // Anchored at the bracket, not at the spaces before it: OCR pads some lines with thousands of spaces.
        const affiliation = /[(（](?:作者单位[：:]|作者系|作者为)[^()（）]{2,60}[)）]$/u.exec(block.text);
        if (affiliation && affiliation.index > 0) {
          // The author's affiliation run onto the last paragraph: …各方面。（作者系…副教授）
          const affiliationText = affiliation[0];
          appendBody(target, block.line, block.text.slice(0, affiliation.index).trimEnd());
          target.byline = { ...target.byline, affiliation: target.byline.affiliation ?? parseAffiliation(affiliationText) };
          target.metaLines.push({ line: block.line, text: affiliationText });
          break;
        }
        const closing = splitTrailingBriefByline(block.text, roles);
        if (closing && !target.photo) {
          appendBody(target, block.line, closing.text);
          target.byline = mergeBylines(target.byline, closing.byline);
          target.metaLines.push({ line: block.line, text: closing.credit });
          close();
          break;
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
  // A landed headline whose story never showed its byline stands as printed, flagged for an editor.
  for (const orphan of landedHeadlines) {
    const draft = newDraft(orphan.lines[0]!, null, true);
    setTitle(draft, orphan.text, orphan.lines[0]!);
    items.push(draft);
  }

  return { items: items.map((draft) => finishDraft(draft, pageName)), labelLines };
}

/**
 * A story whose closing credit names people its opening byline does not (本报记者 李建军), or
 * another outlet than its dateline ((新华社) under 中新社…电): the
 * text from its last subhead on is another story, whose headline was read as a subhead
 * because no byline followed it.
 */
function splitAtLastSubhead(draft: Draft, closing: Byline): Draft | null {
  const otherPeople = closing.reporters.length > 0 && !closing.reporters.every((n) => draft.byline.reporters.includes(n));
  // （新华社） closing a text that opened with 中新社…电: another outlet's story.
  const otherOutlet = closing.agency !== null && draft.byline.agency !== null && closing.agency !== draft.byline.agency;
  if (!(hasPeople(draft) || draft.byline.agency !== null) || !(otherPeople || otherOutlet)) return null;
  const at = draft.paragraphs.findLastIndex((p) => p.heading || (p.lines.length === 1 && isHeadlineShaped(p.text)));
  if (at < 1 || at === draft.paragraphs.length - 1) return null;
  const heading = draft.paragraphs[at]!;
  const story = newDraft(heading.lines[0]!, null, false);
  setTitle(story, heading.text, heading.lines[0]!);
  story.paragraphs = draft.paragraphs.splice(at);
  story.paragraphs.shift();
  return story;
}

/**
 * A headline-shaped line inside a story, with the story's text going on after it, taken out of
 * that story: the headline of the story whose byline comes next (2025-06-16 p7 style pages).
 */
function landedHeadline(draft: Draft): Paragraph | null {
  if (draft.photo || draft.brief || draft.notice || draft.verse || !hasPeople(draft)) return null;
  const ps = draft.paragraphs;
  const at = ps.findLastIndex((p, i) => i > 0 && i < ps.length - 1 && p.lines.length === 1 && isHeadlineShaped(p.text) && charLength(p.text) >= 8 && !ATTACHED_BOX.test(p.text));
  if (at < 0) return null;
  return ps.splice(at, 1)[0]!;
}

/** （上接第1版） run into the text of the part it opens. */
const JUMP_IN_RUN_ON = /^[(（【[]\s*(?:上接|接)\s*第?\s*([0-9〇一二三四五六七八九十]{1,3})\s*版\s*[)）】\]]\s*/u;
const JUMP_OUT_RUN_ON = /[(（【[]\s*(?:下转|转)\s*第?\s*([0-9〇一二三四五六七八九十]{1,3})\s*版\s*[)）】\]]$/u;

/** （下转第2版） run onto the end of a paragraph: the text before it, the page, the marker. */
function trailingJumpOut(text: string): { text: string; page: number; marker: string } | null {
  if (!text.includes("转")) return null;
  const m = JUMP_OUT_RUN_ON.exec(text);
  const page = m ? pageNumber(m[1]!) : null;
  return m && page !== null ? { text: text.slice(0, m.index).trimEnd(), page, marker: m[0] } : null;
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
    item.warnings.push({ code: "photo-without-caption", message: `“${item.title}”没有图片说明或正文`, line: item.titleLine });
  }
  return item;
}
