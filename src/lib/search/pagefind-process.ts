/**
 * How the index's Pagefind processes run. Pagefind's service inherits its environment from the
 * thread that first creates an index, so these are set before that (index-shard.ts).
 *
 * Measured at 10,000 articles with the index alone and one lane (`npm run index -- --jobs 1`,
 * the Pagefind process's own CPU read from /proc every 0.1 s, 2026-12-05):
 * - Pagefind's defaults: 44.5 s user, 15.0 s system, 933,000 page faults;
 * - one thread each for rayon and tokio: 39.0 + 14.1 s, at the same wall time. The index runs a
 *   Pagefind process per lane beside Astro, so a pool as large as the machine only spins;
 * - jemalloc keeping the memory it freed (no decay): 35.4 + 8.7 s, 435,000 faults. By default it
 *   hands freed pages back within seconds and faults them in again for the next documents, and a
 *   fault costs ~16 µs on a virtual machine (docs/scale.md, "The ingest");
 * - and asking for transparent huge pages where the kernel gives them on request: 33.1 + 8.4 s,
 *   21,000 faults. Where the kernel gives none, jemalloc goes on with small pages.
 * Peak memory did not grow: the lane's largest bundle sets it, and that memory is in use anyway.
 *
 * Huge pages for jemalloc's own metadata (`metadata_thp:always`) were part of that last step, and
 * cost more than they save once the bundles are written by Pagefind's command line
 * (pagefind-cli.ts): 3,790 documents, three runs of each, alternated (2026-12-06, a fault then
 * cost ~2.7 µs): no huge pages 10.3–10.5 CPU-s (413,000 faults), huge pages for the heap alone
 * 10.5–11.0 (15,000), and for the metadata too 12.5–13.4 (5,500; the kernel's time 3.6–4.6 s
 * against 1.2–1.9). A fault costs this virtual machine 3 to 16 µs depending on the hour, so the
 * heap keeps its huge pages: at 16 µs the 400,000 faults they save are ~6 s.
 *
 * A variable already set is left as it is, so a machine that needs other values can say so.
 */
export const PAGEFIND_PROCESS_ENV: Readonly<Record<string, string>> = {
  RAYON_NUM_THREADS: "1",
  TOKIO_WORKER_THREADS: "1",
  // Pagefind's Linux build links jemalloc with prefixed symbols, so its options are read from here.
  _RJEM_MALLOC_CONF: "thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1",
};

/** Sets what PAGEFIND_PROCESS_ENV holds and the environment does not already say. */
export function preparePagefindEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(PAGEFIND_PROCESS_ENV)) env[name] ??= value;
}
