/**
 * /data/datapackage.json: a Frictionless Data package (Data Package and Table Schema, v1) that
 * describes every open-data file together, so a researcher's tools (frictionless, pandas with
 * a few lines, R's frictionless) know each file's format, encoding and columns: articles.json and
 * articles.csv (metadata, data-export.ts), the same a year to a file (articles/<year>.json and
 * .csv), and the full text, one JSON Lines file per year (full-text.ts). Paths are relative to the package, which sits beside the files in /data/.
 * Nothing in it depends on the clock, so a rebuild writes the same bytes.
 */
import { ITEM_KINDS } from "../article.ts";
import { CSV_COLUMNS, CSV_LIST_SEPARATOR } from "./data-export.ts";
import { TEXT_FIELD } from "./full-text.ts";
import { SIMPLIFIED } from "./locale.ts";
import { articlesCsvPath, articlesJsonPath, articlesYearPath, dataFolderRelative, fullTextPath, homePath, issuesPath } from "./paths.ts";
import { SITE } from "./site-info.ts";

/** A Table Schema field. */
export interface TableField {
  name: string;
  type: "string" | "integer" | "date" | "object" | "array";
  format?: "uri";
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[]; minimum?: number };
}

export interface DataResource {
  name: string;
  path: string;
  title: string;
  format: "json" | "csv" | "jsonl";
  mediatype: string;
  encoding: "utf-8";
  compression?: "gz";
  dialect?: { delimiter: string; lineTerminator: string; quoteChar: string; doubleQuote: boolean; header: boolean };
  schema: { fields: TableField[]; primaryKey: string };
}

export interface DataPackage {
  profile: "tabular-data-package";
  name: string;
  title: string;
  description: string;
  homepage: string;
  language: string;
  licenses: { name: string; title: string }[];
  sources: { title: string; path: string }[];
  resources: DataResource[];
}

/**
 * The terms the data comes with. The text is the newspaper's; the archive offers it for research
 * and quotation with attribution, which no open licence describes ("other-closed" in the Open
 * Definition's list). An operator with other terms changes this line.
 */
export const DATA_LICENCE = {
  name: "other-closed",
  title: `文字版权归《${SITE.newspaper}》所有，供研究与引用，请注明出处；元数据由${SITE.name}整理`,
} as const;

const nullableText = (name: string, description: string): TableField => ({ name, type: "string", description });

/** Fields every article record has in the JSON forms (articles.json, the full text), in their order. */
function jsonFields(): TableField[] {
  return [
    { name: "id", type: "string", description: "文章标识：<日期>/<拼音>，即文章网址的路径", constraints: { required: true } },
    { name: "url", type: "string", format: "uri", description: "文章页面的网址", constraints: { required: true } },
    { name: "title", type: "string", description: "标题", constraints: { required: true } },
    nullableText("subtitle", "副题（——…），无则为 null"),
    nullableText("kicker", "引题，无则为 null"),
    { name: "kind", type: "string", description: "类别：article 报道、commentary 评论、photo 图片、brief 简讯、notice 公告", constraints: { required: true, enum: ITEM_KINDS } },
    nullableText("section", "栏目，无则为 null"),
    { name: "series", type: "object", description: "系列 {name, no}，无则为 null" },
    { name: "reporters", type: "array", description: "记者" },
    { name: "correspondents", type: "array", description: "通讯员" },
    { name: "photographers", type: "array", description: "摄影" },
    { name: "authors", type: "array", description: "作者（含“本报评论员”等机构署名）" },
    nullableText("affiliation", "作者单位或职务，无则为 null"),
    nullableText("agency", "稿件来源（新华社等），本报稿件为 null"),
    nullableText("location", `所报道的${SITE.places.prefectures}（${SITE.places.province}：${SITE.places.whole}），未知为 null`),
    nullableText("county", `所报道的${SITE.places.counties}，未知为 null`),
    { name: "date", type: "date", description: "出版日期", constraints: { required: true } },
    { name: "issue", type: "string", description: "期号（出版日期）", constraints: { required: true } },
    { name: "page", type: "object", description: "版面 {no: 版次, name: 版名}，未知部分为 null", constraints: { required: true } },
    { name: "order", type: "integer", description: "在版面中的次序，从 1 起", constraints: { required: true, minimum: 1 } },
    { name: "source", type: "string", description: "原始版面文字文件名（/raw/<文件名>）", constraints: { required: true } },
  ];
}

/** The CSV's columns (CSV_COLUMNS), typed: lists joined with "、", series and page split in two. */
function csvFields(): TableField[] {
  const byName = new Map(jsonFields().map((field) => [field.name, field]));
  const list = (name: string): TableField => ({ ...byName.get(name)!, type: "string", description: `${byName.get(name)!.description}，多人以“${CSV_LIST_SEPARATOR}”分隔` });
  const extra: Record<string, TableField> = {
    series: { name: "series", type: "string", description: "系列名称" },
    series_no: { name: "series_no", type: "integer", description: "系列序号" },
    page_no: { name: "page_no", type: "integer", description: "版次" },
    page_name: { name: "page_name", type: "string", description: "版名" },
  };
  return CSV_COLUMNS.map((column) => {
    if (["reporters", "correspondents", "photographers", "authors"].includes(column)) return list(column);
    return extra[column] ?? byName.get(column)!;
  });
}

export interface DataPackageOptions {
  /** The site's origin, e.g. "https://archive.example.org". */
  origin: string;
  /** Years with articles (fullTextYears), oldest first: each has its metadata files and its full-text file. */
  years: readonly string[];
}

/** The metadata as a JSON array: the whole archive's, or a year's. */
function articlesJsonResource(name: string, path: string, title: string, fields: TableField[]): DataResource {
  return { name, path, title, format: "json", mediatype: "application/json", encoding: "utf-8", schema: { fields, primaryKey: "id" } };
}

/** The metadata as CSV: the whole archive's, or a year's. */
function articlesCsvResource(name: string, path: string, title: string): DataResource {
  return {
    name,
    path,
    title,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: csvFields(), primaryKey: "id" },
  };
}

/** The package: the two whole metadata files, each year's two, then one full-text file per year, oldest first. */
export function dataPackage({ origin, years }: DataPackageOptions): DataPackage {
  const json = jsonFields();
  return {
    profile: "tabular-data-package",
    name: "news-archive",
    title: `${SITE.name}：《${SITE.newspaper}》文章数据`,
    description: `${SITE.description} 每篇文章的元数据（JSON、CSV，全部一个文件，也按年各一个文件）与全文（每年一个 JSON Lines 文件，gzip 压缩）。`,
    homepage: new URL(homePath(), origin).href,
    language: SIMPLIFIED.lang,
    licenses: [{ ...DATA_LICENCE }],
    sources: [{ title: `《${SITE.newspaper}》版面 OCR 文字`, path: new URL(issuesPath(), origin).href }],
    resources: [
      articlesJsonResource("articles-json", dataFolderRelative(articlesJsonPath()), "全部文章元数据（JSON 数组）", json),
      articlesCsvResource("articles-csv", dataFolderRelative(articlesCsvPath()), "全部文章元数据（CSV，以 UTF-8 BOM 开头）"),
      ...years.flatMap((year) => [
        articlesJsonResource(`articles-${year}-json`, dataFolderRelative(articlesYearPath(year, "json")), `${year} 年文章元数据（JSON 数组）`, json),
        articlesCsvResource(`articles-${year}-csv`, dataFolderRelative(articlesYearPath(year, "csv")), `${year} 年文章元数据（CSV，以 UTF-8 BOM 开头）`),
      ]),
      ...years.map(
        (year): DataResource => ({
          name: `text-${year}`,
          path: dataFolderRelative(fullTextPath(year)),
          title: `${year} 年全部文章的元数据与全文（JSON Lines，gzip）`,
          format: "jsonl",
          mediatype: "application/x-ndjson",
          encoding: "utf-8",
          compression: "gz",
          schema: {
            fields: [...json, { name: TEXT_FIELD, type: "string", description: "正文纯文本：段落之间空一行，诗行之间换行", constraints: { required: true } }],
            primaryKey: "id",
          },
        }),
      ),
    ],
  };
}
