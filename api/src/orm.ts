import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { hubEntities } from './modules';
import { migrationsList } from '../../migrations';

export interface OrmOptions {
  /** Called with every SQL statement the ORM sends; used by the N+1 guard and for debugging. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
}

export function ormConfig(databaseUrl: string, options: OrmOptions = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: hubEntities,
    extensions: [Migrator],
    // The schema is changed only by migrations, never synchronised at run time.
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    // Rollup tables are written and read with set-based SQL only (see migrations); the ORM has no
    // entity for them, and its schema comparison must not treat them as strays.
    schemaGenerator: { skipTables: ['data_version', 'indicator_definition', 'indicator_value'] },
    pool: { min: 0, max: options.poolMax ?? 10 },
    migrations: {
      migrationsList,
      path: 'migrations',
      pathTs: 'migrations',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? (message: string) => options.onQuery?.(message) : () => undefined,
    colors: false,
  });
}

export async function createOrm(databaseUrl: string, options: OrmOptions = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(databaseUrl, options));
}

/** Applies every pending migration, each in its own transaction, all-or-nothing. */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
