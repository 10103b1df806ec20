/**
 * Repairs of OCR and layout damage, run on a page's assembled items. Each pass fixes
 * one kind of damage seen on the bundled pages and records a warning, so an editor can
 * check the guess; none of them drops text.
 */
import type { PlaceReader } from "../places/article-locator.ts";
import type { PageItem, Paragraph } from "./page-item.ts";
import { charLength, endsSentence, firstClause, isHeadlineShaped, quoteBalance, startsInsideQuote, isOrphanTail } from "./text-shape.ts";

const lineRef = (p: Paragraph) => p.lines[0] ?? null;

/**
 * An article that opens with the tail of a quoted phrase whose head ends a later
 * paragraph: the start of the lead was laid out at the foot of the column. 2022-11-08:
 * line 9 "推进、旗县抓落实”的工作原则…" continues line 21 "2018年以来…按照“市级抓".
 */
export function relocateOpeningFragment(item: PageItem): void {
  const first = item.paragraphs[0];
  if (!first || first.heading || first.verse || !startsInsideQuote(first.text)) return;
  const hostIndex = item.paragraphs.findIndex((p, i) => i > 0 && !p.heading && !endsSentence(p.text) && quoteBalance(p.text) > 0);
  if (hostIndex < 0) return;
  const host = item.paragraphs[hostIndex]!;
  // The joined paragraph is the lead: it opens the article where its tail was printed.
  item.paragraphs.splice(hostIndex, 1);
  item.paragraphs[0] = { text: host.text + first.text, lines: [...host.lines, ...first.lines], heading: false };
  item.warnings.push({
    code: "moved-paragraph",
    message: `第${lineRef(host)}行止于引号之中，开头第${lineRef(first)}行是其后半句：已合并为导语`,
    line: lineRef(first),
  });
}

/**
 * A headline or subhead that landed between the two halves of a cut sentence. When the
 * item has no title yet it is the item's headline (汇聚非公领域发展“红色动能”, 2024-10-15,
 * under the 北疆党旗红 label); otherwise it is a subhead (日常评 激斗志, 2022-09-06).
 */
export function liftMidSentenceHeadings(item: PageItem): void {
  // A notice's short lines (the issuer, its date) are not headlines that cut a sentence.
  if (item.kind === "notice") return;
  const ps = item.paragraphs;
  for (let i = 0; i + 2 < ps.length; i++) {
    const before = ps[i]!;
    const heading = ps[i + 1]!;
    const after = ps[i + 2]!;
    if (before.heading || after.heading || before.verse || heading.verse || after.verse || endsSentence(before.text)) continue;
    const headingLike = heading.heading || (heading.lines.length === 1 && isHeadlineShaped(heading.text));
    if (!headingLike) continue;
    const joined: Paragraph = { text: before.text + after.text, lines: [...before.lines, ...after.lines], heading: false };
    if (item.title === null) {
      item.title = heading.text;
      item.titleLine = lineRef(heading);
      item.titleOrigin = "mid-body";
      ps.splice(i, 3, joined);
      item.warnings.push({ code: "headline-mid-body", message: `在正文中发现标题“${heading.text}”，已作为本文标题`, line: lineRef(heading) });
    } else {
      ps.splice(i, 3, joined, { ...heading, heading: true });
      item.warnings.push({
        code: "subhead-mid-sentence",
        message: `小标题“${heading.text}”截断了第${lineRef(before)}行的句子：句子已接上，小标题移至其后`,
        line: lineRef(heading),
      });
    }
  }
}

/** Joins each paragraph that stops mid-sentence with the one that follows it. */
export function joinCutSentences(item: PageItem): void {
  const joined: Paragraph[] = [];
  for (const next of item.paragraphs) {
    const current = joined[joined.length - 1];
    // A notice prints its terms, issuer and date on lines of their own: they end no sentence and join none.
    const noticeLine = item.kind === "notice";
    if (current && !current.heading && !next.heading && !current.verse && !next.verse && !noticeLine && !endsSentence(current.text)) {
      item.warnings.push({ code: "joined-fragments", message: `第${current.lines.join("、")}行与第${next.lines.join("、")}行是被分栏截断的同一句话，已合并`, line: lineRef(current) });
      joined[joined.length - 1] = { text: current.text + next.text, lines: [...current.lines, ...next.lines], heading: false };
    } else {
      joined.push(next);
    }
  }
  item.paragraphs = joined;
  const ps = joined;
  const last = ps[ps.length - 1];
  if (last && !last.heading && !last.verse && !endsSentence(last.text) && item.kind !== "photo" && item.kind !== "notice") {
    item.warnings.push({ code: "ends-mid-sentence", message: "正文止于半句，后文不在本版", line: last.lines[last.lines.length - 1] ?? null });
  }
  for (const p of ps) {
    if (!p.heading && !p.verse && isOrphanTail(p.text)) {
      item.warnings.push({ code: "orphan-fragment", message: `“${p.text}”是半句话的结尾，句首不在本版`, line: lineRef(p) });
    }
  }
}

/**
 * Finds runs of paragraphs that belong to an earlier article: after a subhead or a cut
 * sentence, the text turns to a place the current article never names and an earlier
 * article is about. 2022-09-20: lines 61–67 (稀土高新区, 盛唐路社区) continue the first
 * article after the 红船初心 item; 2024-10-15: the subhead “三新领域”凝聚合力集中攻坚 and
 * its paragraphs (赤峰市) continue 强基固本 奋勇争先 after the 北疆党旗红 item.
 */

const MAX_PARAGRAPHS_TO_REARRANGE = 120;

export function moveContinuations(items: PageItem[], places: PlaceReader): void {
  const leagueOf = (text: string) => places.mainLeague(text);
  const itemLeagues = new Map<PageItem, string | null>();
  const itemLeague = (item: PageItem): string | null => {
    if (!itemLeagues.has(item)) itemLeagues.set(item, leagueOf([item.title ?? "", ...item.paragraphs.map((p) => p.text)].join("\n")));
    return itemLeagues.get(item) ?? null;
  };
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    if (item.kind === "photo" || item.kind === "brief" || item.kind === "notice") continue;
    const ps = item.paragraphs;
    // Real articles run to a few dozen paragraphs; a page that is one endless item has no layout to repair.
    if (ps.length > MAX_PARAGRAPHS_TO_REARRANGE) continue;
    for (let split = 1; split < ps.length; split++) {
      const previous = ps[split - 1]!;
      const here = ps[split]!;
      const boundary = !here.verse && (here.heading || (!previous.heading && !previous.verse && !endsSentence(previous.text)));
      if (!boundary) continue;
      // The head is located only when the tail names a league: locating costs as much as the text is long.
      const tail = ps.slice(split).map((p) => p.text).join("\n");
      const tailLeague = leagueOf(tail);
      if (!tailLeague || tailLeague === places.regionWide) continue;
      const headLeague = leagueOf([item.title ?? "", ...ps.slice(0, split).map((p) => p.text)].join("\n"));
      if (!headLeague || headLeague === tailLeague || headLeague === places.regionWide) continue;
      if (places.leaguesNamed(tail).has(headLeague)) continue;
      const host = items
        .slice(0, index)
        .reverse()
        .find((other) => (other.kind === "article" || other.kind === "commentary") && itemLeague(other) === tailLeague);
      if (!host) continue;
      const moved = ps.splice(split);
      host.paragraphs.push(...moved);
      itemLeagues.delete(host);
      itemLeagues.delete(item);
      item.warnings.push({
        code: "moved-continuation",
        message: `第${moved[0]!.lines[0]}–${moved[moved.length - 1]!.lines.at(-1)}行写的是${tailLeague}而非${headLeague}：已移入“${host.title ?? "前一篇文章"}”`,
        line: lineRef(moved[0]!),
      });
      host.warnings.push({ code: "moved-continuation", message: `从第${lineRef(moved[0]!)}行起接续，中间隔有另一篇稿件`, line: lineRef(moved[0]!) });
      break;
    }
  }
}

/** Gives every untitled item a title: briefs from their first sentence, others with a warning. */
export function titleUntitled(item: PageItem): void {
  if (item.title !== null) return;
  const first = item.paragraphs.find((p) => !p.heading);
  // A poem without a title is known by its first line.
  const opening = first?.verse ? (first.text.split("\n")[0] ?? "") : first?.text;
  // Openings that say when, not what: 近日, 3月3日, 进入春季.
  const source = opening?.replace(/^(近日|日前|目前|近期|今年以来|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:以来|上旬|中旬|下旬|初|底|中)?|进入[春夏秋冬]季)[，,]\s*/u, "") ?? "";
  const title = item.kind === "brief" ? firstSentence(source) : firstClause(source, 32).split(/[，,]/u)[0] ?? "";
  item.title = title === "" ? "无题" : title;
  item.titleLine = first ? lineRef(first) : null;
  item.titleOrigin = "from-text";
  if (item.kind !== "brief") {
    item.warnings.push({ code: "guessed-headline", message: `未印标题；已取首句作标题“${item.title}”`, line: item.titleLine });
  }
}

/**
 * A brief's title: its first sentence; when that is long, its first clause if the clause says
 * what happened (巴彦淖尔市…口岸货运量突破3800万吨，同比增长…), not why or when (为进一步…);
 * else the sentence cut short.
 */
function firstSentence(text: string, max = 30): string {
  const sentence = text.split(/[。！？!?]/u)[0] ?? text;
  if (charLength(sentence) <= max) return sentence;
  const clause = sentence.split(/[，,；;]/u)[0] ?? sentence;
  if (clause !== sentence && charLength(clause) >= 8 && charLength(clause) <= 40 && !/^(为|为了|根据|按照|随着|在|据|对|围绕|通过)/u.test(clause)) return clause;
  return [...sentence].slice(0, max).join("") + "…";
}

/**
 * A commentary with no byline whose author's name OCR ran into the text: 2022-09-06,
 * line 111 "…可供借鉴,宋爽迫切需要党员干部…" (the 观潮 piece is by 宋爽). Only names the
 * page prints in bylines count, and only where the name interrupts a clause.
 */
export function recoverRunInAuthor(item: PageItem, pagePeople: ReadonlySet<string>): { line: number; name: string } | null {
  if (item.kind !== "commentary" || item.byline.authors.length + item.byline.reporters.length > 0) return null;
  for (const p of item.paragraphs.slice(0, 3)) {
    if (p.heading) continue;
    for (const name of pagePeople) {
      const at = p.text.indexOf(name);
      if (at <= 0) continue;
      const before = p.text[at - 1] ?? "";
      const after = p.text.slice(at + name.length, at + name.length + 2);
      if (!/[，,]/u.test(before) || /^(说|表示|介绍|认为|指出|告诉|同志|书记|主任)/u.test(after) || !/^[\u4e00-\u9fff]/u.test(after)) continue;
      p.text = p.text.slice(0, at) + p.text.slice(at + name.length);
      item.byline = { ...item.byline, authors: [name] };
      item.metaLines.push({ line: lineRef(p) ?? 0, text: name });
      item.kind = "commentary";
      item.warnings.push({ code: "byline-in-text", message: `作者“${name}”混入正文，已作为署名`, line: lineRef(p) });
      return { line: lineRef(p) ?? 0, name };
    }
  }
  return null;
}

export function warnMissingByline(item: PageItem): void {
  const b = item.byline;
  // Notices are signed by their issuer in the text, never with a byline.
  if (item.kind === "notice" || b.agency !== null) return;
  if (b.reporters.length + b.correspondents.length + b.photographers.length + b.authors.length > 0) return;
  const what = item.kind === "photo" ? "图片没有摄影者署名" : "没有署名";
  item.warnings.push({ code: "missing-byline", message: what, line: item.titleLine ?? item.startLine });
}
