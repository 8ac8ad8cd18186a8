/**
 * The store's migration set, imported statically (not a folder scan) so it works from the packed dist/.
 * One set for both engines: each migration receives the engine for the few type differences.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { StoreEngine } from '../location.js';
import { StoreUnavailableError } from '../errors.js';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_auth_sessions.js';
import * as m0003 from './0003_assessment_fail_counts.js';
import * as m0004 from './0004_scan_jobs.js';
import * as m0005 from './0005_scan_job_shards.js';
import * as m0006 from './0006_assessment_scope.js';
import * as m0007 from './0007_serve_lease.js';

/** Every migration has both directions: store.test.ts runs every down() in reverse order, then up() again. */
interface EngineMigration {
  up(db: Kysely<unknown>, engine: StoreEngine): Promise<void>;
  down(db: Kysely<unknown>, engine: StoreEngine): Promise<void>;
}

/** Name -> module, in order. Names are the file names: append new ones at the end. */
export const MIGRATIONS: Readonly<Record<string, EngineMigration>> = {
  '0001_initial': m0001,
  '0002_auth_sessions': m0002,
  '0003_assessment_fail_counts': m0003,
  '0004_scan_jobs': m0004,
  '0005_scan_job_shards': m0005,
  '0006_assessment_scope': m0006,
  '0007_serve_lease': m0007,
};

class StaticMigrationProvider implements MigrationProvider {
  private readonly engine: StoreEngine;
  constructor(engine: StoreEngine) {
    this.engine = engine;
  }
  getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db: Kysely<unknown>) => migration.up(db, this.engine), down: (db: Kysely<unknown>) => migration.down(db, this.engine) };
    }
    return Promise.resolve(out);
  }
}

export function migratorFor(db: Kysely<unknown>, engine: StoreEngine): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider(engine), migrationTableName: 'ftr_migrations', migrationLockTableName: 'ftr_migrations_lock' });
}

/** Brings the schema up to date; a database migrated by a newer ftr-ready is refused, not damaged. */
export async function migrateToLatest(db: Kysely<unknown>, engine: StoreEngine): Promise<MigrationResultSet> {
  const result = await migratorFor(db, engine).migrateToLatest();
  if (result.error !== undefined) {
    const why = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    if (/corrupted migrations|missing/i.test(why)) {
      throw new StoreUnavailableError(`The store's schema was written by a newer ftr-ready (${why}). Upgrade ftr-ready to use it.`);
    }
    throw new StoreUnavailableError(`Could not update the store's schema: ${why}`);
  }
  return result;
}
