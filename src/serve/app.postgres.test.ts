/**
 * Every dashboard route test of app.test.ts again, on PostgreSQL (a private server in a temp folder,
 * test/helpers/postgres-server.ts): a team takes its application to 100% on that engine. Skipped, saying
 * why, only when the PostgreSQL binaries are absent.
 */
import { it } from 'vitest';
import { findPostgres } from '../../test/helpers/postgres-server.js';

const found = findPostgres();
if (found.ok) {
  process.env.FTR_APP_TEST_ENGINE = 'postgres';
  await import('./app.test.js');
} else {
  process.stderr.write(`[serve route tests on PostgreSQL] skipped: ${found.reason}\n`);
  it.skip(`dashboard routes on PostgreSQL (${found.reason})`, () => undefined);
}
