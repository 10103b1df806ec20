/**
 * The layers' arrows run one way: no module imports one that imports it back (type-only imports
 * included, since they tie the modules' meanings together just the same). `npm run lint:deps`;
 * part of `npm test`.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle between modules: move what both need into a module below them.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-on-astro",
      severity: "error",
      comment: "src/lib holds plain TypeScript a unit test can call: no astro:* virtual modules outside the site's collection glue.",
      from: { path: "^src/lib/(?!site/collection\\.ts$)" },
      to: { path: "^astro:" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    exclude: { path: "node_modules" },
  },
};
