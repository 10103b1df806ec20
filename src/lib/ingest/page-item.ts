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
  | "unknown-location";

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
}

export interface PageItem {
  kind: ItemKind;
  title: string | null;
  titleLine: number | null;
  /** How the title was found: printed as a headline, found mid-body, or made from the text. */
  titleOrigin: "printed" | "mid-body" | "from-text";
  subtitle: string | null;
  label: ColumnLabel | null;
  byline: Byline;
  /** Byline, credit and label lines as printed, for the coverage account. */
  metaLines: { line: number; text: string }[];
  paragraphs: Paragraph[];
  startLine: number;
  warnings: ItemWarning[];
}
