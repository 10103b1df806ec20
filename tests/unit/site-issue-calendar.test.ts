import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Issue } from "../../src/lib/site/archive.ts";
import { groupIssuesByMonth, issueDirectory } from "../../src/lib/site/issue-calendar.ts";

const issue = (date: string): Issue<never> => ({ id: date, date, sources: [], articles: [], pages: [] });
// Newest first, as the archive lists them.
const issues = ["2024-10-15", "2022-12-13", "2022-11-08", "2022-09-20", "2022-09-06"].map(issue);

describe("groupIssuesByMonth", () => {
  it("groups by year and month, newest first", () => {
    assert.deepEqual(
      groupIssuesByMonth(issues).map((y) => [y.year, y.months.map((m) => [m.key, m.issues.map((i) => i.id)])]),
      [
        [2024, [["2024-10", ["2024-10-15"]]]],
        [
          2022,
          [
            ["2022-12", ["2022-12-13"]],
            ["2022-11", ["2022-11-08"]],
            ["2022-09", ["2022-09-20", "2022-09-06"]],
          ],
        ],
      ],
    );
  });
});

describe("issueDirectory", () => {
  it("links each month to the list page where it begins, the pages counted from the oldest", () => {
    // Two issues a page: the first page shows the newest two, page 2 the next one, page 1 the oldest two.
    assert.deepEqual(issueDirectory(issues, 2, "/issues/"), [
      { year: 2024, count: 1, months: [{ month: 10, count: 1, href: "/issues/#m-2024-10" }] },
      {
        year: 2022,
        count: 4,
        months: [
          { month: 12, count: 1, href: "/issues/#m-2022-12" },
          { month: 11, count: 1, href: "/issues/2/#m-2022-11" },
          { month: 9, count: 2, href: "/issues/1/#m-2022-09" },
        ],
      },
    ]);
  });
});
