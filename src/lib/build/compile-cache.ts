/**
 * Node's compile cache for the build's steps. Every step is a new Node process that compiles the
 * same modules again (Astro, Vite, Rolldown's bindings, the parser's data): with NODE_COMPILE_CACHE
 * set, Node keeps V8's code for each module on disk and the next build starts from it. An astro
 * build of 10,000 articles with nothing to do took ~0.3 s less (docs/scale.md, "Where the floor
 * comes from"). The code is keyed by each module's source, so a changed module is compiled again.
 */
import path from "node:path";

/** Where the build keeps the compiled code, under the project's node_modules like the other caches. */
export function compileCacheDir(projectRoot: string): string {
  return path.join(projectRoot, "node_modules", ".cache", "node-compile-cache");
}

/** `env` for a step of the build: the compile cache on, unless the caller chose a folder of its own or turned it off. */
export function withCompileCache(env: NodeJS.ProcessEnv, projectRoot: string): NodeJS.ProcessEnv {
  if (env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return env;
  return { ...env, NODE_COMPILE_CACHE: compileCacheDir(projectRoot) };
}
