/**
 * A synthetic archive for the benchmark, made from the seed pages' real text and layout so
 * that the real parser does its real work on it.
 *
 * Each seed page is cut into units: a text item with the column label printed over it, a
 * lone photo (headline, caption, credit), or a whole photo or brief column (its label and all
 * the pictures or briefs under it). Units are cut where the ingest's own assembler starts
 * items, so every unit is a stretch of printed lines, OCR damage included. Synthetic pages
 * recombine units, about as many items a page as the seeds carry, and vary what differs from
 * day to day: headlines (mixed from the halves of printed ones), reporters and photographers,
 * the leagues and counties named in the text, and the column labels. A seeded PRNG makes the
 * output a pure function of its options.
 */
import { assembleItems } from "../ingest/assemble.ts";
import { classifyPage } from "../ingest/classify.ts";
import type { ClassifiedBlock } from "../ingest/classify.ts";
import { splitPageBlocks } from "../ingest/page-blocks.ts";
import type { LabelColumn, PageKnowledge } from "../ingest/page-knowledge.ts";
import { isHeadlineShaped } from "../ingest/text-shape.ts";
import { COUNTIES, LEAGUES } from "../places/gazetteer.ts";
import { createRandom } from "./prng.ts";
import type { Random } from "./prng.ts";

export interface SeedPage {
  /** File name, for diagnostics. */
  name: string;
  text: string;
}

export type UnitKind = "text" | "photo" | "photo-column" | "brief-column";

export interface SeedUnit {
  source: string;
  kind: UnitKind;
  /** The unit's lines as printed, blank lines inside included, none at either end. */
  lines: string[];
  /** Blank lines before the unit on its seed page (2 or more: a column or picture break). */
  gapBefore: number;
  /** Items the ingest reads from the unit on a page of its own. */
  items: number;
  /** Indexes (into `lines`) of printed headlines. */
  titles: number[];
  /** Byline, brief-byline and credit lines, with the names printed in them. */
  credits: { index: number; names: string[] }[];
  /** Column label lines. */
  labels: { index: number; column: LabelColumn; series: boolean }[];
  /**
   * True when the unit's first line resets the assembler's running photo/brief column
   * (a text label, a byline, a headline over a byline or deck, or a column label of its own):
   * only such a unit may follow a photo or brief column.
   */
  opens: boolean;
}

/** Reporters and photographers: common Han names and the Mongolian names the paper prints. */
export const REPORTER_POOL: readonly string[] = [
  "白丹", "宋爽", "安寅东", "陈春艳", "郝佳丽", "及庆玲", "潘佳", "白雪", "许敬", "刘向平",
  "李文超", "孟和朝鲁", "巴依斯古楞", "王筱瑜", "冯红梅", "雷禄", "董雅芝", "李永建", "组伟华",
  "张伟", "王磊", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄海", "周晓", "吴昊", "徐静",
  "孙丽", "马俊", "朱红", "胡杨", "郭峰", "何平", "高原", "林涛", "罗敏", "梁晨", "宋彦",
  "郑伟", "谢芳", "韩冰", "唐军", "冯亮", "于淼", "董月", "萧然", "程实", "曹阳", "袁媛",
  "邓洁", "许晴", "傅强", "沈颖", "曾凡", "彭博", "吕品", "苏和", "卢瑶", "蒋欣", "蔡磊",
  "贾亮", "丁一", "魏来", "薛莲", "叶青", "阎峰", "余辉", "潘虹", "杜鹃", "戴娜", "夏雨",
  "钟鸣", "汪洋", "田野", "任重", "姜雯", "范明", "方圆", "石磊", "姚远", "谭晶", "廖凯",
  "邹静", "熊伟", "金鑫", "陆遥", "郝雪", "孔亮", "白音", "崔健", "康宁", "毛毳", "邱实",
  "阿拉坦仓", "额尔敦", "乌兰", "其木格", "萨仁", "图雅", "斯琴", "敖登", "那仁", "宝音",
  "巴特尔", "格日勒", "苏日娜", "哈斯", "朝鲁门", "阿古拉", "呼和", "塔娜", "包文俊", "王玉琢",
  "李晗", "吕学先", "梅刚", "郭洪申", "高敏娜", "薛来", "韩继旺", "皇甫美鲜", "刘宏章", "鲍庆胜",
];

/** Circled numbers as the series labels print them (五化协同 大抓基层①). */
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** Items the ingest reads from a page's text (its assembler; the repair passes keep the count). */
export function pageItemCount(text: string, knowledge: PageKnowledge): number {
  return assembleItems(classifyPage(splitPageBlocks(text), knowledge), { roles: knowledge.roles, pageName: null }).items.length;
}

function normaliseText(text: string): string {
  return (text.startsWith("\ufeff") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
}

function opensColumn(blocks: ClassifiedBlock[], at: number): boolean {
  const c = blocks[at]?.class;
  if (!c) return false;
  if (c.type === "label" || c.type === "byline") return true;
  if (c.type !== "heading") return false;
  const next = blocks[at + 1]?.class;
  if (next?.type === "byline" || next?.type === "deck") return true;
  if (next?.type === "label") return next.label.column !== "photo" && next.label.column !== "brief";
  // A kicker over a headline with a byline (代表委员“零距离” / “党建+”推动…).
  const after = blocks[at + 2]?.class;
  return next?.type === "heading" && (after?.type === "byline" || after?.type === "deck");
}

/** Cuts one seed page into units (see the module comment). */
export function cutSeedUnits(page: SeedPage, knowledge: PageKnowledge): SeedUnit[] {
  const text = normaliseText(page.text);
  const lines = text.split("\n");
  const blocks = classifyPage(splitPageBlocks(text), knowledge);
  const { items, labelLines } = assembleItems(blocks, { roles: knowledge.roles, pageName: null });
  const blockAt = new Map(blocks.map((b) => [b.line, b]));

  // Each item opens a unit at its first line, or at the label line of the photo or brief
  // column it belongs to; items under one column label form one unit.
  const starts: { line: number; kind: UnitKind; items: typeof items }[] = [];
  const groupLabelUsed = new Set<number>();
  for (const item of items) {
    const column = item.label?.column;
    if (column === "photo" || column === "brief") {
      const labelLine = labelLines.filter((l) => l.line < item.startLine && blockAt.get(l.line)?.class.type === "label").at(-1)?.line;
      const last = starts.at(-1);
      if (labelLine !== undefined && last && groupLabelUsed.has(labelLine) && last.line === labelLine) {
        last.items.push(item);
        continue;
      }
      if (labelLine !== undefined && !groupLabelUsed.has(labelLine)) {
        groupLabelUsed.add(labelLine);
        starts.push({ line: labelLine, kind: column === "photo" ? "photo-column" : "brief-column", items: [item] });
        continue;
      }
    }
    starts.push({ line: item.startLine, kind: item.kind === "photo" ? "photo" : "text", items: [item] });
  }
  // A text column's label (printed, or a kicker read as one) opens the unit of the item under it.
  for (const label of labelLines) {
    if (groupLabelUsed.has(label.line)) continue;
    const owner = starts.find((s) => s.line > label.line);
    if (owner && owner.line > label.line) owner.line = Math.min(owner.line, label.line);
  }
  starts.sort((a, b) => a.line - b.line);
  if (starts[0]) starts[0].line = Math.min(starts[0].line, blocks[0]?.line ?? 1);

  const units: SeedUnit[] = [];
  starts.forEach((start, index) => {
    const endLine = (starts[index + 1]?.line ?? lines.length + 1) - 1;
    const first = Math.max(start.line, 1);
    let last = endLine;
    while (last > first && (lines[last - 1] ?? "").trim() === "") last--;
    let gapBefore = 0;
    for (let l = first - 1; l >= 1 && (lines[l - 1] ?? "").trim() === ""; l--) gapBefore++;
    if (index === 0) gapBefore = 2;
    const unitLines = lines.slice(first - 1, last);
    const titles: number[] = [];
    const credits: SeedUnit["credits"] = [];
    const labels: SeedUnit["labels"] = [];
    for (let l = first; l <= last; l++) {
      const block = blockAt.get(l);
      if (!block) continue;
      const c = block.class;
      if (c.type === "label") labels.push({ index: l - first, column: c.label.column, series: c.label.series !== null });
    }
    for (const item of start.items) {
      if (item.titleLine !== null && item.titleOrigin === "printed" && item.titleLine >= first && item.titleLine <= last) {
        titles.push(item.titleLine - first);
      }
      const names = [...item.byline.reporters, ...item.byline.correspondents, ...item.byline.photographers, ...item.byline.authors];
      for (const meta of item.metaLines) {
        const type = blockAt.get(meta.line)?.class.type;
        if (meta.line < first || meta.line > last || type === "label") continue;
        const printed = names.filter((n) => meta.text.includes(n));
        if (printed.length > 0) credits.push({ index: meta.line - first, names: printed });
      }
    }
    const unitText = unitLines.join("\n");
    const firstBlock = blocks.findIndex((b) => b.line >= first);
    units.push({
      source: page.name,
      kind: start.kind,
      lines: unitLines,
      gapBefore,
      items: pageItemCount(unitText, knowledge),
      titles,
      credits,
      labels,
      opens: start.kind === "photo-column" || start.kind === "brief-column" || opensColumn(blocks, firstBlock),
    });
  });
  return units.filter((u) => u.items > 0);
}

// ---------------------------------------------------------------------------------------------
// Variation

interface PlaceRef {
  league: string;
  county: string | null;
}

interface PlaceTable {
  pattern: RegExp;
  byName: Map<string, PlaceRef>;
  countiesOf: Map<string, string[]>;
  leagues: string[];
}

/** League suffixes a bare name drops: 赤峰市 → 赤峰, 阿拉善盟 → 阿拉善. */
const LEAGUE_SUFFIX = /(市|盟)$/u;

let placeTable: PlaceTable | null = null;

function places(): PlaceTable {
  if (placeTable) return placeTable;
  const byName = new Map<string, PlaceRef>();
  for (const league of LEAGUES) {
    byName.set(league.name, { league: league.name, county: null });
    const bare = league.name.replace(LEAGUE_SUFFIX, "");
    // 兴安 is also the 大兴安岭; leave it alone.
    if (bare.length >= 2 && bare !== "兴安") byName.set(bare, { league: league.name, county: null });
  }
  const countiesOf = new Map<string, string[]>();
  for (const county of COUNTIES) {
    if (county.name.includes("辖") || county.name.length < 3) continue;
    byName.set(county.name, { league: county.league, county: county.name });
    const list = countiesOf.get(county.league) ?? [];
    list.push(county.name);
    countiesOf.set(county.league, list);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (n.endsWith("旗") ? "(?!帜)" : ""));
  placeTable = { pattern: new RegExp(escaped.join("|"), "gu"), byName, countiesOf, leagues: LEAGUES.map((l) => l.name) };
  return placeTable;
}

/** Moves the places a unit names to other leagues and counties, consistently within the unit. */
export function substitutePlaces(lines: string[], random: Random): string[] {
  const table = places();
  const leagueMap = new Map<string, string>();
  const countyMap = new Map<string, string>();
  const targetLeague = (league: string): string => {
    let target = leagueMap.get(league);
    if (target === undefined) {
      target = random.pick(table.leagues.filter((l) => l !== league));
      leagueMap.set(league, target);
    }
    return target;
  };
  const replace = (name: string): string => {
    const ref = table.byName.get(name);
    if (!ref) return name;
    const league = targetLeague(ref.league);
    if (ref.county === null) return name === ref.league ? league : league.replace(LEAGUE_SUFFIX, "");
    let county = countyMap.get(ref.county);
    if (county === undefined) {
      county = random.pick(table.countiesOf.get(league) ?? [ref.county]);
      countyMap.set(ref.county, county);
    }
    return county;
  };
  return lines.map((line) => line.replace(table.pattern, replace));
}

/** The headline halves of the seed pages (比出新活力 | 争出好业绩), for mixing. */
export interface HeadlinePool {
  firsts: string[];
  seconds: string[];
}

export function headlinePool(units: readonly SeedUnit[]): HeadlinePool {
  const firsts = new Set<string>();
  const seconds = new Set<string>();
  for (const unit of units) {
    // Headlines, and the two-part subheads inside articles (建设党群服务 红色平台).
    const meta = new Set([...unit.credits.map((c) => c.index), ...unit.labels.map((l) => l.index)]);
    for (const [index, line] of unit.lines.entries()) {
      const title = line.trim().replace(/^#+\s*/u, "");
      if (meta.has(index) || /^[□■◎⊙○(（]/u.test(title)) continue;
      if (!isHeadlineShaped(title) || /[:：?？!！、]|记者|通讯员/u.test(title)) continue;
      const halves = title.split(/[\s\u3000]+/u).filter(Boolean);
      if (halves.length !== 2 || !halves.every((h) => h.length >= 2 && h.length <= 12)) continue;
      firsts.add(halves[0]!);
      seconds.add(halves[1]!);
    }
  }
  return { firsts: [...firsts].sort(), seconds: [...seconds].sort() };
}

export interface VariationContext {
  knowledge: PageKnowledge;
  headlines: HeadlinePool;
  reporters: readonly string[];
}

/** One printing of a unit: new headlines, names, places and labels. */
export function varyUnit(unit: SeedUnit, random: Random, context: VariationContext): string[] {
  let lines = substitutePlaces(unit.lines, random);
  lines = [...lines];
  const { firsts, seconds } = context.headlines;
  for (const index of unit.titles) {
    if (firsts.length === 0 || !random.chance(0.85)) continue;
    const line = lines[index] ?? "";
    const marker = /^\s*#+\s*/u.exec(line)?.[0] ?? "";
    const title = `${random.pick(firsts)} ${random.pick(seconds)}`;
    if (isHeadlineShaped(title)) lines[index] = marker + title;
  }
  const names = new Map<string, string>();
  for (const credit of unit.credits) {
    let line = lines[credit.index] ?? "";
    // ◎Name is an author only while the name is known to the page; keep it as printed.
    if (/^\s*◎/u.test(line)) continue;
    for (const name of credit.names) {
      let replacement = names.get(name);
      if (replacement === undefined) {
        replacement = random.pick(context.reporters);
        names.set(name, replacement);
      }
      const at = line.lastIndexOf(name);
      if (at >= 0) line = line.slice(0, at) + replacement + line.slice(at + name.length);
    }
    lines[credit.index] = line;
  }
  const labelsOf = (column: LabelColumn) =>
    [...context.knowledge.labels].filter(([, c]) => c === column).map(([name]) => name);
  for (const label of unit.labels) {
    const line = lines[label.index] ?? "";
    const mark = /^\s*[◎⊙]?\s*/u.exec(line)?.[0] ?? "";
    if (label.series) {
      const series = line.slice(mark.length).replace(/[①-⑳]|[(（]?\d{1,3}[)）]?$/u, "");
      if (series !== line.slice(mark.length)) lines[label.index] = mark + series + CIRCLED[random.int(0, CIRCLED.length - 1)];
      continue;
    }
    if (label.column === "commentary" || label.column === "brief" || !random.chance(0.5)) continue;
    const choices = labelsOf(label.column);
    if (choices.length > 0) lines[label.index] = mark + random.pick(choices);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Pages and the archive

export interface SyntheticIssue {
  /** File name: YYYY-MM-DD_pN.txt. */
  name: string;
  date: string;
  text: string;
  /** Items the ingest reads from it. */
  items: number;
}

export interface ArchiveOptions {
  /** Articles wanted in total. */
  articles: number;
  seed?: number | string;
  fromYear?: number;
  toYear?: number;
  /** Pages printed a day, [min, max]. */
  pagesPerDay?: readonly [number, number];
  /** Items a page, [min, max]; the seeds carry 9 to 11. */
  itemsPerPage?: readonly [number, number];
}

export interface UnitPool {
  units: SeedUnit[];
  context: VariationContext;
}

export function buildUnitPool(seedPages: readonly SeedPage[], knowledge: PageKnowledge): UnitPool {
  const units = seedPages.flatMap((page) => cutSeedUnits(page, knowledge));
  return { units, context: { knowledge, headlines: headlinePool(units), reporters: REPORTER_POOL } };
}

/** Joins units into a page as the seeds are laid out: two blank lines first, one between lines. */
export function layOutPage(units: { lines: string[]; gapBefore: number }[]): string {
  let text = "\n\n";
  units.forEach((unit, index) => {
    if (index > 0) text += "\n".repeat(Math.max(1, unit.gapBefore) + 1);
    text += unit.lines.join("\n");
  });
  return text;
}

/**
 * One page of about `target` items. Units are drawn at random, and a unit that could be read
 * as part of a photo or brief column only follows a text unit. Returns the page text and the
 * items the ingest reads from it (counted, not estimated).
 */
export function composePage(pool: UnitPool, target: number, random: Random): { text: string; items: number } {
  const chosen: { lines: string[]; gapBefore: number }[] = [];
  let planned = 0;
  let previous: SeedUnit | null = null;
  const singles = pool.units.filter((u) => u.items === 1);
  for (let guard = 0; planned < target && guard < 1000; guard++) {
    const remaining = target - planned;
    const candidates = remaining <= 2 ? singles : pool.units;
    const unit = random.pick(candidates.length > 0 ? candidates : pool.units);
    if (unit.items > remaining) continue;
    if (previous && previous.kind !== "text" && !unit.opens) continue;
    if (chosen.length === 0 && unit.kind !== "text" && !unit.opens) continue;
    chosen.push({ lines: varyUnit(unit, random, pool.context), gapBefore: unit.gapBefore });
    planned += unit.items;
    previous = unit;
  }
  const text = layOutPage(chosen);
  return { text, items: pageItemCount(text, pool.context.knowledge) };
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/**
 * The synthetic archive: issue files spread over the years, several pages a day, until the
 * pages hold `articles` items (exactly, unless a page reads differently from its plan, which
 * the next page makes up for).
 */
export function generateArchive(pool: UnitPool, options: ArchiveOptions): SyntheticIssue[] {
  const random = createRandom(options.seed ?? "archive-bench");
  const [minItems, maxItems] = options.itemsPerPage ?? [8, 11];
  const [minPages, maxPages] = options.pagesPerDay ?? [2, 4];
  const first = dayNumber(`${options.fromYear ?? 2005}-01-01`);
  const last = dayNumber(`${options.toYear ?? 2025}-12-31`);
  const span = last - first + 1;

  // Plan pages and days first, so that the days can be spread over the whole span.
  const targets: number[] = [];
  for (let total = 0; total < options.articles; ) {
    const t = Math.min(random.int(minItems, maxItems), options.articles - total);
    targets.push(t);
    total += t;
  }
  const perDay: number[] = [];
  for (let pages = 0; pages < targets.length; ) {
    const k = Math.min(random.int(minPages, maxPages), targets.length - pages);
    perDay.push(k);
    pages += k;
  }
  // More days than the span holds: fold them into fewer, fuller days.
  while (perDay.length > span) {
    const extra = perDay.pop()!;
    perDay[perDay.length % span] = (perDay[perDay.length % span] ?? 0) + extra;
  }
  const days = perDay.length;
  const dates: string[] = [];
  for (let d = 0; d < days; d++) {
    const lo = Math.floor((d * span) / days);
    const hi = Math.max(lo, Math.floor(((d + 1) * span) / days) - 1);
    dates.push(isoDate(first + random.int(lo, hi)));
  }

  const issues: SyntheticIssue[] = [];
  let produced = 0;
  let page = 0;
  for (let d = 0; d < days; d++) {
    for (let p = 1; p <= perDay[d]!; p++, page++) {
      const left = options.articles - produced;
      if (left <= 0) break;
      // Make up on this page what earlier pages fell short of (or gave too many).
      const planned = targets.slice(0, page + 1).reduce((a, b) => a + b, 0);
      const target = Math.max(1, Math.min(left, planned - produced, maxItems + 3));
      const { text, items } = composePage(pool, target, random);
      issues.push({ name: `${dates[d]}_p${p}.txt`, date: dates[d]!, text, items });
      produced += items;
    }
  }
  // The plan ran out of pages before the items did (pages read short): add pages to the last day.
  const lastDate = dates.at(-1) ?? isoDate(first);
  for (let p = (perDay.at(-1) ?? 0) + 1; produced < options.articles; p++) {
    const { text, items } = composePage(pool, Math.min(options.articles - produced, maxItems), random);
    issues.push({ name: `${lastDate}_p${p}.txt`, date: lastDate, text, items });
    produced += items;
  }
  return issues;
}

/** One more page, for the incremental rebuild: a day after the archive's last. */
export function generateExtraIssue(pool: UnitPool, after: string, seed: number | string = "archive-bench-extra", items = 10): SyntheticIssue {
  const random = createRandom(seed);
  const date = isoDate(dayNumber(after) + 1);
  const page = composePage(pool, items, random);
  return { name: `${date}_p1.txt`, date, text: page.text, items: page.items };
}
