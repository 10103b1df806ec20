/**
 * The one bridge between the content collection and the site: reads `articles` once per build
 * and hands it to buildArchive. This is the only module under src/lib that imports `astro:*`;
 * it holds no logic of its own, so everything it returns is tested through archive.ts.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { buildArchive, type Archive } from "./archive.ts";

export type ArticleEntry = CollectionEntry<"articles">;
export type SiteArchive = Archive<ArticleEntry>;

let built: Promise<SiteArchive> | undefined;

/**
 * The archive of every article. Memoised for the build (all pages share one module instance);
 * rebuilt on each request in dev, where the ingest may rewrite articles at any time.
 */
export async function getArchive(): Promise<SiteArchive> {
  if (import.meta.env.DEV) return buildArchive(await getCollection("articles"));
  built ??= getCollection("articles").then(buildArchive);
  return built;
}
