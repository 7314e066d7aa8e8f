import 'reflect-metadata';
import { IndicatorBreakdown } from '../observatory/indicators';
import { Locale } from '../shared/i18n';
import { ExportError } from './export-error';
import { canonicalQuery, exportFileName, parseExportRequest } from './export-request';

const failure = (file: string, query: Record<string, unknown>): { status: number; code: string } => {
  try {
    parseExportRequest(file, query);
  } catch (error) {
    if (error instanceof ExportError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected the request to be refused');
};

describe('parseExportRequest', () => {
  it('reads the four formats from the file extension, SDMX-CSV included', () => {
    expect(parseExportRequest('ACTIVE_ENTITIES.csv', { level: 'COUNTRY' }).format).toBe('csv');
    expect(parseExportRequest('ACTIVE_ENTITIES.xlsx', { level: 'COUNTRY' }).format).toBe('xlsx');
    expect(parseExportRequest('ACTIVE_ENTITIES.json', { level: 'COUNTRY' }).format).toBe('json');
    expect(parseExportRequest('ACTIVE_ENTITIES.sdmx.csv', { level: 'COUNTRY' })).toMatchObject({ code: 'ACTIVE_ENTITIES', format: 'sdmx.csv' });
  });

  it('fills the defaults: every year, no parent, TOTAL, the current version, Polish', () => {
    expect(parseExportRequest('ACTIVE_ENTITIES.csv', { level: 'POWIAT' })).toEqual({
      code: 'ACTIVE_ENTITIES',
      format: 'csv',
      level: 'POWIAT',
      years: null,
      parent: null,
      breakdown: IndicatorBreakdown.TOTAL,
      version: null,
      lang: Locale.pl,
      meta: false,
    });
  });

  it('sorts years and drops repeats so equal slices get equal URLs', () => {
    expect(parseExportRequest('X_Y.csv', { level: 'GMINA', years: '2023, 2021,2023' }).years).toEqual([2021, 2023]);
  });

  it.each([
    [{}, 'LEVEL_REQUIRED'],
    [{ level: 'CITY' }, 'INVALID_LEVEL'],
    [{ level: 'GMINA', years: '2023,abc' }, 'INVALID_YEARS'],
    [{ level: 'GMINA', years: '1800' }, 'INVALID_YEARS'],
    [{ level: 'GMINA', years: Array.from({ length: 21 }, (_, i) => 2000 + i).join(',') }, 'TOO_MANY_YEARS'],
    [{ level: 'GMINA', breakdown: 'SEX' }, 'INVALID_BREAKDOWN'],
    [{ level: 'GMINA', lang: 'de' }, 'INVALID_LANG'],
    [{ level: 'GMINA', parent: 'Kraków' }, 'INVALID_PARENT'],
    [{ level: 'GMINA', version: 'latest' }, 'INVALID_VERSION'],
    [{ level: 'GMINA', year: '2023' }, 'UNKNOWN_PARAMETER'],
    [{ level: ['GMINA', 'POWIAT'] }, 'REPEATED_PARAMETER'],
    [{ level: 'GMINA', meta: 'yes' }, 'INVALID_META'],
  ])('refuses %j with 400 %s', (query, code) => {
    expect(failure('ACTIVE_ENTITIES.csv', query)).toEqual({ status: 400, code });
  });

  it('offers the metadata sidecar for CSV only', () => {
    expect(parseExportRequest('ACTIVE_ENTITIES.csv', { level: 'GMINA', meta: '1' }).meta).toBe(true);
    expect(failure('ACTIVE_ENTITIES.json', { level: 'GMINA', meta: '1' })).toEqual({ status: 400, code: 'META_ONLY_FOR_CSV' });
  });

  it('answers 404 for a malformed indicator code and for an unknown format', () => {
    expect(failure('active.csv', { level: 'GMINA' })).toEqual({ status: 404, code: 'INDICATOR_NOT_FOUND' });
    expect(failure('ACTIVE_ENTITIES.pdf', { level: 'GMINA' })).toEqual({ status: 404, code: 'FORMAT_NOT_SUPPORTED' });
  });
});

describe('canonicalQuery', () => {
  it('writes parameters in one order, leaves defaults out and always names the version', () => {
    const a = parseExportRequest('ACTIVE_ENTITIES.csv', { lang: 'pl', years: '2023,2022', level: 'POWIAT', breakdown: 'TOTAL', parent: '12' });
    const b = parseExportRequest('ACTIVE_ENTITIES.csv', { parent: '12', level: 'POWIAT', years: '2022,2023' });
    expect(canonicalQuery(a, '2026-11-27.1')).toBe('level=POWIAT&years=2022,2023&parent=12&version=2026-11-27.1');
    expect(canonicalQuery(b, '2026-11-27.1')).toBe(canonicalQuery(a, '2026-11-27.1'));
    const nuts = parseExportRequest('ACTIVE_ENTITIES.json', { level: 'NUTS3', parent: 'NUTS:PL21', lang: 'en', breakdown: 'LEGAL_FORM' });
    expect(canonicalQuery(nuts, '2026-11-27.2')).toBe('level=NUTS3&parent=NUTS:PL21&breakdown=LEGAL_FORM&version=2026-11-27.2&lang=en');
  });

  it('names the file after the indicator, the level and the version', () => {
    const request = parseExportRequest('ACTIVE_ENTITIES.sdmx.csv', { level: 'VOIVODESHIP' });
    expect(exportFileName(request, '2026-11-27.1')).toBe('ACTIVE_ENTITIES_VOIVODESHIP_2026-11-27.1.sdmx.csv');
  });
});
