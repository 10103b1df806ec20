/**
 * Poems on culture pages: runs of short lines that are verse, not sentences cut by column
 * breaks and not headlines. Their line breaks are the poem's; the assembler keeps them.
 */
import type { ClassifiedBlock } from "./classify.ts";
import { charLength } from "./text-shape.ts";

/** Fewest lines in a row that make a poem rather than a few short subheads. */
const MIN_VERSE_LINES = 4;
const MAX_VERSE_LINE = 22;

function verseShaped(block: ClassifiedBlock): boolean {
  if (block.class.type !== "heading" && block.class.type !== "body") return false;
  const text = block.text;
  // Notices list 电话：… and 地址：… in short lines; verse has no colons or figures.
  if (charLength(text) > MAX_VERSE_LINE || /[：:0-9０-９@]/u.test(text) || /^[●•（(一二三四五六七八九十]+[、.]/u.test(text)) return false;
  return true;
}

/** The run at `start` stands under a label of poems (◎诗歌, ◎北疆诗笺), past titles, authors and other poems. */
function followsVerseLabel(blocks: ClassifiedBlock[], start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 16; k--) {
    const c = blocks[k]!.class;
    if (c.type === "label") return /诗|词|歌|韵/u.test(c.label.name);
    if (c.type !== "byline" && c.type !== "verse" && c.type !== "heading") return false;
  }
  return false;
}

/** Marks every line of a poem as verse; returns the blocks with their new class. */
export function markVerse(blocks: ClassifiedBlock[], literaryPage: boolean): ClassifiedBlock[] {
  const out = [...blocks];
  let i = 0;
  while (i < out.length) {
    if (!verseShaped(out[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < out.length && verseShaped(out[end + 1]!) && out[end + 1]!.gapBefore < 2) end++;
    const run = out.slice(i, end + 1);
    // A run of subheads-and-fragments ends most lines with a stop; verse rarely does.
    const stops = run.filter((b) => /[。]$/u.test(b.text)).length;
    // Prose comes one paragraph per line with blank lines between; a poem's lines follow each other.
    const unbroken = run.slice(1).filter((b) => b.gapBefore === 0).length;
    const after = out[end + 1]?.class.type;
    const underVerseLabel = followsVerseLabel(out, i);
    // A headline stack over a byline or dateline, a list (一是…), dialogue: short lines that are not verse.
    const prose = after === "dateline" || run.some((b) => /[！？；!?;]$|^[一二三四五六七八九十]是/u.test(b.text));
    const verseForm = (run.length >= MIN_VERSE_LINES && stops * 2 <= run.length) || (run.length >= 3 && unbroken * 2 >= run.length - 1 && stops * 2 <= run.length);
    // Off the culture pages a poem must look like one beyond doubt: four lines or more, set line
    // under line, no full stops, and no byline straight after the run.
    const strictForm = run.length >= MIN_VERSE_LINES && unbroken * 2 >= run.length && stops === 0 && after !== "byline";
    if (!prose && ((literaryPage || underVerseLabel) ? verseForm : strictForm)) {
      for (let k = i; k <= end; k++) out[k] = { ...out[k]!, class: { type: "verse", text: out[k]!.text } };
    }
    i = end + 1;
  }
  return out;
}
