/** The site's main navigation, and which entry a path belongs to. */

export interface NavItem {
  label: string;
  href: string;
}

export const MAIN_NAV: readonly NavItem[] = [
  { label: "期号", href: "/issues/" },
  { label: "记者", href: "/reporters/" },
  { label: "地区", href: "/regions/" },
  { label: "栏目", href: "/sections/" },
  { label: "统计", href: "/stats/" },
  { label: "解析报告", href: "/report/" },
  { label: "关于", href: "/about/" },
];

/** The nav entry a page path falls under ("/issues/2022-11-08/" → "/issues/"), if any. */
export function currentNavHref(path: string): string | undefined {
  return MAIN_NAV.find((item) => path.startsWith(item.href))?.href;
}
