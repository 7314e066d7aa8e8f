import type { Logger } from 'pino';
import type { HubConfig } from './config';
import { createOrm, migrateToLatest } from './orm';
import { importTerritory } from './territory';
import { seedDemoRegistry, refreshIndicators, IndicatorService } from './observatory';
import { ensureFirstAdmin } from './access';
import { importWidgetGeometry } from './widgets';
import { seedDemoPortfolio, DEMO_FUND_YEARS, DEMO_FUND_THROUGH, type SeedDemoPortfolioResult } from './fund';

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
 * Brings the hub database to a servable state, idempotently: migrations, territory, map
 * boundaries, demo registry (once), published statistics, and the first admin (once). Safe to run on every start.
 */
export async function prepareHub(config: HubConfig, log: Logger): Promise<PrepareResult> {
  const orm = await createOrm(config.databaseUrl);
  try {
    const migrationsApplied = await migrateToLatest(orm);
    if (migrationsApplied.length) log.info({ migrations: migrationsApplied }, 'migrations applied');
    const territory = await importTerritory(orm.em.fork(), { dataDir: config.dataDir, log });
    // Map boundaries for the widgets, simplified once per source file (skipped when unchanged).
    if (config.dataDir) await importWidgetGeometry(orm.em.fork(), { dataDir: config.dataDir });
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

/** A background task with a way to stop it early. */
export interface BackgroundTask<T> {
  done: Promise<T>;
  stop(): Promise<void>;
}

/**
 * The demo loan portfolio, built through the Fund's services day by day (several minutes), so
 * the launcher runs it after the hub is up. Once per database; stopped early, the next start
 * resumes after the last closed business day.
 */
export function seedDemoFund(config: HubConfig, log: Logger): BackgroundTask<SeedDemoPortfolioResult> {
  const ready = createOrm(config.databaseUrl);
  const done = ready.then(async (orm) => {
    try {
      return await seedDemoPortfolio(orm.em.fork(), {
        seed: config.demoSeed,
        dataDir: config.dataDir,
        years: DEMO_FUND_YEARS,
        through: DEMO_FUND_THROUGH,
        log: (message) => log.info(message),
      });
    } finally {
      await orm.close();
    }
  });
  return {
    done,
    async stop() {
      // Closing the pool aborts the day in progress; the next start resumes after the last closed day.
      // Bounded: a statement still running must not hold up stopping the hub, Strapi and PostgreSQL.
      const closed = (async () => {
        await (await ready).close(true);
        await done.catch(() => undefined);
      })();
      await Promise.race([closed.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}
