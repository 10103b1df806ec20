// The browser tests launch Debian's system Chromium as the benchmark does
// (src/lib/bench/chromium.ts). Override the binary with CHROMIUM_PATH.
export { launchChromium } from "../../src/lib/bench/chromium.ts";
