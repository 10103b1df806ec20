// Whole ingest runs on temporary folders: bad input through the CLI, determinism,
// incremental reruns, path stability when issues are added, atomic writes, corrections.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import iconv from "iconv-lite";
import type { ArticleLocator } from "../../src/lib/places/article-locator.ts";
import type { ParseReport } from "../../src/lib/ingest/parse-report.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { PARSE_CACHE_FILE, PARSES_FOLDER, ParseCache } from "../../src/lib/ingest/parse-cache.ts";
import { FILE_KEYS_FILE } from "../../src/lib/ingest/issue-file-keys.ts";
import { parseIssueBytes } from "../../src/lib/ingest/parse-file.ts";
import type { ParsedIssue } from "../../src/lib/ingest/parse-page.ts";
import { ArticleIds } from "../../src/lib/ingest/article-ids.ts";
import type { Manifest } from "../../src/lib/ingest/manifest.ts";
import { REPORT_FILE, runIngest } from "../../src/lib/ingest/run-ingest.ts";
import type { IngestSummary } from "../../src/lib/ingest/run-ingest.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ISSUES = join(ROOT, "content/issues");
const BAD_INPUT = join(ROOT, "tests/fixtures/bad-input");
const SEEDS = readdirSync(ISSUES)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const SEED_1108 = "2022-11-08_000_0e8d57b71d93ccd5.txt";
const SEED_1213 = "2022-12-13_002_9478187308266f87.txt";
const SEED_0906 = "2022-09-06_004_5a48dc7921c40574.txt";
const SEED_0920 = "2022-09-20_003_dddc6a7051c1087a.txt";
const knowledge = loadPageKnowledge(join(ROOT, "content/data"));

/** A locator of our own: the runs here test files and paths, not places. */
const places: ArticleLocator = {
  regionWide: "内蒙古",
  locate: ({ title, lead }) => (/赤峰/.test(title + lead) ? { location: "赤峰市", county: null } : { location: null, county: null }),
  mainLeague: () => null,
  leaguesNamed: () => new Set<string>(),
};

const scratch = mkdtempSync(join(tmpdir(), "ingest-run-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let dirCount = 0;
/** A fresh empty folder under the scratch folder. */
function freshDir(name: string): string {
  const dir = join(scratch, `${++dirCount}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function seedInput(name = "in"): string {
  const dir = freshDir(name);
  for (const f of SEEDS) copyFileSync(join(ISSUES, f), join(dir, f));
  return dir;
}

function ingest(inDir: string, outDir: string, correctionsFile: string | null = null): IngestSummary {
  return runIngest({ inDir, outDir, correctionsFile, knowledge, places });
}

/** Every file under a folder (dotfiles too), as forward-slash relative paths, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

interface FileState {
  content: Buffer;
  ino: number;
  mtimeMs: number;
}

function snapshot(dir: string): Map<string, FileState> {
  const map = new Map<string, FileState>();
  for (const f of listFiles(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    map.set(f, { content: readFileSync(p), ino: s.ino, mtimeMs: s.mtimeMs });
  }
  return map;
}

/** Paths whose file was written (new inode, new mtime or new content) between two snapshots. */
function rewritten(before: Map<string, FileState>, afterwards: Map<string, FileState>): string[] {
  return [...afterwards]
    .filter(([p, s]) => {
      const b = before.get(p);
      return !b || b.ino !== s.ino || b.mtimeMs !== s.mtimeMs || !b.content.equals(s.content);
    })
    .map(([p]) => p)
    .sort();
}

const articlePaths = (dir: string) => listFiles(dir).filter((f) => f.endsWith(".md"));
const sourceOf = (dir: string, path: string) => String(matter(readFileSync(join(dir, path), "utf8"), {}).data.source);
const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, REPORT_FILE), "utf8")) as ParseReport;

function assertNoTemporaryFiles(dir: string): void {
  const leftovers = listFiles(dir).filter((f) => /\.tmp$/i.test(f) || /\.tmp\b/i.test(f));
  assert.deepEqual(leftovers, [], `temporary files left in ${dir}`);
}

/** A GB18030 file, a 3 MB page and the bad-input fixtures next to the five seed pages. */
function buildBadInput(): string {
  const dir = seedInput("bad-in");
  for (const f of readdirSync(BAD_INPUT)) if (f.endsWith(".txt")) copyFileSync(join(BAD_INPUT, f), join(dir, f));
  writeFileSync(join(dir, "2022-12-20_gb18030.txt"), iconv.encode(readFileSync(join(ISSUES, SEED_1213), "utf8"), "gb18030"));
  const page = readFileSync(join(ISSUES, SEED_0920), "utf8");
  const copies = Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(page));
  writeFileSync(join(dir, "huge-page.txt"), `---\ndate: 2023-01-03\npaper: 内蒙古日报\n---\n${`${page}\n\n`.repeat(copies)}`);
  return dir;
}

const BAD_FILES: { file: string; message: RegExp }[] = [
  { file: "empty.txt", message: /empty/ },
  { file: "scan.txt", message: /binary/ },
  { file: "no-date.txt", message: /no issue date/ },
  { file: "2022-10-03_broken-frontmatter.txt", message: /frontmatter YAML/ },
];

describe("CLI on a folder with bad input", () => {
  let inDir = "";
  let outDir = "";
  let result: { status: number | null; stderr: string; stdout: string };

  before(() => {
    inDir = buildBadInput();
    outDir = freshDir("bad-out");
    const run = spawnSync(
      process.execPath,
      ["scripts/ingest.ts", "--in", inDir, "--out", outDir, "--data", "content/data", "--corrections", join(scratch, "no-corrections.yaml")],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    result = { status: run.status, stderr: run.stderr, stdout: run.stdout };
  });

  test("the input really holds a 3 MB page and a GB18030 page", () => {
    assert.ok(statSync(join(inDir, "huge-page.txt")).size >= 3 * 1024 * 1024);
    const gb = readFileSync(join(inDir, "2022-12-20_gb18030.txt"));
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(gb));
  });

  test("the CLI exits with status 1", () => {
    assert.equal(result.status, 1, result.stderr);
  });

  test("stderr names each bad file with its reason", () => {
    const errorLines = result.stderr.split("\n").filter((l) => l.startsWith("error: "));
    for (const { file, message } of BAD_FILES) {
      const line = errorLines.find((l) => l.startsWith(`error: ${file}:`));
      assert.ok(line, `no error line for ${file} in:\n${result.stderr}`);
      assert.match(line, message);
    }
    assert.equal(errorLines.length, BAD_FILES.length, `only the bad files are errors:\n${result.stderr}`);
  });

  test("stderr gives the line of the broken frontmatter YAML (line 4 of the fixture)", () => {
    assert.match(result.stderr, /^error: 2022-10-03_broken-frontmatter\.txt:4: bad frontmatter YAML/m);
  });

  test("the summary counts the files and the errors", () => {
    assert.match(result.stderr, new RegExp(`ingest: ${SEEDS.length + BAD_FILES.length + 2} files → `));
    assert.match(result.stderr, new RegExp(`, ${BAD_FILES.length} errors;`));
  });

  test("every good file produces articles, the GB18030 and the huge one included", () => {
    const dates = new Set(articlePaths(outDir).map((p) => p.split("/")[0]));
    for (const seed of SEEDS) assert.ok(dates.has(seed.slice(0, 10)), `no articles for ${seed}`);
    assert.ok(dates.has("2022-12-20"), "no articles for the GB18030 file");
    assert.ok(dates.has("2023-01-03"), "no articles for the 3 MB file");
    assert.ok(!dates.has("2022-10-03"), "the broken file produced articles");
    assert.equal(dates.size, SEEDS.length + 2);
  });

  test("the GB18030 page yields the same articles as its UTF-8 original", () => {
    const utf8 = articlePaths(outDir).filter((p) => p.startsWith("2022-12-13/"));
    const gb = articlePaths(outDir).filter((p) => p.startsWith("2022-12-20/"));
    assert.deepEqual(
      gb.map((p) => p.slice(11)),
      utf8.map((p) => p.slice(11)),
    );
    for (const p of utf8) {
      const original = readFileSync(join(outDir, p), "utf8")
        .replaceAll("2022-12-13", "2022-12-20")
        .replace(SEED_1213.replace("2022-12-13", "2022-12-20"), "2022-12-20_gb18030.txt");
      assert.equal(readFileSync(join(outDir, `2022-12-20/${p.slice(11)}`), "utf8"), original, p);
    }
  });

  test("the 3 MB page is ingested whole: every copy of the page gives its articles", () => {
    const single = articlePaths(outDir).filter((p) => p.startsWith("2022-09-20/")).length;
    const huge = articlePaths(outDir).filter((p) => p.startsWith("2023-01-03/")).length;
    const copies = Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(readFileSync(join(ISSUES, SEED_0920))));
    assert.ok(huge >= single * (copies - 1), `${huge} articles from ${copies} copies of a ${single}-article page`);
  });

  test("the parse report lists every error, the YAML one with its line", () => {
    const report = readReport(outDir);
    assert.deepEqual(report.errors.map((e) => e.file).sort(), BAD_FILES.map((b) => b.file).sort());
    const yamlError = report.errors.find((e) => e.file === "2022-10-03_broken-frontmatter.txt");
    assert.ok(yamlError);
    assert.notEqual(yamlError.line, null);
    const issues = new Set(report.issues.map((i) => i.source));
    assert.ok(issues.has("2022-12-20_gb18030.txt"));
    assert.ok(issues.has("huge-page.txt"));
    for (const { file } of BAD_FILES) assert.ok(!issues.has(file));
  });

  test("no temporary files are left in the output", () => {
    assertNoTemporaryFiles(outDir);
  });
});

describe("determinism", () => {
  test("two runs into two fresh output folders give byte-identical trees", () => {
    const inDir = seedInput();
    const corrections = join(freshDir("det-corrections"), "corrections.yaml");
    writeFileSync(corrections, "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di:\n  county: 玉泉区\n2022-01-01/nothing:\n  county: 新城区\n");
    const a = freshDir("det-a");
    const b = freshDir("det-b");
    ingest(inDir, a, corrections);
    ingest(inDir, b, corrections);
    const filesA = listFiles(a);
    assert.deepEqual(listFiles(b), filesA);
    assert.ok(filesA.includes(REPORT_FILE));
    assert.ok(filesA.length > 40);
    for (const f of filesA) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs`);
  });

  test("the input file order on disk does not matter: a copy made in reverse order gives the same tree", () => {
    const forward = seedInput("fwd");
    const reverse = freshDir("rev");
    for (const f of [...SEEDS].reverse()) copyFileSync(join(ISSUES, f), join(reverse, f));
    const a = freshDir("order-a");
    const b = freshDir("order-b");
    ingest(forward, a);
    ingest(reverse, b);
    const files = listFiles(a);
    assert.deepEqual(listFiles(b), files);
    for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs`);
  });
});

describe("incremental runs", () => {
  const inDir = seedInput("inc-in");
  const outDir = freshDir("inc-out");
  let first: IngestSummary;

  before(() => {
    first = ingest(inDir, outDir);
  });

  test("the first run writes every article", () => {
    assert.equal(first.written, first.articles);
    assert.equal(articlePaths(outDir).length, first.articles);
    assert.deepEqual(first.errors, []);
  });

  test("a rerun writes 0 files: articles, report and manifest keep inode and mtime", () => {
    const before = snapshot(outDir);
    const summary = ingest(inDir, outDir);
    assert.equal(summary.written, 0);
    assert.equal(summary.unchanged, first.articles);
    assert.equal(summary.removed, 0);
    assert.deepEqual(rewritten(before, snapshot(outDir)), []);
  });

  test("touching an issue file (new mtime, same bytes) writes nothing", () => {
    const before = snapshot(outDir);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(inDir, SEED_1213), future, future);
    assert.equal(ingest(inDir, outDir).written, 0);
    assert.deepEqual(rewritten(before, snapshot(outDir)), []);
  });

  test("editing one issue rewrites only its articles", () => {
    const before = snapshot(outDir);
    const file = join(inDir, SEED_1213);
    const text = readFileSync(file, "utf8");
    const edited = text.replace("阿拉善盟立足边疆少数民族地区实际", "阿拉善盟立足边疆民族地区实际");
    assert.notEqual(edited, text);
    writeFileSync(file, edited);
    const summary = ingest(inDir, outDir);
    const changed = rewritten(before, snapshot(outDir)).filter((p) => p.endsWith(".md"));
    assert.equal(summary.written, changed.length);
    assert.ok(changed.length >= 1, "the edited article is rewritten");
    for (const p of changed) assert.equal(sourceOf(outDir, p), SEED_1213, `${p} is not from the edited issue`);
    assert.deepEqual(changed, ["2022-12-13/shi-fang-hong-se-xiao-ying-jie-suo-xing-fu-mi-ma.md"]);
  });

  test("deleting an issue removes its articles and its date folder, nothing else", () => {
    const before = snapshot(outDir);
    const own = articlePaths(outDir).filter((p) => sourceOf(outDir, p) === SEED_1108);
    assert.ok(own.length > 0);
    unlinkSync(join(inDir, SEED_1108));
    const summary = ingest(inDir, outDir);
    assert.equal(summary.removed, own.length);
    for (const p of own) assert.equal(existsSync(join(outDir, p)), false, `${p} still exists`);
    assert.equal(existsSync(join(outDir, "2022-11-08")), false, "the empty date folder is removed");
    const left = rewritten(before, snapshot(outDir)).filter((p) => p.endsWith(".md"));
    assert.deepEqual(left, [], "no other article is rewritten");
    assert.ok(!readReport(outDir).issues.some((i) => i.source === SEED_1108));
  });

  test("a file that turns bad keeps its previous articles, run after run, and is reported", () => {
    const own = articlePaths(outDir).filter((p) => sourceOf(outDir, p) === SEED_0906);
    assert.ok(own.length > 0);
    const before = snapshot(outDir);
    const original = readFileSync(join(inDir, SEED_0906));
    writeFileSync(join(inDir, SEED_0906), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200)]));
    for (let run = 0; run < 2; run++) {
      const summary = ingest(inDir, outDir);
      assert.equal(summary.removed, 0, `run ${run + 1}`);
      assert.deepEqual(
        summary.errors.map((e) => e.file),
        [SEED_0906],
      );
      for (const p of own) assert.ok(before.get(p)!.content.equals(readFileSync(join(outDir, p))), `${p} changed on run ${run + 1}`);
      assert.deepEqual(
        readReport(outDir).errors.map((e) => e.file),
        [SEED_0906],
      );
    }
    // Fixed again: the same articles, nothing to write.
    writeFileSync(join(inDir, SEED_0906), original);
    const fixed = ingest(inDir, outDir);
    assert.deepEqual(fixed.errors, []);
    assert.equal(fixed.written, 0);
    assert.deepEqual(articlePaths(outDir).filter((p) => sourceOf(outDir, p) === SEED_0906), own);
  });

  test("a deleted output file is written again even though the manifest knows its hash", () => {
    const victim = articlePaths(outDir)[0]!;
    const content = readFileSync(join(outDir, victim));
    unlinkSync(join(outDir, victim));
    const summary = ingest(inDir, outDir);
    assert.equal(summary.written, 1);
    assert.ok(readFileSync(join(outDir, victim)).equals(content));
  });

  test("no temporary files are left after all these runs", () => {
    assertNoTemporaryFiles(outDir);
  });
});

describe("incremental runs: edge cases", () => {
  const page = (reporter: string) => ["◎广角", "", "文明新风拂遍青城大地", "", `□本报记者 ${reporter}`, "", "呼和浩特市的新时代文明实践又有新进展。", ""].join("\n");

  test("a bad page keeps its article even when another page of its date has the same headline", () => {
    const inDir = freshDir("same-title-in");
    const outDir = freshDir("same-title-out");
    writeFileSync(join(inDir, "2022-11-08_a.txt"), page("白丹"));
    writeFileSync(join(inDir, "2022-11-08_b.txt"), page("宋爽"));
    ingest(inDir, outDir);
    const before = new Map(articlePaths(outDir).map((p) => [p, readFileSync(join(outDir, p), "utf8")]));
    assert.deepEqual([...before.keys()], ["2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di-2.md", "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di.md"]);

    writeFileSync(join(inDir, "2022-11-08_a.txt"), Buffer.alloc(64));
    const summary = ingest(inDir, outDir);
    assert.deepEqual(
      summary.errors.map((e) => e.file),
      ["2022-11-08_a.txt"],
    );
    for (const [p, content] of before) {
      assert.ok(existsSync(join(outDir, p)), `${p} was removed`);
      assert.equal(readFileSync(join(outDir, p), "utf8"), content, `${p} was overwritten (it should still be by ${p.endsWith("-2.md") ? "宋爽" : "白丹"})`);
    }
  });

  test("a page whose frontmatter dates it to another issue joins that issue: its ids follow the file order of the issue's pages", () => {
    const inDir = freshDir("moved-in");
    const outDir = freshDir("moved-out");
    writeFileSync(join(inDir, "2022-11-08_a.txt"), page("白丹"));
    writeFileSync(join(inDir, "2022-11-09_b.txt"), `---\ndate: 2022-11-08\n---\n${page("宋爽")}`);
    writeFileSync(join(inDir, "2022-11-08_c.txt"), page("安寅东"));
    assert.deepEqual(ingest(inDir, outDir).errors, []);
    const byPath = new Map(articlePaths(outDir).map((p) => [p, sourceOf(outDir, p)]));
    assert.deepEqual(
      [...byPath],
      [
        ["2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di-2.md", "2022-11-08_c.txt"],
        ["2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di-3.md", "2022-11-09_b.txt"],
        ["2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di.md", "2022-11-08_a.txt"],
      ],
    );
  });

  test("deleting an issue removes its empty date folder also when the output folder is given as ./relative", () => {
    const inDir = seedInput("rel-in");
    const outDir = freshDir("rel-out");
    const relativeOut = `./${relative(process.cwd(), outDir).split(sep).join("/")}`;
    ingest(inDir, relativeOut);
    unlinkSync(join(inDir, SEED_1108));
    const summary = ingest(inDir, relativeOut);
    assert.ok(summary.removed > 0);
    assert.equal(existsSync(join(outDir, "2022-11-08")), false, "the empty 2022-11-08 folder is left behind");
  });
});

describe("path stability when issues are added", () => {
  const NEW_PAGE = ["◎广角", "", "文明新风拂遍青城大地", "", "□本报记者 白丹", "", "呼和浩特市新城区的新时代文明实践站又添新活动。", ""].join("\n");
  const OTHER_DATE = ["◎学思践悟", "", "边境线上最美一抹红", "", "□本报记者 安寅东", "", "阿拉善边境管理支队开展主题党日活动。", ""].join("\n");

  function stabilityCheck(newFileName: string): void {
    const inDir = seedInput("stable-in");
    const outDir = freshDir("stable-out");
    ingest(inDir, outDir);
    const before = new Map(articlePaths(outDir).map((p) => [p, readFileSync(join(outDir, p), "utf8")]));
    assert.ok(before.has("2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di.md"));

    writeFileSync(join(inDir, newFileName), NEW_PAGE);
    writeFileSync(join(inDir, "2023-02-07_005_new.txt"), OTHER_DATE);
    const summary = ingest(inDir, outDir);
    assert.deepEqual(summary.errors, []);

    for (const [p, content] of before) {
      assert.ok(existsSync(join(outDir, p)), `${p} disappeared`);
      assert.equal(readFileSync(join(outDir, p), "utf8"), content, `${p} now holds other content`);
    }
    const added = articlePaths(outDir).filter((p) => !before.has(p));
    assert.equal(added.length, 2, `new articles: ${added.join(", ")}`);
    assert.ok(added.includes("2023-02-07/bian-jing-xian-shang-zui-mei-yi-mo-hong.md"));
    assert.ok(added.some((p) => p.startsWith("2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di-")));
  }

  test("a new page on the same date whose file name sorts after the existing page", () => {
    stabilityCheck("2022-11-08_page2.txt");
  });

  test("a new page on the same date named 2022-11-08.txt (sorts before the existing page)", () => {
    stabilityCheck("2022-11-08.txt");
  });
});

describe("atomic writes", () => {
  test("no *.tmp files after a first run, a rerun and an edit", () => {
    const inDir = seedInput("atomic-in");
    const outDir = freshDir("atomic-out");
    ingest(inDir, outDir);
    assertNoTemporaryFiles(outDir);
    ingest(inDir, outDir);
    writeFileSync(join(inDir, SEED_1108), readFileSync(join(inDir, SEED_1108), "utf8").replace("文明新风拂遍青城大地", "文明新风吹遍青城大地"));
    ingest(inDir, outDir);
    assertNoTemporaryFiles(outDir);
  });

  test("a rewritten article is replaced, not written in place (new inode)", () => {
    const inDir = seedInput("atomic2-in");
    const outDir = freshDir("atomic2-out");
    ingest(inDir, outDir);
    const target = join(outDir, "2022-12-13/shi-fang-hong-se-xiao-ying-jie-suo-xing-fu-mi-ma.md");
    const inode = statSync(target).ino;
    const file = join(inDir, SEED_1213);
    writeFileSync(file, readFileSync(file, "utf8").replace("阿拉善盟立足边疆少数民族地区实际", "阿拉善盟立足边疆民族地区实际"));
    ingest(inDir, outDir);
    assert.notEqual(statSync(target).ino, inode);
    assert.match(readFileSync(target, "utf8"), /阿拉善盟立足边疆民族地区实际/);
  });
});

describe("corrections across runs", () => {
  const ID = "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di";

  test("a correction applied by id survives a rerun; an unknown id is reported", () => {
    const inDir = seedInput("corr-in");
    const outDir = freshDir("corr-out");
    const corrections = join(freshDir("corr"), "corrections.yaml");
    writeFileSync(corrections, `${ID}:\n  county: 玉泉区\n  location: 呼和浩特市\n2022-11-08/no-such-article:\n  county: 新城区\n`);

    const first = ingest(inDir, outDir, corrections);
    const data = () => matter(readFileSync(join(outDir, `${ID}.md`), "utf8"), {}).data;
    assert.equal(data().county, "玉泉区");
    assert.equal(data().location, "呼和浩特市");
    const unknown = first.errors.filter((e) => e.message.includes("2022-11-08/no-such-article"));
    assert.equal(unknown.length, 1, JSON.stringify(first.errors));
    assert.equal(unknown[0]!.file, corrections);
    assert.equal(first.errors.length, 1);
    assert.ok(readReport(outDir).errors.some((e) => e.message.includes("2022-11-08/no-such-article")));

    const second = ingest(inDir, outDir, corrections);
    assert.equal(second.written, 0, "the corrected article is not rewritten");
    assert.equal(data().county, "玉泉区");
    assert.equal(data().location, "呼和浩特市");

    // An edit of the issue re-parses the article: the correction is applied again.
    const file = join(inDir, SEED_1108);
    writeFileSync(file, readFileSync(file, "utf8").replace("推动新时代文明实践中心建设作提质增效", "推动新时代文明实践中心建设提质增效"));
    const third = ingest(inDir, outDir, corrections);
    assert.ok(third.written >= 1);
    assert.equal(data().county, "玉泉区");
    assert.match(readFileSync(join(outDir, `${ID}.md`), "utf8"), /推动新时代文明实践中心建设提质增效/);

    // Removing the correction rewrites the article without it.
    writeFileSync(corrections, "{}\n");
    ingest(inDir, outDir, corrections);
    assert.equal(data().county, null);
  });

  test("the CLI exits 1 when a correction names no article", () => {
    const outDir = freshDir("corr-cli-out");
    const corrections = join(freshDir("corr-cli"), "corrections.yaml");
    writeFileSync(corrections, "2022-11-08/no-such-article:\n  county: 新城区\n");
    const run = spawnSync(
      process.execPath,
      ["scripts/ingest.ts", "--in", "content/issues", "--out", outDir, "--data", "content/data", "--corrections", corrections, "--quiet"],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /2022-11-08\/no-such-article: no article has this id/);
  });
});

describe("the parse cache", () => {
  const cached = (inDir: string, outDir: string, version: string) => runIngest({ inDir, outDir, correctionsFile: null, knowledge, places, parserVersion: version });
  /** Every output but the cache itself, byte for byte. */
  const outputs = (dir: string) => new Map(listFiles(dir).filter((f) => f !== PARSE_CACHE_FILE && f !== FILE_KEYS_FILE && !f.startsWith(`${PARSES_FOLDER}/`)).map((f) => [f, readFileSync(join(dir, f))]));

  test("a rerun reuses every parse and writes what a run without the cache writes", () => {
    const inDir = seedInput("cache-in");
    const withCache = freshDir("cache-out");
    const without = freshDir("cache-plain");
    assert.equal(cached(inDir, withCache, "v1").reusedParses, 0);
    const rerun = cached(inDir, withCache, "v1");
    assert.equal(rerun.reusedParses, SEEDS.length);
    assert.equal(rerun.written, 0);
    ingest(inDir, without);
    assert.deepEqual(outputs(withCache), outputs(without));
  });

  test("a new issue is the only file parsed; the others' articles keep their paths", () => {
    const inDir = freshDir("cache-grow-in");
    for (const f of SEEDS.filter((f) => f !== SEED_0920)) copyFileSync(join(ISSUES, f), join(inDir, f));
    const outDir = freshDir("cache-grow-out");
    cached(inDir, outDir, "v1");
    const before = articlePaths(outDir);
    copyFileSync(join(ISSUES, SEED_0920), join(inDir, SEED_0920));
    const summary = cached(inDir, outDir, "v1");
    assert.equal(summary.files - summary.reusedParses, 1);
    assert.ok(before.every((p) => articlePaths(outDir).includes(p)));
    const plain = freshDir("cache-grow-plain");
    ingest(inDir, plain);
    assert.deepEqual(outputs(outDir), outputs(plain));
  });

  test("the parses are kept a year to a file: a new issue writes its year's file and leaves the other years' as they were", () => {
    const inDir = freshDir("cache-years-in");
    const newest = SEEDS.filter((f) => f.startsWith("2024-"));
    assert.equal(newest.length, 1, "one seed of 2024, the others of 2022");
    for (const f of SEEDS.filter((f) => !newest.includes(f))) copyFileSync(join(ISSUES, f), join(inDir, f));
    const outDir = freshDir("cache-years-out");
    cached(inDir, outDir, "v1");
    const folder = join(outDir, PARSES_FOLDER);
    const yearFiles = () => readdirSync(folder).sort();
    const [older] = yearFiles() as [string];
    assert.match(older, /^2022-[0-9a-f]{16}$/);
    const olderStat = statSync(join(folder, older));
    copyFileSync(join(ISSUES, newest[0]!), join(inDir, newest[0]!));
    assert.equal(cached(inDir, outDir, "v1").reusedParses, SEEDS.length - 1);
    assert.deepEqual(yearFiles().map((f) => f.slice(0, 5)), ["2022-", "2024-"]);
    const olderAfter = statSync(join(folder, older));
    assert.deepEqual([olderAfter.ino, olderAfter.mtimeMs], [olderStat.ino, olderStat.mtimeMs], "the 2022 file is not written again");
    // The issue's file removed: its year's file goes with it.
    rmSync(join(inDir, newest[0]!));
    cached(inDir, outDir, "v1");
    assert.deepEqual(yearFiles(), [older]);
  });

  test("a year's parse file lost or cut short: that year's files are parsed again, and the output is the same", () => {
    for (const damage of ["lost", "cut"] as const) {
      const inDir = seedInput(`cache-year-${damage}-in`);
      const outDir = freshDir(`cache-year-${damage}-out`);
      cached(inDir, outDir, "v1");
      const before = outputs(outDir);
      const file = join(outDir, PARSES_FOLDER, readdirSync(join(outDir, PARSES_FOLDER)).find((f) => f.startsWith("2022-"))!);
      if (damage === "lost") rmSync(file);
      else writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
      assert.equal(cached(inDir, outDir, "v1").reusedParses, SEEDS.filter((f) => !f.startsWith("2022-")).length, damage);
      assert.deepEqual(outputs(outDir), before, damage);
      assert.equal(cached(inDir, outDir, "v1").reusedParses, SEEDS.length, `${damage}: the cache is whole again`);
    }
  });

  test("the kept parses are the parser's own: the run's jumps, ids and corrections change none of them", () => {
    const inDir = freshDir("cache-kept-in");
    const wholePaper = join(ROOT, "tests/fixtures/whole-paper/issue-a");
    for (const f of readdirSync(wholePaper).filter((f) => f.endsWith(".txt"))) copyFileSync(join(wholePaper, f), join(inDir, f));
    // Two pages of one date with one headline: the second is renamed …-2 by the run, not in its parse.
    const twin = ["◎广角", "", "文明新风拂遍青城大地", "", "□本报记者 白丹", "", "呼和浩特市的新时代文明实践又有新进展。", ""].join("\n");
    writeFileSync(join(inDir, "2022-11-08_a.txt"), twin);
    writeFileSync(join(inDir, "2022-11-08_b.txt"), twin);
    const corrections = join(freshDir("cache-kept-corrections"), "corrections.yaml");
    writeFileSync(corrections, "2022-11-08/wen-ming-xin-feng-fu-bian-qing-cheng-da-di-2:\n  county: 玉泉区\n");
    const outDir = freshDir("cache-kept-out");
    const summary = runIngest({ inDir, outDir, correctionsFile: corrections, knowledge, places, parserVersion: "v1" });
    assert.deepEqual(summary.errors, []);
    const cache = new ParseCache(outDir, "v1");
    const kept: ParsedIssue[] = [];
    for (const source of readdirSync(inDir)) {
      const bytes = readFileSync(join(inDir, source));
      const parsed = cache.get(ParseCache.key(source, bytes));
      const fresh = parseIssueBytes(source, bytes, knowledge, places);
      assert.ok(parsed && fresh.ok, source);
      assert.deepEqual(parsed, fresh.parsed, source);
      kept.push(parsed);
    }
    assert.ok(kept.some((parsed) => parsed.articles.some((a) => a.jump.to !== null)), "a jumped part is kept as a part");
  });

  test("a cache file cut short is not read: every file is parsed again, and the output is the same", () => {
    const inDir = seedInput("cache-cut-in");
    const outDir = freshDir("cache-cut-out");
    cached(inDir, outDir, "v1");
    const before = outputs(outDir);
    const file = join(outDir, PARSE_CACHE_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
    const rerun = cached(inDir, outDir, "v1");
    assert.equal(rerun.reusedParses, 0);
    assert.deepEqual(outputs(outDir), before);
    assert.equal(cached(inDir, outDir, "v1").reusedParses, SEEDS.length, "the cache is whole again");
  });

  test("an edited file or another parser version parses again", () => {
    const inDir = seedInput("cache-edit-in");
    const outDir = freshDir("cache-edit-out");
    cached(inDir, outDir, "v1");
    const file = join(inDir, SEED_1108);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n`);
    assert.equal(cached(inDir, outDir, "v1").reusedParses, SEEDS.length - 1);
    assert.equal(cached(inDir, outDir, "v2").reusedParses, 0);
  });
});

describe("issues placed as last time", () => {
  const cached = (inDir: string, outDir: string, correctionsFile: string | null = null) =>
    runIngest({ inDir, outDir, correctionsFile, knowledge, places, parserVersion: "v1" });
  /** Every output but the cache itself, byte for byte. */
  const outputs = (dir: string) => new Map(listFiles(dir).filter((f) => f !== PARSE_CACHE_FILE && f !== FILE_KEYS_FILE && !f.startsWith(`${PARSES_FOLDER}/`)).map((f) => [f, readFileSync(join(dir, f))]));
  /** What a run without the cache writes from the same input, in a folder of its own. */
  const plainOutputs = (inDir: string, correctionsFile: string | null = null) => {
    const plain = freshDir("placed-plain");
    ingest(inDir, plain, correctionsFile);
    return outputs(plain);
  };
  /** The seeds and a whole-paper issue: five dates, jumps, teasers. */
  const input = (name: string) => {
    const inDir = seedInput(name);
    const wholePaper = join(ROOT, "tests/fixtures/whole-paper/issue-a");
    for (const f of readdirSync(wholePaper).filter((f) => f.endsWith(".txt"))) copyFileSync(join(wholePaper, f), join(inDir, f));
    return inDir;
  };

  test("a rerun takes every issue as it was placed, writes nothing, and leaves what a run without the cache leaves", () => {
    const inDir = input("placed-rerun-in");
    const outDir = freshDir("placed-rerun-out");
    const first = cached(inDir, outDir);
    assert.equal(first.reusedIssues, 0);
    const before = snapshot(outDir);
    const rerun = cached(inDir, outDir);
    assert.equal(rerun.issues, first.issues);
    assert.equal(rerun.reusedIssues, rerun.issues);
    assert.equal(rerun.written, 0);
    assert.equal(rerun.unchanged, first.articles);
    assert.deepEqual({ ...rerun, seconds: 0 }, { ...first, reusedParses: first.files, reusedIssues: first.issues, written: 0, unchanged: first.articles, seconds: 0 });
    assert.deepEqual(rewritten(before, snapshot(outDir)), []);
    assert.deepEqual(outputs(outDir), plainOutputs(inDir));
  });

  test("a new issue is the only one placed", () => {
    const inDir = input("placed-new-in");
    rmSync(join(inDir, SEED_0920));
    const outDir = freshDir("placed-new-out");
    const first = cached(inDir, outDir);
    copyFileSync(join(ISSUES, SEED_0920), join(inDir, SEED_0920));
    const rerun = cached(inDir, outDir);
    assert.equal(rerun.issues, first.issues + 1);
    assert.equal(rerun.reusedIssues, first.issues);
    assert.deepEqual(outputs(outDir), plainOutputs(inDir));
  });

  test("an article file deleted by hand is written again, with its issue placed anew", () => {
    const inDir = input("placed-deleted-in");
    const outDir = freshDir("placed-deleted-out");
    const first = cached(inDir, outDir);
    const gone = articlePaths(outDir).find((p) => p.startsWith("2023-03-06/"))!;
    const bytes = readFileSync(join(outDir, gone));
    unlinkSync(join(outDir, gone));
    const rerun = cached(inDir, outDir);
    assert.equal(rerun.reusedIssues, first.issues - 1);
    assert.equal(rerun.written, 1);
    assert.deepEqual(readFileSync(join(outDir, gone)), bytes);
  });

  test("a correction places its own issue anew, and taking it back places it as before", () => {
    const inDir = input("placed-correction-in");
    const outDir = freshDir("placed-correction-out");
    const corrections = join(freshDir("placed-correction"), "corrections.yaml");
    writeFileSync(corrections, "");
    const first = cached(inDir, outDir, corrections);
    const before = outputs(outDir);
    const target = articlePaths(outDir).find((p) => p.startsWith("2022-11-08/"))!.replace(/\.md$/u, "");
    writeFileSync(corrections, `${target}:\n  county: 新城区\n`);
    const corrected = cached(inDir, outDir, corrections);
    assert.deepEqual(corrected.errors, []);
    assert.equal(corrected.reusedIssues, first.issues - 1);
    assert.equal(corrected.written, 1);
    assert.equal(matter(readFileSync(join(outDir, `${target}.md`), "utf8")).data.county, "新城区");
    assert.deepEqual(outputs(outDir), plainOutputs(inDir, corrections));
    // The correction's issue is taken as placed with it: the correction still counts as used.
    assert.deepEqual(cached(inDir, outDir, corrections).errors, []);
    writeFileSync(corrections, "");
    assert.equal(cached(inDir, outDir, corrections).reusedIssues, first.issues - 1);
    assert.deepEqual(outputs(outDir), before);
  });

  test("a correction error is reported again by a run that takes its issue as placed", () => {
    const inDir = input("placed-bad-correction-in");
    const outDir = freshDir("placed-bad-correction-out");
    const corrections = join(freshDir("placed-bad-correction"), "corrections.yaml");
    cached(inDir, outDir);
    const target = articlePaths(outDir).find((p) => p.startsWith("2022-11-08/"))!.replace(/\.md$/u, "");
    writeFileSync(corrections, `${target}:\n  kind: no-such-kind\n`);
    const first = cached(inDir, outDir, corrections);
    assert.equal(first.errors.length, 1);
    const rerun = cached(inDir, outDir, corrections);
    assert.equal(rerun.reusedIssues, rerun.issues);
    assert.deepEqual(rerun.errors, first.errors);
  });

  test("a page that fails keeps its articles' ids from its issue's other pages; fixed, it is placed with them again", () => {
    const inDir = freshDir("placed-failing-in");
    // Two pages of one date with one headline: the second page's article is …-2 while the first holds the id.
    const twin = ["◎广角", "", "文明新风拂遍青城大地", "", "□本报记者 白丹", "", "呼和浩特市的新时代文明实践又有新进展。", ""].join("\n");
    writeFileSync(join(inDir, "2022-11-08_a.txt"), twin);
    writeFileSync(join(inDir, "2022-11-08_b.txt"), twin);
    copyFileSync(join(ISSUES, SEED_0920), join(inDir, SEED_0920));
    const outDir = freshDir("placed-failing-out");
    cached(inDir, outDir);
    const paths = articlePaths(outDir);
    writeFileSync(join(inDir, "2022-11-08_a.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const failing = cached(inDir, outDir);
    assert.equal(failing.errors.length, 1);
    assert.equal(failing.reusedIssues, failing.issues - 1, "the date of the failing page is placed anew");
    assert.deepEqual(articlePaths(outDir), paths, "the failing page's article stays, the other keeps its -2");
    const again = cached(inDir, outDir);
    assert.equal(again.reusedIssues, again.issues, "the same failure: nothing to place anew");
    assert.deepEqual(articlePaths(outDir), paths);
    writeFileSync(join(inDir, "2022-11-08_a.txt"), twin);
    const fixed = cached(inDir, outDir);
    assert.deepEqual(fixed.errors, []);
    assert.deepEqual(articlePaths(outDir), paths);
  });

  test("an issue whose articles the manifest names otherwise than when it was placed is placed anew", () => {
    const inDir = input("placed-manifest-in");
    const outDir = freshDir("placed-manifest-out");
    const first = cached(inDir, outDir);
    const before = outputs(outDir);
    const manifestFile = join(outDir, ".ingest-manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    const path = Object.keys(manifest.articles).find((p) => p.startsWith("2022-11-08/"))!;
    manifest.articles[path]!.hash = "0000000000000000";
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const rerun = cached(inDir, outDir);
    assert.equal(rerun.reusedIssues, first.issues - 1);
    assert.deepEqual(outputs(outDir), before);
  });
});

describe("issue files known by their signature", () => {
  const cached = (inDir: string, outDir: string) => runIngest({ inDir, outDir, correctionsFile: null, knowledge, places, parserVersion: "v1" });
  /** An hour back: older than the margin within which a signature is not trusted. */
  const then = new Date(Date.now() - 3_600_000);
  const age = (file: string) => utimesSync(file, then, then);
  const keysOf = (outDir: string) => (JSON.parse(readFileSync(join(outDir, FILE_KEYS_FILE), "utf8")) as { files: Record<string, unknown> }).files;

  test("a file whose size, time and inode are those of the last run is not read again", () => {
    const inDir = seedInput("signature-in");
    for (const f of SEEDS) age(join(inDir, f));
    const outDir = freshDir("signature-out");
    cached(inDir, outDir);
    assert.deepEqual(Object.keys(keysOf(outDir)), SEEDS);
    const file = join(inDir, SEED_1108);
    const before = articlePaths(outDir);
    const original = readFileSync(file);
    // Other bytes of the same length, written in place, with the old time put back: git's index
    // would not see this either. The run takes the file for the one it knew, so it does not read it.
    const other = Buffer.from(readFileSync(join(ISSUES, SEED_1213)).subarray(0, original.length));
    writeFileSync(file, other);
    age(file);
    const unread = cached(inDir, outDir);
    assert.equal(unread.reusedParses, SEEDS.length);
    assert.deepEqual(articlePaths(outDir), before);
    // A new modification time: the file is read, and its new text parsed.
    utimesSync(file, new Date(), new Date());
    const read = cached(inDir, outDir);
    assert.equal(read.reusedParses, SEEDS.length - 1);
    assert.notDeepEqual(articlePaths(outDir), before);
  });

  test("a file of keys that cannot be read is no loss: every file is read, and the output is the same", () => {
    const inDir = seedInput("signature-broken-in");
    for (const f of SEEDS) age(join(inDir, f));
    const outDir = freshDir("signature-broken-out");
    cached(inDir, outDir);
    const before = articlePaths(outDir);
    writeFileSync(join(outDir, FILE_KEYS_FILE), "{ not json");
    const rerun = cached(inDir, outDir);
    assert.deepEqual(rerun.errors, []);
    assert.deepEqual(articlePaths(outDir), before);
    assert.deepEqual(Object.keys(keysOf(outDir)), SEEDS, "the file of keys is whole again");
  });

  test("what a file's bytes told another parser version is not taken: the file is read", () => {
    const inDir = seedInput("signature-version-in");
    for (const f of SEEDS) age(join(inDir, f));
    const outDir = freshDir("signature-version-out");
    cached(inDir, outDir);
    const file = join(inDir, SEED_1108);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.from(readFileSync(join(ISSUES, SEED_1213)).subarray(0, original.length)));
    age(file);
    const before = articlePaths(outDir);
    runIngest({ inDir, outDir, correctionsFile: null, knowledge, places, parserVersion: "v2" });
    assert.notDeepEqual(articlePaths(outDir), before, "the file's new bytes were read and parsed");
  });

  test("a file modified within a second before the run is read again by the next", () => {
    const inDir = seedInput("signature-racy-in");
    for (const f of SEEDS) age(join(inDir, f));
    const fresh = join(inDir, SEED_0920);
    utimesSync(fresh, new Date(), new Date());
    const outDir = freshDir("signature-racy-out");
    cached(inDir, outDir);
    assert.deepEqual(Object.keys(keysOf(outDir)), SEEDS.filter((f) => f !== SEED_0920));
  });
});

describe("article ids across runs", () => {
  /** Pages of one date as the parser leaves them: each article's id is its headline's slug, unique on its page. */
  const page = (source: string, ids: string[]) => ({ issue: { source }, articles: ids.map((id) => ({ id })) }) as unknown as Parameters<ArticleIds["assign"]>[0][number];
  /** The manifest a run with these ids writes. */
  const manifestOf = (assigned: Map<unknown, string>, pages: ReturnType<typeof page>[]): Manifest => ({
    articles: Object.fromEntries(
      pages.flatMap((p) => p.articles.map((article) => [`${assigned.get(article)}.md`, { hash: "h", source: p.issue.source, base: article.id }])),
    ),
  });

  /** The ids given, in page order. */
  const inOrder = (pages: ReturnType<typeof page>[], assigned: Map<unknown, string>) => pages.flatMap((p) => p.articles.map((a) => assigned.get(a)));

  test("a rerun gives each article the id it had, also when a page repeats a headline another page has", () => {
    // Page a prints x; page b prints x twice (its parser ids x and x-2): b's articles become x-2 and x-2-2.
    const first = [page("d_a.txt", ["d/x"]), page("d_b.txt", ["d/x", "d/x-2"])];
    const ids = new ArticleIds({ articles: {} }).assign(first, new Set());
    assert.deepEqual(inOrder(first, ids), ["d/x", "d/x-2", "d/x-2-2"]);
    const again = [page("d_a.txt", ["d/x"]), page("d_b.txt", ["d/x", "d/x-2"])];
    assert.deepEqual(inOrder(again, new ArticleIds(manifestOf(ids, first)).assign(again, new Set())), ["d/x", "d/x-2", "d/x-2-2"]);
  });

  test("a new page of the date takes none of the ids already given", () => {
    const first = [page("d_b.txt", ["d/x"])];
    const ids = new ArticleIds({ articles: {} }).assign(first, new Set());
    const grown = [page("d_a.txt", ["d/x"]), page("d_b.txt", ["d/x"])];
    assert.deepEqual(inOrder(grown, new ArticleIds(manifestOf(ids, first)).assign(grown, new Set())), ["d/x-2", "d/x"]);
  });
});
