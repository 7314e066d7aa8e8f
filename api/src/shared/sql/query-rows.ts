import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs SQL through the driver with real bind parameters, in the entity manager's transaction if
 * it has one. `em.execute` inlines parameters into the SQL text on the client and post-processes
 * rows, which costs more than the query itself for the multi-megabyte batches the refresh writes
 * and for the thousand-row slices the API reads.
 */
export async function queryRows<T>(em: EntityManager, sql: string, bindings: unknown[] = []): Promise<T[]> {
  const knex = em.getConnection().getKnex();
  const query = knex.raw(sql, bindings as never[]);
  const trx = em.getTransactionContext();
  const result = (await (trx ? query.transacting(trx) : query)) as { rows: T[] };
  return result.rows;
}
