// Launches Debian's system Chromium through playwright-core (no bundled
// browser download). Override the binary with CHROMIUM_PATH.
import { accessSync, constants } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, LaunchOptions } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for running headless in CI containers without network side traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The Chromium binary to use: $CHROMIUM_PATH or /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

/** Throws a readable error when the Chromium binary is missing or not executable. */
export function assertChromiumInstalled(executablePath: string = chromiumPath()): void {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found (or not executable) at ${executablePath}. ` +
        "Install Debian's Chromium with `apt-get install -y chromium`, " +
        "or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
}

/** Launches headless Chromium; extra args are appended to CHROMIUM_ARGS. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? chromiumPath();
  assertChromiumInstalled(executablePath);
  return chromium.launch({
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
