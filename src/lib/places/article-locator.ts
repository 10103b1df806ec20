/**
 * The place reader the ingest uses: the gazetteer's article locator plus the two
 * questions the continuation repair asks of a stretch of text.
 */
import type { ArticleLocator } from "../ingest/parse-page.ts";
import { findPlaceMentions, locateArticle } from "./locate.ts";

export const articleLocator: ArticleLocator = {
  locate(input) {
    const { location, county } = locateArticle({
      title: input.title,
      lead: input.lead,
      body: input.body,
      dateline: input.dateline ?? null,
    });
    return { location, county };
  },
  mainLeague(text) {
    return locateArticle({ title: "", lead: "", body: text }).location;
  },
  leaguesNamed(text) {
    return new Set(findPlaceMentions(text).map((mention) => mention.league.name));
  },
};
