/**
 * The maps of provinces' prefectures, one generated module per province
 * (scripts/build-region-geometry.ts, from the same licensed source: public/geo/LICENSE.md), and the
 * map of the configured province. A province without a generated map gets none: its region pages
 * list the prefectures without drawing them.
 */
import { PROVINCE } from "../province.ts";
import { MAP as NEIMENGGU } from "./neimenggu.ts";
import { MAP as NINGXIA } from "./ningxia.ts";
import { MAP as ZHEJIANG } from "./zhejiang.ts";

export type { LeagueShape, ProvinceMap } from "./map-shape.ts";
import type { ProvinceMap } from "./map-shape.ts";

/** Every generated map, by the province's official name. */
export const PROVINCE_MAPS: ReadonlyMap<string, ProvinceMap> = new Map([NEIMENGGU, NINGXIA, ZHEJIANG].map((map) => [map.province, map]));

/** The configured province's map, or null when none has been generated. */
export const CONFIGURED_MAP: ProvinceMap | null = PROVINCE_MAPS.get(PROVINCE.name) ?? null;
