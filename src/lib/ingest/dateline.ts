/**
 * Datelines that open a news story, usually run into its first paragraph:
 *   本报讯（记者 张三 通讯员 李四）近日，…        本报呼和浩特3月5日讯 记者 张三 …
 *   新华社北京3月5日电（记者 王五 赵六）…          据新华社电 …          新报讯(记者 张三)…
 * The dateline names the outlet (本报 is the paper itself), often a place and a date, and
 * the people; it is not body text.
 */
import type { Byline, BylineRoles } from "./byline.ts";
import { emptyByline, parseBriefByline, parseStaffByline } from "./byline.ts";

export interface Dateline {
  /** The dateline as printed, credit included. */
  text: string;
  /** The outlet, or null for the paper's own (本报). */
  agency: string | null;
  /** The place it was filed from (呼和浩特, 北京), or null. */
  place: string | null;
  byline: Byline;
  /** The paragraph after the dateline ("" when the dateline stood alone). */
  rest: string;
}

const NUMBER = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
const DATE = `${NUMBER}月${NUMBER}日`;

/**
 * (据)?(outlet)(place)?(date)?(讯|电). A generic outlet ("…报", "…社") must be followed by a
 * break so that 合作社电商 or 日报讯息 in a sentence is not read as one.
 */
function datelinePattern(roles: BylineRoles): RegExp {
  const outlets = [...roles.agency].sort((a, b) => b.length - a.length).join("|");
  return new RegExp(
    `^(据)?(?:(本报|${outlets})|([\\u4e00-\\u9fff]{1,6}(?:报|社)))([\\u4e00-\\u9fff]{2,7}?)?(${DATE})?(讯|电)(?=[\\s\\u3000（(：:，,]|$|[\\u4e00-\\u9fff“])`,
    "u",
  );
}

const patterns = new WeakMap<BylineRoles, RegExp>();

/** 据《鄂尔多斯日报》报道，…: a story taken from another paper, credited in its first words. */
const REPORTED_BY = /^据《([^》]{2,12})》(?:报道|消息)?[，,：:]\s*/u;

export function parseDateline(text: string, roles: BylineRoles): Dateline | null {
  const reported = REPORTED_BY.exec(text);
  if (reported && reported[1]) {
    const agency = reported[1];
    return { text: reported[0].trim(), agency, place: null, byline: { ...emptyByline(), agency }, rest: text.slice(reported[0].length) };
  }
  let pattern = patterns.get(roles);
  if (!pattern) {
    pattern = datelinePattern(roles);
    patterns.set(roles, pattern);
  }
  const m = pattern.exec(text);
  if (!m) return null;
  const known = m[2];
  const generic = m[3];
  const place = m[4] ?? null;
  // A generic outlet needs a clear break after 讯/电; 本报 and the known outlets do not.
  if (generic && !/^[\s\u3000（(：:]/u.test(text.slice(m[0].length)) && text.length > m[0].length) return null;
  if (place && /(的|了|是|在|从|向|记者|获悉)/u.test(place)) return null;
  // 本报讯近日… runs on without a break; anything else run straight into a word is a sentence
  // (人民日报电子版…, 本报记者从…获悉).
  if (/^[\u4e00-\u9fff]/u.test(text.slice(m[0].length)) && !m[5] && !(known === "本报" && m[6] === "讯" && !place)) return null;
  const outlet = known ?? generic ?? null;
  let rest = text.slice(m[0].length);
  let byline = emptyByline();
  // （记者 张三 李四） right after the dateline.
  const paren = /^\s*([(（][^()（）]{1,40}[)）])/u.exec(rest);
  if (paren && paren[1]) {
    const credit = parseBriefByline(paren[1], roles);
    if (credit) {
      byline = credit;
      rest = rest.slice(paren[0].length);
    }
  } else {
    // 本报呼和浩特3月5日讯 记者 张三 李四 (then the text): names up to the first word that is not one.
    const spaced = /^[\s\u3000]*((?:[\u4e00-\u9fff]{2,6}[\s\u3000]+)+?)([\u4e00-\u9fff]{2,4})(?=[\s\u3000]|$)/u.exec(rest);
    if (spaced) {
      const tokens = rest.trim().split(/[\s\u3000]+/u);
      // A byline is a few words: role, names, perhaps another role and names.
      for (let n = Math.min(tokens.length, 8); n >= 2; n--) {
        const candidate = parseStaffByline(tokens.slice(0, n).join(" "), roles);
        if (candidate) {
          byline = candidate;
          rest = tokens.slice(n).join(" ");
          break;
        }
      }
    }
  }
  const agency = outlet === "本报" ? null : (byline.agency ?? outlet);
  rest = rest.replace(/^[\s\u3000：:，,]+/u, "");
  const printed = text.slice(0, text.length - rest.length).trim();
  return { text: printed, agency, place, byline: { ...byline, agency }, rest };
}
