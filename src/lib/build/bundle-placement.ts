/**
 * Where the search index's bundles are built, which sizes them (src/lib/search/index-shards.ts):
 *
 * - "beside-site": by `npm run build` on one machine, each bundle indexed while Astro builds the
 *   site beside it, so a bundle holds what Pagefind can index in the memory Astro leaves;
 * - "apart": each bundle by a job of its own on a CI matrix (docs/scale.md), with the machine's
 *   memory to itself, so bundles are larger and fewer, and a query loads fewer index chunks.
 *
 * Set by $ARCHIVE_INDEX_BUNDLES; every job of one build must see the same value, since the search
 * page (rendered with the site) and the index plan the bundles alike.
 */
export type BundlePlacement = "beside-site" | "apart";

export const BUNDLE_PLACEMENTS: readonly BundlePlacement[] = ["beside-site", "apart"];

/** The placement a variable names, or null when it names none; "" or undefined is the default. */
export function parseBundlePlacement(text: string | undefined): BundlePlacement | null {
  if (text === undefined || text === "") return "beside-site";
  return (BUNDLE_PLACEMENTS as readonly string[]).includes(text) ? (text as BundlePlacement) : null;
}
