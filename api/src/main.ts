import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { loadConfig, type HubConfig } from './config';
import { createOrm } from './orm';
import { createHubApp } from './app';
import { configureIndicatorCache } from './observatory';

export interface RunningHub {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the hub's HTTP server on an already-migrated database. `close()` stops taking new
 * requests, lets in-flight ones finish, then releases the database pool.
 */
export async function startHub(config: HubConfig, options: { log?: Logger } = {}): Promise<RunningHub> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: 'hub' } });
  configureIndicatorCache({ maxRows: config.indicatorCacheRows });
  const orm = await createOrm(config.databaseUrl);
  const httpServer = createServer();
  const hub = await createHubApp({ config, orm, log, httpServer });
  await hub.start();
  httpServer.on('request', hub.app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  log.info({ url }, 'hub listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await hub.stop();
        await orm.close();
        log.info('hub stopped');
      })();
      return closing;
    },
  };
}

/** `node dist/api/src/main.js`: the hub alone, for deployments where PostgreSQL and Strapi run elsewhere. */
if (require.main === module) {
  const config = loadConfig();
  startHub(config)
    .then((hub) => {
      const shutdown = (signal: string) => {
        process.stdout.write(`${signal} received: finishing in-flight requests\n`);
        hub.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((error: unknown) => {
      process.stderr.write(`The hub could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
