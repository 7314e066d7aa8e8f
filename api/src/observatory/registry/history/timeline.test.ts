import fc from 'fast-check';
import { LegalForm, SocialEconomyEntityStatus as Status } from '../legal-form';
import { RegistryEventKind as Kind } from './registry-event-kind';
import { applyEvent, diffTimelines, isRetroactive, replayEvents, versionAt, type TimelineEvent, type TimelineVersion } from './timeline';

const founded = (on: string, seatCode = '1205011'): TimelineEvent => ({ kind: Kind.FOUNDED, occurredOn: on, details: { legalForm: LegalForm.SOCIAL_COOPERATIVE, seatCode } });
const ev = (kind: Kind, occurredOn: string, details: TimelineEvent['details'] = {}): TimelineEvent => ({ kind, occurredOn, details });
const replay = (events: TimelineEvent[]) => events.reduce<TimelineVersion[]>((t, e) => applyEvent(t, e), []);
const brief = (t: TimelineVersion[]) => t.map((v) => `${v.validFrom}..${v.validTo ?? ''} ${v.seatCode} ${v.status}${v.socialEnterprise ? ' PS' : ''}`);

describe('applyEvent', () => {
  it('starts a timeline at the founding, active and without social enterprise status', () => {
    expect(brief(replay([founded('2015-03-02')]))).toEqual(['2015-03-02.. 1205011 ACTIVE']);
  });

  it('splits the timeline at a seat change and keeps the old seat before it', () => {
    const t = replay([founded('2015-03-02'), ev(Kind.SEAT_CHANGED, '2019-07-01', { seatCode: '1261011' })]);
    expect(brief(t)).toEqual(['2015-03-02..2019-07-01 1205011 ACTIVE', '2019-07-01.. 1261011 ACTIVE']);
    expect(versionAt(t, '2019-06-30')?.seatCode).toBe('1205011');
    expect(versionAt(t, '2019-07-01')?.seatCode).toBe('1261011');
  });

  it('grants and then withdraws social enterprise status, leaving three versions', () => {
    const t = replay([founded('2015-03-02'), ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2023-02-10'), ev(Kind.SOCIAL_ENTERPRISE_WITHDRAWN, '2024-11-30')]);
    expect(brief(t)).toEqual(['2015-03-02..2023-02-10 1205011 ACTIVE', '2023-02-10..2024-11-30 1205011 ACTIVE PS', '2024-11-30.. 1205011 ACTIVE']);
  });

  it('applies a late-reported seat change from its date and keeps a later status change of another fact', () => {
    const known = replay([founded('2015-03-02'), ev(Kind.STATUS_CHANGED, '2024-06-01', { status: Status.SUSPENDED })]);
    const late = ev(Kind.SEAT_CHANGED, '2024-03-01', { seatCode: '1261011' });
    expect(isRetroactive(known, late)).toBe(true);
    expect(brief(applyEvent(known, late))).toEqual([
      '2015-03-02..2024-03-01 1205011 ACTIVE',
      '2024-03-01..2024-06-01 1261011 ACTIVE',
      '2024-06-01.. 1261011 SUSPENDED',
    ]);
  });

  it('ends a late-reported grant where a later withdrawal already stands', () => {
    const known = replay([founded('2015-03-02'), ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2023-01-01'), ev(Kind.SOCIAL_ENTERPRISE_WITHDRAWN, '2024-01-01'), ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2025-01-01')]);
    // The registry learns the first grant really came in 2022.
    const t = applyEvent(known, ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2022-05-01'));
    expect(brief(t)).toEqual([
      '2015-03-02..2022-05-01 1205011 ACTIVE',
      '2022-05-01..2024-01-01 1205011 ACTIVE PS',
      '2024-01-01..2025-01-01 1205011 ACTIVE',
      '2025-01-01.. 1205011 ACTIVE PS',
    ]);
  });

  it('lets a correction on the same date replace what was believed', () => {
    const known = replay([founded('2015-03-02'), ev(Kind.SEAT_CHANGED, '2019-07-01', { seatCode: '1261011' })]);
    const t = applyEvent(known, ev(Kind.SEAT_CHANGED, '2019-07-01', { seatCode: '1262011' }));
    expect(brief(t)).toEqual(['2015-03-02..2019-07-01 1205011 ACTIVE', '2019-07-01.. 1262011 ACTIVE']);
  });

  it('leaves the timeline as it was for an event that changes nothing', () => {
    const known = replay([founded('2015-03-02'), ev(Kind.SEAT_CHANGED, '2019-07-01', { seatCode: '1261011' })]);
    expect(applyEvent(known, ev(Kind.SEAT_CHANGED, '2020-01-01', { seatCode: '1261011' }))).toEqual(known);
  });

  it('ends social enterprise status with liquidation and keeps the dissolved entity in the timeline', () => {
    const t = replay([founded('2010-01-01'), ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2018-01-01'), ev(Kind.LIQUIDATION_STARTED, '2022-04-01'), ev(Kind.DISSOLVED, '2023-09-30')]);
    expect(brief(t)).toEqual(['2010-01-01..2018-01-01 1205011 ACTIVE', '2018-01-01..2022-04-01 1205011 ACTIVE PS', '2022-04-01..2023-09-30 1205011 IN_LIQUIDATION', '2023-09-30.. 1205011 DISSOLVED']);
  });

  it('moves the founding earlier when the registry learns an earlier date', () => {
    const t = applyEvent(replay([founded('2015-03-02')]), founded('2014-12-01'));
    expect(brief(t)).toEqual(['2014-12-01.. 1205011 ACTIVE']);
  });

  it('refuses events before the founding, without one, after dissolution, or without their details', () => {
    const known = replay([founded('2015-03-02'), ev(Kind.DISSOLVED, '2020-01-01')]);
    expect(() => applyEvent(known, ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2014-01-01'))).toThrow(expect.objectContaining({ code: 'BEFORE_FOUNDING' }));
    expect(() => applyEvent([], ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2014-01-01'))).toThrow(expect.objectContaining({ code: 'NOT_FOUNDED' }));
    expect(() => applyEvent(known, ev(Kind.SEAT_CHANGED, '2021-01-01', { seatCode: '02' }))).toThrow(expect.objectContaining({ code: 'ENTITY_DISSOLVED' }));
    expect(() => applyEvent(known, ev(Kind.SEAT_CHANGED, '2019-01-01'))).toThrow(expect.objectContaining({ code: 'MISSING_DETAIL' }));
    expect(() => applyEvent(known, ev(Kind.STATUS_CHANGED, '2019-01-01', { status: 'CLOSED' as Status }))).toThrow(expect.objectContaining({ code: 'INVALID_DETAIL' }));
    expect(() => applyEvent(known, founded('2016-01-01'))).toThrow(expect.objectContaining({ code: 'ALREADY_FOUNDED_EARLIER' }));
  });

  it('gives the same timeline whatever order events about different facts are recorded in, and never leaves a gap', () => {
    const dates = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const event = fc.oneof(
      dates.map((d) => ev(Kind.SEAT_CHANGED, d, { seatCode: '1261011' })),
      dates.map((d) => ev(Kind.SOCIAL_ENTERPRISE_GRANTED, d)),
      dates.map((d) => ev(Kind.STATUS_CHANGED, d, { status: Status.SUSPENDED })),
    );
    fc.assert(
      fc.property(fc.uniqueArray(event, { minLength: 1, maxLength: 3, selector: (e) => e.kind }), (events) => {
        const inOrder = replay([founded('2015-01-01'), ...[...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))]);
        const reversed = replay([founded('2015-01-01'), ...[...events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))]);
        expect(reversed).toEqual(inOrder);
        inOrder.slice(1).forEach((v, i) => expect(v.validFrom).toBe(inOrder[i].validTo));
        expect(inOrder[inOrder.length - 1].validTo).toBeNull();
      }),
    );
  });
});

describe('diffTimelines', () => {
  it('closes only the rows that no longer hold and inserts only new versions', () => {
    const before = replay([founded('2015-03-02'), ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2020-01-01')]).map((v, i) => ({ ...v, id: String(i + 1) }));
    const after = applyEvent(before, ev(Kind.SEAT_CHANGED, '2021-01-01', { seatCode: '1261011' }));
    const { close, insert } = diffTimelines(before, after);
    expect(close).toEqual(['2']);
    expect(brief(insert)).toEqual(['2020-01-01..2021-01-01 1205011 ACTIVE PS', '2021-01-01.. 1261011 ACTIVE PS']);
  });
});

describe('replayEvents', () => {
  const at = (e: TimelineEvent, recordedAt: string) => ({ ...e, recordedAt: new Date(recordedAt) });

  it('lets a resumption recorded before its suspension still end it', () => {
    const events = [
      at(founded('2015-03-02'), '2019-01-15T08:00:00Z'),
      at(ev(Kind.STATUS_CHANGED, '2022-09-01', { status: Status.ACTIVE }), '2022-09-20T08:00:00Z'),
      at(ev(Kind.STATUS_CHANGED, '2021-05-01', { status: Status.SUSPENDED }), '2022-10-02T08:00:00Z'),
    ];
    expect(brief(replayEvents(events))).toEqual(['2015-03-02..2021-05-01 1205011 ACTIVE', '2021-05-01..2022-09-01 1205011 SUSPENDED', '2022-09-01.. 1205011 ACTIVE']);
    // Applied one by one in arrival order, the resumption changed nothing and left no seam.
    expect(brief(events.reduce<TimelineVersion[]>((t, e) => applyEvent(t, e), []))).toEqual(['2015-03-02..2021-05-01 1205011 ACTIVE', '2021-05-01.. 1205011 SUSPENDED']);
  });

  it('takes the founding from the latest-recorded FOUNDED event and same-day events in recorded order', () => {
    const events = [
      at(founded('2015-03-02'), '2019-01-15T08:00:00Z'),
      at(ev(Kind.SEAT_CHANGED, '2020-01-01', { seatCode: '1261011' }), '2020-02-01T08:00:00Z'),
      at(founded('2014-06-30'), '2020-03-01T08:00:00Z'),
      at(ev(Kind.SEAT_CHANGED, '2020-01-01', { seatCode: '1262011' }), '2020-04-01T08:00:00Z'),
    ];
    expect(brief(replayEvents(events))).toEqual(['2014-06-30..2020-01-01 1205011 ACTIVE', '2020-01-01.. 1262011 ACTIVE']);
  });

  it('refuses events dated before the founding', () => {
    expect(() => replayEvents([at(founded('2015-03-02'), '2019-01-15T08:00:00Z'), at(ev(Kind.SOCIAL_ENTERPRISE_GRANTED, '2014-01-01'), '2019-02-01T08:00:00Z')])).toThrow(
      expect.objectContaining({ code: 'BEFORE_FOUNDING' }),
    );
  });
});
