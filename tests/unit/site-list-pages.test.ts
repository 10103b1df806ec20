import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listPageOf, listPagePaths, listPages, type ListPage } from "../../src/lib/site/list-pages.ts";

/** A list of `n` entries, newest first: the newest is n, the oldest 1. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const shape = (pages: ListPage<number>[]) => pages.map((page) => [page.number, page.data, page.url.newer, page.url.older]);

describe("listPages", () => {
  it("puts a list of a page or less on its first page alone", () => {
    assert.deepEqual(shape(listPages(newestFirst(3), 3, "/x/")), [[null, [3, 2, 1], null, null]]);
    assert.deepEqual(shape(listPages([], 3, "/x/")), [[null, [], null, null]]);
  });

  it("shows the newest entries first and counts the older pages from the oldest, only the newest numbered page short", () => {
    assert.deepEqual(shape(listPages(newestFirst(8), 3, "/x/")), [
      [null, [8, 7, 6], null, "/x/2/"],
      [2, [5, 4], "/x/", "/x/1/"],
      [1, [3, 2, 1], "/x/2/", null],
    ]);
  });

  it("keeps every full numbered page as it was when entries are added at the newest end", () => {
    const twenty = listPages(newestFirst(20), 3, "/x/");
    for (let n = 21; n <= 30; n++) {
      const before = listPages(newestFirst(n - 1), 3, "/x/");
      const after = listPages(newestFirst(n), 3, "/x/");
      const changed = after.filter((page) => {
        const was = before.find((old) => old.number === page.number);
        return !was || JSON.stringify([was.data, was.url]) !== JSON.stringify([page.data, page.url]);
      });
      // The first page, the short page (or a new one) and the page before it, whose newer link moved.
      assert.ok(changed.length <= 3, `${n} entries: ${changed.map((page) => page.number).join(", ")} changed`);
      assert.ok(after.filter((page) => page.number !== null).every((page) => page.data.length <= 3));
    }
    // Page 1 holds the three oldest entries whatever is added.
    assert.deepEqual(listPages(newestFirst(30), 3, "/x/").at(-1), { ...twenty.at(-1)!, total: 30 });
  });

  it("shows every entry once, in order", () => {
    for (const n of [0, 1, 4, 5, 6, 7, 50, 51, 100, 101, 149]) {
      const pages = listPages(newestFirst(n), 5, "/x/");
      assert.deepEqual(pages.flatMap((page) => page.data), newestFirst(n), `${n} entries`);
      assert.ok(pages.every((page) => page.data.length <= 5 && page.total === n));
      // Each page's older link is the next page's address, and that page's newer link comes back.
      for (let i = 0; i + 1 < pages.length; i++) {
        assert.equal(pages[i]!.url.older, pages[i + 1]!.url.current);
        assert.equal(pages[i + 1]!.url.newer, pages[i]!.url.current);
      }
    }
  });

  it("refuses a page size that is not a whole number of at least one", () => {
    assert.throws(() => listPages([1], 0, "/x/"), /at least 1, not 0/);
    assert.throws(() => listPages([1], 2.5, "/x/"), /not 2.5/);
  });
});

describe("listPageOf", () => {
  it("names the page listPages puts each entry on", () => {
    for (const n of [1, 3, 4, 8, 9, 10, 31]) {
      const pages = listPages(newestFirst(n), 3, "/x/");
      newestFirst(n).forEach((entry, index) => {
        const page = pages.find((p) => p.data.includes(entry))!;
        assert.equal(listPageOf(index, n, 3), page.number, `entry ${index} of ${n}`);
      });
    }
  });
});

describe("listPagePaths", () => {
  it("gives the first page no parameter and page n the parameter n, with the route's own", () => {
    const paths = listPagePaths(listPages(newestFirst(5), 2, "/sections/x/"), { section: "x" }, { heading: "x" });
    assert.deepEqual(
      paths.map((path) => [path.params, path.props.heading, path.props.page.url.current]),
      [
        [{ section: "x", page: undefined }, "x", "/sections/x/"],
        [{ section: "x", page: "2" }, "x", "/sections/x/2/"],
        [{ section: "x", page: "1" }, "x", "/sections/x/1/"],
      ],
    );
  });
});
