import { bboxContains, bboxOf, distanceToBoundary, interiorPoint, multiPolygonContains, toMultiPolygon, type MultiPolygon, type Point } from './geometry';

/** How a powiat was placed in its NUTS-3 region. */
export type PowiatNutsMethod = 'centroid-in-polygon' | 'nearest';

/** A Polish NUTS region read from a GISCO file. */
export interface NutsRegionRecord {
  code: string;
  level: 2 | 3;
  name: string;
  /** NUTS-2 code of a NUTS-3 region; null for NUTS-2. */
  parentCode: string | null;
}

export interface Shape {
  code: string;
  shape: MultiPolygon;
}

export interface PowiatNuts3Match {
  powiatCode: string;
  nuts3Code: string;
  method: PowiatNutsMethod;
  /** The point tested, in lon/lat. */
  point: Point;
}

interface GeoJsonFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

function featuresOf(geojson: unknown, file: string): GeoJsonFeature[] {
  const features = (geojson as { features?: unknown })?.features;
  if (!Array.isArray(features)) throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  return features as GeoJsonFeature[];
}

/** The Polish regions (CNTR_CODE PL) of a GISCO NUTS file of one level, with their shapes. */
export function parseNutsFeatures(geojson: unknown, level: 2 | 3, file: string): (NutsRegionRecord & Shape)[] {
  const out: (NutsRegionRecord & Shape)[] = [];
  for (const f of featuresOf(geojson, file)) {
    const p = f.properties ?? {};
    if (p.CNTR_CODE !== 'PL') continue;
    const code = String(p.NUTS_ID ?? '');
    if (Number(p.LEVL_CODE) !== level || code.length !== level + 2) throw new Error(`${file}: ${code} is not a NUTS-${level} code`);
    const shape = toMultiPolygon(f.geometry);
    if (!shape) throw new Error(`${file}: ${code} has no polygon geometry`);
    const name = String(p.NUTS_NAME ?? p.NAME_LATN ?? code);
    out.push({ code, level, name, parentCode: level === 3 ? code.slice(0, 4) : null, shape });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** Powiat shapes keyed by their 4-digit TERYT code, read from the property `codeProperty`. */
export function parsePowiatShapes(geojson: unknown, codeProperty: string, file: string): Shape[] {
  const byCode = new Map<string, MultiPolygon[]>();
  for (const f of featuresOf(geojson, file)) {
    const code = String(f.properties?.[codeProperty] ?? '');
    if (!/^\d{4}$/.test(code)) throw new Error(`${file}: "${code}" in property ${codeProperty} is not a 4-digit powiat code`);
    const shape = toMultiPolygon(f.geometry);
    if (!shape) throw new Error(`${file}: powiat ${code} has no polygon geometry`);
    byCode.set(code, [...(byCode.get(code) ?? []), shape]);
  }
  return [...byCode].map(([code, shapes]) => ({ code, shape: shapes.flat() })).sort((a, b) => a.code.localeCompare(b.code));
}

// Longitude degrees shrink with latitude; scaling them by cos(52°) (Poland's middle) makes the
// "nearest boundary" fair between east-west and north-south distances.
const LON_SCALE = Math.cos((52 * Math.PI) / 180);
const project = (shape: MultiPolygon): MultiPolygon => shape.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x * LON_SCALE, y] as const)));

/**
 * Places each powiat in the NUTS-3 region containing a representative interior point of it. The
 * 1:20 million NUTS outlines are generalised, so a point on a coast or a border may fall outside
 * every region; then the region whose boundary is nearest is taken, and the match says so.
 */
export function mapPowiatsToNuts3(powiats: readonly Shape[], nuts3: readonly Shape[]): PowiatNuts3Match[] {
  if (!nuts3.length) throw new Error('No NUTS-3 regions to map powiats to');
  const regions = nuts3.map((r) => {
    const shape = project(r.shape);
    return { code: r.code, shape, bbox: bboxOf(shape) };
  });
  return powiats.map((powiat) => {
    const projected = interiorPoint(project(powiat.shape));
    const point: Point = [projected[0] / LON_SCALE, projected[1]];
    const containing = regions.find((r) => bboxContains(r.bbox, projected) && multiPolygonContains(r.shape, projected));
    if (containing) return { powiatCode: powiat.code, nuts3Code: containing.code, method: 'centroid-in-polygon', point };
    let nearest = regions[0];
    let distance = Infinity;
    for (const r of regions) {
      const d = distanceToBoundary(r.shape, projected);
      if (d < distance) [nearest, distance] = [r, d];
    }
    return { powiatCode: powiat.code, nuts3Code: nearest.code, method: 'nearest', point };
  });
}
