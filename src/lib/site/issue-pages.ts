/**
 * An issue as an e-paper shows it: its pages in order, each with an anchor for the page list at
 * the top, a heading (第5版 党建), its items by column, the people who made it (责任编辑 …) and, on
 * the front page, the teasers (导读) pointing to stories inside. The items come from the archive;
 * staff and teasers from the parse report, which holds them per page file.
 */
import type { IssuePage } from "./archive.ts";
import { formatPrintedPage } from "./format.ts";
import { articlePath } from "./paths.ts";

/** What the parse report says about one page file beyond its items. */
export interface PageFurniture {
  staff: { role: string; names: string[] }[];
  teasers: { text: string; page: number | null; line: number; article: string | null }[];
}

/** A teaser as the issue page links it. */
export interface TeaserLink {
  text: string;
  /** "第3版" when the teaser names a page its text does not already spell out, else null. */
  pageLabel: string | null;
  /** The announced article, else the anchor of the page it points to, else null (not in this archive). */
  href: string | null;
}

/** Fragment id of a numbered page on its issue page: "page-5"; articles and teasers link to it. */
export function pageAnchor(no: number): string {
  return `page-${no}`;
}

export interface IssuePageView<E> {
  page: IssuePage<E>;
  /** Fragment id of the page's section on the issue page: "page-5", or "page-x1" for an unnumbered page. */
  anchor: string;
  /** "第5版 党建"; for a page that prints neither, "未标版次的版面" (numbered when there are several). */
  label: string;
  /** Whether the label is printed on the page rather than made up by the site. */
  printed: boolean;
  staff: PageFurniture["staff"];
  teasers: TeaserLink[];
}

/**
 * The issue's pages ready to show. `furniture` maps a page file to its staff and teasers (from
 * the parse report; an absent file shows none); `hasArticle` says whether an id is an article
 * of the archive, so that a teaser never links to a page the build does not make.
 */
export function issuePageViews<E>(
  pages: readonly IssuePage<E>[],
  furniture: ReadonlyMap<string, PageFurniture>,
  hasArticle: (id: string) => boolean,
): IssuePageView<E>[] {
  const unnumbered = pages.filter((page) => page.no === null);
  const unlabelled = pages.filter((page) => formatPrintedPage(page) === null);
  const numbered = new Set(pages.flatMap((page) => (page.no === null ? [] : [page.no])));
  return pages.map((page) => {
    const printedLabel = formatPrintedPage(page);
    const anchor = page.no === null ? `page-x${unnumbered.indexOf(page) + 1}` : pageAnchor(page.no);
    const label = printedLabel ?? (unlabelled.length > 1 ? `未标版次的版面 ${unlabelled.indexOf(page) + 1}` : "未标版次的版面");
    const ownFurniture = page.sources.flatMap((source) => furniture.get(source) ?? []);
    const teasers = ownFurniture.flatMap((f) => f.teasers).map((teaser): TeaserLink => {
      const pageLabel = teaser.page === null || teaser.text.includes(`第${teaser.page}版`) ? null : `第${teaser.page}版`;
      const href =
        teaser.article !== null && hasArticle(teaser.article)
          ? articlePath(teaser.article)
          : teaser.page !== null && numbered.has(teaser.page)
            ? `#${pageAnchor(teaser.page)}`
            : null;
      return { text: teaser.text, pageLabel, href };
    });
    return { page, anchor, label, printed: printedLabel !== null, staff: mergeStaff(ownFurniture.map((f) => f.staff)), teasers };
  });
}

/** Staff of a page printed in two files: each role once, its names in order of first mention. */
function mergeStaff(lists: readonly PageFurniture["staff"][]): PageFurniture["staff"] {
  const byRole = new Map<string, string[]>();
  for (const { role, names } of lists.flat()) {
    const merged = byRole.get(role) ?? [];
    for (const name of names) if (!merged.includes(name)) merged.push(name);
    byRole.set(role, merged);
  }
  return [...byRole].map(([role, names]) => ({ role, names }));
}

/** "责任编辑：李四" and the next role after an ideographic space, as a page footer prints them. */
export function formatStaff(staff: PageFurniture["staff"]): string {
  return staff.map(({ role, names }) => `${role}：${names.join("、")}`).join("　");
}
