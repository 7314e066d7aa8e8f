/** The server-level URL (database `postgres`) the global setup chose: tests/setup/global-setup.mjs. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suites through jest (its global setup starts PostgreSQL)');
  return url;
}
