/** Who the site is: names shown in the header, feeds, citations and structured data. */
export const SITE = {
  /** The archive's own name. */
  name: "报纸档案",
  /** The newspaper whose pages are archived. */
  newspaper: "内蒙古日报",
  /** One line on what the archive holds. */
  description: "《内蒙古日报》党建版版面文字的检索与引用档案：按期号、记者、地区与栏目浏览。",
} as const;

/** Items per page in every paginated list. */
export const PAGE_SIZE = 50;
