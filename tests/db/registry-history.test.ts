import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from '../http/hub-test-app';
import { importTerritory } from '../../api/src/territory';
import { LegalForm, RegistryEventKind, RegistryHistoryService, SocialEconomyEntity, SocialEconomyEntityStatus } from '../../api/src/observatory';

const DAY = 86_400_000;
const NOW = new Date('2026-11-27T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('the registry history on both time axes', () => {
  let db: TestDatabase;
  const service = () => new RegistryHistoryService(db.orm.em.fork(), () => NOW);
  const ids = { coop: 'a0000000-0000-4000-8000-000000000001', foundation: 'a0000000-0000-4000-8000-000000000002' };

  beforeAll(async () => {
    db = await createTestDatabase('registry_history');
    await importTerritory(db.orm.em.fork(), {});
    const em = db.orm.em.fork();
    em.create(SocialEconomyEntity, { id: ids.coop, name: 'Spółdzielnia Socjalna „Łąka”', legalForm: LegalForm.SOCIAL_COOPERATIVE, seat: '12', foundedOn: '2020-01-10' });
    em.create(SocialEconomyEntity, { id: ids.foundation, name: 'Fundacja „Źródło”', legalForm: LegalForm.FOUNDATION, seat: '14', foundedOn: '2018-05-01' });
    await em.flush();
    // Three weeks ago the registry learned of the founding; two weeks ago of a suspension from June.
    await service().recordEvent(ids.coop, { kind: RegistryEventKind.FOUNDED, occurredOn: '2020-01-10', details: { legalForm: LegalForm.SOCIAL_COOPERATIVE, seatCode: '12' } }, { recordedAt: ago(21) });
    await service().recordEvent(ids.coop, { kind: RegistryEventKind.STATUS_CHANGED, occurredOn: '2026-06-01', details: { status: SocialEconomyEntityStatus.SUSPENDED } }, { recordedAt: ago(14) });
    // Today it learns the suspension really began in March.
    const correction = await service().recordEvent(ids.coop, { kind: RegistryEventKind.STATUS_CHANGED, occurredOn: '2026-03-01', details: { status: SocialEconomyEntityStatus.SUSPENDED } });
    expect(correction.retroactive).toBe(true);
  });
  afterAll(async () => db?.drop());

  const status = async (validAt: string, recordedAt?: Date) => (await service().stateAsOf([ids.coop], { validAt, recordedAt })).get(ids.coop)?.status ?? null;

  it('answers what we believed last week about the status in March, and what we know now', async () => {
    expect(await status('2026-03-15', ago(7))).toBe('ACTIVE');
    expect(await status('2026-03-15')).toBe('SUSPENDED');
  });

  it('answers on the valid-time axis alone: active before the suspension, suspended after it', async () => {
    expect(await status('2026-02-28')).toBe('ACTIVE');
    expect(await status('2026-06-02')).toBe('SUSPENDED');
    expect(await status('2019-12-31')).toBeNull();
  });

  it('answers on the record-time axis alone: nothing known before the founding was recorded, a June suspension believed two weeks ago', async () => {
    expect(await status('2026-07-01', ago(22))).toBeNull();
    expect(await status('2026-07-01', ago(20))).toBe('ACTIVE');
    expect(await status('2026-07-01', ago(10))).toBe('SUSPENDED');
    expect(await status('2026-04-01', ago(10))).toBe('ACTIVE');
  });

  it('keeps the superseded versions, closed at the moment of the correction', async () => {
    const rows = await db.orm.em.fork().getConnection().execute<{ valid_from: string; valid_to: string | null; status: string; recorded_to: string | null }[]>(
      'select valid_from, valid_to, status, recorded_to from entity_state where entity_id = ? order by recorded_from, valid_from',
      [ids.coop],
    );
    const current = rows.filter((r) => r.recorded_to === null).map((r) => `${r.valid_from}..${r.valid_to ?? ''} ${r.status}`);
    expect(current).toEqual(['2020-01-10..2026-03-01 ACTIVE', '2026-03-01.. SUSPENDED']);
    expect(rows.filter((r) => r.recorded_to !== null && new Date(r.recorded_to).getTime() === NOW.getTime())).toHaveLength(2);
  });

  it('lists the whole history as known at an instant, or only the version valid on a date', async () => {
    const then = (await service().historyAsOf([ids.coop], { recordedAt: ago(7) })).get(ids.coop)!;
    expect(then.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['2020-01-10', '2026-06-01', 'ACTIVE'],
      ['2026-06-01', null, 'SUSPENDED'],
    ]);
    const march = (await service().historyAsOf([ids.coop], { validAt: '2026-03-15' })).get(ids.coop)!;
    expect(march).toHaveLength(1);
  });

  it('keeps the entity row in step with the version valid today', async () => {
    const entity = await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: ids.coop });
    expect(entity.status).toBe('SUSPENDED');
  });

  it('moves the seat and grants and withdraws social enterprise status, updating the snapshot', async () => {
    await service().startHistoryFromSnapshot([ids.foundation]);
    await service().recordEvents([
      { entityId: ids.foundation, kind: RegistryEventKind.SEAT_CHANGED, occurredOn: '2021-04-01', details: { seatCode: '02' } },
      { entityId: ids.foundation, kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2023-01-15' },
    ]);
    let entity = await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: ids.foundation });
    expect([entity.seat.terytCode, entity.socialEnterprise]).toEqual(['02', true]);
    await service().recordEvent(ids.foundation, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_WITHDRAWN, occurredOn: '2025-10-01' });
    entity = await db.orm.em.fork().findOneOrFail(SocialEconomyEntity, { id: ids.foundation });
    expect(entity.socialEnterprise).toBe(false);
    const states = (await service().historyAsOf([ids.foundation])).get(ids.foundation)!;
    expect(states.map((s) => `${s.validFrom} ${s.seat.terytCode}${s.socialEnterprise ? ' PS' : ''}`)).toEqual(['2018-05-01 14', '2021-04-01 02', '2023-01-15 02 PS', '2025-10-01 02']);
    const events = (await service().eventsOf([ids.foundation])).get(ids.foundation)!;
    expect(events.map((e) => e.kind)).toEqual(['FOUNDED', 'SEAT_CHANGED', 'SOCIAL_ENTERPRISE_GRANTED', 'SOCIAL_ENTERPRISE_WITHDRAWN']);
  });

  it('refuses an unknown entity or seat, a record time in the future or before a recorded change, and changes nothing then', async () => {
    const rowsBefore = await db.orm.em.fork().getConnection().execute('select count(*)::int as n from entity_state');
    await expect(service().recordEvent('a0000000-0000-4000-8000-00000000dead', { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2024-01-01' })).rejects.toMatchObject({ code: 'ENTITY_NOT_FOUND' });
    await expect(service().recordEvent(ids.coop, { kind: RegistryEventKind.SEAT_CHANGED, occurredOn: '2024-01-01', details: { seatCode: '99' } })).rejects.toMatchObject({ code: 'UNKNOWN_SEAT' });
    await expect(service().recordEvent(ids.coop, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2024-01-01' }, { recordedAt: new Date(NOW.getTime() + DAY) })).rejects.toMatchObject({ code: 'RECORDED_IN_FUTURE' });
    await expect(service().recordEvent(ids.coop, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2024-01-01' }, { recordedAt: ago(30) })).rejects.toMatchObject({ code: 'RECORDED_BEFORE_LAST_CHANGE' });
    await expect(service().recordEvent(ids.coop, { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2019-01-01' })).rejects.toMatchObject({ code: 'BEFORE_FOUNDING' });
    expect(await db.orm.em.fork().getConnection().execute('select count(*)::int as n from entity_state')).toEqual(rowsBefore);
  });

  describe('through GraphQL', () => {
    let t: HubTestApp;
    beforeAll(async () => {
      t = await startHubTestApp(db.url);
    });
    afterAll(async () => t?.close());

    it('serves statusHistory now, as recorded last week, and only the version valid on a day', async () => {
      const res = await t.gql(
        `query($id: ID, $lastWeek: DateTimeISO) { entity(id: $id) {
          now: statusHistory { validFrom validTo status recordedTo seat { terytCode } }
          lastWeek: statusHistory(recordedAt: $lastWeek) { validFrom validTo status }
          march: statusHistory(validAt: "2026-03-15") { status }
          marchLastWeek: statusHistory(validAt: "2026-03-15", recordedAt: $lastWeek) { status }
          events { kind occurredOn status recordedAt } } }`,
        { id: ids.coop, lastWeek: ago(7).toISOString() },
      );
      expect(res.body.errors).toBeUndefined();
      const e = res.body.data.entity;
      expect(e.now).toEqual([
        { validFrom: '2020-01-10', validTo: '2026-03-01', status: 'ACTIVE', recordedTo: null, seat: { terytCode: '12' } },
        { validFrom: '2026-03-01', validTo: null, status: 'SUSPENDED', recordedTo: null, seat: { terytCode: '12' } },
      ]);
      expect(e.lastWeek.map((v: { validFrom: string }) => v.validFrom)).toEqual(['2020-01-10', '2026-06-01']);
      expect(e.march).toEqual([{ status: 'SUSPENDED' }]);
      expect(e.marchLastWeek).toEqual([{ status: 'ACTIVE' }]);
      expect(e.events.map((x: { occurredOn: string }) => x.occurredOn)).toEqual(['2020-01-10', '2026-03-01', '2026-06-01']);
    });

    it('filters the entity list by the state at a point of either time axis', async () => {
      const res = await t.gql(`query($lastWeek: DateTimeISO) {
        suspendedNow: entities(filter: { statuses: [SUSPENDED] }) { nodes { name } }
        suspendedInMarch: entities(filter: { statuses: [SUSPENDED], asOf: { validAt: "2026-03-15" } }) { nodes { name } }
        suspendedInMarchAsBelievedLastWeek: entities(filter: { statuses: [SUSPENDED], asOf: { validAt: "2026-03-15", recordedAt: $lastWeek } }) { totalCount }
        inMazowieckieIn2020: entities(filter: { terytCode: "14", asOf: { validAt: "2020-06-01" } }) { nodes { name } }
        inMazowieckieNow: entities(filter: { terytCode: "14" }) { totalCount }
        before2019: entities(filter: { asOf: { validAt: "2019-01-01" } }) { totalCount }
      }`, { lastWeek: ago(7).toISOString() });
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data;
      expect(d.suspendedNow.nodes).toEqual([{ name: 'Spółdzielnia Socjalna „Łąka”' }]);
      expect(d.suspendedInMarch.nodes).toEqual([{ name: 'Spółdzielnia Socjalna „Łąka”' }]);
      expect(d.suspendedInMarchAsBelievedLastWeek.totalCount).toBe(0);
      expect(d.inMazowieckieIn2020.nodes).toEqual([{ name: 'Fundacja „Źródło”' }]);
      expect(d.inMazowieckieNow.totalCount).toBe(0);
      expect(d.before2019.totalCount).toBe(1);
    });

    it('refuses a validAt that is not a calendar date', async () => {
      const res = await t.gql(`query($id: ID) { entity(id: $id) { statusHistory(validAt: "2026-02-30") { status } } }`, { id: ids.coop });
      expect(res.body.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    });
  });
});
