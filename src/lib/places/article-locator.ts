/**
 * The place reader the ingest uses: the gazetteer's article locator plus the two
 * questions the continuation repair asks of a stretch of text. The ingest is handed one
 * (the interfaces live here, so the arrows run from the ingest to the places only).
 */
import { findPlaceMentions, locateArticle, REGION_WIDE } from "./locate.ts";

/** What the ingest's continuation repair asks of a stretch of text. */
export interface PlaceReader {
  /** The location of a text about the province as a whole (内蒙古). */
  readonly regionWide: string;
  /** The league a text is mainly about (regionWide when region-wide), or null. */
  mainLeague(text: string): string | null;
  /** Every league the text names, directly or through one of its counties. */
  leaguesNamed(text: string): Set<string>;
}

export interface ArticleLocator extends PlaceReader {
  /** `dateline`: the place a dateline prints (本报呼和浩特3月5日讯 → 呼和浩特), or null. */
  locate(input: { title: string; lead: string; body: string; dateline?: string | null }): { location: string | null; county: string | null };
}

export const articleLocator: ArticleLocator = {
  regionWide: REGION_WIDE,
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
