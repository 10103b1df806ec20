/** The site's main navigation, and which entry a path belongs to. */
import { aboutPath, issuesPath, leaguesPath, peoplePath, reportPath, sectionsPath, statsPath } from "./paths.ts";

export interface NavItem {
  label: string;
  href: string;
}

export const MAIN_NAV: readonly NavItem[] = [
  { label: "期号", href: issuesPath() },
  { label: "记者", href: peoplePath() },
  { label: "地区", href: leaguesPath() },
  { label: "栏目", href: sectionsPath() },
  { label: "统计", href: statsPath() },
  { label: "解析报告", href: reportPath() },
  { label: "关于", href: aboutPath() },
];

/** The nav entry a page path falls under ("/issues/2022-11-08/" → "/issues/"), if any. */
export function currentNavHref(path: string): string | undefined {
  return MAIN_NAV.find((item) => path.startsWith(item.href))?.href;
}
