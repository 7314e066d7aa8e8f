const { availableParallelism } = require('node:os');
const swcOptions = require('./tests/setup/swc-options.cjs');

/**
 * One jest run for everything; folders say what a suite needs, and a path selects them:
 *   api/src/ (…test.ts)    unit tests beside the code; no database, no network
 *   tests/db/               PostgreSQL only (a fresh migrated database per suite)
 *   tests/http/             the hub's HTTP app through supertest, with PostgreSQL
 *   tests/cms/              a real Strapi alone (its bootstrap: token, permissions, seed, editor)
 *   tests/e2e/              a real Strapi and the hub (tests/support/cms-process.ts)
 *   tests/browser/          a real browser (Playwright)
 *   tests/launcher/         `npm start`'s process orchestration (embedded PostgreSQL, secrets, builds)
 * e.g. `npx jest tests/db`, `npx jest api/src`. The global setup starts one embedded PostgreSQL
 * for the run (or uses DATABASE_URL's server) and tells the suites through TEST_DATABASE_URL.
 */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/api/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/cms/'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  // Database suites migrate and seed in beforeAll; suites that start Strapi pass their own, longer timeout.
  testTimeout: 60_000,
  // Suites wait on PostgreSQL and Strapi as much as they compute, so two workers pay off even on two cores.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  watchPathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/cms/', '<rootDir>/dist/'],
};
