/** schema.org data for article pages (NewsArticle), and its safe serialisation into HTML. */
import type { ArticleFrontmatter } from "../article.ts";
import { isInstitutionalByline } from "./institutional-byline.ts";
import { SIMPLIFIED } from "./locale.ts";
import { SITE } from "./site-info.ts";

export interface NewsArticleInput {
  data: ArticleFrontmatter;
  /** Absolute URL of the article page. */
  url: string;
  /** Absolute URL of its issue page. */
  issueUrl: string;
  /** Absolute URL of each credited person's page, by name. */
  personUrl: (name: string) => string | undefined;
}

/**
 * Credited names as schema.org agents: a person with the URL of their page; an institutional byline
 * (本报评论员) as an Organization. `affiliation`, when given, is the one printed with the byline.
 */
function agents(names: readonly string[], personUrl: NewsArticleInput["personUrl"], affiliation: string | null = null) {
  return names.map((name) =>
    isInstitutionalByline(name)
      ? { "@type": "Organization", name }
      : { "@type": "Person", name, url: personUrl(name), ...(affiliation ? { affiliation: { "@type": "Organization", name: affiliation } } : {}) },
  );
}

/**
 * NewsArticle with the print facts schema.org has for newspapers: printPage (版次) and printSection
 * (版名); the wire service or paper it comes from (新华社) as sourceOrganization.
 */
export function newsArticleJsonLd({ data, url, issueUrl, personUrl }: NewsArticleInput): Record<string, unknown> {
  // The affiliation is printed with the signed authors' byline; an item without authors prints it with its reporters'.
  const signed = data.authors.length > 0;
  const authors = [
    ...agents(data.reporters, personUrl, signed ? null : data.affiliation),
    ...agents(data.authors, personUrl, data.affiliation),
    ...agents(data.correspondents, personUrl),
  ];
  const photographers = agents(data.photographers, personUrl);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: data.title,
    ...(data.subtitle ? { alternativeHeadline: data.subtitle } : {}),
    datePublished: data.date,
    inLanguage: SIMPLIFIED.lang,
    url,
    mainEntityOfPage: url,
    ...(data.section ? { articleSection: data.section } : {}),
    ...(data.page.no === null ? {} : { printPage: String(data.page.no) }),
    ...(data.page.name === null ? {} : { printSection: data.page.name }),
    ...(data.agency ? { sourceOrganization: { "@type": "Organization", name: data.agency } } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(photographers.length > 0 ? { contributor: photographers } : {}),
    ...(data.location ? { contentLocation: { "@type": "Place", name: data.county ?? data.location } } : {}),
    isPartOf: {
      "@type": "PublicationIssue",
      datePublished: data.date,
      url: issueUrl,
      isPartOf: { "@type": "Periodical", name: SITE.newspaper },
    },
    publisher: { "@type": "Organization", name: SITE.newspaper },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. "<" is written as \u003c so that text
 * such as "</script>" in a headline cannot end the element; U+2028/2029 likewise escaped.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
