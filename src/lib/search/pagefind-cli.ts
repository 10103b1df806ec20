/**
 * A bundle written by Pagefind's command line over the documents staged as a folder of pages,
 * rather than by its Node API (a service process fed one document a message). The same
 * documents give the same bundle either way, byte for byte, when the command line reads them in
 * the order the service would have been given them; the command line takes about a sixth less
 * CPU (at 10,000 articles, the index alone: 41.5–45.1 CPU-s against 49.4–51.6, docs/scale.md).
 *
 * Pagefind numbers a bundle's pages in the order it walks the site folder, which is the order the
 * file system lists each folder's entries: not sorted, and not the same on every file system. So
 * the documents are staged only where that order can be made: a file system that lists a
 * folder's entries in the order they were made, or in its reverse (tmpfs does one or the other),
 * probed first and checked after staging by listing every folder as Pagefind will. Where it
 * cannot be made (ext4 lists by a hash of the name), stageDocuments says so and the caller
 * indexes with the service, whose page order is the order it is given.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, opendirSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/** A page for Pagefind: its URL ("/articles/2022-11-08/wen-ming-xin-feng/") and its HTML. */
export interface StagedDocument {
  url: string;
  html: string;
}

/** Folders where the documents may be staged, tried in turn: memory first, since the files live a few seconds. */
export const STAGING_ROOTS: readonly string[] = ["/dev/shm"];

/** The order a file system lists a new folder's entries in: as made, the reverse, or neither. */
type ListingOrder = "made" | "reversed" | null;

/** Entry names of `dir` in the order the file system lists them (readdirSync sorts them). */
export function listedEntries(dir: string): string[] {
  const handle = opendirSync(dir);
  const names: string[] = [];
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) names.push(entry.name);
  } finally {
    handle.closeSync();
  }
  return names;
}

/** Names made in an order neither sorted nor reverse-sorted, so that a file system listing by name or hash fails the probe. */
const PROBE_NAMES = ["m", "c", "x", "a", "q", "f", "z", "b"];

/** The listing order of each root probed, once a process: it is the file system's, which does not change. */
const listingOrders = new Map<string, ListingOrder>();

function listingOrder(root: string): ListingOrder {
  let order = listingOrders.get(root);
  if (order === undefined) {
    try {
      order = probeListingOrder(root);
    } catch {
      order = null; // Not a folder, or not writable.
    }
    listingOrders.set(root, order);
  }
  return order;
}

/** True when documents can be staged in their order under one of `roots` (a full root aside). */
export function canStage(roots: readonly string[] = STAGING_ROOTS): boolean {
  return roots.some((root) => listingOrder(root) !== null);
}

function probeListingOrder(root: string): ListingOrder {
  const probe = mkdtempSync(path.join(root, "probe-"));
  try {
    for (const name of PROBE_NAMES) mkdirSync(path.join(probe, name));
    const listed = listedEntries(probe).join("");
    if (listed === PROBE_NAMES.join("")) return "made";
    if (listed === [...PROBE_NAMES].reverse().join("")) return "reversed";
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** A folder of the staged site: its entries in the order Pagefind must walk them. */
interface Folder {
  entries: Map<string, Folder | string>;
}

/**
 * The folder tree of the documents, each at <url>/index.html; null when the order cannot be a
 * walk of one tree (a folder's documents not all together, or two documents at one URL).
 */
function folderTree(documents: readonly StagedDocument[]): Folder | null {
  const root: Folder = { entries: new Map() };
  /** The path of folders the previous document was in: a folder left is closed for good. */
  let open: Folder[] = [root];
  for (const document of documents) {
    const names = [...document.url.split("/").filter((name) => name !== ""), "index.html"];
    if (names.some((name) => name === "." || name === "..")) return null;
    const chain: Folder[] = [root];
    for (const [depth, name] of names.entries()) {
      const folder = chain[depth]!;
      const existing = folder.entries.get(name);
      const last = depth === names.length - 1;
      if (existing === undefined) {
        folder.entries.set(name, last ? document.html : { entries: new Map() });
      } else if (last || typeof existing === "string" || open[depth + 1] !== existing) {
        return null;
      }
      if (!last) chain.push(folder.entries.get(name) as Folder);
    }
    open = chain;
  }
  return root;
}

function writeFolder(dir: string, folder: Folder, order: "made" | "reversed"): void {
  const entries = [...folder.entries];
  if (order === "reversed") entries.reverse();
  for (const [name, entry] of entries) {
    const where = path.join(dir, name);
    if (typeof entry === "string") {
      const fd = openSync(where, "w");
      try {
        writeSync(fd, entry);
      } finally {
        closeSync(fd);
      }
    } else {
      mkdirSync(where);
      writeFolder(where, entry, order);
    }
  }
}

/**
 * True when every folder under `dir` lists its entries in the tree's order. A folder of one entry
 * (an article's own, holding its index.html) has no order to check and is not listed: most of the
 * folders are those.
 */
function listedAsTree(dir: string, folder: Folder): boolean {
  if (folder.entries.size > 1) {
    const listed = listedEntries(dir);
    const wanted = [...folder.entries.keys()];
    if (listed.length !== wanted.length || listed.some((name, i) => name !== wanted[i])) return false;
  }
  for (const [name, entry] of folder.entries) {
    if (typeof entry !== "string" && !listedAsTree(path.join(dir, name), entry)) return false;
  }
  return true;
}

/**
 * Writes the documents as a site in a new folder under one of `roots`, so that Pagefind walks
 * them in the order given; returns the folder, or null where no root lists entries in an order
 * that can be made (or has no room). The caller removes the folder.
 */
export function stageDocuments(documents: readonly StagedDocument[], roots: readonly string[] = STAGING_ROOTS): string | null {
  const tree = folderTree(documents);
  if (!tree) return null;
  for (const root of roots) {
    let site: string | null = null;
    try {
      const order = listingOrder(root);
      if (!order) continue;
      site = mkdtempSync(path.join(root, "archive-index-"));
      writeFolder(site, tree, order);
      if (listedAsTree(site, tree)) return site;
    } catch {
      // Not a folder, not writable, or full: the next root, or the service.
    }
    if (site) rmSync(site, { recursive: true, force: true });
  }
  return null;
}

/** The Pagefind binary the pagefind package itself runs (its resolveBinary.js: the extended build where there is one). */
async function pagefindBinary(): Promise<string> {
  // The package exports its API only; its resolver is the file beside it.
  const { resolveBinaryPath } = (await import(new URL("resolveBinary.js", import.meta.resolve("pagefind")).href)) as {
    resolveBinaryPath(names: string[]): string;
  };
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

/**
 * Runs Pagefind's command line over the staged `site`, writing the bundle to `bundleDir`, with
 * `env` (the index's settings for its processes: pagefind-process.ts). Pagefind reads its
 * options from PAGEFIND_* variables and from a configuration file in its working folder as well:
 * it gets neither, so that it indexes as the service does. Resolves to its messages when it fails.
 */
export async function runPagefindCli(site: string, bundleDir: string, env: NodeJS.ProcessEnv): Promise<string[] | null> {
  const binary = await pagefindBinary();
  const childEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("PAGEFIND_")));
  return new Promise((resolve) => {
    const child = spawn(binary, ["--site", site, "--output-path", path.resolve(bundleDir), "--quiet"], {
      cwd: site,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => resolve([`could not start ${binary}: ${error.message}`]));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(null);
      const lines = Buffer.concat(output).toString("utf8").split("\n").filter((line) => line.trim() !== "");
      resolve([`${binary} exited with ${signal ?? `code ${code}`}`, ...lines]);
    });
  });
}
