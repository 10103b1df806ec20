// The Chromium launch shared by the benchmark and the browser tests (src/lib/bench/chromium.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertChromiumInstalled, chromiumPath, launchChromium } from "../../src/lib/bench/chromium.ts";

describe("Chromium launch", () => {
  it("names the missing binary and what to install", async () => {
    assert.throws(() => assertChromiumInstalled("/nonexistent/chromium"), /\/nonexistent\/chromium.*apt-get install -y chromium/s);
    await assert.rejects(launchChromium({ executablePath: "/nonexistent/chromium" }), /Chromium not found.*\/nonexistent\/chromium/);
  });

  it("takes the binary from CHROMIUM_PATH, else Debian's", () => {
    const before = process.env["CHROMIUM_PATH"];
    try {
      process.env["CHROMIUM_PATH"] = "/opt/chromium/chrome";
      assert.equal(chromiumPath(), "/opt/chromium/chrome");
      delete process.env["CHROMIUM_PATH"];
      assert.equal(chromiumPath(), "/usr/bin/chromium");
    } finally {
      if (before === undefined) delete process.env["CHROMIUM_PATH"];
      else process.env["CHROMIUM_PATH"] = before;
    }
  });
});
