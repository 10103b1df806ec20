/**
 * What an article page or list item links to, resolved against the archive's indexes:
 * its issue, column, region and county, and each credited person.
 */
import type { ArticleFrontmatter } from "../article.ts";
import { ROLES, ROLE_FIELD, type Archive, type ArchiveEntry, type Role } from "./archive.ts";
import { ROLE_LABEL } from "./format.ts";
import { countyPath, issuePath, personPath, regionPath, sectionPath } from "./paths.ts";

export interface Link {
  label: string;
  href: string;
}

export interface BylineGroup {
  role: Role;
  label: string;
  people: Link[];
}

export interface ArticleLinks {
  issue: Link;
  section: Link | null;
  region: Link | null;
  county: Link | null;
  byline: BylineGroup[];
}

type Lookups = Pick<Archive<ArchiveEntry>, "personSlug" | "regionSlug" | "countySlug" | "sectionSlug">;

function link(label: string, slug: string | undefined, toPath: (slug: string) => string): Link | null {
  return slug === undefined ? null : { label, href: toPath(slug) };
}

export function articleLinks(archive: Lookups, data: ArticleFrontmatter): ArticleLinks {
  const regionSlug = data.location ? archive.regionSlug(data.location) : undefined;
  return {
    issue: { label: data.issue, href: issuePath(data.issue) },
    section: data.section ? link(data.section, archive.sectionSlug(data.section), sectionPath) : null,
    region: data.location ? link(data.location, regionSlug, regionPath) : null,
    county:
      data.location && data.county && regionSlug
        ? link(data.county, archive.countySlug(data.location, data.county), (slug) => countyPath(regionSlug, slug))
        : null,
    byline: ROLES.flatMap((role) => {
      const names = data[ROLE_FIELD[role]];
      if (names.length === 0) return [];
      const people = names.map((name) => {
        const slug = archive.personSlug(name);
        return { label: name, href: slug === undefined ? "" : personPath(slug) };
      });
      return [{ role, label: ROLE_LABEL[role], people }];
    }),
  };
}
