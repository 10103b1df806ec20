// The build hooks of the Traditional mirror and the sitemap, run on a small hand-made dist/.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { AstroIntegration, AstroPrerenderer, RouteData } from "astro";
import { archiveSitemap } from "../../src/integrations/archive-sitemap.ts";
import { converterModules, traditionalMirror } from "../../src/integrations/traditional-mirror.ts";

const SITE = "https://archive.example.org";
const cacheDir = path.join(tmpdir(), `site-hooks-cache-${process.pid}`);
const config = { site: SITE, base: "/", trailingSlash: "always", build: { format: "directory" }, cacheDir: pathToFileURL(`${cacheDir}/`) };
const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: "test", options: {} };

type Hooks = AstroIntegration["hooks"];
// The hooks take Astro's full parameter objects; these tests pass the fields the hooks read.
async function call<K extends keyof Hooks>(integration: AstroIntegration, hook: K, params: object): Promise<void> {
  const fn = integration.hooks[hook] as ((p: unknown) => unknown) | undefined;
  await fn?.({ logger, ...params });
}

const page = (path: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><title>报纸档案</title><link rel="canonical" href="${SITE}${path}"></head>` +
  `<body><a href="/issues/">期号</a><a href="/zh-hant${path}" hreflang="zh-Hant" lang="zh-Hant" data-script-switch>繁體中文</a></body></html>`;

describe("the Traditional mirror's converter version", () => {
  it("covers every module a page's conversion runs, so that a change to any converts every page again", () => {
    const names = converterModules().map((file) => path.basename(file));
    for (const name of ["traditional.ts", "taiwan-characters.ts", "opencc-configs.ts", "conversion-memo.ts", "locale.ts", "paths.ts"]) assert.ok(names.includes(name), name);
  });
});

describe("build hooks", () => {
  let dist: string;
  /** The route outputs, as Astro lists them in astro:build:done. */
  const assets = () =>
    new Map(
      [["/", "index.html"], ["/issues", "issues/index.html"], ["/404", "404.html"], ["/rss.xml", "rss.xml"]].map(([route, file]) => [
        route!,
        [pathToFileURL(path.join(dist, file!))],
      ]),
    );
  before(async () => {
    dist = await mkdtemp(path.join(tmpdir(), "site-hooks-"));
    await mkdir(path.join(dist, "issues"), { recursive: true });
    await writeFile(path.join(dist, "index.html"), page("/"));
    await writeFile(path.join(dist, "issues", "index.html"), page("/issues/"));
    await writeFile(path.join(dist, "404.html"), page("/"));
    await writeFile(path.join(dist, "rss.xml"), "<rss/>");
  });
  after(async () => {
    await rm(dist, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  /** The mirror, configured for the test's dist/. */
  async function mirror(): Promise<AstroIntegration> {
    const integration = traditionalMirror();
    await call(integration, "astro:config:done", { config: { ...config, outDir: pathToFileURL(`${dist}/`) } });
    return integration;
  }

  it("writes a Traditional twin of every HTML page under zh-hant/, and nothing else", async () => {
    await call(await mirror(), "astro:build:done", { dir: pathToFileURL(`${dist}/`), pages: [], assets: assets() });
    const issues = await readFile(path.join(dist, "zh-hant", "issues", "index.html"), "utf8");
    assert.match(issues, /<html lang="zh-Hant">/);
    assert.match(issues, /<title>報紙檔案<\/title>/);
    assert.match(issues, new RegExp(`<link rel="canonical" href="${SITE}/zh-hant/issues/">`));
    assert.match(issues, /<a href="\/issues\/" hreflang="zh-CN" lang="zh-CN" data-script-switch>简体中文<\/a>/);
    await readFile(path.join(dist, "zh-hant", "index.html"));
    await readFile(path.join(dist, "zh-hant", "404.html"));
    await assert.rejects(readFile(path.join(dist, "zh-hant", "rss.xml")));
    await assert.rejects(readFile(path.join(dist, "zh-hant", "zh-hant", "index.html")));
  });

  it("converts the pages Astro renders as it renders them, and passes their bytes on unchanged", async () => {
    // The other pages were left in place.
    const hour = new Date(Date.now() - 3_600_000);
    for (const file of ["index.html", "404.html"]) await utimes(path.join(dist, file), hour, hour);
    const integration = await mirror();
    const rendered = page("/issues/").replace("期号", "往期");
    const astrosOwn: AstroPrerenderer = {
      name: "astro:default",
      getStaticPaths: async () => [],
      render: async (request) =>
        new URL(request.url).pathname === "/rss.xml"
          ? new Response("<rss/>", { headers: { "content-type": "application/rss+xml" } })
          : { response: new Response(rendered, { status: 200, headers: { "content-type": "text/html" } }), metadata: { contentEntryKeys: [], staticImages: [] } },
    };
    let prerenderer: AstroPrerenderer | undefined;
    await call(integration, "astro:build:start", { setPrerenderer: (wrap: (p: AstroPrerenderer) => AstroPrerenderer) => (prerenderer = wrap(astrosOwn)) });
    assert.ok(prerenderer);
    const result = await prerenderer.render(new Request(`${SITE}/issues/`), { routeData: { type: "page" } as RouteData });
    assert.ok(!(result instanceof Response));
    assert.deepEqual(result.metadata, { contentEntryKeys: [], staticImages: [] });
    assert.equal(result.response.headers.get("content-type"), "text/html");
    // What Astro writes.
    await writeFile(path.join(dist, "issues", "index.html"), Buffer.from(await result.response.arrayBuffer()));
    const feed = await prerenderer.render(new Request(`${SITE}/rss.xml`), { routeData: { type: "endpoint" } as RouteData });
    assert.equal(await (feed as Response).text(), "<rss/>");
    const messages: string[] = [];
    await call(integration, "astro:build:done", { dir: pathToFileURL(`${dist}/`), pages: [], assets: assets(), logger: { ...logger, info: (m: string) => messages.push(m) } });
    assert.equal(await readFile(path.join(dist, "issues", "index.html"), "utf8"), rendered);
    assert.match(await readFile(path.join(dist, "zh-hant", "issues", "index.html"), "utf8"), /往期/);
    assert.match(messages.join("\n"), /3 pages mirrored .* 2 unchanged since the last build \(1 converted while Astro rendered, 0 after;/);
    await assert.rejects(readFile(path.join(dist, "zh-hant", "rss.xml")));
  });

  it("a page the build left in place keeps its twin without reading either", async () => {
    const hour = new Date(Date.now() - 3_600_000);
    const twin = path.join(dist, "zh-hant", "issues", "index.html");
    await utimes(path.join(dist, "issues", "index.html"), hour, hour);
    await utimes(twin, hour, hour);
    const integration = await mirror();
    await call(integration, "astro:build:start", { setPrerenderer() {} });
    await writeFile(path.join(dist, "index.html"), page("/").replace("期号", "过往"));
    const messages: string[] = [];
    await call(integration, "astro:build:done", { dir: pathToFileURL(`${dist}/`), pages: [], assets: assets(), logger: { ...logger, info: (m: string) => messages.push(m) } });
    // Within a millisecond: file times are nanoseconds, read back as a float of milliseconds.
    assert.ok(Math.abs((await stat(twin)).mtimeMs - hour.getTime()) < 1, "the twin of the page left in place was written again");
    assert.match(await readFile(path.join(dist, "zh-hant", "index.html"), "utf8"), /過往/);
    assert.match(messages.join("\n"), /3 pages mirrored .* 2 unchanged since the last build \(0 converted while Astro rendered, 1 after;/);
  });

  it("lists both scripts' pages in the sitemap, each with hreflang links, and no files or 404", async () => {
    const sitemap = archiveSitemap();
    await call(sitemap, "astro:config:done", { config });
    await call(sitemap, "astro:routes:resolved", { routes: [] });
    await call(sitemap, "astro:build:done", {
      dir: pathToFileURL(`${dist}/`),
      pages: [{ pathname: "" }, { pathname: "issues/" }, { pathname: "404/" }, { pathname: "rss.xml" }],
    });
    const xml = await readFile(path.join(dist, "sitemap-0.xml"), "utf8");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs.sort(), [`${SITE}/`, `${SITE}/issues/`, `${SITE}/zh-hant/`, `${SITE}/zh-hant/issues/`]);
    assert.match(xml, new RegExp(`<loc>${SITE}/zh-hant/issues/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="${SITE}/issues/"/><xhtml:link rel="alternate" hreflang="zh-Hant" href="${SITE}/zh-hant/issues/"/>`));
  });
});
