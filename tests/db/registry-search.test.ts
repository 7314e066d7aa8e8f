import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { LegalForm, RegistryHistoryService, SocialEconomyEntity, SocialEconomyEntityStatus } from '../../api/src/observatory';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

const ENTITIES: { name: string; legalForm: LegalForm; seat: string; pkdCode: string | null; socialEnterprise?: boolean; status?: SocialEconomyEntityStatus }[] = [
  { name: 'Spółdzielnia Socjalna „Łódzka Kuchnia”', legalForm: LegalForm.SOCIAL_COOPERATIVE, seat: '1061011', pkdCode: '56.29.Z', socialEnterprise: true },
  { name: 'Fundacja Rozwoju Łodzi', legalForm: LegalForm.FOUNDATION, seat: '1061011', pkdCode: '94.99.Z' },
  { name: 'SPÓŁDZIELNIA PRACY „ŻURAW”', legalForm: LegalForm.WORKER_COOPERATIVE, seat: '1205011', pkdCode: '43.21.Z' },
  { name: 'Stowarzyszenie „Gęśla Jaźń”', legalForm: LegalForm.ASSOCIATION, seat: '1205042', pkdCode: '88.99.Z' },
  { name: 'Centrum Integracji Społecznej w Gorlicach', legalForm: LegalForm.CIS, seat: '1205011', pkdCode: '88.99.Z', status: SocialEconomyEntityStatus.SUSPENDED },
  { name: 'Agencja „Start” sp. z o.o. non-profit', legalForm: LegalForm.NON_PROFIT_COMPANY, seat: '1261011', pkdCode: null },
];

/** Search by name (Polish-aware, diacritics-insensitive), legal form, status, territory and its descendants, sector. */
withData('searching the registry', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const names = async (filter: string) => {
    const res = await t.gql(`{ entities(first: 100, filter: ${filter}) { totalCount nodes { name } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.entities.nodes.map((n: { name: string }) => n.name);
  };

  beforeAll(async () => {
    db = await createTestDatabase('registry_search');
    await importTerritory(db.orm.em.fork(), { dataDir });
    const em = db.orm.em.fork();
    for (const e of ENTITIES) {
      em.create(SocialEconomyEntity, { name: e.name, legalForm: e.legalForm, seat: e.seat, pkdCode: e.pkdCode, socialEnterprise: e.socialEnterprise ?? false, status: e.status ?? SocialEconomyEntityStatus.ACTIVE, foundedOn: '2015-01-01', id: crypto.randomUUID() });
    }
    await em.flush();
    await new RegistryHistoryService(db.orm.em.fork()).startHistoryFromSnapshot();
    t = await startHubTestApp(db.url);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('keeps the folded search name in step with the name on every write through the ORM', async () => {
    const em = db.orm.em.fork();
    const entity = await em.findOneOrFail(SocialEconomyEntity, { name: ENTITIES[2].name });
    expect(entity.searchName).toBe('spoldzielnia pracy zuraw');
    entity.name = 'Spółdzielnia Pracy „Żuraw Północny”';
    await em.flush();
    expect((await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: entity.id })).searchName).toBe('spoldzielnia pracy zuraw polnocny');
  });

  it('finds "Spółdzielnia" when asked for "spoldzielnia", in any case', async () => {
    expect(await names('{ nameContains: "spoldzielnia" }')).toEqual(['Spółdzielnia Pracy „Żuraw Północny”', 'Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ nameContains: "SPOLDZIELNIA SOCJALNA" }')).toEqual(['Spółdzielnia Socjalna „Łódzka Kuchnia”']);
  });

  it('finds Łódź entities when asked for "lodz", and ł, ę, ś, ź typed with or without their marks', async () => {
    expect(await names('{ nameContains: "lodz" }')).toEqual(['Fundacja Rozwoju Łodzi', 'Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ nameContains: "Łódź" }')).toEqual(['Fundacja Rozwoju Łodzi', 'Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ nameContains: "gesla jazn" }')).toEqual(['Stowarzyszenie „Gęśla Jaźń”']);
    expect(await names('{ nameContains: "społecznej w gorlicach" }')).toEqual(['Centrum Integracji Społecznej w Gorlicach']);
  });

  it('ignores quotes, dots and dashes in names and queries, and matches nothing for punctuation alone', async () => {
    expect(await names('{ nameContains: "start sp z o o" }')).toEqual(['Agencja „Start” sp. z o.o. non-profit']);
    expect(await names('{ nameContains: "„Łódzka kuchnia”" }')).toEqual(['Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ nameContains: "%" }')).toEqual([]);
  });

  it('finds entities in a territorial unit and every unit inside it, at any level', async () => {
    expect(await names('{ terytCode: "1205042" }')).toEqual(['Stowarzyszenie „Gęśla Jaźń”']);
    expect(await names('{ terytCode: "1205" }')).toEqual(['Centrum Integracji Społecznej w Gorlicach', 'Spółdzielnia Pracy „Żuraw Północny”', 'Stowarzyszenie „Gęśla Jaźń”']);
    expect(await names('{ terytCode: "12" }')).toHaveLength(4);
    expect(await names('{ terytCode: "10", nameContains: "lodz" }')).toHaveLength(2);
    expect(await names('{ terytCode: "PL" }')).toHaveLength(ENTITIES.length);
  });

  it('finds entities by sector: a PKD class, or a PKD section spanning several divisions', async () => {
    expect(await names('{ pkdCodes: ["88.99.Z"] }')).toEqual(['Centrum Integracji Społecznej w Gorlicach', 'Stowarzyszenie „Gęśla Jaźń”']);
    expect(await names('{ pkdSection: Q }')).toEqual(['Centrum Integracji Społecznej w Gorlicach', 'Stowarzyszenie „Gęśla Jaźń”']);
    expect(await names('{ pkdSection: I }')).toEqual(['Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ pkdSection: F, pkdCodes: ["43.21.Z", "56.29.Z"] }')).toEqual(['Spółdzielnia Pracy „Żuraw Północny”']);
  });

  it('combines legal form, status and social enterprise status with the rest', async () => {
    expect(await names('{ socialEnterprise: true }')).toEqual(['Spółdzielnia Socjalna „Łódzka Kuchnia”']);
    expect(await names('{ statuses: [SUSPENDED], terytCode: "12" }')).toEqual(['Centrum Integracji Społecznej w Gorlicach']);
    expect(await names('{ legalForms: [FOUNDATION, NON_PROFIT_COMPANY], nameContains: "o" }')).toEqual(['Agencja „Start” sp. z o.o. non-profit', 'Fundacja Rozwoju Łodzi']);
  });

  it('refuses a malformed PKD code as bad input naming the field', async () => {
    const res = await t.gql('{ entities(filter: { pkdCodes: ["8899Z"] }) { totalCount } }');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PKD_CODE', field: ['filter', 'pkdCodes'] });
  });

  it('can serve a name search from the trigram index instead of reading the whole table', async () => {
    const plan = await db.orm.em.fork().transactional(async (tx) => {
      await tx.execute('set local enable_seqscan = off');
      return tx.execute<{ 'QUERY PLAN': string }[]>(`explain select id from social_economy_entity where search_name like '%kuchnia%'`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/social_economy_entity_search_name_trgm_index/);
  });
});
