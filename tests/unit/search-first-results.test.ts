// The benchmark's measure of a search's first results (src/lib/bench/first-results.ts): the page
// it opens and how it reads the page's states. The browser run itself is exercised by
// `npm run bench`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_THROTTLE, firstAndComplete, searchPageUrl } from "../../src/lib/bench/first-results.ts";

describe("first results measure", () => {
  it("opens the search page of the site, under its base path, with the query", () => {
    assert.equal(searchPageUrl("http://127.0.0.1:4000", "党建"), `http://127.0.0.1:4000/search/?q=${encodeURIComponent("党建")}`);
    assert.equal(searchPageUrl("http://127.0.0.1:4000/archive/", "a b"), "http://127.0.0.1:4000/archive/search/?q=a%20b");
  });

  it("takes the first results at the partial state, the complete list at done", () => {
    const marks = [
      { state: "loading", ms: 300, requests: 6 },
      { state: "partial", ms: 900, requests: 18 },
      { state: "done", ms: 1400, requests: 30 },
    ];
    assert.deepEqual(firstAndComplete(marks), { first: marks[1], complete: marks[2] });
  });

  it("takes both at done for a search with nothing more to load, and fails on an error or no end", () => {
    const done = { state: "done", ms: 800, requests: 15 };
    assert.deepEqual(firstAndComplete([{ state: "loading", ms: 200, requests: 5 }, done]), { first: done, complete: done });
    assert.throws(() => firstAndComplete([{ state: "loading", ms: 200, requests: 5 }, { state: "error", ms: 900, requests: 9 }]), /failed/);
    assert.throws(() => firstAndComplete([{ state: "partial", ms: 200, requests: 5 }]), /did not complete/);
  });

  it("throttles to 10 Mbit/s and 40 ms by default", () => {
    assert.deepEqual(DEFAULT_THROTTLE, { downloadBitsPerSecond: 10_000_000, latencyMs: 40 });
  });
});
