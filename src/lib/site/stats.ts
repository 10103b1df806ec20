/** Counts for /stats/ and person pages that the chart helpers (charts.ts) do not cover. */
import { ITEM_KINDS, type ItemKind } from "../article.ts";
import { ROLES, type ArchiveEntry, type Person, type Role } from "./archive.ts";

/** The kinds statistics count: every kind but notices (公告, 启事, 广告), which are not reporting. */
export const COUNTED_KINDS: readonly ItemKind[] = ITEM_KINDS.filter((kind) => kind !== "notice");

export function articlesPerKind(articles: readonly ArchiveEntry[]): Record<ItemKind, number> {
  const counts = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, 0])) as Record<ItemKind, number>;
  for (const { data } of articles) counts[data.kind]++;
  return counts;
}

export interface TimelineRow {
  year: number;
  counts: Record<Role, number>;
  total: number;
}

/** A person's credited items per year and role, newest year first. */
export function personTimeline<E extends ArchiveEntry>(person: Person<E>): TimelineRow[] {
  const rows = new Map<number, TimelineRow>();
  for (const { article, roles } of person.credits) {
    const year = Number(article.data.date.slice(0, 4));
    let row = rows.get(year);
    if (!row) {
      row = { year, counts: { reporter: 0, correspondent: 0, photographer: 0, author: 0 }, total: 0 };
      rows.set(year, row);
    }
    for (const role of roles) row.counts[role]++;
    row.total++;
  }
  return [...rows.values()].sort((a, b) => b.year - a.year);
}

/** The roles a person has been credited in, in byline order. */
export function rolesOf(person: Pick<Person<unknown>, "counts">): Role[] {
  return ROLES.filter((role) => person.counts[role] > 0);
}
