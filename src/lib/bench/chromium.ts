/**
 * Debian's Chromium driven by playwright-core (no browser download): the binary, the flags for
 * running headless without the browser's own network traffic, and a launch that says what to
 * install when the binary is missing. The benchmark's first-results measure and the browser
 * tests both launch it here.
 */
import { accessSync, constants } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Headless in CI containers, without updates, sync or QUIC traffic of the browser's own. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The Chromium binary: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env["CHROMIUM_PATH"] ?? DEFAULT_CHROMIUM_PATH;
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
