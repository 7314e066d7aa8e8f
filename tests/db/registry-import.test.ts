import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { ImportChannel, ImportFormat, ImportKind, importRegistryFiles, runRegistryImportCommand, type ImportProgress, type RegistryImportFile, type RegistryImportOptions } from '../../api/src/observatory';

const FIXTURES = join(__dirname, '../fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const csv = (kind: ImportKind, fileName: string, content: Uint8Array | string): RegistryImportFile => ({
  kind,
  format: ImportFormat.CSV,
  fileName,
  content: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});
const CLI: RegistryImportOptions = { channel: ImportChannel.CLI, refresh: false };

/** A few powiats and gminas under the built-in voivodeships, so seats can be gminas without the full TERYT. */
async function addUnits(db: TestDatabase): Promise<void> {
  await db.orm.em.fork().getConnection().execute(`
    insert into territorial_unit (teryt_code, name, level, gmina_type, is_city_with_powiat_rights, parent_teryt_code) values
      ('1261', 'Kraków', 'POWIAT', null, true, '12'), ('1205', 'gorlicki', 'POWIAT', null, false, '12'),
      ('1261011', 'Kraków', 'GMINA', 'URBAN', false, '1261'), ('1205011', 'Gorlice', 'GMINA', 'URBAN', false, '1205')`);
}

async function prepare(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  await importTerritory(db.orm.em.fork(), {});
  await addUnits(db);
  return db;
}

const sql = <T = Record<string, unknown>>(db: TestDatabase, text: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(text, params);

/** Row counts of every table of the hub database. */
async function countEveryTable(db: TestDatabase): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(db, `select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await sql<{ n: string }>(db, `select count(*) as n from "${name}"`))[0].n);
  return counts;
}

const entityFiles = () => [csv(ImportKind.ENTITIES, 'entities-good.csv', fixture('entities-good.csv')), csv(ImportKind.ANNUAL_REPORTS, 'reports-good.csv', fixture('reports-good.csv'))];

describe('registry import from CSV', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await prepare('import_csv');
  });
  afterAll(async () => db?.drop());

  it('imports a good entities file and its reports file together, with exact money, history and an audit record', async () => {
    const progress: ImportProgress[] = [];
    const result = await importRegistryFiles(db.orm.em.fork(), entityFiles(), { ...CLI, onProgress: (p) => progress.push(p) });
    expect(result.problems).toEqual([]);
    expect(result.applied).toBe(true);
    const [entities, reports] = result.reports;
    expect(entities).toMatchObject({ kind: 'ENTITIES', rowsRead: 4, rowsValid: 4, created: 4, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(reports).toMatchObject({ kind: 'ANNUAL_REPORTS', rowsRead: 4, rowsValid: 4, created: 4, updated: 0, unchanged: 0, errors: [] });
    expect(entities.importRunId).toMatch(/^[0-9a-f-]{36}$/);

    const rows = await sql<Record<string, unknown>>(db, `select name, legal_form, krs, regon, nip, seat_teryt_code, founded_on::text, status, social_enterprise, pkd_code, search_name, synthetic from social_economy_entity order by name`);
    expect(rows).toEqual([
      { name: 'Centrum Integracji Społecznej w Testowie', legal_form: 'CIS', krs: null, regon: '876543239', nip: '5260000034', seat_teryt_code: '12', founded_on: '2019-01-01', status: 'SUSPENDED', social_enterprise: false, pkd_code: null, search_name: 'centrum integracji spolecznej w testowie', synthetic: false },
      { name: 'Fundacja "Zielony Warsztat"; Gorlice', legal_form: 'FOUNDATION', krs: '0009000102', regon: null, nip: '5260000028', seat_teryt_code: '1205011', founded_on: '2012-09-03', status: 'ACTIVE', social_enterprise: false, pkd_code: '88.10.Z', search_name: 'fundacja zielony warsztat gorlice', synthetic: false },
      { name: 'Spółdzielnia Socjalna „Piekarnia pod Lipą”', legal_form: 'SOCIAL_COOPERATIVE', krs: '0009000101', regon: '876543216', nip: '5260000011', seat_teryt_code: '1261011', founded_on: '2016-04-12', status: 'ACTIVE', social_enterprise: true, pkd_code: '56.29.Z', search_name: 'spoldzielnia socjalna piekarnia pod lipa', synthetic: false },
      { name: 'Stowarzyszenie „Razem w Gorlicach”', legal_form: 'ASSOCIATION', krs: null, regon: '876543222', nip: null, seat_teryt_code: '1205', founded_on: null, status: 'ACTIVE', social_enterprise: false, pkd_code: null, search_name: 'stowarzyszenie razem w gorlicach', synthetic: false },
    ]);

    const money = await sql<Record<string, unknown>>(
      db,
      `select e.krs, r.year, r.employees_headcount, r.employees_fte::text as fte, r.revenue_market::text as market, r.revenue_public_grants::text as grants, r.result::text as result, r.surplus_reinvested::text as reinvested, r.volunteers, r.synthetic
       from annual_report r join social_economy_entity e on e.id = r.entity_id where e.krs = '0009000101' order by r.year`,
    );
    expect(money).toEqual([
      { krs: '0009000101', year: 2024, employees_headcount: 12, fte: '10.50', market: '123456789', grants: '25000000', result: '-123456', reinvested: '0', volunteers: 2, synthetic: false },
      { krs: '0009000101', year: 2025, employees_headcount: 14, fte: '12.75', market: '140000000', grants: '31000000', result: '1500010', reinvested: '1200000', volunteers: null, synthetic: false },
    ]);

    const events = await sql<{ name: string; kind: string; occurred_on: string; source: string }>(
      db,
      `select e.name, v.kind, v.occurred_on::text, v.details->>'source' as source from registry_event v join social_economy_entity e on e.id = v.entity_id order by e.name, v.id`,
    );
    expect(events.map((e) => [e.name.split(' ')[0], e.kind])).toEqual([
      ['Centrum', 'FOUNDED'],
      ['Centrum', 'STATUS_CHANGED'],
      ['Fundacja', 'FOUNDED'],
      ['Spółdzielnia', 'FOUNDED'],
      ['Spółdzielnia', 'SOCIAL_ENTERPRISE_GRANTED'],
      ['Stowarzyszenie', 'FOUNDED'],
    ]);
    expect(events.every((e) => e.source === 'import')).toBe(true);
    expect(events.find((e) => e.name.startsWith('Fundacja'))?.occurred_on).toBe('2012-09-03');
    const [{ states }] = await sql<{ states: string }>(db, `select count(*) as states from entity_state where recorded_to is null`);
    expect(Number(states)).toBe(6); // one version each, plus a second for the suspended CIS and for the granted status

    const runs = await sql<{ kind: string; file_name: string; created: number; channel: string; imported_by_id: string | null; file_sha256: string }>(db, `select kind, file_name, created, channel, imported_by_id, file_sha256 from import_run order by kind desc`);
    expect(runs.map((r) => [r.kind, r.file_name, r.created, r.channel, r.imported_by_id])).toEqual([
      ['ENTITIES', 'entities-good.csv', 4, 'CLI', null],
      ['ANNUAL_REPORTS', 'reports-good.csv', 4, 'CLI', null],
    ]);
    expect(runs[0].file_sha256).toMatch(/^[0-9a-f]{64}$/);

    expect(progress[0].phase).toBe('READ');
    expect(progress.at(-1)).toEqual({ phase: 'DONE', rowsDone: 8, rowsTotal: 8 });
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['READ', 'VALIDATE', 'WRITE', 'DONE']);
    expect(progress.every((p) => p.rowsDone <= p.rowsTotal)).toBe(true);
  });

  it('changes nothing on a second import of the same files: all unchanged, no new events, versions or reports', async () => {
    const before = await countEveryTable(db);
    const result = await importRegistryFiles(db.orm.em.fork(), entityFiles(), CLI);
    expect(result.problems).toEqual([]);
    expect(result.reports.map((r) => [r.created, r.updated, r.unchanged])).toEqual([
      [0, 0, 4],
      [0, 0, 4],
    ]);
    const after = await countEveryTable(db);
    // Only the audit grows: one import_run per file, saying the import changed nothing.
    expect(after).toEqual({ ...before, import_run: before.import_run + 2 });
  });

  it('records exactly one SEAT_CHANGED event, dated by data_zmiany, when one entity moves', async () => {
    const moved = new TextDecoder()
      .decode(fixture('entities-good.csv'))
      .replace('Nazwa;', 'Data zmiany;Nazwa;')
      .replace(/\r\n(?!$)/g, '\r\n;')
      .replace(';Spółdzielnia Socjalna „Piekarnia pod Lipą”', '2025-06-01;Spółdzielnia Socjalna „Piekarnia pod Lipą”')
      .replace('876543216;526-000-00-11;1261011', '876543216;526-000-00-11;1205011');
    const eventsBefore = Number((await sql<{ n: string }>(db, 'select count(*) as n from registry_event'))[0].n);
    const result = await importRegistryFiles(db.orm.em.fork(), [csv(ImportKind.ENTITIES, 'moved.csv', moved)], CLI);
    expect(result.reports[0].errors).toEqual([]);
    expect(result.reports[0]).toMatchObject({ rowsRead: 4, created: 0, updated: 1, unchanged: 3 });
    const added = await sql<{ kind: string; occurred_on: string; seat: string; from: string }>(
      db,
      `select kind, occurred_on::text, details->>'seatCode' as seat, details->>'from' as from from registry_event order by id offset ?`,
      [eventsBefore],
    );
    expect(added).toEqual([{ kind: 'SEAT_CHANGED', occurred_on: '2025-06-01', seat: '1205011', from: '1261011' }]);
    const versions = await sql<{ seat: string; valid_from: string; valid_to: string | null; ps: boolean }>(
      db,
      `select s.seat_teryt_code as seat, s.valid_from::text, s.valid_to::text, s.social_enterprise as ps from entity_state s join social_economy_entity e on e.id = s.entity_id
       where e.krs = '0009000101' and s.recorded_to is null order by s.valid_from`,
    );
    // Founded in Kraków; moved to Gorlice on 2025-06-01; social enterprise since the first import (no date given then).
    expect(versions.map((v) => [v.seat, v.valid_from, v.ps])).toEqual([
      ['1261011', '2016-04-12', false],
      ['1205011', '2025-06-01', false],
      ['1205011', versions[2].valid_from, true],
    ]);
    expect(versions[0].valid_to).toBe('2025-06-01');
    expect(versions[2].valid_to).toBeNull();
    const [{ seat }] = await sql<{ seat: string }>(db, `select seat_teryt_code as seat from social_economy_entity where krs = '0009000101'`);
    expect(seat).toBe('1205011');
  });
});

describe('registry import of files with errors', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await prepare('import_errors');
    await importRegistryFiles(db.orm.em.fork(), entityFiles(), CLI);
  });
  afterAll(async () => db?.drop());

  it('reports every error of several rows by row and column, in Polish and English, and writes nothing at all', async () => {
    const before = await countEveryTable(db);
    const result = await importRegistryFiles(db.orm.em.fork(), [csv(ImportKind.ENTITIES, 'entities-errors.csv', fixture('entities-errors.csv'))], CLI);
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'ROWS_INVALID', fileName: 'entities-errors.csv' })]);
    const [report] = result.reports;
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'nazwa', 'REQUIRED'],
      [3, 'forma_prawna', 'UNKNOWN_LEGAL_FORM'],
      [4, 'nip', 'INVALID_NIP'],
      [4, 'data_zalozenia', 'INVALID_DATE'],
      [5, 'status_ps', 'INVALID_BOOLEAN'],
      [5, 'teryt', 'UNKNOWN_TERYT'],
      [6, 'krs', 'DUPLICATE_IDENTIFIER'],
    ]);
    expect(report).toMatchObject({ rowsRead: 6, rowsValid: 2, created: 0, updated: 0, unchanged: 0, errorCount: 7, importRunId: null });
    const duplicate = report.errors.find((e) => e.code === 'DUPLICATE_IDENTIFIER')!;
    expect(duplicate.messagePl).toBe('KRS 0009000201 występuje już w wierszu 2.');
    expect(duplicate.messageEn).toBe('KRS 0009000201 already appears in row 2.');
    expect(report.errors.find((e) => e.code === 'UNKNOWN_LEGAL_FORM')!.messagePl).toContain('Nieznana forma prawna „spółka jawna”');
    expect(await countEveryTable(db)).toEqual(before);
  });

  it('refuses identifiers that point to two entities, a stored identifier contradicted, and reports it cannot place', async () => {
    const before = await countEveryTable(db);
    const entities = csv(
      ImportKind.ENTITIES,
      'conflicts.csv',
      'nazwa;forma_prawna;krs;regon;nip;teryt\n' +
        'Mieszanka;fundacja;0009000101;;5260000028;1261011\n' + // KRS of the cooperative, NIP of the foundation
        'Spółdzielnia Socjalna „Piekarnia pod Lipą”;spółdzielnia socjalna;;876543245;5260000011;1261011\n', // found by NIP, but its stored REGON differs
    );
    const reports = csv(
      ImportKind.ANNUAL_REPORTS,
      'reports-bad.csv',
      'krs;nip;rok;zatrudnieni;etaty;niepelnosprawni;bezdomni;przychody_rynkowe\n' +
        '0009999999;;2024;1;1;;;\n' + // no such entity
        '0009000102;;2024;3;3,5;;;\n' + // FTE above headcount
        ';5260000028;2023;4;2;3;2;\n' + // excluded above headcount (the foundation, by NIP)
        '0009000102;;2031;;;;;\n' + // a year in the future
        '0009000102;;2022;;;;;-5\n', // negative revenue
    );
    const result = await importRegistryFiles(db.orm.em.fork(), [entities, reports], CLI);
    expect(result.applied).toBe(false);
    expect(result.reports[0].errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'nip', 'IDENTIFIERS_CONFLICT'],
      [3, 'regon', 'IDENTIFIER_MISMATCH'],
    ]);
    expect(result.reports[1].errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'krs', 'ENTITY_NOT_FOUND'],
      [3, 'etaty', 'FTE_ABOVE_HEADCOUNT'],
      [4, 'niepelnosprawni', 'EXCLUDED_ABOVE_HEADCOUNT'],
      [5, 'rok', 'INVALID_YEAR'],
      [6, 'przychody_rynkowe', 'NEGATIVE_VALUE'],
    ]);
    expect(result.reports[0].errors[0].messageEn).toBe('KRS 0009000101 points to the entity "Spółdzielnia Socjalna „Piekarnia pod Lipą”" but NIP 5260000028 to another entity, "Fundacja "Zielony Warsztat"; Gorlice".');
    expect(await countEveryTable(db)).toEqual(before);
  });

  it('refuses a change dated before the founding as a history conflict of its row, writing nothing', async () => {
    const before = await countEveryTable(db);
    const result = await importRegistryFiles(
      db.orm.em.fork(),
      [csv(ImportKind.ENTITIES, 'early.csv', 'nazwa;forma_prawna;krs;teryt;data_zmiany\nFundacja „Zielony Warsztat”;fundacja;0009000102;1261011;2001-01-01\n')],
      CLI,
    );
    expect(result.reports[0].errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, null, 'HISTORY_CONFLICT']]);
    expect(result.reports[0].errors[0].messagePl).toBe('Zmiany nie da się wpisać do historii podmiotu: data zmiany jest wcześniejsza niż data założenia.');
    expect(await countEveryTable(db)).toEqual(before);
  });

  it('refuses a header with an unknown or missing column before reading any row', async () => {
    const result = await importRegistryFiles(db.orm.em.fork(), [csv(ImportKind.ENTITIES, 'header.csv', 'nazwa,forma,regn,teryt\nA,fundacja,1,12\n')], CLI);
    expect(result.reports[0]).toMatchObject({ rowsRead: 1, rowsValid: 0 });
    expect(result.reports[0].errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'regn', 'UNKNOWN_COLUMN'],
      [1, 'krs', 'MISSING_COLUMN'],
    ]);
  });

  it('prints every error with its row and column from the command line, in Polish or English, and exits 1', async () => {
    const out: string[] = [];
    const code = await runRegistryImportCommand(db.orm.em.fork(), ['entities', join(FIXTURES, 'entities-errors.csv'), '--lang', 'en'], { out: (t) => out.push(t), err: () => undefined });
    expect(code).toBe(1);
    const text = out.join('');
    expect(text).toContain('entities-errors.csv (ENTITIES): 6 rows read, 2 valid; created 0, updated 0, unchanged 0');
    expect(text).toContain('  row 6, column krs: KRS 0009000201 already appears in row 2. [DUPLICATE_IDENTIFIER]');
    expect(text.trim().split('\n').at(-1)).toBe('nothing written');
    const pl: string[] = [];
    expect(await runRegistryImportCommand(db.orm.em.fork(), ['entities', join(FIXTURES, 'entities-good.csv'), '--reports', join(FIXTURES, 'reports-good.csv')], { out: (t) => pl.push(t), err: () => undefined })).toBe(0);
    expect(pl.join('')).toContain('entities-good.csv (ENTITIES): wierszy 4, poprawnych 4; nowych 0, zmienionych 0, bez zmian 4');
    expect(await runRegistryImportCommand(db.orm.em.fork(), ['people', 'x.csv'], { out: () => undefined, err: () => undefined })).toBe(2);
  });

  it('tells an unreadable or empty file from a file with bad rows', async () => {
    const latin2 = await importRegistryFiles(db.orm.em.fork(), [csv(ImportKind.ENTITIES, 'cp1250.csv', new Uint8Array([0x6e, 0x61, 0x7a, 0x77, 0x61, 0x0a, 0xb3, 0xf3, 0x64, 0x9f]))], CLI);
    expect(latin2.problems).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE', message: expect.objectContaining({ en: expect.stringContaining('not UTF-8') }) })]);
    const headerOnly = await importRegistryFiles(db.orm.em.fork(), [csv(ImportKind.ENTITIES, 'empty.csv', 'nazwa;forma_prawna;krs;teryt\r\n\r\n')], CLI);
    expect(headerOnly.problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    const notXlsx = await importRegistryFiles(db.orm.em.fork(), [{ kind: ImportKind.ENTITIES, format: ImportFormat.XLSX, fileName: 'x.xlsx', content: new TextEncoder().encode('nazwa;krs') }], CLI);
    expect(notXlsx.problems.map((p) => p.code)).toEqual(['FILE_UNREADABLE']);
  });
});

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Arkusz1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('registry import from XLSX', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await prepare('import_xlsx');
  });
  afterAll(async () => db?.drop());

  it('imports workbooks made in a spreadsheet: numbers without leading zeros, date cells, formulas, amounts as numbers', async () => {
    const entities = await xlsx([
      ['Nazwa', 'Forma prawna', 'KRS', 'NIP', 'TERYT', 'Data założenia', 'Status PS'],
      ['Spółdzielnia Socjalna „Arkusz”', 'Spółdzielnia socjalna', 9000301, 5260000040, 1205011, new Date(Date.UTC(2015, 4, 5)), 'TAK'],
      [{ formula: '"Fundacja "&"Formuła"', result: 'Fundacja Formuła' }, 'fundacja', '0009000302', '', 12, '', 'nie'],
    ]);
    const reports = await xlsx([
      ['KRS', 'Rok', 'Zatrudnieni', 'Etaty', 'Przychody rynkowe (zł)', 'Wynik finansowy'],
      [9000301, 2024, 7, 6.5, 1234.56, { formula: 'B2-2024-100.1', result: -100.1 }],
      [9000302, 2024, 0, 0, 0, 0],
    ]);
    const result = await importRegistryFiles(
      db.orm.em.fork(),
      [
        { kind: ImportKind.ENTITIES, format: ImportFormat.XLSX, fileName: 'podmioty.xlsx', content: entities },
        { kind: ImportKind.ANNUAL_REPORTS, format: ImportFormat.XLSX, fileName: 'sprawozdania.xlsx', content: reports },
      ],
      CLI,
    );
    expect(result.problems).toEqual([]);
    expect(result.reports.map((r) => [r.rowsRead, r.created])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    const rows = await sql<Record<string, unknown>>(
      db,
      `select e.name, e.krs, e.nip, e.seat_teryt_code as seat, e.founded_on::text as founded, e.social_enterprise as ps, r.employees_fte::text as fte, r.revenue_market::text as market, r.result::text as result
       from social_economy_entity e join annual_report r on r.entity_id = e.id order by e.krs`,
    );
    expect(rows).toEqual([
      { name: 'Spółdzielnia Socjalna „Arkusz”', krs: '0009000301', nip: '5260000040', seat: '1205011', founded: '2015-05-05', ps: true, fte: '6.50', market: '123456', result: '-10010' },
      { name: 'Fundacja Formuła', krs: '0009000302', nip: null, seat: '12', founded: null, ps: false, fte: '0.00', market: '0', result: '0' },
    ]);
    const again = await importRegistryFiles(db.orm.em.fork(), [{ kind: ImportKind.ENTITIES, format: ImportFormat.XLSX, fileName: 'podmioty.xlsx', content: entities }], CLI);
    expect(again.reports[0]).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('has an import_run table that matches its entity (no schema diff for it)', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.split('\n').filter((line) => line.includes('import_run'))).toEqual([]);
  });
});

/** A deterministic valid NIP/REGON source for generated files. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('registry import of a long file', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await prepare('import_long');
  });
  afterAll(async () => db?.drop());

  it('imports 10,000 entities and 10,000 reports set-based, and re-imports them as unchanged', async () => {
    const { generateRegon9 } = await import('../../api/src/shared/ids');
    const random = seeded(2026);
    const voivodeships = ['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32'];
    const regons = new Set<string>();
    while (regons.size < 10_000) regons.add(generateRegon9(random));
    const list = [...regons];
    const entities = ['nazwa;forma_prawna;krs;regon;teryt;data_zalozenia;status_ps', ...list.map((regon, i) => `Spółdzielnia Socjalna nr ${i};spółdzielnia socjalna;${String(9_100_000 + i).padStart(10, '0')};${regon};${voivodeships[i % 16]};2015-01-${String((i % 28) + 1).padStart(2, '0')};${i % 10 ? 'nie' : 'tak'}`)].join('\n');
    const reports = ['regon;rok;zatrudnieni;etaty;przychody_rynkowe;wynik', ...list.map((regon, i) => `${regon};2024;${i % 50};${(i % 50) / 2};${i} ${String(i % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')};-${i % 7},5`)].join('\n');
    const files = [csv(ImportKind.ENTITIES, 'long-entities.csv', entities), csv(ImportKind.ANNUAL_REPORTS, 'long-reports.csv', reports)];
    const updates: number[] = [];
    const lines: string[] = [];
    let t0 = Date.now();
    const first = await importRegistryFiles(db.orm.em.fork(), files, { ...CLI, onProgress: (p) => p.phase === 'WRITE' && updates.push(p.rowsDone) });
    const firstMs = Date.now() - t0;
    expect(first.problems).toEqual([]);
    expect(first.reports.map((r) => r.created)).toEqual([10_000, 10_000]);
    expect(updates.length).toBeGreaterThan(5); // progress comes in batches while writing
    t0 = Date.now();
    const second = await importRegistryFiles(db.orm.em.fork(), files, CLI);
    const secondMs = Date.now() - t0;
    expect(second.reports.map((r) => r.unchanged)).toEqual([10_000, 10_000]);
    // The command line redraws one progress line on a terminal, a few times a second at most.
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'hub-import-'));
    writeFileSync(join(dir, 'long-entities.csv'), entities);
    const code = await runRegistryImportCommand(db.orm.em.fork(), ['entities', join(dir, 'long-entities.csv'), '--dry-run'], { out: () => undefined, err: (t) => lines.push(t), tty: true, progressEveryMs: 50 });
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => /^\rimport: (odczyt|sprawdzanie|zapis)/.test(l))).toBe(true);
    const [{ events }] = await sql<{ events: string }>(db, `select count(*) as events from registry_event`);
    expect(Number(events)).toBe(11_000); // FOUNDED for each, SOCIAL_ENTERPRISE_GRANTED for every tenth
    process.stdout.write(`registry import, 10,000 entities + 10,000 reports (CSV): first ${firstMs} ms, re-import ${secondMs} ms\n`);
  }, 120_000);
});
