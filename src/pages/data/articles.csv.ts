// Every article's metadata as CSV with a BOM, for spreadsheets (src/lib/site/data-export.ts).
import type { APIRoute } from "astro";
import { getArchive } from "../../lib/site/collection.ts";
import { articlesToCsv } from "../../lib/site/data-export.ts";

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return new Response(articlesToCsv(archive.articles, { origin: site!.origin }), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
