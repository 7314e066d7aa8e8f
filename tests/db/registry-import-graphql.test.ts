import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { issueStaffToken, StaffRole, StaffUserService, type StaffPrincipal } from '../../api/src/access';

const FIXTURES = join(__dirname, '../fixtures/import');
const base64 = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

const IMPORT = `mutation ($input: RegistryImportInput!) {
  registryImport(input: $input) {
    applied dataVersion
    report { kind fileName rowsRead rowsValid created updated unchanged errorCount importRunId errors { row column code messagePl messageEn message } }
    errors { code field message }
  }
}`;

describe('registryImport mutation', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const principals = {} as Record<'analyst' | 'trainer' | 'admin', StaffPrincipal>;
  const bearer = (who: keyof typeof principals) => ({ Authorization: `Bearer ${issueStaffToken(principals[who], { secret: t.config.jwtSecret, ttlSeconds: 900 }).token}` });

  beforeAll(async () => {
    db = await createTestDatabase('import_graphql');
    await importTerritory(db.orm.em.fork(), {});
    await db.orm.em.fork().getConnection().execute(`
      insert into territorial_unit (teryt_code, name, level, gmina_type, is_city_with_powiat_rights, parent_teryt_code) values
        ('1261', 'Kraków', 'POWIAT', null, true, '12'), ('1205', 'gorlicki', 'POWIAT', null, false, '12'),
        ('1261011', 'Kraków', 'GMINA', 'URBAN', false, '1261'), ('1205011', 'Gorlice', 'GMINA', 'URBAN', false, '1205')`);
    const people = new StaffUserService(db.orm.em.fork());
    for (const [key, role] of [['analyst', StaffRole.ANALYST], ['trainer', StaffRole.TRAINER], ['admin', StaffRole.ADMIN]] as const) {
      const user = await people.create({ email: `${key}@example.org`, displayName: key, password: `${key}-password-2026`, roles: [role] });
      principals[key] = { id: user.id, email: user.email, roles: [role] };
    }
    t = await startHubTestApp(db.url);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const input = (name: string, extra: Record<string, unknown> = {}) => ({ input: { kind: 'ENTITIES', format: 'CSV', fileName: name, contentBase64: base64(name), ...extra } });

  it('refuses the anonymous public with UNAUTHENTICATED and a trainer with FORBIDDEN, writing nothing', async () => {
    const anonymous = await t.gql(IMPORT, input('entities-good.csv'));
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data).toBeNull();
    const trainer = await t.gql(IMPORT, input('entities-good.csv'), bearer('trainer'));
    expect(trainer.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const [{ n }] = await db.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from social_economy_entity');
    expect(Number(n)).toBe(0);
  });

  it('lets an analyst import a file, audited under their name, and recomputes the indicators', async () => {
    const response = await t.gql(IMPORT, input('entities-good.csv'), bearer('analyst'));
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data.registryImport;
    expect(payload.errors).toEqual([]);
    expect(payload.applied).toBe(true);
    expect(payload.report).toMatchObject({ kind: 'ENTITIES', fileName: 'entities-good.csv', rowsRead: 4, rowsValid: 4, created: 4, updated: 0, unchanged: 0, errorCount: 0, errors: [] });
    expect(payload.dataVersion).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    const [run] = await db.orm.em.fork().getConnection().execute<{ channel: string; imported_by_id: string }[]>('select channel, imported_by_id from import_run where id = ?', [payload.report.importRunId]);
    expect(run).toEqual({ channel: 'GRAPHQL', imported_by_id: principals.analyst.id });
  }, 180_000);

  it('returns every row error, in the request language, with ROWS_INVALID and nothing written (administrator, dry run)', async () => {
    const response = await t.gql(IMPORT, input('entities-errors.csv', { dryRun: true }), { ...bearer('admin'), 'Accept-Language': 'en-GB' });
    const payload = response.body.data.registryImport;
    expect(payload.applied).toBe(false);
    expect(payload.errors).toEqual([{ code: 'ROWS_INVALID', field: ['input', 'contentBase64'], message: 'The file entities-errors.csv has errors (7); nothing was written. See the report for details.' }]);
    expect(payload.report.errors).toHaveLength(7);
    expect(payload.report.errors[0]).toEqual({ row: 3, column: 'nazwa', code: 'REQUIRED', messagePl: 'Brak wartości: to pole jest wymagane.', messageEn: 'Missing value: this field is required.', message: 'Missing value: this field is required.' });
  });

  it('answers a dry run of a clean file with the counts it would write, and writes nothing', async () => {
    const response = await t.gql(IMPORT, input('entities-good.csv', { dryRun: true }), bearer('analyst'));
    expect(response.body.data.registryImport).toMatchObject({ applied: false, dataVersion: null, errors: [], report: { created: 0, updated: 0, unchanged: 4, importRunId: null } });
  });

  it('refuses content that is not base64, or a workbook that is not one, as FILE_UNREADABLE in the payload', async () => {
    const garbled = await t.gql(IMPORT, { input: { kind: 'ENTITIES', format: 'CSV', fileName: 'x.csv', contentBase64: 'nazwa;krs%%%' } }, bearer('analyst'));
    expect(garbled.body.data.registryImport).toEqual({ applied: false, dataVersion: null, report: null, errors: [{ code: 'FILE_UNREADABLE', field: ['input', 'contentBase64'], message: 'Zawartość pliku x.csv nie jest poprawnie zakodowana w base64.' }] });
    const notXlsx = await t.gql(IMPORT, { input: { ...input('entities-good.csv').input, format: 'XLSX' } }, bearer('analyst'));
    expect(notXlsx.body.data.registryImport.errors.map((e: { code: string }) => e.code)).toEqual(['FILE_UNREADABLE']);
  });

  it('refuses a request over the 100 KB body limit before any resolver runs', async () => {
    const big = Buffer.alloc(120 * 1024, 'a').toString('base64');
    const response = await t.gql(IMPORT, { input: { kind: 'ENTITIES', format: 'CSV', fileName: 'big.csv', contentBase64: big } }, bearer('analyst'));
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
