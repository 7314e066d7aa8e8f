import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config';
import { createOrm, migrateToLatest } from './orm';
import { emitSchemaFile, SCHEMA_FILE } from './schema';
import { importTerritory } from './territory';
import { seedDemoRegistry, runRegistryImportCommand, IMPORT_USAGE } from './observatory';
import { importWidgetGeometry } from './widgets';
import { runRetentionCommand, RETENTION_USAGE } from './diagnostics';
import { runCloseOfBusinessCommand, CLOSE_OF_BUSINESS_USAGE, seedDemoPortfolio, DEMO_FUND_YEARS, DEMO_FUND_THROUGH } from './fund';

const USAGE = `Social Economy Hub — command line

  npm run hub -- migrate                     apply pending database migrations
  npm run hub -- import territory [--dir D]  import TERYT (TERC) and population from a data directory
  npm run hub -- import geometry [--dir D]   simplify the boundary files to TopoJSON for the map widgets
${IMPORT_USAGE}
  npm run hub -- seed demo [--seed N]        add the synthetic demo registry (once)
  npm run hub -- seed fund-demo [--seed N]   add the demo loan portfolio (once; needs the demo registry)
${CLOSE_OF_BUSINESS_USAGE}
${RETENTION_USAGE}
  npm run hub -- schema                      write schema.graphql from the code

DATABASE_URL selects the database; HUB_DATA_DIR (or --dir) the official data directory.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function withOrm<T>(work: (orm: Awaited<ReturnType<typeof createOrm>>) => Promise<T>): Promise<T> {
  const orm = await createOrm(loadConfig().databaseUrl);
  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

async function main(args: string[]): Promise<void> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const [command, subject] = args;
  if (command === 'schema') {
    await emitSchemaFile();
    log.info({ file: SCHEMA_FILE }, 'schema written');
  } else if (command === 'migrate') {
    const applied = await withOrm(migrateToLatest);
    log.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
  } else if (command === 'import' && subject === 'territory') {
    const dataDir = option(args, '--dir') ?? loadConfig().dataDir;
    const report = await withOrm((orm) => importTerritory(orm.em.fork(), { dataDir, log }));
    log.info({ report }, 'territory imported');
  } else if (command === 'import' && subject === 'geometry') {
    const dataDir = option(args, '--dir') ?? loadConfig().dataDir;
    if (!dataDir) throw new Error('import geometry needs a data directory: --dir D or HUB_DATA_DIR');
    const reports = await withOrm((orm) => importWidgetGeometry(orm.em.fork(), { dataDir }));
    log.info({ reports: reports.map(({ unmatched, ...r }) => ({ ...r, unmatched: unmatched.length })) }, 'geometry imported');
  } else if (command === 'import' && (subject === 'entities' || subject === 'reports')) {
    // Logs stay quiet here: the command prints its own report (pino would interleave JSON with it).
    process.exitCode = await withOrm((orm) => runRegistryImportCommand(orm.em.fork(), args.slice(1), { log: log.child({}, { level: 'warn' }) }));
  } else if (command === 'seed' && subject === 'demo') {
    const config = loadConfig();
    const seed = Number(option(args, '--seed') ?? config.demoSeed);
    const result = await withOrm((orm) => seedDemoRegistry(orm.em.fork(), { seed, dataDir: config.dataDir, log }));
    log.info(result, result.skipped ? 'demo registry already present' : 'demo registry seeded');
  } else if (command === 'seed' && subject === 'fund-demo') {
    const config = loadConfig();
    const seed = Number(option(args, '--seed') ?? config.demoSeed);
    const result = await withOrm((orm) => seedDemoPortfolio(orm.em.fork(), { seed, dataDir: config.dataDir, years: DEMO_FUND_YEARS, through: DEMO_FUND_THROUGH, log: (m) => log.info(m) }));
    log.info(result, result.created ? 'demo loan portfolio seeded' : 'loans already present: nothing seeded');
  } else if (command === 'close-of-business') {
    process.exitCode = await withOrm((orm) => runCloseOfBusinessCommand(orm.em.fork(), args.slice(1)));
  } else if (command === 'diagnostics' && subject === 'purge') {
    await withOrm((orm) => runRetentionCommand(orm, args.slice(2)));
  } else {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
