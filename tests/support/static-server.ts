// Minimal static file server over a directory (normally the production build
// in dist/), for browser tests. Behaves like a plain static host:
//   /dir/       -> dir/index.html
//   /dir        -> 301 to /dir/ when dir is a directory
//   missing     -> 404.html (from the root) with status 404
// Files are sent as stored (no Content-Encoding), so Pagefind's pre-gzipped
// .pf_* files reach the browser byte-for-byte.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export interface StaticServer {
  /** Origin without a trailing slash, e.g. "http://127.0.0.1:43123". */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  // Pagefind index files (gzip payloads that Pagefind decompresses itself).
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text + "\n", "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

export interface StaticServerOptions {
  /**
   * The path the folder is served under, as a host serves a project site: "/archive/" serves
   * root/x at /archive/x; every other path is a plain 404. Default "/".
   */
  base?: string;
}

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = options.base ?? "/";
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`startStaticServer: base ${base} must start and end with "/"`);
  const rootDir = await realpath(path.resolve(root));
  if (!(await stat(rootDir)).isDirectory()) {
    throw new Error(`startStaticServer: ${root} is not a directory`);
  }

  /** Resolves a file under rootDir, refusing anything (incl. symlinks) that leaves it. */
  async function resolveFile(relative: string): Promise<{ file: string; stats: Stats } | null> {
    const candidate = path.resolve(rootDir, "." + relative);
    if (!isInside(rootDir, candidate)) return null;
    const stats = await statOrNull(candidate);
    if (!stats) return null;
    const real = await realpath(candidate);
    if (!isInside(rootDir, real)) return null;
    return { file: real, stats };
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    file: string,
    stats: Stats,
  ): Promise<void> {
    res.writeHead(status, {
      "Content-Type": contentTypeFor(file),
      "Content-Length": stats.size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  async function sendNotFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await resolveFile("/404.html");
    if (page?.stats.isFile()) return sendFile(req, res, 404, page.file, page.stats);
    sendText(req, res, 404, "404 Not Found");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return sendText(req, res, 405, "405 Method Not Allowed");
    }

    const rawUrl = req.url ?? "/";
    const queryStart = rawUrl.search(/[?#]/);
    const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = queryStart === -1 ? "" : rawUrl.slice(queryStart).replace(/#.*$/, "");

    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return sendText(req, res, 400, "400 Bad Request (malformed URL encoding)");
    }
    if (
      !pathname.startsWith("/") ||
      pathname.includes("\0") ||
      pathname.includes("\\") ||
      pathname.split("/").includes("..")
    ) {
      return sendText(req, res, 400, "400 Bad Request");
    }

    if (base !== "/") {
      if (`${pathname}/` === base) {
        res.writeHead(301, { Location: base + query, "Content-Length": 0 });
        res.end();
        return;
      }
      if (!pathname.startsWith(base)) return sendText(req, res, 404, "404 Not Found (outside the site's base path)");
      pathname = pathname.slice(base.length - 1);
    }

    const target = await resolveFile(pathname);
    if (!target) return sendNotFound(req, res);

    if (target.stats.isDirectory()) {
      if (!pathname.endsWith("/")) {
        // Collapse leading slashes so "//host" can never become an off-site redirect.
        const location = "/" + rawPath.replace(/^\/+/, "") + "/" + query;
        res.writeHead(301, { Location: location, "Content-Length": 0 });
        res.end();
        return;
      }
      const index = await resolveFile(path.posix.join(pathname, "index.html"));
      if (!index?.stats.isFile()) return sendNotFound(req, res);
      return sendFile(req, res, 200, index.file, index.stats);
    }
    if (!target.stats.isFile()) return sendNotFound(req, res);
    return sendFile(req, res, 200, target.file, target.stats);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendText(req, res, 500, `500 Internal Server Error: ${String(error)}`);
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; drop them so close() settles promptly.
        server.closeAllConnections();
      }),
  };
}
