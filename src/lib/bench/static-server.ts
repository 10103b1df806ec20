/**
 * A static host on 127.0.0.1 for a built site, for the benchmark's browser measurement and the
 * browser tests. It behaves as a plain host does: `/dir/` serves dir/index.html, `/dir` redirects
 * to `/dir/`, a missing file gets 404.html with status 404, and nothing outside the folder (`..`,
 * symlinks leading out) is served. A site built for a base path is served under it.
 *
 * With `gzip`, text (HTML, CSS, JavaScript, JSON, XML, SVG…) goes gzipped at level 9 to a client
 * that accepts gzip, as a host compresses it, so the benchmark counts the bytes a reader would
 * download; every other file goes as stored, so Pagefind's own gzip payloads (.pf_*, .pagefind)
 * reach the browser byte for byte.
 */
import { createReadStream, type Stats } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";

export interface StaticServer {
  /** Origin without a trailing slash, e.g. "http://127.0.0.1:43123". */
  url: string;
  /** The site's address: the origin and the base path, ending in "/". */
  siteUrl: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * The path the folder is served under, as a host serves a project site: "/archive/" serves
   * root/x at /archive/x; every other path is a plain 404. Default "/".
   */
  base?: string;
  /** Gzip text for clients that accept it, as a host does. Default: files go as stored. */
  gzip?: boolean;
}

const TEXT = "; charset=utf-8";
const TYPES: Record<string, [type: string, compress: boolean]> = {
  ".html": [`text/html${TEXT}`, true],
  ".htm": [`text/html${TEXT}`, true],
  ".css": [`text/css${TEXT}`, true],
  ".js": [`text/javascript${TEXT}`, true],
  ".mjs": [`text/javascript${TEXT}`, true],
  ".json": [`application/json${TEXT}`, true],
  ".map": [`application/json${TEXT}`, true],
  ".webmanifest": [`application/manifest+json${TEXT}`, true],
  ".xml": [`application/xml${TEXT}`, true],
  ".xsl": [`application/xml${TEXT}`, true],
  ".svg": [`image/svg+xml${TEXT}`, true],
  ".txt": [`text/plain${TEXT}`, true],
  ".md": [`text/markdown${TEXT}`, true],
  ".csv": [`text/csv${TEXT}`, true],
  ".png": ["image/png", false],
  ".jpg": ["image/jpeg", false],
  ".jpeg": ["image/jpeg", false],
  ".gif": ["image/gif", false],
  ".webp": ["image/webp", false],
  ".avif": ["image/avif", false],
  ".ico": ["image/x-icon", false],
  ".woff": ["font/woff", false],
  ".woff2": ["font/woff2", false],
  ".pdf": ["application/pdf", false],
  ".wasm": ["application/wasm", false],
};

/** The content type of a file, and whether a host would gzip it (Pagefind's files are gzip already). */
export function fileType(file: string): { type: string; compress: boolean } {
  const [type, compress] = TYPES[path.extname(file).toLowerCase()] ?? ["application/octet-stream", false];
  return { type, compress };
}

function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text + "\n", "utf8");
  res.writeHead(status, { "Content-Type": `text/plain${TEXT}`, "Content-Length": body.length, "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = options.base ?? "/";
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`startStaticServer: base ${base} must start and end with "/"`);
  const rootDir = await realpath(path.resolve(root));
  if (!(await stat(rootDir)).isDirectory()) throw new Error(`startStaticServer: ${root} is not a directory`);
  const gzipped = new Map<string, Buffer>();

  /** Resolves a file under rootDir, refusing anything (symlinks too) that leaves it. */
  async function resolveFile(relative: string): Promise<{ file: string; stats: Stats } | null> {
    const candidate = path.resolve(rootDir, "." + relative);
    if (!isInside(rootDir, candidate)) return null;
    const stats = await stat(candidate).catch(() => null);
    if (!stats) return null;
    const real = await realpath(candidate);
    if (!isInside(rootDir, real)) return null;
    return { file: real, stats };
  }

  async function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, stats: Stats): Promise<void> {
    const { type, compress } = fileType(file);
    const headers: Record<string, string | number> = {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    };
    if (options.gzip && compress && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let packed = gzipped.get(file);
      if (!packed) {
        packed = gzipSync(await readFile(file), { level: 9 });
        gzipped.set(file, packed);
      }
      res.writeHead(status, { ...headers, "Content-Encoding": "gzip", Vary: "Accept-Encoding", "Content-Length": packed.length });
      res.end(req.method === "HEAD" ? undefined : packed);
      return;
    }
    res.writeHead(status, { ...headers, "Content-Length": stats.size });
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
    if (!pathname.startsWith("/") || pathname.includes("\0") || pathname.includes("\\") || pathname.split("/").includes("..")) {
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
      if (!res.headersSent) sendText(req, res, 500, `500 Internal Server Error: ${String(error)}`);
      else res.destroy(error instanceof Error ? error : undefined);
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
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    siteUrl: origin + base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; drop them so close() settles promptly.
        server.closeAllConnections();
      }),
  };
}
