/**
 * Bylines and photo credits in the forms these pages print them:
 *   □本报记者 白丹            本报记者 许敬 通讯员 王筱瑜      □见习记者 郝佳丽
 *   □郝佳丽 / ◎安寅东 (a commentary's author)                  (本报记者 安寅东) closing a brief
 *   李文超 摄 / 本报记者 孟和朝鲁 摄 (a photo credit, on its own line or ending the caption)
 */

export interface Byline {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
}

export function emptyByline(): Byline {
  return { reporters: [], correspondents: [], photographers: [], authors: [] };
}

export function mergeBylines(a: Byline, b: Byline): Byline {
  const merge = (x: string[], y: string[]) => [...x, ...y.filter((n) => !x.includes(n))];
  return {
    reporters: merge(a.reporters, b.reporters),
    correspondents: merge(a.correspondents, b.correspondents),
    photographers: merge(a.photographers, b.photographers),
    authors: merge(a.authors, b.authors),
  };
}

// A person's name as printed: Han characters, with · or • inside transliterated names.
const NAME = "[\\u4e00-\\u9fff]{2,8}(?:[·•][\\u4e00-\\u9fff]{1,10})*";
const NAME_RE = new RegExp(`^${NAME}$`, "u");
const REPORTER_ROLE = "本报记者|本报特约记者|特约记者|见习记者|实习记者|记者";
const CORRESPONDENT_ROLE = "本报通讯员|通讯员";
const ROLE_RE = new RegExp(`(${REPORTER_ROLE}|${CORRESPONDENT_ROLE})`, "gu");
const BYLINE_MARK = /^[□■◎○]\s*/u;

function splitNames(text: string): string[] | null {
  const names = text.split(/[\s\u3000、，,]+/u).filter(Boolean);
  if (names.length === 0 || !names.every((n) => NAME_RE.test(n))) return null;
  return names;
}

/**
 * Reads "role names role names …" into a Byline. Names before any role word are
 * returned as `unlabelled`; the caller decides their role from context.
 */
function readRoleSequence(text: string): { byline: Byline; unlabelled: string[] } | null {
  const parts = text.split(ROLE_RE).map((p) => p.trim());
  const byline = emptyByline();
  const unlabelled = parts[0] ? splitNames(parts[0]) : [];
  if (unlabelled === null) return null;
  for (let i = 1; i < parts.length; i += 2) {
    const role = parts[i] ?? "";
    const names = splitNames(parts[i + 1] ?? "");
    if (names === null) return null;
    if (new RegExp(`^(${CORRESPONDENT_ROLE})$`, "u").test(role)) byline.correspondents.push(...names);
    else byline.reporters.push(...names);
  }
  return { byline, unlabelled };
}

export type BylineLine =
  | { form: "staff"; byline: Byline }
  | { form: "author"; byline: Byline }
  | { form: "brief"; byline: Byline }
  | { form: "credit"; byline: Byline };

/** A byline of a report: □本报记者 X, 本报记者 X 通讯员 Y, □见习记者 X. */
/** Column headings that start with a role word: 记者手记 is a column, not a reporter named 手记. */
const ROLE_WORD_COLUMNS = /^(本报)?记者(手记|观察|调查|专访|走访|探访|连线|视角|札记)$/u;

export function parseStaffByline(text: string): Byline | null {
  if (text.length > 40) return null;
  const body = text.replace(BYLINE_MARK, "");
  if (ROLE_WORD_COLUMNS.test(body)) return null;
  if (!new RegExp(`^(${REPORTER_ROLE}|${CORRESPONDENT_ROLE})`, "u").test(body)) return null;
  const read = readRoleSequence(body);
  if (!read || read.unlabelled.length > 0) return null;
  return read.byline;
}

/** A commentary's author, printed as □Name (OCR sometimes turns □ into ◎). */
export function parseAuthorByline(text: string): Byline | null {
  if (!BYLINE_MARK.test(text)) return null;
  const names = splitNames(text.replace(BYLINE_MARK, ""));
  if (!names || names.length > 3 || names.some((n) => [...n].length > 10)) return null;
  return { ...emptyByline(), authors: names };
}

/** The reporter line that closes a brief: (本报记者 安寅东). */
export function parseBriefByline(text: string): Byline | null {
  if (text.length > 40) return null;
  const m = /^[(（]\s*(.+?)\s*[)）]$/u.exec(text);
  if (!m || !m[1]) return null;
  const read = readRoleSequence(m[1]);
  if (!read) return null;
  // A bare name is a reporter, but (下转第二版), (上接第一版) and (待续) are jump lines.
  if (read.unlabelled.some((name) => [...name].length > 4 || /[第版转接续待完]/u.test(name))) return null;
  return { ...read.byline, reporters: [...read.byline.reporters, ...read.unlabelled] };
}

/** A photo credit line: 李文超 摄, 本报记者 陈春艳 摄. */
export function parseCredit(text: string): Byline | null {
  if (text.length > 40 || !/摄影?$/u.test(text)) return null;
  const m = /^(.+?)\s*摄(?:影)?$/u.exec(text);
  if (!m || !m[1]) return null;
  const read = readRoleSequence(m[1].replace(BYLINE_MARK, ""));
  if (!read) return null;
  const names = [...read.unlabelled, ...read.byline.reporters, ...read.byline.correspondents];
  if (names.length === 0) return null;
  return { ...emptyByline(), photographers: names };
}

/**
 * A credit that OCR ran onto the end of its caption:
 * "…图为民警参观党建文化主题广场。本报记者 陈春艳 摄" → caption + credit.
 */
export function splitTrailingCredit(text: string): { caption: string; credit: string; byline: Byline } | null {
  if (!/摄影?$/u.test(text)) return null;
  const m = new RegExp(`^(.*[。！？!?”])\\s*((?:(?:${REPORTER_ROLE}|${CORRESPONDENT_ROLE})\\s*)?${NAME}(?:\\s+${NAME})*\\s*摄)$`, "u").exec(text);
  if (!m || !m[1] || !m[2]) return null;
  const byline = parseCredit(m[2]);
  return byline ? { caption: m[1], credit: m[2], byline } : null;
}

/** All people named in a byline, in order, without duplicates. */
export function bylineNames(byline: Byline): string[] {
  return [...new Set([...byline.reporters, ...byline.correspondents, ...byline.photographers, ...byline.authors])];
}

export function foldNames(byline: Byline, canonicalName: (name: string) => string): Byline {
  const fold = (names: string[]) => [...new Set(names.map(canonicalName))];
  return {
    reporters: fold(byline.reporters),
    correspondents: fold(byline.correspondents),
    photographers: fold(byline.photographers),
    authors: fold(byline.authors),
  };
}
