/** schema.org data for article pages (NewsArticle), and its safe serialisation into HTML. */
import type { ArticleFrontmatter } from "../article.ts";
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

function people(names: readonly string[], personUrl: NewsArticleInput["personUrl"]) {
  return names.map((name) => ({ "@type": "Person", name, url: personUrl(name) }));
}

export function newsArticleJsonLd({ data, url, issueUrl, personUrl }: NewsArticleInput): Record<string, unknown> {
  const authors = people([...data.reporters, ...data.authors, ...data.correspondents], personUrl);
  const photographers = people(data.photographers, personUrl);
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
