// The browser tests serve the built site as the benchmark does (src/lib/bench/static-server.ts).
export { startStaticServer, type StaticServer } from "../../src/lib/bench/static-server.ts";
