import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs SQL with `?` bind parameters through the driver, in the entity manager's transaction if it
 * has one (the books never commit on their own). Rows come back as the driver gives them: bigint
 * columns as strings.
 */
export async function sqlRows<T>(em: EntityManager, sql: string, bindings: unknown[] = []): Promise<T[]> {
  const knex = em.getConnection().getKnex();
  const query = knex.raw(sql, bindings as never[]);
  const trx = em.getTransactionContext();
  const result = (await (trx ? query.transacting(trx) : query)) as { rows: T[] };
  return result.rows;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
