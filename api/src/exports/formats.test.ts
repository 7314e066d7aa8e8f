import 'reflect-metadata';
import { Indicator, IndicatorBreakdown, IndicatorValue, SuppressionReason } from '../observatory/indicators';
import { parseCsv } from '../territory';
import { jsonStatProblems, sdmxCsvProblems } from '../../../tests/http/exports-standards';
import { buildExportDataset, type ExportDataset } from './export-dataset';
import { parseExportRequest } from './export-request';
import { formatCsv, formatCsvMetadata, CSV_HEADERS } from './format-csv';
import { formatJsonStat } from './format-jsonstat';
import { formatSdmxCsv, SDMX_HEADER } from './format-sdmx-csv';
import { formatXlsx } from './format-xlsx';
import { fixZipTimestamps } from './fix-zip-timestamps';

const VERSION = { label: '2026-11-27.1', status: 'PUBLISHED', citation: 'KOGS, wersja danych 2026-11-27.1 / KOGS, data version 2026-11-27.1', publishedAt: new Date('2026-11-27T10:15:30.000Z') };

const indicator = Object.assign(new Indicator(), {
  code: 'REINTEGRATION_UNITS',
  namePl: 'Jednostki reintegracyjne (CIS, KIS, ZAZ, WTZ)',
  nameEn: 'Reintegration units (CIS, KIS, ZAZ, WTZ)',
  descriptionPl: 'Działające centra i kluby integracji społecznej; „cudzysłów”; średnik; i przecinek, też.',
  descriptionEn: 'Operating social integration centres, "quoted"; with a semicolon.',
  unit: 'na 100 tys. mieszkańców / per 100,000 inhabitants',
  scale: 1,
  breakdowns: [IndicatorBreakdown.LEGAL_FORM],
  source: 'Rejestr KOGS / Observatory registry',
  citation: 'Krajowe Obserwatorium Gospodarki Społecznej, wskaźnik „Jednostki reintegracyjne”',
});

function value(areaCode: string, areaName: string, year: number, category: string, v: number | null, reason: SuppressionReason | null = null): IndicatorValue {
  return Object.assign(new IndicatorValue(), {
    indicatorCode: indicator.code,
    areaCode,
    areaLevel: 'POWIAT',
    areaName,
    year,
    breakdown: category === 'TOTAL' ? IndicatorBreakdown.TOTAL : IndicatorBreakdown.LEGAL_FORM,
    category,
    suppressed: reason !== null,
    suppressionReason: reason,
    value: reason ? null : v,
  });
}

// Two powiats × two years × TOTAL/CIS/ZAZ, with every kind of empty cell.
const VALUES = [
  value('1261', 'Kraków', 2022, 'TOTAL', 12.5),
  value('1261', 'Kraków', 2022, 'CIS', 7),
  value('1261', 'Kraków', 2022, 'ZAZ', 5.5),
  value('1261', 'Kraków', 2023, 'TOTAL', 13),
  value('1261', 'Kraków', 2023, 'CIS', null, SuppressionReason.FEW_UNITS),
  value('1261', 'Kraków', 2023, 'ZAZ', null, SuppressionReason.SECONDARY),
  value('1205', 'gorlicki', 2022, 'TOTAL', 0.000125),
  value('1205', 'gorlicki', 2022, 'CIS', null, SuppressionReason.DOMINANCE),
  value('1205', 'gorlicki', 2022, 'ZAZ', null, SuppressionReason.SECONDARY),
  value('1205', 'gorlicki', 2023, 'TOTAL', null),
  value('1205', 'gorlicki', 2023, 'CIS', 3),
  // 2023 ZAZ for gorlicki is absent on purpose: a hole in the cube.
];

function dataset(query: Record<string, string> = {}, file = 'REINTEGRATION_UNITS.csv'): ExportDataset {
  const request = parseExportRequest(file, { level: 'POWIAT', breakdown: 'LEGAL_FORM', ...query });
  return buildExportDataset({ request, indicator, version: VERSION, canonicalUrl: '/exports/indicators/REINTEGRATION_UNITS.csv?level=POWIAT&breakdown=LEGAL_FORM&version=2026-11-27.1', values: VALUES });
}

describe('buildExportDataset', () => {
  it('orders the cube by area code, year and category with TOTAL first, and fills holes as not available', () => {
    const ds = dataset();
    expect(ds.areas.map((a) => a.code)).toEqual(['1205', '1261']);
    expect(ds.years).toEqual([2022, 2023]);
    expect(ds.categories).toEqual(['TOTAL', 'CIS', 'ZAZ']);
    expect(ds.cell(0, 1, 2)).toEqual({ value: null, flag: 'm', suppressionReason: null });
    expect(ds.cell(1, 1, 1)).toEqual({ value: null, flag: 'c', suppressionReason: 'FEW_UNITS' });
  });

  it('never carries a suppressed value even when one is handed in', () => {
    const leaky = Object.assign(value('1261', 'Kraków', 2022, 'TOTAL', 4242.125), { suppressed: true, suppressionReason: SuppressionReason.FEW_UNITS, value: 4242.125 });
    const request = parseExportRequest('REINTEGRATION_UNITS.json', { level: 'POWIAT' });
    const ds = buildExportDataset({ request, indicator, version: VERSION, canonicalUrl: '/x', values: [leaky] });
    expect(JSON.parse(formatJsonStat(ds).toString()).value).toEqual([null]);
    for (const body of [formatJsonStat(ds), formatCsv(ds), formatSdmxCsv(ds)]) expect(body.toString()).not.toMatch(/4242/);
  });
});

describe('formatCsv', () => {
  it('writes UTF-8 with a BOM, a Polish header, semicolons, decimal commas and CRLF', () => {
    const text = formatCsv(dataset()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0].slice(1)).toBe(CSV_HEADERS.pl.join(';'));
    const { header, rows } = parseCsv(text, ';');
    expect(header).toEqual(CSV_HEADERS.pl);
    expect(rows).toHaveLength(2 * 2 * 3);
    const krakow2022 = rows.find((r) => r[1] === '1261' && r[4] === '2022' && r[7] === 'TOTAL')!;
    expect(krakow2022).toEqual(['REINTEGRATION_UNITS', '1261', 'Kraków', 'POWIAT', '2022', '2022-12-31', 'LEGAL_FORM', 'TOTAL', 'Ogółem', '12,5', 'na 100 tys. mieszkańców', '', '', '', '2026-11-27.1']);
    const tiny = rows.find((r) => r[1] === '1205' && r[4] === '2022' && r[7] === 'TOTAL')!;
    expect(tiny[9]).toBe('0,000125');
  });

  it('leaves a suppressed value empty and says why, in English when asked', () => {
    const { header, rows } = parseCsv(formatCsv(dataset({ lang: 'en' })).toString('utf8'), ';');
    expect(header).toEqual(CSV_HEADERS.en);
    const hidden = rows.find((r) => r[1] === '1261' && r[4] === '2023' && r[7] === 'CIS')!;
    expect(hidden.slice(8, 14)).toEqual(['Social integration centre (CIS)', '', 'per 100,000 inhabitants', 'c', 'FEW_UNITS', 'Fewer than 3 entities make up the figure']);
    const plain = rows.find((r) => r[1] === '1261' && r[4] === '2022' && r[7] === 'ZAZ')!;
    expect(plain[9]).toBe('5.5');
  });

  it('puts definition, unit, source, reference date, version and citation in the metadata sidecar, quoting what needs it', () => {
    const { header, rows } = parseCsv(formatCsvMetadata(dataset()).toString('utf8'), ';');
    expect(header).toEqual(['Klucz', 'Pole', 'Wartość (pl)', 'Wartość (en)']);
    const byKey = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byKey.definition[2]).toBe(indicator.descriptionPl);
    expect(byKey.definition[3]).toBe(indicator.descriptionEn);
    expect(byKey.unit.slice(2)).toEqual(['na 100 tys. mieszkańców', 'per 100,000 inhabitants']);
    expect(byKey.reference_date[2]).toContain('2022-12-31, 2023-12-31');
    expect(byKey.data_version[2]).toBe('2026-11-27.1');
    expect(byKey.citation[2]).toContain('wersja danych 2026-11-27.1');
    expect(byKey.citation[3]).toContain('data version 2026-11-27.1');
    expect(byKey.confidentiality[2]).toContain('tajemnic');
  });
});

describe('formatJsonStat', () => {
  it('is a valid JSON-stat 2.0 dataset', () => {
    const doc = JSON.parse(formatJsonStat(dataset({}, 'REINTEGRATION_UNITS.json')).toString('utf8'));
    expect(jsonStatProblems(doc)).toEqual([]);
    expect(doc.id).toEqual(['indicator', 'area', 'year', 'category']);
    expect(doc.size).toEqual([1, 2, 2, 3]);
  });

  it('has null values marked "c" for suppressed cells, with the reason, and "m" for missing ones', () => {
    const doc = JSON.parse(formatJsonStat(dataset({}, 'REINTEGRATION_UNITS.json')).toString('utf8'));
    // index = area * 6 + year * 3 + category; Kraków (1) 2023 (1) CIS (1) = 10
    expect(doc.value[10]).toBeNull();
    expect(doc.status['10']).toBe('c');
    expect(doc.extension.suppressionReason['10']).toBe('FEW_UNITS');
    expect(doc.value[3]).toBeNull(); // gorlicki 2023 TOTAL: no value, not suppressed
    expect(doc.status['3']).toBe('m');
    expect(doc.extension.suppressionReason['3']).toBeUndefined();
    expect(doc.value[6]).toBe(12.5);
    expect(doc.status['6']).toBeUndefined();
  });

  it('labels in the asked language and carries both in extensions, with provenance and citation', () => {
    const doc = JSON.parse(formatJsonStat(dataset({ lang: 'en' }, 'REINTEGRATION_UNITS.json')).toString('utf8'));
    expect(doc.dimension.category.category.label.TOTAL).toBe('Total');
    expect(doc.dimension.category.extension.labels.pl.TOTAL).toBe('Ogółem');
    expect(doc.dimension.indicator.category.unit.REINTEGRATION_UNITS.label).toBe('per 100,000 inhabitants');
    expect(doc.updated).toBe('2026-11-27T10:15:30.000Z');
    expect(doc.extension).toMatchObject({
      dataVersion: '2026-11-27.1',
      indicator: { definition: { pl: indicator.descriptionPl, en: indicator.descriptionEn }, source: { pl: 'Rejestr KOGS', en: 'Observatory registry' } },
    });
    expect(doc.extension.citation.en).toContain('data version 2026-11-27.1');
  });

  it('fails the schema when a property JSON-stat does not define sneaks in', () => {
    const doc = JSON.parse(formatJsonStat(dataset({}, 'REINTEGRATION_UNITS.json')).toString('utf8'));
    expect(jsonStatProblems({ ...doc, citation: 'x' })).not.toEqual([]);
    expect(jsonStatProblems({ ...doc, value: doc.value.slice(1) })).toContain('value has 11 entries but the size product is 12');
  });
});

describe('formatSdmxCsv', () => {
  it('follows the SDMX-CSV 2.0 column rules', () => {
    const text = formatSdmxCsv(dataset({}, 'REINTEGRATION_UNITS.sdmx.csv')).toString('utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('STRUCTURE[;],STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,BREAKDOWN,CATEGORY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,')).toBe(true);
    const { header, rows } = parseCsv(text, ',');
    expect(header).toEqual(SDMX_HEADER);
    expect(sdmxCsvProblems(header, rows)).toEqual([]);
    expect(rows).toHaveLength(12);
  });

  it('marks confidential cells Q with CONF_STATUS C (primary) or D (secondary) and an empty OBS_VALUE', () => {
    const { header, rows } = parseCsv(formatSdmxCsv(dataset({}, 'REINTEGRATION_UNITS.sdmx.csv')).toString('utf8'), ',');
    const col = (name: string) => header.indexOf(name);
    const find = (area: string, year: string, category: string) => rows.find((r) => r[col('REF_AREA')] === area && r[col('TIME_PERIOD')] === year && r[col('CATEGORY')] === category)!;
    const primary = find('1261', '2023', 'CIS');
    expect([primary[col('OBS_VALUE')], primary[col('OBS_STATUS')], primary[col('CONF_STATUS')], primary[col('SUPPRESSION_REASON')]]).toEqual(['', 'Q', 'C', 'FEW_UNITS']);
    const secondary = find('1261', '2023', 'ZAZ');
    expect([secondary[col('OBS_VALUE')], secondary[col('OBS_STATUS')], secondary[col('CONF_STATUS')]]).toEqual(['', 'Q', 'D']);
    const normal = find('1261', '2022', 'ZAZ');
    expect([normal[0], normal[1], normal[2], normal[col('FREQ')], normal[col('OBS_VALUE')], normal[col('OBS_STATUS')], normal[col('CONF_STATUS')]]).toEqual(['dataflow', 'KOGS:DF_REINTEGRATION_UNITS(1.0.0)', 'I', 'A', '5.5', 'A', 'F']);
    expect(normal[col('UNIT[pl;en]')]).toBe('pl:na 100 tys. mieszkańców;en:per 100,000 inhabitants');
    const missing = find('1205', '2023', 'TOTAL');
    expect([missing[col('OBS_VALUE')], missing[col('OBS_STATUS')], missing[col('CONF_STATUS')]]).toEqual(['', 'O', 'F']);
  });

  it('drops the hub\'s NUTS: prefix from REF_AREA, since SDMX ids allow no colon', () => {
    const request = parseExportRequest('REINTEGRATION_UNITS.sdmx.csv', { level: 'NUTS2' });
    const ds = buildExportDataset({ request, indicator, version: VERSION, canonicalUrl: '/x', values: [Object.assign(value('NUTS:PL21', 'Małopolskie', 2023, 'TOTAL', 4), { areaLevel: 'NUTS2' })] });
    const { header, rows } = parseCsv(formatSdmxCsv(ds).toString('utf8'), ',');
    expect(rows[0][header.indexOf('REF_AREA')]).toBe('PL21');
    expect(sdmxCsvProblems(header, rows)).toEqual([]);
  });
});

describe('formatXlsx', () => {
  it('reads back: the data sheet has the figures as numbers with flags, the metadata sheet the definition in both languages', async () => {
    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    await workbook.xlsx.load(await formatXlsx(dataset({}, 'REINTEGRATION_UNITS.xlsx')));
    const [data, meta] = workbook.worksheets;
    expect([data.name, meta.name]).toEqual(['Dane', 'Metadane']);
    expect(data.getRow(1).values).toEqual([undefined, ...CSV_HEADERS.pl]);
    expect(data.rowCount).toBe(13);
    const rows = Array.from({ length: 12 }, (_, i) => data.getRow(i + 2).values as unknown[]);
    const krakow2022 = rows.find((r) => r[2] === '1261' && r[5] === 2022 && r[8] === 'TOTAL')!;
    expect(krakow2022[10]).toBe(12.5);
    const hidden = rows.find((r) => r[2] === '1261' && r[5] === 2023 && r[8] === 'CIS')!;
    expect([hidden[10], hidden[12], hidden[13]]).toEqual([undefined, 'c', 'FEW_UNITS']);
    const metaRows = Array.from({ length: meta.rowCount - 1 }, (_, i) => meta.getRow(i + 2).values as unknown[]);
    const definition = metaRows.find((r) => r[1] === 'definition')!;
    expect([definition[3], definition[4]]).toEqual([indicator.descriptionPl, indicator.descriptionEn]);
    expect(metaRows.find((r) => r[1] === 'data_version')![3]).toBe('2026-11-27.1');
    expect(String(metaRows.find((r) => r[1] === 'confidentiality')![4])).toContain('confidentiality');
  });

  it('is the same bytes every time it is written', async () => {
    const first = await formatXlsx(dataset({}, 'REINTEGRATION_UNITS.xlsx'));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // ZIP times have 2-second steps
    const second = await formatXlsx(dataset({}, 'REINTEGRATION_UNITS.xlsx'));
    expect(second.equals(first)).toBe(true);
  });
});

describe('fixZipTimestamps', () => {
  it('refuses something that is not a ZIP archive', () => {
    expect(() => fixZipTimestamps(Buffer.from('not a zip at all, just text that is long enough'), new Date())).toThrow('Not a ZIP archive');
  });
});
