import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { jsonStatProblems, sdmxCsvProblems } from './exports-standards';
import { importTerritory, parseCsv } from '../../api/src/territory';
import { IndicatorService, refreshIndicators, seedDemoRegistry } from '../../api/src/observatory';
import { IndicatorBreakdown } from '../../api/src/observatory/indicators';

/**
 * The exports end to end: a small registry on the built-in territory (Poland and its 16
 * voivodeships), the real indicator refresh, then every format over HTTP, compared with the
 * figures GraphQL serves. Registry rows are written here by hand (as in tests/db/indicators-refresh)
 * because the demo seed does not write entity_state yet; the last block runs the demo seed anyway.
 *
 * Version 1: social cooperatives in 12 (małopolskie) ×5 + one in liquidation, 02 ×4, 22 ×3, 18 ×1
 * (podkarpackie: a single entity, so its figure is confidential). Version 2 adds 3 in 18 and 2 in 12.
 */
const E = (n: number) => `5e0c0e00-0000-4000-8000-${String(n).padStart(12, '0')}`;
let serial = 0;

async function addCooperatives(db: TestDatabase, seat: string, count: number, status = 'ACTIVE'): Promise<void> {
  const em = db.orm.em.fork();
  for (let i = 0; i < count; i += 1) {
    serial += 1;
    const id = E(serial);
    await em.execute(
      `insert into social_economy_entity (id, name, search_name, legal_form, seat_teryt_code, founded_on, status, social_enterprise)
       values (?, ?, ?, 'SOCIAL_COOPERATIVE', ?, '2020-01-01', ?, false)`,
      [id, `Spółdzielnia testowa ${serial}`, `spoldzielnia testowa ${serial}`, seat, status],
    );
    await em.execute(`insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from) values (?, 'SOCIAL_COOPERATIVE', ?, ?, false, '2020-01-01')`, [id, seat, status]);
  }
}

/** Bytes as sent, whatever the content type. */
const raw = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const FORMATS = ['csv', 'xlsx', 'json', 'sdmx.csv'] as const;
const SLICE = 'level=VOIVODESHIP&years=2024,2025';

interface PublicFigure {
  areaCode: string;
  year: number;
  category: string;
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

describe('exports over HTTP on a refreshed registry', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  let v1: string;
  let v2: string;
  const before: Record<string, request.Response> = {};
  let currentBefore: request.Response;

  const get = (path: string, headers: Record<string, string> = {}) => request(t.hub.app).get(path).set(headers).buffer(true).parse(raw);
  const figures = async (version: string, breakdown = 'TOTAL'): Promise<PublicFigure[]> => {
    const res = await t.gql(`{ indicator(code: "SOCIAL_COOPERATIVES") { values(level: VOIVODESHIP, years: [2024, 2025], breakdown: ${breakdown}, version: "${version}") { areaCode year category value suppressed suppressionReason } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.indicator.values;
  };
  const figure = (list: PublicFigure[], areaCode: string, year: number, category = 'TOTAL') => list.find((f) => f.areaCode === areaCode && f.year === year && f.category === category)!;

  beforeAll(async () => {
    db = await createTestDatabase('exports');
    await importTerritory(db.orm.em.fork(), {});
    await addCooperatives(db, '12', 5);
    await addCooperatives(db, '12', 1, 'IN_LIQUIDATION');
    await addCooperatives(db, '02', 4);
    await addCooperatives(db, '22', 3);
    await addCooperatives(db, '18', 1);
    v1 = (await refreshIndicators(db.orm.em.fork(), { cause: 'exports test, version 1', years: { from: 2024, to: 2025 } })).version.label;
    t = await startHubTestApp(db.url);
    for (const format of FORMATS) before[format] = await get(`/exports/indicators/SOCIAL_COOPERATIVES.${format}?${SLICE}&version=${v1}`);
    currentBefore = await get(`/exports/indicators/SOCIAL_COOPERATIVES.json?${SLICE}`);

    await addCooperatives(db, '18', 3);
    await addCooperatives(db, '12', 2);
    v2 = (await refreshIndicators(db.orm.em.fork(), { cause: 'exports test, version 2', years: { from: 2024, to: 2025 } })).version.label;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('serves JSON-stat 2.0 that passes the schema and carries the GraphQL figures, hidden ones as null with status c', async () => {
    const res = await get(`/exports/indicators/SOCIAL_COOPERATIVES.json?${SLICE}&version=${v1}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(res.body.toString('utf8'));
    expect(jsonStatProblems(doc)).toEqual([]);
    expect(doc.size).toEqual([1, 16, 2, 1]);
    const api = await figures(v1);
    const areas: string[] = doc.dimension.area.category.index;
    const years: string[] = doc.dimension.year.category.index;
    let hidden = 0;
    areas.forEach((area, a) =>
      years.forEach((year, y) => {
        const index = a * years.length + y;
        const expected = figure(api, area, Number(year));
        expect(doc.value[index]).toBe(expected.value);
        if (expected.suppressed) {
          hidden += 1;
          expect(doc.status[String(index)]).toBe('c');
          expect(doc.extension.suppressionReason[String(index)]).toBe(expected.suppressionReason);
        } else expect(doc.status[String(index)]).toBeUndefined();
      }),
    );
    expect(hidden).toBeGreaterThan(0);
    expect(doc.value[areas.indexOf('12') * 2 + 1]).toBe(6);
    expect(doc.extension).toMatchObject({ dataVersion: v1, url: `/exports/indicators/SOCIAL_COOPERATIVES.json?${SLICE}&version=${v1}` });
    expect(doc.extension.citation.pl).toContain(`wersja danych ${v1}`);
    expect(doc.extension.citation.en).toContain(`data version ${v1}`);
  });

  it('never reveals a confidential figure: the single cooperative in podkarpackie is flagged, its value is in no format', async () => {
    const analyst = await new IndicatorService(db.orm.em.fork()).values({ indicatorCodes: ['SOCIAL_COOPERATIVES'], areaCodes: ['18'], years: [2025], breakdown: IndicatorBreakdown.TOTAL, version: v1 }, { revealSuppressed: true });
    expect(analyst[0]).toMatchObject({ suppressed: true, suppressionReason: 'FEW_UNITS', value: 1 });

    const csv = parseCsv(before.csv.body.toString('utf8'), ';');
    const row = csv.rows.find((r) => r[1] === '18' && r[4] === '2025')!;
    expect([row[9], row[11], row[12]]).toEqual(['', 'c', 'FEW_UNITS']);
    const sdmx = parseCsv(before['sdmx.csv'].body.toString('utf8'), ',');
    const col = (name: string) => sdmx.header.indexOf(name);
    const obs = sdmx.rows.find((r) => r[col('REF_AREA')] === '18' && r[col('TIME_PERIOD')] === '2025')!;
    expect([obs[col('OBS_VALUE')], obs[col('OBS_STATUS')], obs[col('CONF_STATUS')], obs[col('SUPPRESSION_REASON')]]).toEqual(['', 'Q', 'C', 'FEW_UNITS']);
  });

  it('writes SDMX-CSV 2.0 by the standard’s column rules, with the GraphQL figures', async () => {
    const res = before['sdmx.csv'];
    expect(res.headers['content-type']).toBe('application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8');
    const { header, rows } = parseCsv(res.body.toString('utf8'), ',');
    expect(header.slice(0, 3)).toEqual(['STRUCTURE[;]', 'STRUCTURE_ID', 'ACTION']);
    expect(sdmxCsvProblems(header, rows)).toEqual([]);
    expect(rows).toHaveLength(32);
    const api = await figures(v1);
    const col = (name: string) => header.indexOf(name);
    for (const r of rows) {
      const expected = figure(api, r[col('REF_AREA')], Number(r[col('TIME_PERIOD')]));
      expect(r[col('OBS_VALUE')]).toBe(expected.value === null ? '' : String(expected.value));
      expect(r[col('OBS_STATUS')]).toBe(expected.suppressed ? 'Q' : 'A');
    }
  });

  it('reads back the XLSX with the GraphQL figures on the data sheet and the definition on the metadata sheet', async () => {
    const res = before.xlsx;
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body);
    const [data, meta] = workbook.worksheets;
    expect(data.rowCount).toBe(1 + 32);
    const api = await figures(v1);
    for (let i = 2; i <= data.rowCount; i += 1) {
      const row = data.getRow(i).values as unknown[];
      const expected = figure(api, String(row[2]), Number(row[5]));
      expect(row[10] ?? null).toBe(expected.value);
      expect(row[12] ?? null).toBe(expected.suppressed ? 'c' : null);
    }
    const metaRows = Array.from({ length: meta.rowCount - 1 }, (_, i) => meta.getRow(i + 2).values as unknown[]);
    const definitions = await new IndicatorService(db.orm.em.fork()).definitions(['SOCIAL_COOPERATIVES']);
    expect(metaRows.find((r) => r[1] === 'definition')!.slice(3, 5)).toEqual([definitions[0].descriptionPl, definitions[0].descriptionEn]);
    expect(metaRows.find((r) => r[1] === 'data_version')![3]).toBe(v1);
  });

  it('parses back the CSV: BOM, semicolons, Polish header and the GraphQL figures; English on request', async () => {
    const text = before.csv.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(before.csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const { header, rows } = parseCsv(text, ';');
    expect(header.slice(0, 3)).toEqual(['Kod wskaźnika', 'Kod obszaru', 'Obszar']);
    const api = await figures(v1);
    for (const r of rows) {
      const expected = figure(api, r[1], Number(r[4]));
      expect(r[9] === '' ? null : Number(r[9].replace(',', '.'))).toBe(expected.value);
    }
    const en = await get(`/exports/indicators/SOCIAL_COOPERATIVES.csv?${SLICE}&version=${v1}&lang=en`);
    expect(parseCsv(en.body.toString('utf8'), ';').header.slice(0, 3)).toEqual(['Indicator code', 'Area code', 'Area']);
    expect(en.headers['content-language']).toBe('en');
    const meta = await get(`/exports/indicators/SOCIAL_COOPERATIVES.csv?${SLICE}&version=${v1}&meta=1`);
    const metaRows = parseCsv(meta.body.toString('utf8'), ';').rows;
    expect(metaRows.find((r) => r[0] === 'data_version')![2]).toBe(v1);
    expect(meta.headers['content-disposition']).toBe(`attachment; filename="SOCIAL_COOPERATIVES_VOIVODESHIP_${v1}_meta.csv"`);
  });

  it('exports a breakdown with its TOTAL, every category labelled in both languages', async () => {
    const res = await get(`/exports/indicators/SOCIAL_COOPERATIVES.json?${SLICE}&version=${v1}&breakdown=STATUS&lang=en`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body.toString('utf8'));
    expect(jsonStatProblems(doc)).toEqual([]);
    expect(doc.dimension.category.category.index[0]).toBe('TOTAL');
    expect(doc.dimension.category.category.index).toContain('IN_LIQUIDATION');
    expect(doc.dimension.category.category.label.IN_LIQUIDATION).toBe('In liquidation');
    expect(doc.dimension.category.extension.labels.pl.IN_LIQUIDATION).toBe('W likwidacji');
    const api = await figures(v1, 'STATUS');
    const categories: string[] = doc.dimension.category.category.index;
    const a = doc.dimension.area.category.index.indexOf('12');
    const c = categories.indexOf('ACTIVE');
    expect(doc.value[(a * 2 + 1) * categories.length + c]).toBe(figure(api, '12', 2025, 'ACTIVE').value);
  });

  it('keeps an old data version byte-for-byte after a later refresh, and serves the new figures without a version', async () => {
    expect(v2).not.toBe(v1);
    for (const format of FORMATS) {
      const again = await get(`/exports/indicators/SOCIAL_COOPERATIVES.${format}?${SLICE}&version=${v1}`);
      expect(again.status).toBe(200);
      expect(again.headers.etag).toBe(before[format].headers.etag);
      expect(again.body.equals(before[format].body)).toBe(true);
    }
    const now = await get(`/exports/indicators/SOCIAL_COOPERATIVES.json?${SLICE}`);
    const doc = JSON.parse(now.body.toString('utf8'));
    const oldDoc = JSON.parse(currentBefore.body.toString('utf8'));
    expect(doc.extension.dataVersion).toBe(v2);
    expect(oldDoc.extension.dataVersion).toBe(v1);
    const at = (d: typeof doc, area: string) => d.value[d.dimension.area.category.index.indexOf(area) * 2 + 1];
    expect(at(oldDoc, '12')).toBe(6);
    expect(at(doc, '12')).toBe(8);
    expect(at(oldDoc, '18')).toBeNull();
    expect(at(doc, '18')).toBe(4);
    expect(now.headers.etag).not.toBe(currentBefore.headers.etag);
  });

  it('caches a versioned URL for a year as immutable, and points a versionless one at its versioned twin for five minutes', async () => {
    const pinned = before.json;
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers['content-location']).toBeUndefined();
    expect(pinned.headers['x-data-version']).toBe(v1);
    expect(pinned.headers['content-disposition']).toBe(`attachment; filename="SOCIAL_COOPERATIVES_VOIVODESHIP_${v1}.json"`);
    expect(Number(pinned.headers['content-length'])).toBe(pinned.body.length);

    const floating = await get(`/exports/indicators/SOCIAL_COOPERATIVES.sdmx.csv?years=2025,2024&level=VOIVODESHIP`);
    const canonical = `/exports/indicators/SOCIAL_COOPERATIVES.sdmx.csv?${SLICE}&version=${v2}`;
    expect(floating.headers['cache-control']).toBe('public, max-age=300');
    expect(floating.headers['content-location']).toBe(canonical);
    expect(floating.headers.link).toBe(`<${canonical}>; rel="canonical"`);
    expect(floating.headers['x-data-version']).toBe(v2);
    expect(floating.headers['access-control-allow-origin']).toBe('*');
    const twin = await get(canonical);
    expect(twin.headers.etag).toBe(floating.headers.etag);
    expect(twin.body.equals(floating.body)).toBe(true);
  });

  it('answers If-None-Match with 304 from a strong ETag, without reading any value', async () => {
    const first = await get(`/exports/indicators/SOCIAL_COOPERATIVES.xlsx?${SLICE}`);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const etags = new Set([etag, before.xlsx.headers.etag, before.json.headers.etag, before.csv.headers.etag, before['sdmx.csv'].headers.etag]);
    expect(etags.size).toBe(5);

    t.sql.statements.length = 0;
    const second = await get(`/exports/indicators/SOCIAL_COOPERATIVES.xlsx?${SLICE}`, { 'If-None-Match': `"other", W/${etag}` });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(second.headers.etag).toBe(etag);
    expect(second.headers['cache-control']).toBe('public, max-age=300');
    expect(t.sql.statements.some((s) => s.includes('indicator_value'))).toBe(false);
    expect(t.sql.statements.length).toBeLessThanOrEqual(3);
  });

  it.each([
    ['/exports/indicators/NO_SUCH_INDICATOR.csv?level=COUNTRY', 404, 'INDICATOR_NOT_FOUND'],
    ['/exports/indicators/social_cooperatives.csv?level=COUNTRY', 404, 'INDICATOR_NOT_FOUND'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.pdf?level=COUNTRY', 404, 'FORMAT_NOT_SUPPORTED'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv', 400, 'LEVEL_REQUIRED'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=CITY', 400, 'INVALID_LEVEL'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&years=20x5', 400, 'INVALID_YEARS'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&breakdown=LEGAL_FORM', 400, 'BREAKDOWN_NOT_AVAILABLE'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&version=2000-01-01.1', 404, 'DATA_VERSION_NOT_FOUND'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&parent=99', 404, 'AREA_NOT_FOUND'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&parent=%27;drop', 400, 'INVALID_PARENT'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&lang=de', 400, 'INVALID_LANG'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&level=GMINA', 400, 'REPEATED_PARAMETER'],
    ['/exports/indicators/SOCIAL_COOPERATIVES.csv?level=COUNTRY&yaers=2024', 400, 'UNKNOWN_PARAMETER'],
    ['/exports/nothing-here', 404, 'NOT_FOUND'],
  ])('answers %s with %i %s as JSON, never cached', async (path, status, code) => {
    const res = await request(t.hub.app).get(path);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  });

  it('serves an area within a parent, here Poland within itself at country level', async () => {
    const res = await get(`/exports/indicators/SOCIAL_COOPERATIVES.json?level=COUNTRY&parent=PL&years=2025`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body.toString('utf8'));
    expect(jsonStatProblems(doc)).toEqual([]);
    expect(doc.dimension.area.category.index).toEqual(['PL']);
    expect(doc.dimension.area.category.label.PL).toBe('Polska');
    expect(doc.value).toEqual([8 + 4 + 3 + 4]); // version 2: 12, 02, 22 and 18 together
  });
});

describe('exports after the demo seed', () => {
  let db: TestDatabase;
  let t: HubTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('exports_demo');
    await importTerritory(db.orm.em.fork(), {});
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 });
    await refreshIndicators(db.orm.em.fork(), { cause: 'demo seed', years: { from: 2024, to: 2025 } });
    t = await startHubTestApp(db.url);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('exports every starter indicator with each breakdown it offers as valid JSON-stat and SDMX-CSV', async () => {
    const indicators = await new IndicatorService(db.orm.em.fork()).definitions();
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) {
      for (const breakdown of ['TOTAL', ...indicator.breakdowns]) {
        const query = `level=VOIVODESHIP&breakdown=${breakdown}`;
        const json = await request(t.hub.app).get(`/exports/indicators/${indicator.code}.json?${query}`);
        expect(json.status).toBe(200);
        expect(jsonStatProblems(json.body)).toEqual([]);
        const sdmx = await request(t.hub.app).get(`/exports/indicators/${indicator.code}.sdmx.csv?${query}`).buffer(true).parse(raw);
        const { header, rows } = parseCsv(sdmx.body.toString('utf8'), ',');
        expect(sdmxCsvProblems(header, rows)).toEqual([]);
        expect(rows.length).toBe(json.body.value.length);
      }
    }
  });
});
