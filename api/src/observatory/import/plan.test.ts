import { LegalForm, SocialEconomyEntityStatus as Status } from '../registry/legal-form';
import { planEntities, readEntityRows, type ExistingEntity } from './entity-rows';
import { planHistory } from './history-plan';
import { RegistryEventKind } from '../registry/history/registry-event-kind';
import { planReports, readReportRows, type ReportValues } from './report-rows';
import { readCsv } from './read-csv';

const TODAY = '2026-11-27';
const table = (text: string) => readCsv(new TextEncoder().encode(text));
const UNITS = new Set(['12', '1205011', '1261011']);

const stored: ExistingEntity = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Spółdzielnia Socjalna „Stara”',
  legalForm: LegalForm.SOCIAL_COOPERATIVE,
  krs: '0009000101',
  regon: null,
  nip: '5260000011',
  seatCode: '1261011',
  foundedOn: '2016-04-12',
  status: Status.ACTIVE,
  socialEnterprise: true,
  pkdCode: '56.29.Z',
  synthetic: false,
};

function plan(csv: string, existing: ExistingEntity[] = [stored]) {
  const read = readEntityRows(table(csv), TODAY);
  expect(read.errors).toEqual([]);
  return planEntities(read.rows, existing, UNITS, TODAY);
}

describe('planEntities', () => {
  it('matches by NIP when the KRS is not given, fills in a missing REGON and keeps what empty cells leave alone', () => {
    const result = plan('nazwa;forma_prawna;regon;nip;teryt;status;status_ps;pkd\nSpółdzielnia Socjalna „Stara”;spółdzielnia socjalna;876543216;5260000011;1261011;;;\n');
    expect(result.creates).toEqual([]);
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0].entity).toMatchObject({ id: stored.id, krs: '0009000101', regon: '876543216', status: Status.ACTIVE, socialEnterprise: true, pkdCode: '56.29.Z' });
    expect(result.updates[0].changes).toEqual([]); // a filled-in identifier is no event
  });

  it('counts a row that repeats what is stored as unchanged', () => {
    const result = plan('nazwa;forma_prawna;krs;teryt;data_zalozenia\nSpółdzielnia Socjalna „Stara”;SOCIAL_COOPERATIVE;0009000101;1261011;12.04.2016\n');
    expect([result.creates.length, result.updates.length, result.unchanged]).toEqual([0, 0, 1]);
  });

  it('ends social enterprise status with liquidation, without a separate withdrawal event', () => {
    const result = plan('nazwa;forma_prawna;krs;teryt;status\nSpółdzielnia Socjalna „Stara”;spółdzielnia socjalna;0009000101;1261011;w likwidacji\n');
    expect(result.updates[0].entity).toMatchObject({ status: Status.IN_LIQUIDATION, socialEnterprise: false });
    expect(result.updates[0].changes.map((c) => c.kind)).toEqual(['LIQUIDATION_STARTED']);
  });

  it('refuses social enterprise status stated for an entity struck off', () => {
    const read = readEntityRows(table('nazwa;forma_prawna;krs;teryt;status;status_ps\nX;fundacja;0009000555;12;wykreślony;tak\n'), TODAY);
    expect(planEntities(read.rows, [], UNITS, TODAY).errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'status_ps', 'STATUS_CONFLICT']]);
  });
});

describe('planHistory', () => {
  // What the registry holds for the stored entity: founded in Kraków, social enterprise since 2023.
  const recorded = [
    { kind: RegistryEventKind.FOUNDED, occurredOn: '2016-04-12', details: { legalForm: LegalForm.SOCIAL_COOPERATIVE, seatCode: '1261011' }, recordedAt: new Date('2016-05-01T10:00:00Z') },
    { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2023-02-10', details: {}, recordedAt: new Date('2023-02-15T10:00:00Z') },
  ];

  it('records a seat change with the old seat, dated by data_zmiany', () => {
    const result = plan('nazwa;forma_prawna;krs;teryt;data_zmiany\nSpółdzielnia Socjalna „Stara”;spółdzielnia socjalna;0009000101;1205011;2025-06-01\n');
    const versions = recorded;
    const history = planHistory(result.creates, result.updates, new Map([[stored.id, versions]]), TODAY, { source: 'import' });
    expect(history.errors).toEqual([]);
    expect(history.events).toEqual([{ entityId: stored.id, kind: 'SEAT_CHANGED', occurredOn: '2025-06-01', details: { seatCode: '1205011', from: '1261011', source: 'import' } }]);
  });

  it('turns a change dated before the founding into a row error, not a failed write', () => {
    const result = plan('nazwa;forma_prawna;krs;teryt;data_zmiany\nSpółdzielnia Socjalna „Stara”;spółdzielnia socjalna;0009000101;1205011;2010-01-01\n');
    const versions = recorded;
    const history = planHistory(result.creates, result.updates, new Map([[stored.id, versions]]), TODAY, {});
    expect(history.events).toEqual([]);
    expect(history.errors.map((e) => [e.row, e.code])).toEqual([[2, 'HISTORY_CONFLICT']]);
    expect(history.errors[0].messagePl).toContain('data zmiany jest wcześniejsza niż data założenia');
  });
});

describe('planReports', () => {
  const entities = new Map([['krs:0009000101', { id: stored.id, name: stored.name }]]);
  const before: ReportValues = {
    employees_headcount: 10,
    employees_fte: '8.50',
    excluded_long_term_unemployed: null,
    excluded_disabled: 3,
    excluded_homeless: null,
    excluded_after_addiction: null,
    excluded_after_prison: null,
    excluded_refugees: null,
    excluded_other: null,
    members: 7,
    volunteers: 4,
    revenue_market: '123456',
    revenue_public_grants: null,
    result: '-500',
    surplus_reinvested: null,
    pkd_code: null,
  };
  const existing = new Map([[`${stored.id}:2024`, { id: 'r1', values: before }]]);
  const reports = (csv: string) => {
    const read = readReportRows(table(csv), TODAY);
    expect(read.errors).toEqual([]);
    return planReports(read.rows, entities, existing);
  };

  it('keeps the stored value of a column the file lacks, and treats 8,5 and 8.50 FTE as the same', () => {
    expect(reports('krs;rok;etaty;wolontariusze\n0009000101;2024;8,5;4\n')).toMatchObject({ created: 0, updated: 0, unchanged: 1, upserts: [] });
  });

  it('stores an empty cell as "not reported" and checks the merged report against the stored headcount', () => {
    const result = reports('krs;rok;wolontariusze;przychody_rynkowe\n0009000101;2024;;1 234,56\n');
    expect(result.updated).toBe(1);
    expect(result.upserts[0].values).toMatchObject({ volunteers: null, revenue_market: '123456', employees_headcount: 10, members: 7 });
    const read = readReportRows(table('krs;rok;bezdomni\n0009000101;2024;8\n'), TODAY);
    expect(planReports(read.rows, entities, existing).errors.map((e) => [e.column, e.code])).toEqual([['bezdomni', 'EXCLUDED_ABOVE_HEADCOUNT']]);
  });

  it('refuses the same entity and year twice in one file', () => {
    const read = readReportRows(table('krs;rok;czlonkowie\n0009000101;2025;1\n0009000101;2025;2\n'), TODAY);
    expect(planReports(read.rows, entities, existing).errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'rok', 'DUPLICATE_REPORT']]);
  });
});
