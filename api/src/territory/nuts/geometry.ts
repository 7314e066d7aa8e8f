/**
 * Just enough planar geometry to place powiats in NUTS regions: GeoJSON-shaped polygons in
 * lon/lat, treated as a plane. That is good enough for a region lookup within one country, and it
 * keeps the hub free of a GIS dependency.
 */

export type Point = readonly [x: number, y: number];
/** A closed ring; the last position may repeat the first (GeoJSON) or not. */
export type Ring = readonly Point[];
/** An outer ring followed by its holes. */
export type Polygon = readonly Ring[];
export type MultiPolygon = readonly Polygon[];

/**
 * Calls `visit` with each edge of a ring, closing it whether or not the last position repeats the
 * first (zero-length edges skipped); stops early when `visit` returns true. A plain loop: these run
 * over every vertex of every powiat, and a generator costs several times more.
 */
function eachEdge(ring: Ring, visit: (a: Point, b: Point) => boolean | void): void {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[i + 1 === n ? 0 : i + 1];
    if ((a[0] !== b[0] || a[1] !== b[1]) && visit(a, b)) return;
  }
}

/** Signed area (shoelace formula) and the centroid of the area a ring encloses. */
function ringAreaAndCentroid(ring: Ring): { area: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  // Relative to the first vertex, so large coordinates do not swallow small areas.
  const [ox, oy] = ring[0] ?? [0, 0];
  eachEdge(ring, (a, b) => {
    const x0 = a[0] - ox, y0 = a[1] - oy, x1 = b[0] - ox, y1 = b[1] - oy;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  });
  if (twiceArea === 0) return { area: 0, cx: ox, cy: oy };
  return { area: twiceArea / 2, cx: ox + cx / (3 * twiceArea), cy: oy + cy / (3 * twiceArea) };
}

/** Area of a polygon: its outer ring less its holes, whatever the rings' orientation. */
export function polygonArea(polygon: Polygon): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringAreaAndCentroid(ring).area), 0);
}

/** The area-weighted centroid of a polygon with holes; it may lie outside the polygon. */
export function polygonCentroid(polygon: Polygon): Point {
  let area = 0, sx = 0, sy = 0;
  polygon.forEach((ring, i) => {
    const r = ringAreaAndCentroid(ring);
    const a = (i === 0 ? 1 : -1) * Math.abs(r.area);
    area += a;
    sx += a * r.cx;
    sy += a * r.cy;
  });
  return area > 0 ? [sx / area, sy / area] : (polygon[0]?.[0] ?? [0, 0]);
}

function onSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): boolean {
  if (px < Math.min(ax, bx) || px > Math.max(ax, bx) || py < Math.min(ay, by) || py > Math.max(ay, by)) return false;
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (Math.abs(cross) > 1e-12 * Math.max(1, Math.abs(bx - ax) + Math.abs(by - ay))) return false;
  return true;
}

/** Ray casting (even-odd) against one ring; a point on the ring counts as inside. */
function inRing(p: Point, ring: Ring): 'inside' | 'boundary' | 'outside' {
  let inside = false;
  let boundary = false;
  eachEdge(ring, (a, b) => {
    if (onSegment(p, a, b)) return (boundary = true);
    // Half-open rule on y, so a ray through a vertex counts it once.
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1])) inside = !inside;
  });
  return boundary ? 'boundary' : inside ? 'inside' : 'outside';
}

/** Whether a point lies in a polygon (inside its outer ring, not strictly inside a hole); its boundary counts as in. */
export function polygonContains(polygon: Polygon, p: Point): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || inRing(p, outer) === 'outside') return false;
  return holes.every((hole) => inRing(p, hole) !== 'inside');
}

export const multiPolygonContains = (shape: MultiPolygon, p: Point): boolean => shape.some((polygon) => polygonContains(polygon, p));

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax, dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from a point to the nearest edge of any ring of a shape (0 on the boundary). */
export function distanceToBoundary(shape: MultiPolygon, p: Point): number {
  let best = Infinity;
  for (const polygon of shape) for (const ring of polygon) eachEdge(ring, (a, b) => void (best = Math.min(best, segmentDistance(p, a, b))));
  return best;
}

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The bounding box of a shape, to skip most containment tests cheaply. */
export function bboxOf(shape: MultiPolygon): BBox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of shape) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < box.minX) box.minX = x;
      if (x > box.maxX) box.maxX = x;
      if (y < box.minY) box.minY = y;
      if (y > box.maxY) box.maxY = y;
    }
  }
  return box;
}

export const bboxContains = (box: BBox, [x, y]: Point): boolean => x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;

/** The polygon of a shape with the largest area. */
export function largestPolygon(shape: MultiPolygon): Polygon {
  let best: Polygon = shape[0] ?? [];
  let bestArea = -Infinity;
  for (const polygon of shape) {
    const area = polygonArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

/**
 * Midpoint of the widest stretch inside a polygon along the horizontal line y: the crossings with
 * every ring, sorted, pair up into inside stretches (even-odd). Null when the line misses the polygon.
 */
function scanLineMidpoint(polygon: Polygon, y: number): Point | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    eachEdge(ring, (a, b) => {
      if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    });
  }
  xs.sort((l, r) => l - r);
  let best: Point | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) [best, width] = [[(xs[i] + xs[i + 1]) / 2, y], xs[i + 1] - xs[i]];
  }
  return best;
}

/**
 * A point that represents a shape and lies inside it: the centroid of its largest polygon when the
 * centroid falls inside that polygon (a crescent or a ring around a city may have it outside),
 * else the midpoint of the widest inside stretch along the centroid's latitude, else along the
 * middle of the polygon's height.
 */
export function interiorPoint(shape: MultiPolygon): Point {
  const polygon = largestPolygon(shape);
  const centroid = polygonCentroid(polygon);
  if (polygonContains(polygon, centroid)) return centroid;
  const ys = (polygon[0] ?? []).map((p) => p[1]);
  const candidates = [centroid[1], (Math.min(...ys) + Math.max(...ys)) / 2];
  for (const y of candidates) {
    // Nudge off a vertex's latitude, where a crossing would be counted twice or not at all.
    const point = scanLineMidpoint(polygon, y) ?? scanLineMidpoint(polygon, y + 1e-9);
    if (point) return point;
  }
  return centroid;
}

/** GeoJSON geometry (Polygon or MultiPolygon) as a MultiPolygon; null for any other type. */
export function toMultiPolygon(geometry: { type: string; coordinates: unknown } | null | undefined): MultiPolygon | null {
  if (geometry?.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates as MultiPolygon;
  return null;
}
