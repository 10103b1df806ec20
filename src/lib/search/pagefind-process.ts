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
 * A variable already set is left as it is, so a machine that needs other values can say so.
 */
export const PAGEFIND_PROCESS_ENV: Readonly<Record<string, string>> = {
  RAYON_NUM_THREADS: "1",
  TOKIO_WORKER_THREADS: "1",
  // Pagefind's Linux build links jemalloc with prefixed symbols, so its options are read from here.
  _RJEM_MALLOC_CONF: "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1",
};

/** Sets what PAGEFIND_PROCESS_ENV holds and the environment does not already say. */
export function preparePagefindEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(PAGEFIND_PROCESS_ENV)) env[name] ??= value;
}
