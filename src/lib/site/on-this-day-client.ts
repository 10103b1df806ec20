/**
 * The browser's half of "on this day" (on-this-day.ts): when the reader's date is not the day the
 * page was built for, fetch that day's file and show its items from earlier years. Builds the list
 * with DOM calls only (titles are text, never markup). On the Traditional page (lang zh-Hant) it
 * shows the Traditional titles and links into /zh-hant/; the labels it writes are digits and
 * 年月日, the same in both scripts.
 */
import type { OnThisDayFile } from "./on-this-day.ts";
import { onThisDayPath, siteUrl, traditionalPath } from "./paths.ts";

const SHOWN = 5;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function label(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

export async function refreshOnThisDay(section: HTMLElement, now: Date): Promise<void> {
  const monthDay = `${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (section.dataset["onThisDay"] === monthDay && section.dataset["year"] === String(now.getFullYear())) return;
  const response = await fetch(siteUrl(onThisDayPath(monthDay)));
  if (!response.ok) return;
  const file = (await response.json()) as OnThisDayFile;
  const traditional = document.documentElement.lang === "zh-Hant";
  const items = file.articles.filter((item) => Number(item.date.slice(0, 4)) < now.getFullYear()).slice(0, SHOWN);
  const list = section.querySelector<HTMLElement>("[data-list]");
  const empty = section.querySelector<HTMLElement>("[data-empty]");
  const dayLabel = section.querySelector<HTMLElement>("[data-day-label]");
  if (!list || !empty || !dayLabel) return;
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.className = "title";
      link.href = siteUrl(traditional ? traditionalPath(item.url) : item.url);
      link.textContent = traditional ? item.titleHant : item.title;
      const meta = document.createElement("span");
      meta.className = "meta";
      const time = document.createElement("time");
      time.dateTime = item.date;
      time.textContent = label(item.date);
      meta.append(time);
      li.append(link, " ", meta);
      return li;
    }),
  );
  list.hidden = items.length === 0;
  empty.hidden = items.length > 0;
  dayLabel.textContent = `${now.getMonth() + 1}月${now.getDate()}日`;
  section.dataset["onThisDay"] = monthDay;
  section.dataset["year"] = String(now.getFullYear());
}
