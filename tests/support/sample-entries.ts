// Hand-made articles for unit tests of the site code: complete frontmatter with plain defaults,
// so a test spells out only the fields it is about.
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import type { ArchiveEntry } from "../../src/lib/site/archive.ts";

/**
 * Frontmatter of an article from the issue of `date`: no title, subtitle, section, series,
 * people or place, kind "article", first on its page, source `<date>.txt`; `fields` replace any
 * of these.
 */
export function sampleFrontmatter(date: string, fields: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter {
  return {
    title: "",
    subtitle: null,
    kicker: null,
    kind: "article",
    section: null,
    series: null,
    reporters: [],
    correspondents: [],
    photographers: [],
    authors: [],
    affiliation: null,
    agency: null,
    location: null,
    county: null,
    date,
    issue: date,
    page: { no: null, name: null },
    order: 1,
    source: `${date}.txt`,
    ...fields,
  };
}

/** An archive entry with id `id` ("2022-11-08/slug"), dated by the id: `sampleFrontmatter` for the rest. */
export function sampleEntry(id: string, fields: Partial<ArticleFrontmatter> = {}): ArchiveEntry {
  return { id, data: sampleFrontmatter(id.slice(0, 10), fields) };
}
