// Every article's metadata as JSON (src/lib/site/data-export.ts).
import type { APIRoute } from "astro";
import { getArchive } from "../../lib/site/collection.ts";
import { articlesToJson } from "../../lib/site/data-export.ts";

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return new Response(articlesToJson(archive.articles, { origin: site!.origin }), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
