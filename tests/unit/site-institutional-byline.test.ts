import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInstitutionalByline } from "../../src/lib/site/institutional-byline.ts";

describe("isInstitutionalByline", () => {
  const table: [string, boolean][] = [
    // Editorials and wire commentaries: bylines of an institution.
    ["本报评论员", true],
    ["新华社评论员", true],
    ["人民日报评论员", true],
    ["本报特约评论员", true],
    ["本报编辑部", true],
    ["本报", true],
    ["新华社", true],
    ["人民日报", true],
    ["光明日报", true],
    ["人民日报社论", true],
    ["新华社记者", true],
    ["本报记者", true],
    ["自治区社科院课题组", true],
    ["自治区党委理论学习中心组", true],
    [" 本报评论员 ", true],
    // People, from the seed pages and names that hold one of the words' characters.
    ["白丹", false],
    ["郝佳丽", false],
    ["孟和朝鲁", false],
    ["欧阳评", false],
    ["李编辑", false],
    ["任仲平", false],
    ["", false],
  ];
  for (const [name, expected] of table) {
    it(`${JSON.stringify(name)} → ${expected}`, () => assert.equal(isInstitutionalByline(name), expected));
  }
});
