import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { seedDemoRegistry } from '../../api/src/observatory';
import { encodeCursor } from '../../api/src/shared/relay';

const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

/**
 * N+1 guard for the registry's territorial join: the SQL statements one request sends must not
 * grow with the number of units listed (TerritorialUnit.entities → seat → parent all batch).
 */
withData('entities by territory, batched', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  beforeAll(async () => {
    db = await createTestDatabase('registry_batching');
    await importTerritory(db.orm.em.fork(), { dataDir });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir });
    t = await startHubTestApp(db.url);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    t.sql.count = 0;
    t.sql.statements.length = 0;
    const res = await t.gql(query, variables);
    expect(res.body.errors).toBeUndefined();
    return { count: t.sql.count, data: res.body.data };
  }

  const GMINAS = `query($first: Int) { territorialUnits(level: GMINA, first: $first) { nodes { terytCode
    entities(first: 3) { totalCount pageInfo { hasNextPage } nodes { name legalForm seat { terytCode parent { name parent { name } } } } } } } }`;

  it('sends as many SQL statements for 100 gminas with their entities, seats and parents as for 10', async () => {
    const ten = await statementsFor(GMINAS, { first: 10 });
    const hundred = await statementsFor(GMINAS, { first: 100 });
    expect(ten.data.territorialUnits.nodes).toHaveLength(10);
    expect(hundred.data.territorialUnits.nodes).toHaveLength(100);
    expect(hundred.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(6);
  });

  const POWIATS = `query($first: Int) { territorialUnits(level: VOIVODESHIP, first: $first) { nodes { name
    children { terytCode entities(first: 2, filter: { legalForms: [SOCIAL_COOPERATIVE] }) { totalCount nodes { name seat { name } } } } } } }`;

  it('sends as many statements for all 380 powiats (16 voivodeships) as for the 30 of one voivodeship', async () => {
    const one = await statementsFor(POWIATS, { first: 1 });
    const all = await statementsFor(POWIATS, { first: 16 });
    const powiats = (data: { territorialUnits: { nodes: { children: unknown[] }[] } }) => data.territorialUnits.nodes.reduce((n, v) => n + v.children.length, 0);
    expect(powiats(one.data)).toBe(30);
    expect(powiats(all.data)).toBe(380);
    expect(all.count).toBe(one.count);
  });

  it('answers each unit in the batch exactly as the unbatched list query does', async () => {
    const { data } = await statementsFor(GMINAS, { first: 100 });
    const busiest = [...data.territorialUnits.nodes].sort((a, b) => b.entities.totalCount - a.entities.totalCount).slice(0, 3);
    for (const unit of busiest) {
      const res = await t.gql('query($code: String) { entities(first: 3, filter: { terytCode: $code }) { totalCount nodes { name } } }', { code: unit.terytCode });
      expect(res.body.data.entities.totalCount).toBe(unit.entities.totalCount);
      expect(res.body.data.entities.nodes.map((n: { name: string }) => n.name)).toEqual(unit.entities.nodes.map((n: { name: string }) => n.name));
      expect(unit.entities.nodes.every((n: { seat: { terytCode: string } }) => n.seat.terytCode === unit.terytCode)).toBe(true);
    }
  });

  it('counts every entity once across the voivodeships, the country counts them all', async () => {
    const { data, count } = await statementsFor('{ territorialUnit(terytCode: "PL") { entities(first: 0) { totalCount } children { entities(first: 0) { totalCount } } } }');
    const country = data.territorialUnit.entities.totalCount;
    const sum = data.territorialUnit.children.reduce((n: number, v: { entities: { totalCount: number } }) => n + v.entities.totalCount, 0);
    expect(sum).toBe(country);
    expect(country).toBeGreaterThan(4000);
    expect(count).toBeLessThanOrEqual(4);
  });

  it('still reports the total when a page starts past the end of a unit’s list', async () => {
    const { data } = await statementsFor(
      `query($after: String) { territorialUnits(level: VOIVODESHIP, first: 3) { nodes {
        all: entities(first: 1) { totalCount }
        past: entities(first: 5, after: $after) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage } } } } }`,
      { after: encodeCursor(100_000) },
    );
    for (const v of data.territorialUnits.nodes) {
      expect(v.past.nodes).toEqual([]);
      expect(v.past.totalCount).toBe(v.all.totalCount);
      expect(v.past.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    }
  });

  it('pages a unit’s entities without gaps or repeats', async () => {
    const q = `query($after: String) { territorialUnit(terytCode: "1261") { entities(first: 7, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const res = await t.gql(q, { after });
      const conn = res.body.data.territorialUnit.entities;
      total = conn.totalCount;
      ids.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  // Plain lists count 20 items each in the query cost limit (5,000), hence the modest page sizes.
  const REPORTS = `query($first: Int) { entities(first: $first, filter: { legalForms: [SOCIAL_COOPERATIVE], statuses: [ACTIVE] }) { nodes { name
    reports(years: [2023, 2024, 2025]) { year employeesHeadcount excludedEmployees { total } revenueMarket { amount } entity { name } } } } }`;
  const HISTORY = `query($first: Int) { entities(first: $first, filter: { legalForms: [SOCIAL_COOPERATIVE] }) { nodes { name
    statusHistory { validFrom status seat { name } }
    events { kind occurredOn seat { name } } } } }`;

  it('sends as many statements for the annual reports of 25 entities as for 3', async () => {
    const few = await statementsFor(REPORTS, { first: 3 });
    const many = await statementsFor(REPORTS, { first: 25 });
    const nodes = many.data.entities.nodes;
    expect(nodes).toHaveLength(25);
    // Which entities come first depends on the server's collation; active ones mostly reported.
    expect(nodes.filter((n: { reports: unknown[] }) => n.reports.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(4);
  });

  it('sends as many statements for the history and events of 30 entities as for 3', async () => {
    const few = await statementsFor(HISTORY, { first: 3 });
    const many = await statementsFor(HISTORY, { first: 30 });
    const nodes = many.data.entities.nodes;
    expect(nodes.every((n: { statusHistory: unknown[]; events: unknown[] }) => n.statusHistory.length >= 1 && n.events.length >= 1)).toBe(true);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(5);
  });

  it('answers every entity of a batch as it would alone', async () => {
    const { data } = await statementsFor(HISTORY, { first: 30 });
    const busiest = [...data.entities.nodes].sort((a, b) => b.events.length - a.events.length).slice(0, 3);
    for (const node of busiest) {
      const alone = await t.gql(`query($name: String) { entities(first: 1, filter: { nameContains: $name, legalForms: [SOCIAL_COOPERATIVE] }) { nodes { name
        statusHistory { validFrom status seat { name } } events { kind occurredOn seat { name } } } } }`, { name: node.name });
      expect(alone.body.data.entities.nodes[0]).toEqual(node);
    }
  });
});
