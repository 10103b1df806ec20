import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFrontmatter } from "../../src/lib/article.ts";
import { buildArchive } from "../../src/lib/site/archive.ts";
import { articleLinks } from "../../src/lib/site/article-view.ts";
import { articleParams } from "../../src/lib/site/paths.ts";
import { sampleFrontmatter } from "../support/sample-entries.ts";

const data = sampleFrontmatter("2022-11-08", {
  title: "甲",
  section: "广角",
  reporters: ["许敬"],
  correspondents: ["王筱瑜"],
  location: "呼和浩特市",
  county: "玉泉区",
  source: "2022-11-08_000_x.txt",
});

describe("articleLinks", () => {
  const archive = buildArchive([{ id: "2022-11-08/jia", data }]);

  it("links issue, column, league, county and each person", () => {
    assert.deepEqual(articleLinks(archive, data), {
      issue: { label: "2022-11-08", href: "/issues/2022-11-08/" },
      page: null,
      section: { label: "广角", href: "/sections/guang-jiao/" },
      league: { label: "呼和浩特市", href: "/regions/hu-he-hao-te-shi/" },
      county: { label: "玉泉区", href: "/regions/hu-he-hao-te-shi/yu-quan-qu/" },
      byline: [
        { role: "reporter", label: "记者", people: [{ label: "许敬", href: "/reporters/xu-jing/" }] },
        { role: "correspondent", label: "通讯员", people: [{ label: "王筱瑜", href: "/reporters/wang-xiao-yu/" }] },
      ],
    });
  });

  it("links nothing that the article does not have", () => {
    const bare = { ...data, section: null, location: null, county: null, reporters: [], correspondents: [] };
    const links = articleLinks(buildArchive([{ id: "2022-11-08/jia", data: bare }]), bare);
    assert.deepEqual([links.page, links.section, links.league, links.county, links.byline], [null, null, null, null, []]);
  });

  it("links the printed page to its place on the issue page", () => {
    const table: [ArticleFrontmatter["page"], { label: string; href: string } | null][] = [
      [{ no: 5, name: "党建" }, { label: "第5版 党建", href: "/issues/2022-11-08/#page-5" }],
      [{ no: 3, name: null }, { label: "第3版", href: "/issues/2022-11-08/#page-3" }],
      [{ no: null, name: "副刊" }, { label: "副刊", href: "/issues/2022-11-08/" }],
      [{ no: null, name: null }, null],
    ];
    for (const [page, expected] of table) assert.deepEqual(articleLinks(archive, { ...data, page }).page, expected, JSON.stringify(page));
  });

  it("shows an institutional byline, and a name without a page, as text", () => {
    const editorial = { ...data, reporters: [], correspondents: [], authors: ["本报评论员", "郝佳丽"] };
    const links = articleLinks(buildArchive([{ id: "2022-11-08/jia", data: editorial }]), editorial);
    assert.deepEqual(links.byline, [
      {
        role: "author",
        label: "作者",
        people: [
          { label: "本报评论员", href: null },
          { label: "郝佳丽", href: "/reporters/hao-jia-li/" },
        ],
      },
    ]);
    assert.deepEqual(articleLinks(buildArchive([]), data).byline[0]!.people, [{ label: "许敬", href: null }]);
  });
});

describe("articleParams", () => {
  it("splits an article id into route parameters", () => {
    assert.deepEqual(articleParams("2022-11-08/wen-ming-xin-feng"), { date: "2022-11-08", slug: "wen-ming-xin-feng" });
  });

  for (const id of ["2022-11-08", "2022-11-08/a/b", "2022-11-08/Wen", "22-11-08/a", "2022-11-08/文明"]) {
    it(`rejects ${JSON.stringify(id)}, naming its file`, () => {
      assert.throws(() => articleParams(id), new RegExp(`content/articles/${id.replace(/[/.-]/g, "\\$&")}\\.md`));
    });
  }
});
