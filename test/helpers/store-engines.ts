/**
 * The two store engines as test fixtures, so one suite runs against both (`describe.each(storeEngines())`):
 * SQLite files in a temp directory, and databases on a private PostgreSQL server (postgres-server.ts)
 * started in `start()` and stopped in `stop()`. PostgreSQL is skipped, with the reason printed, only when
 * its binaries are absent; a server that is there but fails to start fails the suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreEngine, StoreLocation } from '../../src/store/location.js';
import { findPostgres, startPostgres, type PostgresServer } from './postgres-server.js';

export interface StoreEngineFixture {
  readonly name: StoreEngine;
  /** Set when this engine cannot run here (PostgreSQL binaries absent). */
  readonly skipReason: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A new, empty database. */
  freshLocation(): Promise<StoreLocation>;
}

function sqliteFixture(): StoreEngineFixture {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    skipReason: null,
    start: () => {
      dir = mkdtempSync(join(tmpdir(), 'ftr-store-test-'));
      return Promise.resolve();
    },
    stop: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
    freshLocation: () => {
      n += 1;
      return Promise.resolve({ engine: 'sqlite', file: join(dir, `store-${n}.db`) });
    },
  };
}

function postgresFixture(): StoreEngineFixture {
  const found = findPostgres();
  let server: PostgresServer | undefined;
  if (!found.ok) process.stderr.write(`[store tests] PostgreSQL suites skipped: ${found.reason}\n`);
  return {
    name: 'postgres',
    skipReason: found.ok ? null : found.reason,
    start: async () => {
      if (found.ok) server = await startPostgres(found.binaries);
    },
    stop: async () => {
      await server?.stop();
    },
    freshLocation: async () => {
      if (!server) throw new Error('the PostgreSQL test server is not running');
      return { engine: 'postgres', url: await server.createDatabase() };
    },
  };
}

export function storeEngines(): StoreEngineFixture[] {
  return [sqliteFixture(), postgresFixture()];
}

/** One engine (a suite run on one engine at a time, e.g. src/serve/app.test.ts). */
export function storeEngine(name: StoreEngine): StoreEngineFixture {
  return name === 'postgres' ? postgresFixture() : sqliteFixture();
}
