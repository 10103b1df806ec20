/**
 * The maps of provinces' prefectures, one generated module per province
 * (scripts/build-region-geometry.ts, from the same licensed source: public/geo/LICENSE.md), and the
 * map of the configured province. Each module is imported on demand (map-modules.ts), so a build
 * loads and bundles only the configured province's. A province without a generated map gets none:
 * its region pages list the prefectures without drawing them.
 */
import { PROVINCE } from "../province.ts";
import type { ProvinceMap } from "./map-shape.ts";
import { MAP_MODULES } from "./map-modules.ts";

export type { LeagueShape, ProvinceMap } from "./map-shape.ts";

/** The provinces with a generated map, by official name. */
export const MAPPED_PROVINCES: readonly string[] = Object.keys(MAP_MODULES);

/** A province's generated map (by its official name), or null when none has been generated. */
export async function loadProvinceMap(province: string): Promise<ProvinceMap | null> {
  const load = Object.hasOwn(MAP_MODULES, province) ? MAP_MODULES[province] : undefined;
  return load ? (await load()).MAP : null;
}

/** The configured province's map, or null when none has been generated. */
export const CONFIGURED_MAP: ProvinceMap | null = await loadProvinceMap(PROVINCE.name);
