import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '../../shared/dates';
import { loadEditionStaff } from '../editions/workshop-edition.service';
import { waitlistPositions } from '../enrolments/enrolment.service';
import { WorkshopEdition } from '../editions/workshop-edition.entity';
import { WorkshopSession } from '../editions/workshop-session.entity';
import { WorkshopEnrolment } from '../enrolments/workshop-enrolment.entity';
import { WorkshopCertificate } from '../certificates/workshop-certificate.entity';
import type { EditionStaff } from '../academy-errors';

const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): V[][] => {
  const map = new Map<K, V[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => map.get(k) ?? []);
};

export interface UnitEditionsKey {
  terytCode: string;
  from: CalendarDate | null;
  to: CalendarDate | null;
}

export function createAcademyLoaders(em: EntityManager) {
  return {
    editionById: new DataLoader<string, WorkshopEdition | null>(async (ids) => {
      const rows = await em.find(WorkshopEdition, { id: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    sessionsByEdition: new DataLoader<string, WorkshopSession[]>(async (ids) => {
      const rows = await em.find(WorkshopSession, { edition: { $in: [...ids] } }, { orderBy: { date: 'asc', startsAt: 'asc' } });
      return group(ids, rows, (r) => r.edition.id);
    }),
    staffByEdition: new DataLoader<string, EditionStaff | null>(async (ids) => {
      const map = await loadEditionStaff(em, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    trainerNamesByEdition: new DataLoader<string, string[]>(async (ids) => {
      const rows = await em.execute<{ edition_id: string; display_name: string }[]>(
        `select t.edition_id, s.display_name from workshop_edition_trainer t join staff_user s on s.id = t.trainer_id
         where t.edition_id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) order by s.display_name`,
        [JSON.stringify(ids)],
      );
      return group(ids, rows, (r) => r.edition_id).map((list) => list.map((r) => r.display_name));
    }),
    waitlistLengthByEdition: new DataLoader<string, number>(async (ids) => {
      const rows = await em.execute<{ edition_id: string; n: string }[]>(
        `select edition_id, count(*) as n from workshop_enrolment where status = 'WAITLISTED' and edition_id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) group by edition_id`,
        [JSON.stringify(ids)],
      );
      return ids.map((id) => Number(rows.find((r) => r.edition_id === id)?.n ?? 0));
    }),
    enrolmentsByEdition: new DataLoader<string, WorkshopEnrolment[]>(async (ids) => {
      const rows = await em.find(WorkshopEnrolment, { edition: { $in: [...ids] } }, { orderBy: { queueNumber: 'asc' } });
      return group(ids, rows, (r) => r.edition.id);
    }),
    waitlistPosition: new DataLoader<string, number | null>(async (ids) => {
      const map = await waitlistPositions(em, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    certificateByEnrolment: new DataLoader<string, WorkshopCertificate | null>(async (ids) => {
      const rows = await em.find(WorkshopCertificate, { enrolment: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.enrolment.id === id) ?? null);
    }),
    editionsByWorkshop: new DataLoader<string, WorkshopEdition[]>(async (documentIds) => {
      const rows = await em.find(WorkshopEdition, { workshopDocumentId: { $in: [...documentIds] } }, { orderBy: { startsOn: 'asc', id: 'asc' } });
      return group(documentIds, rows, (r) => r.workshopDocumentId);
    }),
    /** Editions within a unit (and every unit inside it), overlapping a date range; one statement per batch. */
    editionsWithinUnit: new DataLoader<UnitEditionsKey, WorkshopEdition[], string>(
      async (keys) => {
        const rows = await em.execute<{ key: number; id: string }[]>(
          `select k.idx as key, e.id
           from jsonb_to_recordset(?::jsonb) as k(idx int, code text, from_date date, to_date date)
           join workshop_edition e on (k.code = 'PL' or e.territory_teryt_code like k.code || '%')
             and (k.from_date is null or e.ends_on >= k.from_date) and (k.to_date is null or e.starts_on <= k.to_date)
           order by e.starts_on, e.id`,
          [JSON.stringify(keys.map((k, idx) => ({ idx, code: k.terytCode, from_date: k.from, to_date: k.to })))],
        );
        const editions = rows.length ? await em.find(WorkshopEdition, { id: { $in: [...new Set(rows.map((r) => r.id))] } }) : [];
        const byId = new Map(editions.map((e) => [e.id, e]));
        return keys.map((_, i) => rows.filter((r) => Number(r.key) === i).map((r) => byId.get(r.id)!));
      },
      { cacheKeyFn: (k) => `${k.terytCode}|${k.from ?? ''}|${k.to ?? ''}` },
    ),
  };
}

export type AcademyLoaders = ReturnType<typeof createAcademyLoaders>;

/** Loaders live as long as the request's entity manager fork (one per GraphQL request). */
const perRequest = new WeakMap<EntityManager, AcademyLoaders>();
export function academyLoaders(ctx: { em: EntityManager }): AcademyLoaders {
  let loaders = perRequest.get(ctx.em);
  if (!loaders) {
    loaders = createAcademyLoaders(ctx.em);
    perRequest.set(ctx.em, loaders);
  }
  return loaders;
}
