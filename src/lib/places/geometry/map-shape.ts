/** The shape of a generated province map: its prefectures as SVG paths (scripts/build-region-geometry.ts). */

export interface LeagueShape {
  /** Official name, as used in article frontmatter `location`. */
  readonly name: string;
  /** GB/T 2260 administrative division code. */
  readonly adcode: string;
  /** Where the name is drawn, in SVG user units. */
  readonly label: readonly [number, number];
  /** SVG path data in the map's user units. */
  readonly path: string;
}

export interface ProvinceMap {
  /** The province's official name. */
  readonly province: string;
  /** The geometry's source file and package, for the licence notice. */
  readonly source: string;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly LeagueShape[];
  /**
   * The province's prefecture-level divisions (the gazetteer's leagues) that have no shape, and
   * why: not in the source, or too small to see at the province's scale (三沙市). Listed on the
   * region pages like any other, they are only left off the map.
   */
  readonly unmapped: readonly { readonly name: string; readonly reason: string }[];
}
