import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config';
import { createOrm, migrateToLatest } from './orm';
import { emitSchemaFile, SCHEMA_FILE } from './schema';
import { importTerritory } from './territory';
import { seedDemoRegistry, runRegistryImportCommand, IMPORT_USAGE } from './observatory';

const USAGE = `Social Economy Hub — command line

  npm run hub -- migrate                     apply pending database migrations
  npm run hub -- import territory [--dir D]  import TERYT (TERC) and population from a data directory
${IMPORT_USAGE}
  npm run hub -- seed demo [--seed N]        add the synthetic demo registry (once)
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
  } else if (command === 'import' && (subject === 'entities' || subject === 'reports')) {
    // Logs stay quiet here: the command prints its own report (pino would interleave JSON with it).
    process.exitCode = await withOrm((orm) => runRegistryImportCommand(orm.em.fork(), args.slice(1), { log: log.child({}, { level: 'warn' }) }));
  } else if (command === 'seed' && subject === 'demo') {
    const config = loadConfig();
    const seed = Number(option(args, '--seed') ?? config.demoSeed);
    const result = await withOrm((orm) => seedDemoRegistry(orm.em.fork(), { seed, dataDir: config.dataDir, log }));
    log.info(result, result.skipped ? 'demo registry already present' : 'demo registry seeded');
  } else {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
