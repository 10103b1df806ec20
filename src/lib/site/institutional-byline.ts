/**
 * Bylines that name an institution rather than a person: 本报评论员, 新华社评论员, 人民日报编辑部,
 * 本报记者 without a name, a research group (课题组). The ingest keeps them in `authors` as printed;
 * the site shows them as text, gives them no person page and leaves them out of people statistics.
 */

/**
 * Endings that mark an institutional byline. A Chinese personal name is two to four characters of
 * surname and given name; none of these words is used as one, so the test has no false positives
 * on names such as 白丹 or 欧阳评 (one character 评 alone is not enough).
 */
const INSTITUTIONAL_ENDINGS = [
  "评论员", // 本报评论员, 新华社评论员, 本报特约评论员
  "编辑部", // 本报编辑部
  "本报",
  "新华社",
  "人民日报",
  "光明日报",
  "经济日报",
  "社论",
  "记者", // 新华社记者, 本报记者: a staff credit that names nobody
  "通讯员",
  "课题组", // theory pieces: 自治区社科院课题组
  "调研组",
  "报道组",
  "写作组",
  "中心组", // 党委理论学习中心组
] as const;

/** Whether a byline name stands for an institution (本报评论员, 新华社评论员 …), not a person. */
export function isInstitutionalByline(name: string): boolean {
  const trimmed = name.trim();
  return INSTITUTIONAL_ENDINGS.some((ending) => trimmed.endsWith(ending));
}
