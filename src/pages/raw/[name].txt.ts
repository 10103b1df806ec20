// Each raw issue file of content/issues/, byte for byte, at /raw/<file name>.
import type { APIRoute, GetStaticPaths } from "astro";
import { readFile } from "node:fs/promises";
import { ISSUES_DIR, listRawIssueFiles } from "../../lib/site/raw-issues.ts";

export const getStaticPaths = (async () => {
  const files = await listRawIssueFiles(ISSUES_DIR);
  return files.map((file) => ({ params: { name: file.replace(/\.txt$/, "") }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(await readFile(`${ISSUES_DIR}/${props.file}`), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
