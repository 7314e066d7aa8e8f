import { bboxContains, bboxOf, distanceToBoundary, interiorPoint, largestPolygon, multiPolygonContains, polygonArea, polygonCentroid, polygonContains, type MultiPolygon, type Polygon } from './geometry';
import { mapPowiatsToNuts3, parseNutsFeatures, parsePowiatShapes } from './map-powiats-to-nuts';

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as const;
/** 10×10 square with a 4×4 hole in its middle. */
const squareWithHole: Polygon = [square(0, 0, 10), square(3, 3, 4)];
/** A C shape: its centroid falls in the mouth, outside the polygon. */
const cShape: Polygon = [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]];

describe('polygon geometry', () => {
  it('measures a square with a hole as its outer area less the hole, in either ring orientation', () => {
    expect(polygonArea(squareWithHole)).toBe(84);
    expect(polygonArea([[...square(0, 0, 10)].reverse(), square(3, 3, 4)])).toBe(84);
  });

  it('finds the centroid of a symmetric polygon with a hole at its centre, and of a C shape off-centre', () => {
    expect(polygonCentroid(squareWithHole)).toEqual([5, 5]);
    const [cx, cy] = polygonCentroid(cShape);
    expect(cy).toBeCloseTo(5);
    expect(cx).toBeLessThan(5);
  });

  it('counts a point inside the outer ring but inside a hole as outside', () => {
    expect(polygonContains(squareWithHole, [1, 1])).toBe(true);
    expect(polygonContains(squareWithHole, [5, 5])).toBe(false);
    expect(polygonContains(squareWithHole, [11, 5])).toBe(false);
  });

  it('counts a point on an edge or a vertex, of the outer ring or of a hole, as inside', () => {
    expect(polygonContains(squareWithHole, [10, 5])).toBe(true);
    expect(polygonContains(squareWithHole, [0, 0])).toBe(true);
    expect(polygonContains(squareWithHole, [3, 5])).toBe(true);
  });

  it('counts a ray through a vertex once (a point level with a diamond’s side vertices)', () => {
    const diamond: Polygon = [[[5, 0], [10, 5], [5, 10], [0, 5], [5, 0]]];
    expect(polygonContains(diamond, [5, 5])).toBe(true);
    expect(polygonContains(diamond, [-1, 5])).toBe(false);
    expect(polygonContains(diamond, [11, 5])).toBe(false);
  });

  it('accepts rings that do not repeat their first position', () => {
    expect(polygonContains([[[0, 0], [4, 0], [4, 4], [0, 4]]], [2, 2])).toBe(true);
  });

  it('finds a point in any polygon of a multipolygon, including a polygon inside another’s hole', () => {
    const islands: MultiPolygon = [squareWithHole, [square(4, 4, 2)], [square(20, 0, 2)]];
    expect(multiPolygonContains(islands, [5, 5])).toBe(true);
    expect(multiPolygonContains(islands, [21, 1])).toBe(true);
    expect(multiPolygonContains(islands, [3.5, 3.5])).toBe(false);
    expect(multiPolygonContains(islands, [15, 1])).toBe(false);
    expect(largestPolygon(islands)).toBe(squareWithHole);
    expect(bboxOf(islands)).toEqual({ minX: 0, minY: 0, maxX: 22, maxY: 10 });
    expect(bboxContains(bboxOf(islands), [15, 1])).toBe(true);
    expect(bboxContains(bboxOf(islands), [15, 11])).toBe(false);
  });

  it('measures the distance to the nearest edge of any ring, holes included', () => {
    expect(distanceToBoundary([squareWithHole], [5, 5])).toBe(2);
    expect(distanceToBoundary([squareWithHole], [13, 14])).toBe(5);
    expect(distanceToBoundary([squareWithHole], [10, 5])).toBe(0);
  });
});

describe('interiorPoint', () => {
  it('takes the centroid of the largest polygon when it lies inside it', () => {
    expect(interiorPoint([[square(0, 0, 2)], [square(10, 10, 4)]])).toEqual([12, 12]);
  });

  it('falls back to a point inside when the centroid is in a hole (a powiat ringing a city)', () => {
    const p = interiorPoint([squareWithHole]);
    expect(polygonContains(squareWithHole, p)).toBe(true);
    expect(p[1]).toBe(5);
  });

  it('falls back to a point inside when the centroid is in the mouth of a C shape', () => {
    const p = interiorPoint([cShape]);
    expect(polygonContains(cShape, p)).toBe(true);
  });
});

describe('mapPowiatsToNuts3', () => {
  const nuts = (code: string, level: 2 | 3, coordinates: unknown, type = 'Polygon', country = 'PL') => ({
    properties: { NUTS_ID: code, NUTS_NAME: `Region ${code}`, NAME_LATN: `Region ${code}`, CNTR_CODE: country, LEVL_CODE: level },
    geometry: { type, coordinates },
  });
  const regions = parseNutsFeatures(
    {
      features: [
        nuts('PL213', 3, [square(0, 50, 1)]),
        nuts('PL214', 3, [[[...square(-2, 48, 5)], [...square(0, 50, 1)]], [square(10, 48, 1)]], 'MultiPolygon'),
        nuts('DE254', 3, [square(-20, 48, 1)], 'Polygon', 'DE'),
      ],
    },
    3,
    'test.geojson',
  );

  it('keeps only Polish regions and names each NUTS-3 region’s NUTS-2 parent', () => {
    expect(regions.map(({ code, parentCode, name }) => ({ code, parentCode, name }))).toEqual([
      { code: 'PL213', parentCode: 'PL21', name: 'Region PL213' },
      { code: 'PL214', parentCode: 'PL21', name: 'Region PL214' },
    ]);
  });

  it('places a city in the region inside the hole and its ring-shaped powiat in the surrounding region', () => {
    const powiats = parsePowiatShapes(
      {
        features: [
          { properties: { teryt: '1261' }, geometry: { type: 'Polygon', coordinates: [square(0.1, 50.1, 0.8)] } },
          { properties: { teryt: '1206' }, geometry: { type: 'Polygon', coordinates: [square(-1, 49, 3), square(0, 50, 1)] } },
          { properties: { teryt: '1299' }, geometry: { type: 'Polygon', coordinates: [square(10.2, 48.2, 0.5)] } },
        ],
      },
      'teryt',
      'powiaty.geojson',
    );
    expect(mapPowiatsToNuts3(powiats, regions).map(({ powiatCode, nuts3Code, method }) => [powiatCode, nuts3Code, method])).toEqual([
      ['1206', 'PL214', 'centroid-in-polygon'],
      ['1261', 'PL213', 'centroid-in-polygon'],
      ['1299', 'PL214', 'centroid-in-polygon'],
    ]);
  });

  it('takes the region with the nearest boundary for a powiat outside every region, and says so', () => {
    const offshore = parsePowiatShapes({ features: [{ properties: { teryt: '2262' }, geometry: { type: 'Polygon', coordinates: [square(3.2, 50.2, 0.2)] } }] }, 'teryt', 'p');
    expect(mapPowiatsToNuts3(offshore, regions)[0]).toMatchObject({ powiatCode: '2262', nuts3Code: 'PL214', method: 'nearest' });
  });

  it('measures "nearest" with longitude degrees shortened as at Poland’s latitude', () => {
    // The point (20, 52) is 1.2° of longitude from the east region (≈ 82 km) and 1° of latitude from the north one (≈ 111 km).
    const two = parseNutsFeatures({ features: [nuts('PL811', 3, [square(21.2, 51, 1)]), nuts('PL841', 3, [square(19, 53, 1)])] }, 3, 't');
    const between = parsePowiatShapes({ features: [{ properties: { teryt: '0601' }, geometry: { type: 'Polygon', coordinates: [square(19.99, 51.99, 0.02)] } }] }, 'teryt', 'p');
    expect(mapPowiatsToNuts3(between, two)[0]).toMatchObject({ nuts3Code: 'PL811', method: 'nearest' });
  });

  it('refuses a powiat code that is not 4 digits', () => {
    expect(() => parsePowiatShapes({ features: [{ properties: { teryt: '126' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } }] }, 'teryt', 'p.geojson')).toThrow(
      /"126" in property teryt is not a 4-digit powiat code/,
    );
  });
});
