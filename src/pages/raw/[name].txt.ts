// Each raw issue file of content/issues/, byte for byte, at /raw/<file name> (any script, spaces included).
import type { APIRoute, GetStaticPaths } from "astro";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { settledSignature } from "../../lib/file-stats.ts";
import { cacheKey } from "../../lib/site/page-keys.ts";
import { rawFileStem, rawIssuePath } from "../../lib/site/paths.ts";
import { ISSUES_DIR, listRawIssueFiles } from "../../lib/site/raw-issues.ts";
import { datedPaths } from "../../lib/site/site-part.ts";

export const getStaticPaths = (async () => {
  const files = await listRawIssueFiles(ISSUES_DIR);
  const now = Date.now();
  return Promise.all(
    datedPaths(files, rawIssuePath).map(async (file) => {
      const path = `${ISSUES_DIR}/${file}`;
      // A file known by its size, time and inode is not read to learn that it is unchanged: at
      // 100,000 articles the raw files are 207 MB, read and hashed by every build before.
      const signature = settledSignature(statSync(path), now);
      return {
        // The name as it is (any script, spaces): Astro writes the file under it, and links
        // percent-encode it (rawIssuePath).
        params: { name: rawFileStem(file) },
        props: { file },
        cacheKey: cacheKey(signature ?? createHash("sha256").update(await readFile(path)).digest("base64url")),
      };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(await readFile(`${ISSUES_DIR}/${props.file}`), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
