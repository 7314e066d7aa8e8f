import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureCmsBuild } from '../../api/src/launcher/strapi-build';
import { StrapiProcess } from '../../api/src/launcher/strapi-process';
import { generatePassword, generateSecrets } from '../../api/src/launcher/secrets';
import { freePort } from '../../api/src/launcher/processes';
import { createEmptyDatabase } from './test-server';

/** Pass this to the `beforeAll` that starts a CMS: a first start builds Strapi's schema in a fresh database. */
export const CMS_START_TIMEOUT_MS = 240_000;

export interface TestCmsOptions {
  /** Seed the demo success stories (the CMS's CMS_SEED_DEMO); default false, an empty CMS. */
  seedDemo?: boolean;
  /** More environment for Strapi. */
  env?: Record<string, string>;
  /** Echo Strapi's output as it comes (default: only shown when the start fails). */
  verbose?: boolean;
}

export interface TestCms {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The plaintext key of the read-only `hub-read-only` token the hub uses. */
  token: string;
  /** The first editor, created by Strapi's bootstrap in the fresh database. */
  editor: { email: string; password: string };
  databaseUrl: string;
  /** Stops Strapi and drops its database. */
  stop(): Promise<void>;
}

const CMS_DIR = resolve(__dirname, '../../cms');

/**
 * A real Strapi for one suite: on a free port, with its own fresh database on the test server,
 * fresh secrets and token, and no admin panel (CMS_SERVE_ADMIN=false, so no admin build is needed;
 * the server is compiled once if its sources changed). Started through the launcher's own
 * strapi-process module, exactly as `npm start` starts it.
 */
export async function startTestCms(options: TestCmsOptions = {}): Promise<TestCms> {
  const output: string[] = [];
  const onLog = (line: string) => {
    output.push(line);
    if (options.verbose) process.stdout.write(`cms │ ${line}\n`);
  };
  await ensureCmsBuild(CMS_DIR, { kind: 'server', onLog });

  const database = await createEmptyDatabase('cms');
  const secrets = generateSecrets();
  const reportDir = mkdtempSync(join(tmpdir(), 'hub-test-cms-'));
  const editor = { email: 'redakcja@test.local', password: generatePassword() };
  const { DATABASE_URL: _hub, ...env } = process.env;
  let strapi: StrapiProcess;
  try {
    strapi = await StrapiProcess.start({
      cmsDir: CMS_DIR,
      port: await freePort(),
      env: {
        ...env,
        ...secrets,
        CMS_DATABASE_URL: database.url,
        CMS_DATABASE_POOL_MAX: '5',
        CMS_SERVE_ADMIN: 'false',
        FORCE_COLOR: '0',
        CMS_SEED_DEMO: options.seedDemo ? 'true' : 'false',
        CMS_EDITOR_EMAIL: editor.email,
        CMS_EDITOR_PASSWORD: editor.password,
        CMS_BOOTSTRAP_REPORT: join(reportDir, 'bootstrap.json'),
        ...options.env,
      },
      onLog,
      startTimeoutMs: CMS_START_TIMEOUT_MS - 30_000,
    });
  } catch (error) {
    rmSync(reportDir, { recursive: true, force: true });
    await database.drop().catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- Strapi output ---\n${output.slice(-40).join('\n')}`);
  }
  let stopped = false;
  return {
    url: strapi.url,
    token: secrets.CMS_TOKEN,
    editor,
    databaseUrl: database.url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await strapi.stop();
      rmSync(reportDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
