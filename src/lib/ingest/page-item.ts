/** The items a page is made of, as the assembler and its repair passes see them. */
import type { ItemKind } from "../article.ts";
import type { Byline } from "./byline.ts";
import type { ColumnLabel } from "./classify.ts";

export type WarningCode =
  | "guessed-headline"
  | "headline-mid-body"
  | "subhead-mid-sentence"
  | "missing-byline"
  | "byline-in-text"
  | "joined-fragments"
  | "moved-paragraph"
  | "moved-continuation"
  | "orphan-fragment"
  | "ends-mid-sentence"
  | "unrecognised-label"
  | "photo-without-caption"
  | "unknown-location"
  | "headline-after-lead"
  | "unmatched-jump";

export interface ItemWarning {
  code: WarningCode;
  message: string;
  /** 1-based line in the issue file the warning is about. */
  line: number | null;
}

export interface Paragraph {
  text: string;
  /** Source lines this paragraph was made from, in order. */
  lines: number[];
  /** A subhead inside the article. */
  heading: boolean;
  /** A line of a poem: kept as its own line, never joined to the next. */
  verse?: boolean;
}

export interface PageItem {
  kind: ItemKind;
  title: string | null;
  titleLine: number | null;
  /** How the title was found: printed as a headline, found mid-body, or made from the text. */
  titleOrigin: "printed" | "mid-body" | "from-text";
  subtitle: string | null;
  /** The kicker (引题) printed above the headline. */
  kicker: string | null;
  label: ColumnLabel | null;
  byline: Byline;
  /** The dateline that opened the story (本报呼和浩特3月5日讯 …): its text and place. */
  dateline: { text: string; place: string | null } | null;
  /** The page the item continues on (下转第3版), or null. */
  continuesTo: number | null;
  /** The page the item continues from (上接第1版), or null. */
  continuedFrom: number | null;
  /** Byline, credit and label lines as printed, for the coverage account. */
  metaLines: { line: number; text: string }[];
  paragraphs: Paragraph[];
  startLine: number;
  warnings: ItemWarning[];
}
