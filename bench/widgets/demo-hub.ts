// A throw-away hub with the demo statistics and real voivodeship boundaries, for bench/widgets/run.mjs.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres HUB_PORT=4871 \
//     node -r ./tests/setup/load-ts.cjs -e "require('./tests/setup/load-ts.cjs').registerTs(); require('./bench/widgets/demo-hub.ts')"
// Prints "hub ready at <url>"; on SIGINT/SIGTERM it stops and drops its database.
import 'reflect-metadata';
import { createTestDatabase } from '../../tests/support/test-database';
import { importTerritory } from '../../api/src/territory';
import { refreshIndicators, seedDemoRegistry } from '../../api/src/observatory';
import { importWidgetGeometry } from '../../api/src/widgets';
import { defaultDataDir, loadConfig } from '../../api/src/config';
import { startHub } from '../../api/src/main';

async function main(): Promise<void> {
  const db = await createTestDatabase('widgets_bench');
  await importTerritory(db.orm.em.fork());
  await seedDemoRegistry(db.orm.em.fork(), { seed: 2026 });
  await refreshIndicators(db.orm.em.fork(), { cause: 'widgets bench' });
  const dataDir = process.env.HUB_DATA_DIR || defaultDataDir();
  if (!dataDir) throw new Error('the boundary files (shared/data) are needed');
  await importWidgetGeometry(db.orm.em.fork(), { dataDir, levels: ['VOIVODESHIP'] });
  const hub = await startHub(loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, HUB_PORT: process.env.HUB_PORT ?? '4871', CMS_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'widgets-bench' }));
  process.stdout.write(`hub ready at ${hub.url.replace(/\/graphql$/, '')}\n`);
  const stop = async () => {
    await hub.close();
    await db.drop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
