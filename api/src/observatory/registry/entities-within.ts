import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '../../shared/relay';
import { COUNTRY_CODE } from '../../territory';
import { SocialEconomyEntity } from './social-economy-entity.entity';
import type { EntityFilter } from './entity-filter.input';

/** One page of the entities within a unit, and how many there are in all. */
export interface EntityPage {
  entities: SocialEconomyEntity[];
  total: number;
}

const ENTITY_COLUMNS = ['id', 'name', 'legal_form', 'krs', 'regon', 'nip', 'seat_teryt_code', 'founded_on', 'status', 'synthetic', 'created_at', 'updated_at'] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereClause(filter: EntityFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.legalForms.length) {
    conditions.push(`e.legal_form in (${filter.legalForms.map(() => '?').join(', ')})`);
    params.push(...filter.legalForms);
  }
  if (filter.statuses.length) {
    conditions.push(`e.status in (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.terytCode) {
    conditions.push('starts_with(e.seat_teryt_code, ?)');
    params.push(filter.terytCode);
  }
  if (filter.nameContains) {
    conditions.push(`e.name ilike ? escape '\\'`);
    params.push(`%${escapeLike(filter.nameContains)}%`);
  }
  return { sql: conditions.length ? conditions.join(' and ') : 'true', params };
}

/**
 * For every unit code, one page of the entities seated in it or in any unit inside it (a seat
 * code starting with the unit's code; PL matches all), in a stable order (name, then id), with the
 * total. ONE statement for all codes: row_number() numbers each unit's entities and count(*) over
 * the same partition gives its total; the first row of each partition is always returned so a
 * page past the end still learns the total.
 */
export async function pageEntitiesWithin(em: EntityManager, unitCodes: readonly string[], filter: EntityFilter, window: PageWindow): Promise<Map<string, EntityPage>> {
  const pages = new Map<string, EntityPage>(unitCodes.map((code) => [code, { entities: [], total: 0 }]));
  if (!unitCodes.length) return pages;
  const where = whereClause(filter);
  const sql = `
    with units as (select distinct value as code from jsonb_array_elements_text(?::jsonb)),
    ranked as (
      select u.code as within_code,
             row_number() over (partition by u.code order by e.name, e.id) as position,
             count(*) over (partition by u.code) as total,
             ${ENTITY_COLUMNS.map((c) => `e.${c}`).join(', ')}
      from units u
      join social_economy_entity e on (u.code = '${COUNTRY_CODE}' or starts_with(e.seat_teryt_code, u.code))
      where ${where.sql}
    )
    select * from ranked
    where (position > ? and position <= ?) or position = 1
    order by within_code, position`;
  const rows = await em.execute<Record<string, unknown>[]>(sql, [JSON.stringify(unitCodes), ...where.params, window.offset, window.offset + window.limit]);
  for (const row of rows) {
    const page = pages.get(row.within_code as string)!;
    page.total = Number(row.total);
    if (Number(row.position) <= window.offset) continue;
    const data = Object.fromEntries(ENTITY_COLUMNS.map((c) => [c, row[c]]));
    page.entities.push(em.map(SocialEconomyEntity, data));
  }
  return pages;
}
