import type { Logger } from 'pino';
import type { HubConfig } from './config';
import { createOrm, migrateToLatest } from './orm';
import { importTerritory } from './territory';
import { seedDemoRegistry, refreshIndicators, IndicatorService } from './observatory';
import { ensureFirstAdmin } from './access';

export interface PrepareResult {
  migrationsApplied: string[];
  /** Present only on the start that created the first admin; its password is shown once. */
  firstAdmin?: { email: string; password: string | undefined; generated: boolean };
  territory: { source: string; units: number };
  demo: { created: number; skipped: boolean };
  /** Present when this start published a new data version of the statistics. */
  indicators?: { version: string; durationMs: number };
}

/**
 * Brings the hub database to a servable state, idempotently: migrations, territory,
 * demo registry (once), published statistics, and the first admin (once). Safe to run on every start.
 */
export async function prepareHub(config: HubConfig, log: Logger): Promise<PrepareResult> {
  const orm = await createOrm(config.databaseUrl);
  try {
    const migrationsApplied = await migrateToLatest(orm);
    if (migrationsApplied.length) log.info({ migrations: migrationsApplied }, 'migrations applied');
    const territory = await importTerritory(orm.em.fork(), { dataDir: config.dataDir, log });
    const demo = await seedDemoRegistry(orm.em.fork(), { seed: config.demoSeed, dataDir: config.dataDir, log });
    // Statistics are published after data changes (imports do the same); a start only adds a
    // version when the demo data was just seeded or nothing has been published yet.
    const published = await new IndicatorService(orm.em.fork()).versionId();
    const refreshed = demo.created > 0 || published === null ? await refreshIndicators(orm.em.fork(), { cause: demo.created > 0 ? 'demo data seeded' : 'first start', log }) : undefined;
    const admin = await ensureFirstAdmin(orm.em.fork(), { email: config.firstAdmin.email, password: config.firstAdmin.password });
    return {
      migrationsApplied,
      territory: { source: territory.source, units: territory.units },
      demo,
      ...(refreshed ? { indicators: { version: refreshed.version.label, durationMs: refreshed.durationMs } } : {}),
      ...(admin.created ? { firstAdmin: { email: admin.email, password: admin.generatedPassword, generated: admin.generatedPassword !== undefined } } : {}),
    };
  } finally {
    await orm.close();
  }
}
