import { builtinPopulation, builtinUnits, type PopulationRecord, type UnitRecord } from '../../../territory';
import { LegalForm, SocialEconomyEntityStatus } from '../../registry/legal-form';
import { versionAt } from '../../registry/history/timeline';
import { BUILTIN_CALIBRATION } from '../calibration';
import { generateDemoRegistry, territorySample, type SampleUnit } from '../generate-registry';
import { generateDemoActivity } from './generate-activity';
import { bitemporalRows, recordTimes } from './record-time';
import { RegistryEventKind } from '../../registry/history/registry-event-kind';
import { mulberry32 } from '../prng';

function sampleFrom(units: UnitRecord[], population: PopulationRecord[]) {
  const latest = new Map<string, PopulationRecord>();
  for (const p of population) if ((latest.get(p.terytCode)?.year ?? 0) < p.year) latest.set(p.terytCode, p);
  const sampleUnits: SampleUnit[] = units.map((u) => ({ code: u.terytCode, level: u.level, gminaType: u.gminaType, parentCode: u.parentCode, population: latest.get(u.terytCode)?.population ?? null }));
  return territorySample(sampleUnits);
}

const territory = sampleFrom(builtinUnits(), builtinPopulation());
const NOW = new Date('2026-11-27T12:00:00Z');
const records = generateDemoRegistry({ seed: 2026, calibration: BUILTIN_CALIBRATION, territory });
const activity = generateDemoActivity({ seed: 2026, calibration: BUILTIN_CALIBRATION, territory, entities: records, now: NOW });

describe('generateDemoActivity', () => {
  it('is a pure function of its input', () => {
    const again = generateDemoActivity({ seed: 2026, calibration: BUILTIN_CALIBRATION, territory, entities: [...records].reverse(), now: NOW });
    // Compared as JSON: jest's deep equality takes seconds on 30,000 rows.
    expect(JSON.stringify(again)).toBe(JSON.stringify(activity));
  });

  it('ends every history in the entity’s status of today and starts it on its founding day, without gaps', () => {
    const byEntity = new Map<string, typeof activity.states>();
    for (const s of activity.states) if (s.recordedTo === null) byEntity.set(s.entityId, [...(byEntity.get(s.entityId) ?? []), s]);
    const wrong = records.filter((record) => {
      const current = byEntity.get(record.id)!.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      const today = versionAt(current, '2026-11-27');
      return (
        current[0].validFrom !== record.foundedOn ||
        today?.status !== record.status ||
        today.seatCode !== record.seatCode ||
        today.legalForm !== record.legalForm ||
        current.slice(1).some((v, i) => v.validFrom !== current[i].validTo)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('never records anything in the future or a version replaced before it was recorded', () => {
    const late = [...activity.events, ...activity.reports].filter((e) => e.recordedAt.getTime() > NOW.getTime());
    const inverted = activity.states.filter((s) => s.recordedTo !== null && s.recordedTo.getTime() <= s.recordedFrom.getTime());
    expect({ late, inverted }).toEqual({ late: [], inverted: [] });
  });

  it('follows the social enterprise growth path from the calibrated 300 at the end of 2020 to about 1,000 in 2025', () => {
    expect(activity.summary.socialEnterprises[2020]).toBe(300);
    expect(Math.abs(activity.summary.socialEnterprises[2025] - 1000)).toBeLessThanOrEqual(5);
  });

  it('calibrates people in CIS, ZAZ and WTZ in 2021 to the GUS 46,300 (±0.5 %)', () => {
    expect(Math.abs(activity.summary.reintegration2021 - 46_300) / 46_300).toBeLessThan(0.005);
  });

  it('leaves about a tenth of the reports unfiled and files none for years before the founding or after the striking-off', () => {
    const missingShare = activity.summary.reportsMissing / (activity.summary.reportsMissing + activity.reports.length);
    expect(missingShare).toBeGreaterThan(0.07);
    expect(missingShare).toBeLessThan(0.15);
    const founded = new Map(records.map((r) => [r.id, r.foundedOn]));
    const struckOff = new Map(activity.events.filter((e) => e.kind === RegistryEventKind.DISSOLVED).map((e) => [e.entityId, e.occurredOn]));
    const misplaced = activity.reports.filter((r) => founded.get(r.entityId)! > `${r.year}-09-30` || (struckOff.get(r.entityId) ?? '9999') < `${r.year}-01-01`);
    expect(misplaced).toEqual([]);
  });

  it('keeps every amount and count a whole, non-negative number (the result may be a loss) and the reinvested surplus within the result', () => {
    const wrong = activity.reports.filter((r) => {
      const excluded = Object.values(r.excluded!);
      const counts = [r.employeesHeadcount!, r.revenueMarket, r.revenuePublicGrants, r.surplusReinvested, ...excluded];
      return (
        counts.some((n) => !Number.isSafeInteger(n) || n < 0) ||
        excluded.reduce((sum, n) => sum + n, 0) > r.employeesHeadcount! ||
        (r.result > 0 && r.surplusReinvested > r.result)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('reports what the success story says of „Pod Bocianem” in 2025: twelve employees, seven of them at risk of exclusion', () => {
    const report = activity.reports.find((r) => r.entityId === '5e0c0001-7a1b-4c2d-8e3f-000000000001' && r.year === 2025)!;
    expect(report.employeesHeadcount).toBe(12);
    expect(Object.values(report.excluded!).reduce((s, n) => s + n, 0)).toBe(7);
  });

  it('gives suspended entities neither staff nor participants', () => {
    const suspended = new Set(records.filter((r) => r.status === SocialEconomyEntityStatus.SUSPENDED).map((r) => r.id));
    const lastYear = activity.reports.filter((r) => suspended.has(r.entityId) && r.year === 2025);
    expect(lastYear.length).toBeGreaterThan(0);
    expect(lastYear.every((r) => r.employeesHeadcount === 0)).toBe(true);
  });
});

describe('bitemporalRows', () => {
  it('keeps the old belief as a closed version when a late report corrects history', () => {
    const events = [
      { kind: RegistryEventKind.FOUNDED, occurredOn: '2020-01-10', details: { legalForm: LegalForm.SOCIAL_COOPERATIVE, seatCode: '12' }, recordedAt: new Date('2020-02-01T00:00:00Z') },
      { kind: RegistryEventKind.STATUS_CHANGED, occurredOn: '2024-06-01', details: { status: SocialEconomyEntityStatus.SUSPENDED }, recordedAt: new Date('2024-06-10T00:00:00Z') },
      { kind: RegistryEventKind.STATUS_CHANGED, occurredOn: '2024-03-01', details: { status: SocialEconomyEntityStatus.SUSPENDED }, recordedAt: new Date('2024-07-01T00:00:00Z') },
    ];
    const { rows } = bitemporalRows(events);
    const brief = rows.map((r) => `${r.validFrom}..${r.validTo ?? ''} ${r.status} ${r.recordedFrom.toISOString().slice(0, 10)}..${r.recordedTo?.toISOString().slice(0, 10) ?? ''}`);
    expect([...brief].sort()).toEqual([
      '2020-01-10.. ACTIVE 2020-02-01..2024-06-10',
      '2020-01-10..2024-03-01 ACTIVE 2024-07-01..',
      '2020-01-10..2024-06-01 ACTIVE 2024-06-10..2024-07-01',
      '2024-03-01.. SUSPENDED 2024-07-01..',
      '2024-06-01.. SUSPENDED 2024-06-10..2024-07-01',
    ]);
    expect(rows).toHaveLength(5);
  });

  it('records everything before 2019 at the registry’s opening load, and nothing before the founding was recorded', () => {
    const random = mulberry32(1);
    const recorded = recordTimes(random, [
      { kind: RegistryEventKind.FOUNDED, occurredOn: '2010-01-10', details: { legalForm: LegalForm.FOUNDATION, seatCode: '14' } },
      { kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn: '2017-03-01', details: {} },
      { kind: RegistryEventKind.SOCIAL_ENTERPRISE_WITHDRAWN, occurredOn: '2021-03-01', details: {} },
    ], NOW);
    expect(recorded[0].recordedAt.toISOString()).toBe('2019-01-15T08:00:00.000Z');
    expect(recorded[1].recordedAt).toEqual(recorded[0].recordedAt);
    expect(recorded[2].recordedAt.getTime()).toBeGreaterThan(Date.parse('2021-03-01'));
  });
});
