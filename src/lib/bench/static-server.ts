/**
 * A static host for the benchmark's browser measurement: serves a built dist on 127.0.0.1 under
 * the site's base path, as a plain host does (`/dir/` → dir/index.html, `/dir` → 301 to `/dir/`,
 * 404 otherwise). Text (HTML, CSS, JavaScript, JSON, XML, SVG) goes gzipped at level 9 to a
 * client that accepts gzip, as a host compresses it; every other file goes as stored, so
 * Pagefind's own gzip payloads (.pf_*, .pagefind) reach the browser byte for byte.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface BenchServer {
  /** The site's address: origin and base path, ending in "/" (e.g. "http://127.0.0.1:43123/"). */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, [type: string, compress: boolean]> = {
  ".html": ["text/html; charset=utf-8", true],
  ".css": ["text/css; charset=utf-8", true],
  ".js": ["text/javascript; charset=utf-8", true],
  ".mjs": ["text/javascript; charset=utf-8", true],
  ".json": ["application/json; charset=utf-8", true],
  ".webmanifest": ["application/manifest+json; charset=utf-8", true],
  ".xml": ["application/xml; charset=utf-8", true],
  ".svg": ["image/svg+xml; charset=utf-8", true],
  ".txt": ["text/plain; charset=utf-8", true],
  ".png": ["image/png", false],
  ".jpg": ["image/jpeg", false],
  ".webp": ["image/webp", false],
  ".ico": ["image/x-icon", false],
  ".woff2": ["font/woff2", false],
  ".wasm": ["application/wasm", false],
};

/** The content type of a file, and whether a host would gzip it. */
export function fileType(file: string): { type: string; compress: boolean } {
  const [type, compress] = TYPES[path.extname(file).toLowerCase()] ?? ["application/octet-stream", false];
  return { type, compress };
}

/**
 * The file a request path names under the base path, as a path relative to the served folder
 * ("" for the folder itself), or null when it is outside the base or not a plain path.
 */
export function requestedPath(url: string, base: string): string | null {
  const raw = url.replace(/[?#].*$/s, "");
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const prefix = base.endsWith("/") ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  if (rest.includes("\0") || rest.includes("\\") || rest.split("/").some((part) => part === "..")) return null;
  return rest;
}

export async function serveDist(root: string, base = "/"): Promise<BenchServer> {
  const rootDir = await realpath(root);
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const gzipped = new Map<string, Buffer>();

  const inside = (p: string) => p === rootDir || p.startsWith(rootDir + path.sep);

  async function send(req: IncomingMessage, res: ServerResponse, status: number, file: string): Promise<void> {
    const { type, compress } = fileType(file);
    let body: Buffer = await readFile(file);
    const headers: Record<string, string | number> = { "Content-Type": type, "Cache-Control": "no-store" };
    if (compress && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let packed = gzipped.get(file);
      if (!packed) {
        packed = gzipSync(body, { level: 9 });
        gzipped.set(file, packed);
      }
      body = packed;
      headers["Content-Encoding"] = "gzip";
      headers.Vary = "Accept-Encoding";
    }
    headers["Content-Length"] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = path.join(rootDir, "404.html");
    if (await stat(page).then((s) => s.isFile(), () => false)) return send(req, res, 404, page);
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("404 Not Found\n");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const url = req.url ?? "/";
    const relative = requestedPath(url, prefix);
    if (relative === null) return notFound(req, res);
    const candidate = path.resolve(rootDir, relative);
    const found = inside(candidate) ? await stat(candidate).catch(() => null) : null;
    if (!found) return notFound(req, res);
    const real = await realpath(candidate);
    if (!inside(real)) return notFound(req, res);
    if (found.isDirectory()) {
      const pathOnly = url.replace(/[?#].*$/s, "");
      if (!pathOnly.endsWith("/")) {
        res.writeHead(301, { Location: `/${pathOnly.replace(/^\/+/, "")}/`, "Content-Length": 0 });
        res.end();
        return;
      }
      const index = path.join(real, "index.html");
      if (!(await stat(index).then((s) => s.isFile(), () => false))) return notFound(req, res);
      return send(req, res, 200, index);
    }
    if (!found.isFile()) return notFound(req, res);
    return send(req, res, 200, real);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`500 ${String(error)}\n`);
    });
  });
  await new Promise<void>((done, failed) => {
    server.once("error", failed);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", failed);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((done, failed) => {
        server.close((error) => (error ? failed(error) : done()));
        server.closeAllConnections();
      }),
  };
}
