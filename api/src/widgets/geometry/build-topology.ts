import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/** A boundary level a widget can draw. NUTS levels use area codes `NUTS:<id>`, like the statistics. */
export const GEO_LEVELS = ['VOIVODESHIP', 'POWIAT', 'GMINA', 'NUTS2', 'NUTS3'] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];

export const isGeoLevel = (value: string): value is GeoLevel => (GEO_LEVELS as readonly string[]).includes(value);

/** One area's shape in lon/lat, keyed by the area code statistics use. */
export interface AreaShape {
  code: string;
  name: string;
  /** Code of the area one level up (voivodeship of a powiat, powiat of a gmina); null at the top. */
  parent: string | null;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/**
 * How much detail survives per level: the share of points kept (by Visvalingam weight), and the
 * quantisation grid. Chosen so a voivodeship map stays well under 60 KB gzipped with its data,
 * while gminas (2,477 of them) remain recognisable at a 600 px wide map.
 */
export const SIMPLIFICATION: Record<GeoLevel, { keep: number; quantization: number }> = {
  VOIVODESHIP: { keep: 0.3, quantization: 1e4 },
  POWIAT: { keep: 0.15, quantization: 1e4 },
  GMINA: { keep: 0.08, quantization: 1e4 },
  NUTS2: { keep: 0.5, quantization: 1e4 },
  NUTS3: { keep: 0.5, quantization: 1e4 },
};

/** Extra members the hub adds to a TopoJSON document (foreign members are allowed by the spec). */
export interface HubTopologyMeta {
  level: GeoLevel;
  /** True for the built-in tile grid: coordinates are a plane (y down), not lon/lat. */
  planar: boolean;
  attribution: { pl: string; en: string };
}

export type HubTopology = Topology & { seh: HubTopologyMeta };

/**
 * Shapes → one TopoJSON object named `areas`, with shared borders stored once, simplified and
 * quantised. Feature ids are the area codes; properties carry the name and the parent's code.
 */
export function buildTopology(level: GeoLevel, shapes: AreaShape[], attribution: { pl: string; en: string }): HubTopology {
  const { keep, quantization } = SIMPLIFICATION[level];
  const collection = {
    type: 'FeatureCollection' as const,
    features: [...shapes]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((s) => ({ type: 'Feature' as const, id: s.code, properties: { name: s.name, parent: s.parent }, geometry: s.geometry })),
  };
  // Simplify on exact coordinates, then quantise: simplifying a quantised topology writes floats back.
  let topo = presimplify(topology({ areas: collection as never }) as never);
  topo = simplify(topo, quantile(topo, 1 - keep));
  topo = quantize(topo as never, quantization) as never;
  return Object.assign(topo, { seh: { level, planar: false, attribution } }) as HubTopology;
}

/**
 * The built-in fallback: the 16 voivodeships as a tile grid (one square each, placed roughly where
 * the region lies), for a hub without boundary files. Row and column per TERYT code.
 */
const TILE_GRID: Record<string, [row: number, col: number]> = {
  '32': [0, 1], '22': [0, 2], '28': [0, 3],
  '08': [1, 0], '30': [1, 1], '04': [1, 2], '14': [1, 3], '20': [1, 4],
  '02': [2, 1], '10': [2, 2], '26': [2, 3], '06': [2, 4],
  '16': [3, 1], '24': [3, 2], '12': [3, 3], '18': [3, 4],
};

export const TILE_GRID_ATTRIBUTION = {
  pl: 'Kartogram kafelkowy (bez granic); kody: GUS, TERYT',
  en: 'Tile grid (no boundaries); codes: GUS, TERYT',
};

export function tileGridTopology(voivodeships: { code: string; name: string }[]): HubTopology {
  const size = 100;
  const gap = 4;
  const shapes: AreaShape[] = voivodeships
    .filter((v) => TILE_GRID[v.code])
    .map((v) => {
      const [row, col] = TILE_GRID[v.code];
      const x0 = col * size + gap, y0 = row * size + gap, x1 = (col + 1) * size - gap, y1 = (row + 1) * size - gap;
      return { code: v.code, name: v.name, parent: null, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
    });
  const collection = {
    type: 'FeatureCollection' as const,
    features: shapes.map((s) => ({ type: 'Feature' as const, id: s.code, properties: { name: s.name, parent: null }, geometry: s.geometry })),
  };
  const topo = topology({ areas: collection as never });
  return Object.assign(topo, { seh: { level: 'VOIVODESHIP' as const, planar: true, attribution: TILE_GRID_ATTRIBUTION } }) as HubTopology;
}
