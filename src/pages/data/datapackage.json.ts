// The Frictionless Data package describing every file in /data/ (src/lib/site/data-package.ts).
import type { APIRoute } from "astro";
import { getArchive } from "../../lib/site/collection.ts";
import { dataPackage } from "../../lib/site/data-package.ts";
import { fullTextYears } from "../../lib/site/full-text.ts";

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const json = dataPackage({ origin: site!.origin, years: fullTextYears(archive.articles) });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
