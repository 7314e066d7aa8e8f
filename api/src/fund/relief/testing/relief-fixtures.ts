import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Migration20261127143500_fund_relief } from '../../../../../migrations/Migration20261127143500_fund_relief';

/** Applies the relief migration when the test database's template does not list it yet. */
export async function ensureReliefSchema(orm: MikroORM): Promise<void> {
  const conn = orm.em.getConnection();
  const [row] = await conn.execute<{ t: string | null }[]>(`select to_regclass('relief_campaign')::text as t`);
  if (row.t) return;
  const m = new Migration20261127143500_fund_relief(orm.em.getDriver(), orm.config);
  await m.up();
  for (const q of m.getQueries()) await conn.execute(typeof q === 'string' ? q : q.toString());
}

/**
 * A small territory tree and borrowers in it, inserted directly (foreign-key triggers off, as in
 * fund/loans' fixtures): relief targets a loan through its borrower's territory and legal form,
 * not through the origination chain behind it.
 */
export async function insertBorrowers(em: EntityManager, borrowers: { territory: string; legalForm: string; foundingGroup?: boolean; name?: string }[]): Promise<string[]> {
  const ids: string[] = [];
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const trx = tx.getTransactionContext();
    const run = (sql: string, params: unknown[] = []) => conn.execute(sql, params as never[], 'run', trx);
    await run(`set local session_replication_role = replica`);
    const units: [string, string, string, string | null, string | null][] = [
      ['02', 'dolnośląskie', 'VOIVODESHIP', null, null],
      ['0208', 'kłodzki', 'POWIAT', '02', null],
      ['0208011', 'Duszniki-Zdrój', 'GMINA', '0208', 'URBAN'],
      ['0208021', 'Kłodzko', 'GMINA', '0208', 'URBAN'],
      ['12', 'małopolskie', 'VOIVODESHIP', null, null],
      ['1206', 'krakowski', 'POWIAT', '12', null],
      ['1206011', 'Skawina', 'GMINA', '1206', 'URBAN'],
    ];
    for (const [code, name, level, parent, gminaType] of units) {
      await run(`insert into territorial_unit (teryt_code, name, level, parent_teryt_code, gmina_type) values (?, ?, ?, ?, ?) on conflict (teryt_code) do nothing`, [code, name, level, parent, gminaType]);
    }
    for (const [i, b] of borrowers.entries()) {
      const id = randomUUID();
      const name = b.name ?? `Borrower ${i + 1}`;
      if (b.foundingGroup) {
        await run(`insert into fund_client (id, kind, name, intended_legal_form, territory_teryt_code, registered_by_id) values (?, 'FOUNDING_GROUP', ?, ?, ?, ?)`, [id, name, b.legalForm, b.territory, randomUUID()]);
      } else {
        const entityId = randomUUID();
        await run(`insert into social_economy_entity (id, name, search_name, legal_form, seat_teryt_code) values (?, ?, lower(?), ?, ?)`, [entityId, name, name, b.legalForm, b.territory]);
        await run(`insert into fund_client (id, kind, name, entity_id, territory_teryt_code, registered_by_id) values (?, 'ENTITY', ?, ?, ?, ?)`, [id, name, entityId, b.territory, randomUUID()]);
      }
      ids.push(id);
    }
  });
  return ids;
}
