/**
 * The map the site draws: the configured province's prefectures (archive.config.yaml `province`),
 * generated per province by scripts/build-region-geometry.ts into src/lib/places/geometry/.
 * A province without a generated map draws none (no shapes).
 */
import { CONFIGURED_MAP } from "../places/geometry/province-map.ts";
import type { LeagueShape } from "../places/geometry/province-map.ts";

export type { LeagueShape };

export const MAP_WIDTH = CONFIGURED_MAP?.width ?? 1000;
export const MAP_HEIGHT = CONFIGURED_MAP?.height ?? 0;

/** The configured province's prefectures, in adcode order. */
export const LEAGUE_SHAPES: readonly LeagueShape[] = CONFIGURED_MAP?.shapes ?? [];
