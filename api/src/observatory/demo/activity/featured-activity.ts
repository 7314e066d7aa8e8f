import { LegalForm } from '../../registry/legal-form';
import { RegistryEventKind } from '../../registry/history/registry-event-kind';
import type { TimelineEvent } from '../../registry/history/timeline';
import { PRICE_INDEX_2016, type ExcludedGroup } from './annual-reports';

/** A featured entity's report in its latest year; earlier years are scaled back from it. */
interface FeaturedFigures {
  headcount: number;
  /** Paid staff in FTE. */
  fte: number;
  excluded: Partial<Record<ExcludedGroup, number>>;
  members: number | null;
  volunteers: number;
  revenuePln: number;
  marketShare: number;
  /** Result as a share of revenue. */
  margin: number;
}

export interface FeaturedActivity {
  pkdCode: string;
  /** Seats are 7-digit gmina codes; the generator maps them to the finest unit the territory holds. */
  events: TimelineEvent[];
  figures2025: FeaturedFigures;
}

const founded = (occurredOn: string, legalForm: LegalForm, seatCode: string): TimelineEvent => ({ kind: RegistryEventKind.FOUNDED, occurredOn, details: { legalForm, seatCode } });
const granted = (occurredOn: string, note: string): TimelineEvent => ({ kind: RegistryEventKind.SOCIAL_ENTERPRISE_GRANTED, occurredOn, details: { note } });

/**
 * Hand-written histories and reports of the six featured entities, consistent with the CMS
 * success stories (e.g. „Pod Bocianem” employs twelve people, seven of them at risk of
 * exclusion, and cooks about 350 school lunches a day). All of it is invented.
 */
export const FEATURED_ACTIVITY: Record<string, FeaturedActivity> = {
  '5e0c0001-7a1b-4c2d-8e3f-000000000001': {
    pkdCode: '56.29.Z',
    events: [
      founded('2012-05-14', LegalForm.SOCIAL_COOPERATIVE, '1205042'),
      { kind: RegistryEventKind.SEAT_CHANGED, occurredOn: '2015-09-01', details: { seatCode: '1205011', note: 'moved to a rented kitchen in the town of Gorlice' } },
      granted('2019-06-10', 'entered on the ministry’s list of social enterprises'),
    ],
    figures2025: { headcount: 12, fte: 11, excluded: { longTermUnemployed: 4, disabled: 2, afterAddiction: 1 }, members: 7, volunteers: 4, revenuePln: 1_300_000, marketShare: 0.97, margin: 0.035 },
  },
  '5e0c0001-7a1b-4c2d-8e3f-000000000002': {
    pkdCode: '10.71.Z',
    events: [founded('2009-10-01', LegalForm.FOUNDATION, '1261011'), granted('2023-03-20', 'granted by the voivode of małopolskie')],
    figures2025: { headcount: 14, fte: 12.5, excluded: { afterPrison: 4, homeless: 3, afterAddiction: 2 }, members: 0, volunteers: 20, revenuePln: 1_450_000, marketShare: 0.8, margin: 0.02 },
  },
  '5e0c0001-7a1b-4c2d-8e3f-000000000003': {
    pkdCode: '88.99.Z',
    events: [founded('2006-03-01', LegalForm.CIS, '1862011')],
    figures2025: { headcount: 79, fte: 8.5, excluded: { longTermUnemployed: 40, homeless: 9, afterAddiction: 11, afterPrison: 5, disabled: 3, other: 2 }, members: null, volunteers: 3, revenuePln: 1_250_000, marketShare: 0.08, margin: 0 },
  },
  '5e0c0001-7a1b-4c2d-8e3f-000000000004': {
    pkdCode: '96.01.Z',
    events: [founded('2004-09-15', LegalForm.ZAZ, '2261011')],
    figures2025: { headcount: 58, fte: 52, excluded: { disabled: 45 }, members: null, volunteers: 0, revenuePln: 3_500_000, marketShare: 0.46, margin: 0.01 },
  },
  '5e0c0001-7a1b-4c2d-8e3f-000000000005': {
    pkdCode: '55.20.Z',
    events: [founded('2016-04-20', LegalForm.SOCIAL_COOPERATIVE, '1801083'), granted('2023-09-01', 'granted by the voivode of podkarpackie')],
    figures2025: { headcount: 6, fte: 5.5, excluded: { longTermUnemployed: 2, disabled: 1 }, members: 6, volunteers: 2, revenuePln: 430_000, marketShare: 0.9, margin: 0.04 },
  },
  '5e0c0001-7a1b-4c2d-8e3f-000000000006': {
    pkdCode: '95.29.Z',
    events: [founded('2001-02-12', LegalForm.ASSOCIATION, '0264011'), granted('2020-02-01', 'entered on the ministry’s list of social enterprises')],
    figures2025: { headcount: 10, fte: 8.75, excluded: { other: 5 }, members: 40, volunteers: 25, revenuePln: 830_000, marketShare: 0.55, margin: 0.02 },
  },
};

/** A featured report for an earlier year: staff 6 % fewer a year back, money in that year's prices. */
export function featuredFigures(figures: FeaturedFigures, year: number): FeaturedFigures {
  const back = 2025 - year;
  const people = (n: number) => Math.max(0, Math.round(n * (1 - 0.06 * back)));
  return {
    ...figures,
    headcount: people(figures.headcount),
    fte: Math.round(figures.fte * (1 - 0.06 * back) * 4) / 4,
    excluded: Object.fromEntries(Object.entries(figures.excluded).map(([g, n]) => [g, people(n!)])),
    revenuePln: Math.round((figures.revenuePln * (1 - 0.06 * back) * PRICE_INDEX_2016[year]) / PRICE_INDEX_2016[2025]),
  };
}
