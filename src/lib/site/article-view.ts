/**
 * What an article page or list item links to, resolved against the archive's indexes:
 * its issue and page, column, league and county, and each credited person.
 */
import type { ArticleFrontmatter } from "../article.ts";
import { ROLES, ROLE_FIELD, type Archive, type ArchiveEntry, type Role } from "./archive.ts";
import { ROLE_LABEL, formatPrintedPage } from "./format.ts";
import { pageAnchor } from "./issue-pages.ts";
import { countyPath, issuePath, personPath, leaguePath, sectionPath } from "./paths.ts";

export interface Link {
  label: string;
  href: string;
}

/** A name in the byline: linked to the person's page, or plain text (本报评论员, a name without a page). */
export interface BylineName {
  label: string;
  href: string | null;
}

export interface BylineGroup {
  role: Role;
  label: string;
  people: BylineName[];
}

export interface ArticleLinks {
  issue: Link;
  /** The printed page (第5版 党建) on the issue page; null when the item does not say. */
  page: Link | null;
  section: Link | null;
  league: Link | null;
  county: Link | null;
  byline: BylineGroup[];
}

type Lookups = Pick<Archive<ArchiveEntry>, "personSlug" | "leagueSlug" | "countySlug" | "sectionSlug">;

function link(label: string, slug: string | undefined, toPath: (slug: string) => string): Link | null {
  return slug === undefined ? null : { label, href: toPath(slug) };
}

export function articleLinks(archive: Lookups, data: ArticleFrontmatter): ArticleLinks {
  const leagueSlug = data.location ? archive.leagueSlug(data.location) : undefined;
  const pageLabel = formatPrintedPage(data.page);
  return {
    issue: { label: data.issue, href: issuePath(data.issue) },
    page:
      pageLabel === null
        ? null
        : { label: pageLabel, href: data.page.no === null ? issuePath(data.issue) : `${issuePath(data.issue)}#${pageAnchor(data.page.no)}` },
    section: data.section ? link(data.section, archive.sectionSlug(data.section), sectionPath) : null,
    league: data.location ? link(data.location, leagueSlug, leaguePath) : null,
    county:
      data.location && data.county && leagueSlug
        ? link(data.county, archive.countySlug(data.location, data.county), (slug) => countyPath(leagueSlug, slug))
        : null,
    byline: ROLES.flatMap((role) => {
      const names = data[ROLE_FIELD[role]];
      if (names.length === 0) return [];
      const people = names.map((name) => {
        const slug = archive.personSlug(name);
        return { label: name, href: slug === undefined ? null : personPath(slug) };
      });
      return [{ role, label: ROLE_LABEL[role], people }];
    }),
  };
}
