// Datelines that open a story (本报讯, 本报呼和浩特3月5日讯, 新华社北京3月5日电, 据新华社电),
// table-driven on the whole-paper fixture lines, and sentences that only start like one.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { emptyByline } from "../../src/lib/ingest/byline.ts";
import type { Byline } from "../../src/lib/ingest/byline.ts";
import { parseDateline } from "../../src/lib/ingest/dateline.ts";
import { loadPageKnowledge } from "../../src/lib/ingest/page-knowledge.ts";
import { seedLine, type SeedDate } from "../support/seed-lines.ts";
import { wholePaperLine, type WholePaperPage } from "../support/whole-paper-lines.ts";

const { roles } = loadPageKnowledge(join(import.meta.dirname, "../../content/data"));

const byline = (fields: Partial<Byline>): Byline => ({ ...emptyByline(), ...fields });

interface Row {
  /** The fixture line, or null for a line written in the same form. */
  page: WholePaperPage | null;
  line?: number;
  text: string;
  /** The dateline as printed, credit included. */
  dateline: string;
  agency: string | null;
  place: string | null;
  people: Partial<Byline>;
  /** How the paragraph goes on after the dateline. */
  rest: string;
}

describe("parseDateline on datelines as printed", () => {
  const rows: Row[] = [
    {
      page: "issue-a/2023-03-06_p2.txt",
      line: 13,
      text: "本报讯（记者 刘慧敏 通讯员 张海涛）记者从自治区农牧厅获悉",
      dateline: "本报讯（记者 刘慧敏 通讯员 张海涛）",
      agency: null,
      place: null,
      people: { reporters: ["刘慧敏"], correspondents: ["张海涛"] },
      rest: "记者从自治区农牧厅获悉，",
    },
    {
      page: "issue-b/2024-05-20_p1.txt",
      line: 30,
      text: "本报讯（记者 刘建军 其其格 通讯员 孟凡宇）记者从满洲里海关获悉",
      dateline: "本报讯（记者 刘建军 其其格 通讯员 孟凡宇）",
      agency: null,
      place: null,
      people: { reporters: ["刘建军", "其其格"], correspondents: ["孟凡宇"] },
      rest: "记者从满洲里海关获悉，",
    },
    {
      page: "issue-b/2024-05-20_p3.txt",
      line: 11,
      text: "本报讯(记者 田晓龙 实习生 包雅琪)5月18日,乌兰察布市集宁区",
      dateline: "本报讯(记者 田晓龙 实习生 包雅琪)",
      agency: null,
      place: null,
      people: { reporters: ["田晓龙"], correspondents: ["包雅琪"] },
      rest: "5月18日,",
    },
    {
      page: "issue-a/2023-03-06_p1.txt",
      line: 29,
      text: "本报呼和浩特3月5日讯 （记者 王晓蕾 苏日娜）3月5日上午",
      dateline: "本报呼和浩特3月5日讯 （记者 王晓蕾 苏日娜）",
      agency: null,
      place: "呼和浩特",
      people: { reporters: ["王晓蕾", "苏日娜"] },
      rest: "3月5日上午，",
    },
    {
      page: "issue-a/2023-03-06_p2.txt",
      line: 23,
      text: "本报包头3月5日讯 （记者 格日勒图 实习生 王一鸣）3月5日，包头市",
      dateline: "本报包头3月5日讯 （记者 格日勒图 实习生 王一鸣）",
      agency: null,
      place: "包头",
      people: { reporters: ["格日勒图"], correspondents: ["王一鸣"] },
      rest: "3月5日，包头市",
    },
    {
      page: "issue-b/2024-05-20_p2.txt",
      line: 13,
      text: "本报鄂尔多斯5月19日讯（记者 王晓东）今年一季度",
      dateline: "本报鄂尔多斯5月19日讯（记者 王晓东）",
      agency: null,
      place: "鄂尔多斯",
      people: { reporters: ["王晓东"] },
      rest: "今年一季度，",
    },
    {
      page: null,
      text: "本报呼和浩特3月5日讯 记者 王晓蕾 苏日娜 3月5日上午，招聘会在市人力资源市场举行。",
      dateline: "本报呼和浩特3月5日讯 记者 王晓蕾 苏日娜",
      agency: null,
      place: "呼和浩特",
      people: { reporters: ["王晓蕾", "苏日娜"] },
      rest: "3月5日上午，",
    },
    {
      page: null,
      text: "新报讯(记者 张三)近日，呼和浩特市新城区开展便民服务活动。",
      dateline: "新报讯(记者 张三)",
      agency: "新报",
      place: null,
      people: { reporters: ["张三"] },
      rest: "近日，",
    },
    {
      page: "issue-a/2023-03-06_p1.txt",
      line: 49,
      text: "新华社北京3月5日电（记者 周明远 韩雪）记者5日从农业农村部获悉",
      dateline: "新华社北京3月5日电（记者 周明远 韩雪）",
      agency: "新华社",
      place: "北京",
      people: { reporters: ["周明远", "韩雪"] },
      rest: "记者5日从农业农村部获悉，",
    },
    {
      page: "issue-b/2024-05-20_p2.txt",
      line: 51,
      text: "中新社银川5月18日电（记者 马文博）眼下",
      dateline: "中新社银川5月18日电（记者 马文博）",
      agency: "中新社",
      place: "银川",
      people: { reporters: ["马文博"] },
      rest: "眼下，",
    },
    {
      page: "issue-a/2023-03-06_p2.txt",
      line: 51,
      text: "据新华社电 记者从黑龙江省农业农村厅获悉",
      dateline: "据新华社电",
      agency: "新华社",
      place: null,
      people: {},
      rest: "记者从黑龙江省农业农村厅获悉，",
    },
    {
      page: "issue-a/2023-03-06_p1.txt",
      line: 61,
      text: "本报3月5日讯 （记者 高娃）记者从自治区林业和草原局获悉",
      dateline: "本报3月5日讯 （记者 高娃）",
      agency: null,
      place: null,
      people: { reporters: ["高娃"] },
      rest: "记者从自治区林业和草原局获悉，",
    },
  ];
  for (const row of rows) {
    test(`${row.page ? `${row.page}:${row.line}` : "(written)"} ${row.dateline}`, () => {
      const text = row.page ? wholePaperLine(row.page, row.line ?? 0, { start: row.text }) : row.text;
      const parsed = parseDateline(text, roles);
      assert.ok(parsed, `${row.dateline} not read as a dateline`);
      assert.equal(parsed.text, row.dateline);
      assert.equal(parsed.agency, row.agency);
      assert.equal(parsed.place, row.place);
      assert.deepEqual(parsed.byline, byline({ ...row.people, agency: row.agency }));
      assert.ok(parsed.rest.startsWith(row.rest), `rest starts "${parsed.rest.slice(0, 20)}"`);
      assert.ok(text.endsWith(parsed.rest), "the rest is the paragraph as printed after the dateline");
    });
  }

  test("a dateline standing alone has no rest (本报讯, 新华社北京3月5日电)", () => {
    assert.deepEqual(parseDateline("本报讯", roles), { text: "本报讯", agency: null, place: null, byline: emptyByline(), rest: "" });
    const wire = parseDateline("新华社北京3月5日电", roles);
    assert.deepEqual([wire?.agency, wire?.place, wire?.rest], ["新华社", "北京", ""]);
  });

  test("本报讯 runs straight into the text without a credit (written)", () => {
    const parsed = parseDateline("本报讯近日，呼和浩特市新城区开展便民服务活动。", roles);
    assert.deepEqual([parsed?.text, parsed?.rest], ["本报讯", "近日，呼和浩特市新城区开展便民服务活动。"]);
  });
});

describe("sentences that are not datelines", () => {
  const written = [
    "本报记者从自治区电力公司获悉，今年以来全区电网建设明显加快。",
    "合作社电商销售额同比增长三成，带动农户户均增收2000元。",
    "呼和浩特市今年新建5G基站200座，实现城区5G网络全覆盖。",
    "包头市讯息产业园今年新入驻企业30家。",
    "本报呼和浩特电视台联合举办的晚会受到好评。",
  ];
  for (const text of written) {
    test(`${text.slice(0, 16)}… (written)`, () => {
      assert.equal(parseDateline(text, roles), null);
    });
  }

  const printed: { page: WholePaperPage; line: number; start: string }[] = [
    { page: "issue-a/2023-03-06_p1.txt", line: 33, start: "记者在现场看到" },
    { page: "issue-a/2023-03-06_p2.txt", line: 33, start: "敖汉旗是世界旱作农业系统所在地" },
    { page: "issue-b/2024-05-20_p1.txt", line: 17, start: "记者从自治区农牧厅获悉" },
    { page: "issue-b/2024-05-20_p2.txt", line: 53, start: "压砂种瓜是当地农民" },
  ];
  for (const row of printed) {
    test(`${row.page}:${row.line} ${row.start}…`, () => {
      assert.equal(parseDateline(wholePaperLine(row.page, row.line, { start: row.start }), roles), null);
    });
  }

  const seeds: { date: SeedDate; line: number; start: string }[] = [
    { date: "2022-11-08", line: 21, start: "2018年以来,呼和浩特市全力推进" },
    { date: "2022-11-08", line: 57, start: "包头市税务局第二稽查局" },
    { date: "2022-09-20", line: 25, start: "记者了解到," },
  ];
  for (const row of seeds) {
    test(`${row.date}:${row.line} ${row.start}… (a sentence that starts with a place or 记者)`, () => {
      assert.equal(parseDateline(seedLine(row.date, row.line, { start: row.start }), roles), null);
    });
  }
});
