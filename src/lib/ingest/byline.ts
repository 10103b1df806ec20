/**
 * Bylines and photo credits in the forms Chinese dailies print them:
 *   □本报记者 白丹            本报记者 许敬 通讯员 王筱瑜      □见习记者 郝佳丽
 *   □郝佳丽 / ◎安寅东 (a commentary's author)                  (本报记者 安寅东) closing a story
 *   □本报评论员 / 新华社评论员 (an institutional byline)         □内蒙古大学教授 张三 (title, then name)
 *   文/本报记者 白丹 / 文/张三 (a feature or an essay)           图/李四 (a picture)
 *   李文超 摄 / 新华社记者 王五 摄 (a photo credit, on its own line or ending the caption)
 * Role words (记者, 实习生 …) and outlets (新华社 …) come from content/data/byline-roles.yaml.
 */

export interface Byline {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
  /** The outlet the byline names (新华社记者 X, 新华社评论员), or null for the paper's own. */
  agency: string | null;
  /** An author's title or affiliation printed with the name (□内蒙古大学教授 张三). */
  affiliation: string | null;
}

export function emptyByline(): Byline {
  return { reporters: [], correspondents: [], photographers: [], authors: [], agency: null, affiliation: null };
}

export function mergeBylines(a: Byline, b: Byline): Byline {
  const merge = (x: string[], y: string[]) => [...x, ...y.filter((n) => !x.includes(n))];
  return {
    reporters: merge(a.reporters, b.reporters),
    correspondents: merge(a.correspondents, b.correspondents),
    photographers: merge(a.photographers, b.photographers),
    authors: merge(a.authors, b.authors),
    agency: a.agency ?? b.agency,
    affiliation: a.affiliation ?? b.affiliation,
  };
}

/** The role words and outlets a byline may name, compiled for matching. */
export interface BylineRoles {
  reporter: string[];
  correspondent: string[];
  agency: string[];
  institution: string[];
  /** (outlet)?(role): one role word, optionally after the outlet that employs the person. */
  roleRe: RegExp;
  /** A line that starts with a role word (after an optional outlet). */
  startsWithRole: RegExp;
  /** An institutional byline: (本报|outlet)(评论员|编辑部 …). */
  institutionRe: RegExp;
  /** Outlets, longest first, to tell 新华社 from 新华社记者. */
  outletsByLength: string[];
  /** （新华社发）, （据新华社北京3月5日电）, （据《人民日报》）: a story credited to an outlet alone. */
  sentByRe: RegExp;
  /** 新华社发（刘军 摄）: an outlet's photo with its photographer. */
  sentPhotoRe: RegExp;
  /** A caption with its credit run on at the end. */
  trailingCreditRe: RegExp;
}

const byLengthDesc = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const alternation = (words: string[]) => byLengthDesc(words).map(escapeRegExp).join("|");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

const GENERIC_OUTLET = "[\\u4e00-\\u9fff]{2,6}(?:日报|晚报|报社|通讯社|电视台|广播电视台)";
const GENERIC_OUTLET_RE = new RegExp(`^(${GENERIC_OUTLET})`, "u");

export function compileBylineRoles(data: { reporter: string[]; correspondent: string[]; agency: string[]; institution: string[] }): BylineRoles {
  const roles = alternation([...data.reporter, ...data.correspondent]);
  const outlets = alternation(data.agency);
  // An outlet the data does not list is known by its form: 鄂尔多斯日报记者, 中国日报记者.
  const outletPrefix = `(?:${outlets === "" ? "" : `${outlets}|`}${GENERIC_OUTLET})?`;
  return {
    reporter: data.reporter,
    correspondent: data.correspondent,
    agency: data.agency,
    institution: data.institution,
    roleRe: new RegExp(`(${outletPrefix}(?:${roles}))`, "gu"),
    startsWithRole: new RegExp(`^${outletPrefix}(?:${roles})`, "u"),
    institutionRe: new RegExp(`^(本报|${outlets === "" ? "(?!)" : outlets})(特约)?(${alternation(data.institution)})$`, "u"),
    outletsByLength: byLengthDesc(data.agency),
    sentByRe: new RegExp(`^(?:据)?《?(${outlets === "" ? "(?!)" : outlets})》?(?:[\\u4e00-\\u9fff]{0,6}\\d{1,2}月\\d{1,2}日)?(?:供稿|发|电|报道)?$`, "u"),
    sentPhotoRe: new RegExp(`^(?:据)?(${outlets === "" ? "(?!)" : outlets})发\\s*[(（](.+?)\\s*摄[)）]$`, "u"),
    trailingCreditRe: new RegExp(
      `^(.*[。！？!?”])\\s*([(（]?(?:(?:${outletPrefix}(?:${roles}))\\s*)?(?:新华社发\\s*)?(?:${NAME})?(?:\\s+${NAME})*\\s*(?:摄影报道|摄影?|新华社发)[)）]?)$`,
      "u",
    ),
  };
}

// A person's name as printed: Han characters, with · or • inside transliterated names.
const NAME = "[\\u4e00-\\u9fff]{2,8}(?:[·•][\\u4e00-\\u9fff]{1,10})*";
const NAME_RE = new RegExp(`^${NAME}$`, "u");
/** 作者：巴图孟和（内蒙古农业大学经济管理学院教授） */
const SIGNED_AUTHOR = new RegExp(`^作者[：:]\\s*(${NAME})\\s*(?:[(（]([^()（）]{2,40})[)）])?$`, "u");
/** □内蒙古大学教授 张三: a title, then the name. */
const TITLED_AUTHOR = new RegExp(`^(\\S.{1,30}?)\\s+(${NAME})$`, "u");
const BYLINE_MARK = /^[□■◎○◇◆]\s*/u;
/** 文/ 图/ 文·图/ 文/图 credits, with a full-width slash as often as not. */
const SLASH_CREDIT = /^(图|摄影)\s*[/／:：]\s*/u;
/** 文/ 文/图 文·图/ 文图/ before a byline: the writer, and with 图 the photographer too. */
const WRITER_PREFIX = /^(文\s*[/／·]\s*图|文图|图文|文字|文)\s*[/／:：]?\s*/u;

function splitNames(text: string): string[] | null {
  const names = text.split(/[\s\u3000、，,]+/u).filter(Boolean);
  if (names.length === 0 || !names.every((n) => NAME_RE.test(n))) return null;
  return names;
}

/** The outlet that prefixes a role word (新华社记者 → 新华社), or null. */
function outletOf(role: string, roles: BylineRoles): string | null {
  for (const outlet of roles.outletsByLength) if (role.startsWith(outlet) && role.length > outlet.length) return outlet;
  const generic = GENERIC_OUTLET_RE.exec(role);
  return generic && generic[1] && role.length > generic[1].length && !role.startsWith("本报") ? generic[1] : null;
}

/**
 * Reads "role names role names …" into a Byline. Names before any role word are
 * returned as `unlabelled`; the caller decides their role from context.
 */
function readRoleSequence(text: string, roles: BylineRoles): { byline: Byline; unlabelled: string[] } | null {
  const parts = text.split(roles.roleRe).map((p) => p.trim());
  const byline = emptyByline();
  const unlabelled = parts[0] ? splitNames(parts[0]) : [];
  if (unlabelled === null) return null;
  for (let i = 1; i < parts.length; i += 2) {
    const role = parts[i] ?? "";
    const names = splitNames(parts[i + 1] ?? "");
    if (names === null) return null;
    const outlet = outletOf(role, roles);
    const bare = outlet ? role.slice(outlet.length) : role;
    if (outlet) byline.agency ??= outlet;
    if (roles.correspondent.includes(bare)) byline.correspondents.push(...names);
    else byline.reporters.push(...names);
  }
  return { byline, unlabelled };
}

/** Column headings that start with a role word: 记者手记 is a column, not a reporter named 手记. */
const ROLE_WORD_COLUMNS = /^(本报)?记者(手记|观察|调查|专访|走访|探访|连线|视角|札记|再访|蹲点|亲历)/u;

/** A byline of a report: □本报记者 X, 本报记者 X 通讯员 Y, □见习记者 X, 文/本报记者 X, 新华社记者 X. */
export function parseStaffByline(text: string, roles: BylineRoles): Byline | null {
  // 记者 孙立峰 摄影报道 / 本报记者 X 摄: a photo credit, not a report's byline.
  if (text.length > 40 || /(摄|摄影|摄影报道)[)）]?$/u.test(text)) return null;
  const unmarked = text.replace(BYLINE_MARK, "");
  const writer = /^文/u.test(unmarked) ? WRITER_PREFIX.exec(unmarked) : null;
  // …通讯员 韩雪莲 报道: the closing 报道 ("reports") is not a name.
  const body = (writer ? unmarked.slice(writer[0].length) : unmarked).replace(/\s*(?:报道|采写|整理)$/u, "");
  if (ROLE_WORD_COLUMNS.test(body)) return null;
  if (!roles.startsWithRole.test(body)) return null;
  const read = readRoleSequence(body, roles);
  if (!read || read.unlabelled.length > 0) return null;
  if (read.byline.reporters.length + read.byline.correspondents.length === 0) return null;
  if (writer && /图/u.test(writer[1]!)) return { ...read.byline, photographers: [...read.byline.reporters, ...read.byline.correspondents] };
  return read.byline;
}

/** Editors' remarks printed in brackets like a credit: (有删节), (资料图片), (节选), (图文无关). */
const EDITORS_REMARK = /^(有删节|删节|节选|摘编|摘录|资料图片|资料图|图片|示意图|图文无关|略|未完|完|同上|见图)$/u;

/** Words that end an author's title or affiliation, never a name. */
const AUTHOR_TITLE = /(教授|研究员|讲师|博士|院长|所长|主任|书记|校长|部长|局长|专家|学者|作家|诗人|委员|干部|编辑|老师|会长|主席|代表|大学|学院|党校|研究院|研究所|中心|学会|协会)$/u;

/**
 * A signed piece's author: □Name (OCR sometimes turns □ into ◎), 文/Name, an institutional
 * □本报评论员, or a title before the name (□内蒙古大学教授 张三).
 */
export function parseAuthorByline(text: string, roles: BylineRoles): Byline | null {
  const marked = BYLINE_MARK.test(text);
  const unmarked = text.replace(BYLINE_MARK, "");
  const slash = /^文/u.test(unmarked) ? WRITER_PREFIX.exec(unmarked) : null;
  if (text.length > 60) return null;
  // 作者：巴图孟和（内蒙古农业大学经济管理学院教授）
  const signed = SIGNED_AUTHOR.exec(unmarked.trim());
  if (signed && signed[1]) return { ...emptyByline(), authors: [signed[1]], affiliation: signed[2] ?? null };
  if (text.length > 40) return null;
  const body = (slash ? unmarked.slice(slash[0].length) : unmarked).trim();
  const institutional = parseInstitutionalByline(body, roles);
  if (institutional) return institutional;
  if (!marked && !slash) return null;
  // □本报记者 白丹 is a staff byline: a role word is never an author's name.
  if (roles.startsWithRole.test(body)) return null;
  const names = splitNames(body);
  if (names && slash && /图/u.test(slash[1]!)) return { ...emptyByline(), authors: names, photographers: names };
  // □内蒙古大学教授 郭振宇: a first "name" that ends in a title is the author's position.
  if (names && names.length === 2 && AUTHOR_TITLE.test(names[0]!)) return { ...emptyByline(), authors: [names[1]!], affiliation: names[0]! };
  if (names && names.length <= 3 && names.every((n) => [...n].length <= 10)) return { ...emptyByline(), authors: names };
  // □内蒙古大学教授 张三: the last word is the name, what precedes it the author's title.
  const titled = TITLED_AUTHOR.exec(body);
  if (titled && titled[1] && titled[2] && !/[。，,！？]/u.test(titled[1]) && !roles.startsWithRole.test(titled[1])) {
    return { ...emptyByline(), authors: [titled[2]], affiliation: titled[1].trim() };
  }
  return null;
}

/** 本报评论员, 新华社评论员, 人民日报评论员: the author is the institution itself. */
export function parseInstitutionalByline(text: string, roles: BylineRoles): Byline | null {
  const body = text.replace(BYLINE_MARK, "").trim();
  const m = roles.institutionRe.exec(body);
  if (!m || !m[1]) return null;
  return { ...emptyByline(), authors: [body], agency: m[1] === "本报" ? null : m[1] };
}

/** The reporter line that closes a story: (本报记者 安寅东), (记者 X 通讯员 Y), (新华社发). */
export function parseBriefByline(text: string, roles: BylineRoles): Byline | null {
  if (text.length > 40) return null;
  const m = /^[(（]\s*(.+?)\s*[)）]$/u.exec(text);
  if (!m || !m[1]) return null;
  const inner = m[1];
  const sent = roles.sentByRe.exec(inner);
  if (sent && sent[1]) return { ...emptyByline(), agency: sent[1] };
  // （载4月9日《人民日报》）, （据《光明日报》）, （摘自《经济日报》）: reprinted from another paper.
  const reprint = /^(?:据|载|原载|转载自|摘自|来源[：:])\s*(?:\d{1,2}月\d{1,2}日\s*)?《?([^》()（）]{2,12}?(?:日报|晚报|报|社|网|台|杂志|新闻))》?$/u.exec(inner);
  if (reprint && reprint[1]) return { ...emptyByline(), agency: reprint[1] };
  // （本报综合）: compiled by the paper itself; no person, no outside source.
  if (/^(?:本报)?综合(?:报道)?$|^本报(?:编辑部)?综合/u.test(inner)) return emptyByline();
  const read = readRoleSequence(inner, roles);
  if (!read) return null;
  // A bare name is a reporter, but (下转第二版), (上接第一版) and (待续) are jump lines, and
  // (有删节), (资料图片), (节选) are editors' notes.
  if (read.unlabelled.some((name) => [...name].length > 4 || /[第版转接续待完]/u.test(name) || EDITORS_REMARK.test(name))) return null;
  return { ...read.byline, reporters: [...read.byline.reporters, ...read.unlabelled] };
}

/** A photo credit line: 李文超 摄, 本报记者 陈春艳 摄, 新华社记者 王五 摄, 图/李四, (新华社发). */
export function parseCredit(text: string, roles: BylineRoles): Byline | null {
  if (text.length > 40 || /^文/u.test(text.replace(BYLINE_MARK, ""))) return null;
  const slash = SLASH_CREDIT.exec(text);
  if (slash && slash[1] && /图|摄影/u.test(slash[1])) {
    const rest = text.slice(slash[0].length).trim();
    const read = readRoleSequence(rest, roles);
    if (!read) return null;
    const names = [...read.unlabelled, ...read.byline.reporters, ...read.byline.correspondents];
    if (names.length === 0) return null;
    const both = slash[1] !== "图" && slash[1] !== "摄影";
    return { ...emptyByline(), photographers: names, authors: both ? names : [], agency: read.byline.agency };
  }
  const sentPhoto = roles.sentPhotoRe.exec(text);
  if (sentPhoto && sentPhoto[1] && sentPhoto[2]) {
    const names = splitNames(sentPhoto[2].replace(roles.roleRe, " "));
    if (names) return { ...emptyByline(), photographers: names, agency: sentPhoto[1] };
  }
  const m = /^[(（]?(.+?)\s*(?:摄影报道|摄|摄影)[)）]?$/u.exec(text);
  if (!m || !m[1]) return null;
  // 李文超 摄 and 本报记者 陈春艳 摄 set the name apart; 老年大学里的手机摄影 is a headline.
  // OCR drops the space now and then (李文超摄): a bare name of two to four characters still is one.
  const setApart = /[\s\u3000]$/u.test(text.slice(0, text.length - (/摄影报道[)）]?$/u.test(text) ? 4 : /摄影[)）]?$/u.test(text) ? 2 : 1) - (/[)）]$/u.test(text) ? 1 : 0)));
  if (!setApart && !roles.startsWithRole.test(m[1].replace(BYLINE_MARK, "")) && !/^[(（]?[\u4e00-\u9fff]{2,4}$/u.test(m[1])) return null;
  const credit = m[1].replace(BYLINE_MARK, "").replace(/^(?:据)?新华社发\s*/u, "新华社记者 ");
  const read = readRoleSequence(credit, roles);
  if (!read) return null;
  const names = [...read.unlabelled, ...read.byline.reporters, ...read.byline.correspondents];
  if (names.length === 0) return null;
  return { ...emptyByline(), photographers: names, agency: read.byline.agency };
}

/**
 * A credit that OCR ran onto the end of its caption:
 * "…图为民警参观党建文化主题广场。本报记者 陈春艳 摄" → caption + credit.
 */
export function splitTrailingCredit(text: string, roles: BylineRoles): { caption: string; credit: string; byline: Byline } | null {
  if (!/(摄影?|摄影报道|新华社发)[)）]?$/u.test(text)) return null;
  const sent = /^(.*[。！？!?”])\s*((?:据)?[\u4e00-\u9fff]{2,6}发\s*[(（][^()（）]{2,30}摄[)）])$/u.exec(text);
  if (sent && sent[1] && sent[2]) {
    const byline = parseCredit(sent[2], roles);
    if (byline) return { caption: sent[1], credit: sent[2], byline };
  }
  const m = roles.trailingCreditRe.exec(text);
  if (!m || !m[1] || !m[2]) return null;
  const byline = parseCredit(m[2], roles) ?? (/^[(（]?新华社发[)）]?$/u.test(m[2]) ? { ...emptyByline(), agency: "新华社" } : null);
  return byline ? { caption: m[1], credit: m[2], byline } : null;
}

/** A closing credit run onto the last paragraph: "…口岸货运量持续回升。（本报记者 萨如拉）". */
export function splitTrailingBriefByline(text: string, roles: BylineRoles): { text: string; credit: string; byline: Byline } | null {
  if (!/[)）]$/u.test(text)) return null;
  const m = /^(.*[。！？!?”])\s*([(（][^()（）]{2,40}[)）])$/u.exec(text);
  if (!m || !m[1] || !m[2]) return null;
  const byline = parseBriefByline(m[2], roles);
  return byline ? { text: m[1], credit: m[2], byline } : null;
}

/** All people named in a byline, in order, without duplicates. */
export function bylineNames(byline: Byline): string[] {
  return [...new Set([...byline.reporters, ...byline.correspondents, ...byline.photographers, ...byline.authors])];
}

export function foldNames(byline: Byline, canonicalName: (name: string) => string): Byline {
  const fold = (names: string[]) => [...new Set(names.map(canonicalName))];
  return {
    ...byline,
    reporters: fold(byline.reporters),
    correspondents: fold(byline.correspondents),
    photographers: fold(byline.photographers),
    authors: fold(byline.authors),
  };
}
