import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '../../shared/relay';
import { COUNTRY_CODE } from '../../territory';
import { SocialEconomyEntity } from './social-economy-entity.entity';
import type { EntityFilter } from './entity-filter.input';
import { divisionsOf } from './pkd';

/** One page of the entities within a unit, and how many there are in all. */
export interface EntityPage {
  entities: SocialEconomyEntity[];
  total: number;
}

const ENTITY_COLUMNS = [
  'id', 'name', 'legal_form', 'krs', 'regon', 'nip', 'seat_teryt_code', 'founded_on', 'status', 'social_enterprise', 'pkd_code', 'search_name', 'synthetic', 'created_at', 'updated_at',
] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The entities a filter admits, with the facts it judges them by (`f_*`): the snapshot's, or with
 * `asOf` those of the version valid then as recorded then (an inner join, so entities not
 * founded or not known at that point drop out).
 */
function candidates(filter: EntityFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let from = 'social_economy_entity e';
  let facts = 'e.legal_form as f_legal_form, e.status as f_status, e.social_enterprise as f_social_enterprise, e.seat_teryt_code as f_seat';
  if (filter.asOf) {
    const validAt = filter.asOf.validAt ? '?::date' : `(now() at time zone 'Europe/Warsaw')::date`;
    const recorded = filter.asOf.recordedAt ? 's.recorded_from <= ?::timestamptz and (s.recorded_to is null or s.recorded_to > ?::timestamptz)' : 's.recorded_to is null';
    from += ` join entity_state s on s.entity_id = e.id and ${recorded} and s.valid_from <= ${validAt} and (s.valid_to is null or s.valid_to > ${validAt})`;
    if (filter.asOf.recordedAt) params.push(filter.asOf.recordedAt, filter.asOf.recordedAt);
    if (filter.asOf.validAt) params.push(filter.asOf.validAt, filter.asOf.validAt);
    facts = 's.legal_form as f_legal_form, s.status as f_status, s.social_enterprise as f_social_enterprise, s.seat_teryt_code as f_seat';
  }
  const conditions: string[] = [];
  if (filter.legalForms.length) {
    conditions.push(`${filter.asOf ? 's' : 'e'}.legal_form in (${placeholders(filter.legalForms)})`);
    params.push(...filter.legalForms);
  }
  if (filter.statuses.length) {
    conditions.push(`${filter.asOf ? 's' : 'e'}.status in (${placeholders(filter.statuses)})`);
    params.push(...filter.statuses);
  }
  if (filter.socialEnterprise !== null) {
    conditions.push(`${filter.asOf ? 's' : 'e'}.social_enterprise = ?`);
    params.push(filter.socialEnterprise);
  }
  if (filter.nameContains !== null) {
    // Both sides folded by foldForSearch; the trigram index serves the infix match.
    if (filter.nameContains === '') conditions.push('false');
    else {
      conditions.push(`e.search_name like ? escape '\\'`);
      params.push(`%${escapeLike(filter.nameContains)}%`);
    }
  }
  if (filter.pkdCodes.length) {
    conditions.push(`e.pkd_code in (${placeholders(filter.pkdCodes)})`);
    params.push(...filter.pkdCodes);
  }
  if (filter.pkdSection) {
    const divisions = divisionsOf(filter.pkdSection);
    conditions.push(`left(e.pkd_code, 2) in (${placeholders(divisions)})`);
    params.push(...divisions);
  }
  const where = conditions.length ? conditions.join(' and ') : 'true';
  return { sql: `select ${ENTITY_COLUMNS.map((c) => `e.${c}`).join(', ')}, ${facts} from ${from} where ${where}`, params };
}

/**
 * For every unit code, one page of the entities seated in it or in any unit inside it (a seat
 * code starting with the unit's code; PL matches all), in a stable order (name, then id), with the
 * total. ONE statement for all codes: row_number() numbers each unit's entities and count(*) over
 * the same partition gives its total; the first row of each partition is always returned so a
 * page past the end still learns the total. With `asOf`, the seat then decides the unit.
 */
export async function pageEntitiesWithin(em: EntityManager, unitCodes: readonly string[], filter: EntityFilter, window: PageWindow): Promise<Map<string, EntityPage>> {
  const pages = new Map<string, EntityPage>(unitCodes.map((code) => [code, { entities: [], total: 0 }]));
  if (!unitCodes.length) return pages;
  const admitted = candidates(filter);
  const sql = `
    with units as (select distinct value as code from jsonb_array_elements_text(?::jsonb)),
    admitted as (${admitted.sql}),
    ranked as (
      select u.code as within_code,
             row_number() over (partition by u.code order by e.name, e.id) as position,
             count(*) over (partition by u.code) as total,
             ${ENTITY_COLUMNS.map((c) => `e.${c}`).join(', ')}
      from units u
      join admitted e on (u.code = '${COUNTRY_CODE}' or starts_with(e.f_seat, u.code))
    )
    select * from ranked
    where (position > ? and position <= ?) or position = 1
    order by within_code, position`;
  const rows = await em.execute<Record<string, unknown>[]>(sql, [JSON.stringify(unitCodes), ...admitted.params, window.offset, window.offset + window.limit]);
  for (const row of rows) {
    const page = pages.get(row.within_code as string)!;
    page.total = Number(row.total);
    if (Number(row.position) <= window.offset) continue;
    const data = Object.fromEntries(ENTITY_COLUMNS.map((c) => [c, row[c]]));
    page.entities.push(em.map(SocialEconomyEntity, data));
  }
  return pages;
}
