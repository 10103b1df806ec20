import type { APIRoute } from "astro";
import { sitemapIndexPath } from "../lib/site/paths.ts";

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitemapIndexPath(), site).href}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
