import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A tiny registry whose statistics can be worked out by hand (see tests/db/indicators-refresh):
 *   Gorlice (1205011): 4 social cooperatives, 10 employees each (8 FTE), 4 → 5 of them excluded-group;
 *   Biecz (1205023):   1 large cooperative, 100 employees (100 FTE), 10 excluded;
 *   Kraków (1261011):  3 social cooperatives, 5 employees each (4 FTE), 1 excluded.
 * All active since 2020; reports for 2024 and 2025. Needs the territory imported first.
 */
export const fixtureEntityId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const FIXTURE = [
  ...[1, 2, 3, 4].map((n) => ({ id: fixtureEntityId(n), seat: '1205011', headcount: 10, fte: 8, excluded: { 2024: 4, 2025: 5 } })),
  { id: fixtureEntityId(5), seat: '1205023', headcount: 100, fte: 100, excluded: { 2024: 10, 2025: 10 } },
  ...[6, 7, 8].map((n) => ({ id: fixtureEntityId(n), seat: '1261011', headcount: 5, fte: 4, excluded: { 2024: 1, 2025: 1 } })),
];

export async function insertIndicatorFixture(em: EntityManager): Promise<void> {
  for (const e of FIXTURE) {
    await em.execute(
      `insert into social_economy_entity (id, name, search_name, legal_form, seat_teryt_code, founded_on, status, social_enterprise)
       values (?, ?, ?, 'SOCIAL_COOPERATIVE', ?, '2020-01-01', 'ACTIVE', false)`,
      [e.id, `Spółdzielnia ${e.id.slice(-2)}`, `spoldzielnia ${e.id.slice(-2)}`, e.seat],
    );
    await em.execute(
      `insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from) values (?, 'SOCIAL_COOPERATIVE', ?, 'ACTIVE', false, '2020-01-01')`,
      [e.id, e.seat],
    );
    for (const year of [2024, 2025] as const) {
      await em.execute(
        `insert into annual_report (id, entity_id, year, employees_headcount, employees_fte, excluded_disabled) values (gen_random_uuid(), ?, ?, ?, ?, ?)`,
        [e.id, year, e.headcount, e.fte, e.excluded[year]],
      );
    }
  }
}
