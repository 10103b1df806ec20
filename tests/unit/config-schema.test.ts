// The archive's config file: the bundled one is valid, every field is checked, an error names its
// field, defaults fill what may be left out, and the environment overrides only what CI needs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { stringifyYaml as stringify } from "../../src/lib/yaml.ts";
import { ARCHIVE, ArchiveConfigError, loadArchiveConfig, parseArchiveConfig, resolveArchiveConfig, siteInfo } from "../../src/lib/config/archive-config.ts";
import { PROVINCE_NAMES } from "../../src/lib/config/schema.ts";
import { SITE } from "../../src/lib/site/site-info.ts";

const FILE = "test.config.yaml";
const VALID = {
  name: "宁夏日报数字档案",
  newspaper: "宁夏日报",
  description: "《宁夏日报》版面文字档案。",
  url: "https://paper.example.org",
  base: "/archive/",
  province: "宁夏回族自治区",
  languages: { traditional: false },
  repository: "https://github.com/example/nx-archive",
  licence: "版面文字版权归宁夏日报社所有。",
};
const yaml = (fields: Record<string, unknown>) => stringify(fields);
const without = (key: string) => Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== key));

function problem(fields: Record<string, unknown> | string): string {
  try {
    parseArchiveConfig(typeof fields === "string" ? fields : yaml(fields), FILE);
  } catch (error) {
    assert.ok(error instanceof ArchiveConfigError, `an ArchiveConfigError, not ${String(error)}`);
    return error.message;
  }
  assert.fail("expected the config to be refused");
}

describe("the config file", () => {
  test("the bundled archive.config.yaml is valid, and is what the site and the ingest read", () => {
    const config = parseArchiveConfig(readFileSync("archive.config.yaml", "utf8"), "archive.config.yaml");
    assert.equal(config.province, "内蒙古自治区");
    assert.equal(config.newspaper, "内蒙古日报");
    assert.equal(ARCHIVE.newspaper, config.newspaper);
    assert.deepEqual(SITE, siteInfo(ARCHIVE));
  });

  test("a full config of another paper is read as written", () => {
    const config = parseArchiveConfig(yaml(VALID), FILE);
    assert.equal(config.base, "/archive/");
    assert.equal(config.languages.traditional, false);
    assert.equal(config.repository, VALID.repository);
  });

  test("defaults: base /, Traditional mirror on, no repository, no edition", () => {
    const config = parseArchiveConfig(yaml(without("base")).replace(/languages:[\s\S]*?traditional: false\n/u, "").replace(/repository:.*\n/u, ""), FILE);
    assert.equal(config.base, "/");
    assert.equal(config.languages.traditional, true);
    assert.equal(config.repository, null);
    assert.equal(config.edition, "");
  });

  test("a base path is written with its slashes whatever the file says", () => {
    for (const [written, base] of [["archive", "/archive/"], ["/archive", "/archive/"], ["/a/b/", "/a/b/"], ["", "/"], ["/", "/"]] as const) {
      assert.equal(parseArchiveConfig(yaml({ ...VALID, base: written }), FILE).base, base, written);
    }
  });

  const refused: [string, Record<string, unknown> | string, RegExp][] = [
    ["a missing name", without("name"), /^test\.config\.yaml: name: /u],
    ["an empty newspaper", { ...VALID, newspaper: "  " }, /newspaper: .*empty/u],
    ["a missing licence", without("licence"), /licence/u],
    ["a url that is not absolute", { ...VALID, url: "paper.example.org" }, /url: .*absolute/u],
    ["a url with a path", { ...VALID, url: "https://paper.example.org/archive/" }, /url: .*base/u],
    ["an ftp url", { ...VALID, url: "ftp://paper.example.org" }, /url: .*http/u],
    ["a base path with spaces", { ...VALID, base: "/my archive/" }, /base: /u],
    ["a province's short name", { ...VALID, province: "宁夏" }, /province: 宁夏 is not the official name .*宁夏回族自治区/u],
    ["a county for a province", { ...VALID, province: "银川市" }, /province: 银川市/u],
    ["languages.traditional not a boolean", { ...VALID, languages: { traditional: "yes" } }, /languages\.traditional/u],
    ["a repository that is not a URL", { ...VALID, repository: "github.com/example" }, /repository: /u],
    ["an unknown field", { ...VALID, titel: "x" }, /titel: unknown field/u],
    ["an unknown field under languages", { ...VALID, languages: { traditional: true, english: true } }, /languages\.english: unknown field/u],
    ["a list instead of a mapping", "- name: x\n", /expected a mapping/u],
    ["bad YAML", "name: [unclosed\n", /not valid YAML/u],
  ];
  for (const [what, fields, expected] of refused) {
    test(`${what} is refused, naming the file and the field`, () => {
      const message = problem(fields);
      assert.match(message, /^test\.config\.yaml: /u);
      assert.match(message, expected);
    });
  }

  test("every problem is named at once", () => {
    const message = problem({ ...without("name"), province: "浙江", base: "/a b/" });
    for (const field of ["name", "province", "base"]) assert.match(message, new RegExp(`${field}: `, "u"));
  });

  test("every province of the divisions package is accepted by its official name", () => {
    assert.equal(PROVINCE_NAMES.length, 31);
    for (const province of PROVINCE_NAMES) assert.equal(parseArchiveConfig(yaml({ ...VALID, province }), FILE).province, province);
  });
});

describe("the resolved config: the environment overrides only what CI needs", () => {
  const file = parseArchiveConfig(yaml(VALID), FILE);

  test("without overrides: the file's address and base, the default folders", () => {
    const config = resolveArchiveConfig(file, {}, FILE);
    assert.deepEqual(config.site, { origin: "https://paper.example.org", base: "/archive/", url: "https://paper.example.org/archive/" });
    assert.deepEqual(config.folders, { issues: "content/issues", articles: "content/articles", out: "dist" });
  });

  test("ARCHIVE_SITE_URL replaces the address; a path in it replaces the base path", () => {
    assert.deepEqual(resolveArchiveConfig(file, { ARCHIVE_SITE_URL: "https://owner.github.io" }, FILE).site.base, "/archive/");
    const config = resolveArchiveConfig(file, { ARCHIVE_SITE_URL: "https://owner.github.io/nx-archive/" }, FILE);
    assert.deepEqual(config.site, { origin: "https://owner.github.io", base: "/nx-archive/", url: "https://owner.github.io/nx-archive/" });
    assert.equal(resolveArchiveConfig(file, { ARCHIVE_SITE_URL: "https://owner.github.io/nx-archive" }, FILE).site.base, "/nx-archive/");
  });

  test("ARCHIVE_SITE_PART builds one part of the site; unset, the whole; a bad one is an error naming the variable", () => {
    assert.deepEqual(resolveArchiveConfig(file, {}, FILE).sitePart, { kind: "whole" });
    assert.deepEqual(resolveArchiveConfig(file, { ARCHIVE_SITE_PART: "2005-2016" }, FILE).sitePart, { kind: "years", first: 2005, last: 2016 });
    assert.deepEqual(resolveArchiveConfig(file, { ARCHIVE_SITE_PART: "spanning" }, FILE).sitePart, { kind: "spanning" });
    assert.throws(() => resolveArchiveConfig(file, { ARCHIVE_SITE_PART: "lists" }, FILE), (error: Error) => error instanceof ArchiveConfigError && /^\$ARCHIVE_SITE_PART: "lists" is not a part/u.test(error.message));
  });

  test("ARCHIVE_INDEX_BUNDLES says where the search bundles are built; unset, beside the site; a bad one is an error naming the variable", () => {
    assert.equal(resolveArchiveConfig(file, {}, FILE).indexBundles, "beside-site");
    assert.equal(resolveArchiveConfig(file, { ARCHIVE_INDEX_BUNDLES: "" }, FILE).indexBundles, "beside-site");
    assert.equal(resolveArchiveConfig(file, { ARCHIVE_INDEX_BUNDLES: "apart" }, FILE).indexBundles, "apart");
    assert.throws(
      () => resolveArchiveConfig(file, { ARCHIVE_INDEX_BUNDLES: "matrix" }, FILE),
      (error: Error) => error instanceof ArchiveConfigError && /^\$ARCHIVE_INDEX_BUNDLES: "matrix" is not where search bundles are built: beside-site or apart/u.test(error.message),
    );
  });

  test("a bad ARCHIVE_SITE_URL is an error naming the variable", () => {
    assert.throws(() => resolveArchiveConfig(file, { ARCHIVE_SITE_URL: "owner.github.io" }, FILE), /\$ARCHIVE_SITE_URL/u);
  });

  test("ARCHIVE_OUT_DIR moves the output; the name, paper and province stay the file's", () => {
    const config = resolveArchiveConfig(file, { ARCHIVE_OUT_DIR: "/tmp/out", ARCHIVE_SITE_URL: "https://x.example.org" }, FILE);
    assert.equal(config.folders.out, "/tmp/out");
    assert.equal(config.newspaper, VALID.newspaper);
    assert.equal(config.province, VALID.province);
  });

  test("ARCHIVE_CONFIG names another config file; a missing one is an error naming it", () => {
    const config = loadArchiveConfig({ ARCHIVE_CONFIG: "archive.config.yaml" });
    assert.equal(config.province, "内蒙古自治区");
    assert.throws(() => loadArchiveConfig({ ARCHIVE_CONFIG: "/nonexistent/archive.config.yaml" }), /\/nonexistent\/archive\.config\.yaml: cannot read/u);
  });

  test("the public part holds no folders", () => {
    const info = siteInfo(resolveArchiveConfig(file, {}, FILE));
    assert.ok(!("folders" in info));
    assert.equal(info.base, "/archive/");
    assert.equal(info.traditional, false);
  });
});
