// Every article's metadata as CSV (src/lib/site/data-export.ts), for the dev server only: a build
// writes /data/articles.csv by joining the years' files (src/integrations/whole-exports.ts), and
// renders those only for the years that changed.
import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive } from "../../lib/site/collection.ts";
import { articlesToCsv } from "../../lib/site/data-export.ts";

export const getStaticPaths = (() => (import.meta.env.DEV ? [{ params: { whole: "articles" } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) =>
  new Response(articlesToCsv((await getArchive()).articles, { origin: site!.origin }), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
