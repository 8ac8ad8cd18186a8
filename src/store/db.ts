/**
 * Opening the workspace store: the Kysely dialect for the location (better-sqlite3 for a file, pg for a
 * postgres:// URL), the schema migrated to the latest version, and the repositories. The drivers are
 * imported when a store is opened, so commands that never touch the store do not load them.
 *
 *   const store = await openStore(resolveDbLocation(options.db));
 *   try { await store.assessments.list(); } finally { await store.close(); }
 *
 * Every query of ftr-ready lives in src/store (the repositories); nothing else builds SQL.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { StoreUnavailableError } from './errors.js';
import { describeLocation, redactDbUrl, type StoreEngine, type StoreLocation } from './location.js';
import { migrateToLatest, migratorFor } from './migrations/index.js';
import { AssessmentRepository } from './repositories/assessments.js';
import { AttestationRepository } from './repositories/attestations.js';
import { AuditRepository } from './repositories/audit.js';
import { AuthRepository } from './repositories/auth.js';
import { BlobRepository } from './repositories/blobs.js';
import type { Actor, RepositoryContext } from './repositories/context.js';
import { EvidenceRepository } from './repositories/evidence.js';
import { ScanJobRepository } from './repositories/scan-jobs.js';
import { ServeLeaseRepository } from './repositories/serve-lease.js';
import { ScanRepository } from './repositories/scans.js';
import { UserRepository } from './repositories/users.js';
import type { Database } from './schema.js';

export type { Actor } from './repositories/context.js';

/** The repositories over one database handle (the store's, or an open transaction's). */
export interface Repositories {
  readonly blobs: BlobRepository;
  readonly scans: ScanRepository;
  readonly assessments: AssessmentRepository;
  readonly attestations: AttestationRepository;
  readonly evidence: EvidenceRepository;
  readonly users: UserRepository;
  readonly audit: AuditRepository;
  /** Team mode's sessions and sign-in rate limit (src/serve/auth). */
  readonly auth: AuthRepository;
  /** The dashboard's scan jobs (src/serve/jobs.ts). */
  readonly scanJobs: ScanJobRepository;
  /** Which `ftr serve` uses the store (one at a time). */
  readonly serveLease: ServeLeaseRepository;
}

export interface Store extends Repositories {
  readonly engine: StoreEngine;
  readonly location: StoreLocation;
  /** The file, or the URL without its password: safe to print. */
  readonly description: string;
  /** Runs `fn` in one transaction: everything it writes is kept, or nothing is. */
  transaction<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Every migration this ftr-ready knows, and when it was applied to this database. */
  migrationStatus(): Promise<{ name: string; executedAt: string | null }[]>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** "Now" for recorded_at / updated_at / the audit log (tests pin it). */
  readonly now?: () => string;
  /** SQLite: how long a writer waits for another process's lock (default 5 s). */
  readonly busyTimeoutMs?: number;
}

/** The command line's actor: `cli:<os user>`. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return { userId: null, label: `cli:${name}` };
}

export function repositoriesFor(ctx: RepositoryContext): Repositories {
  return {
    blobs: new BlobRepository(ctx),
    scans: new ScanRepository(ctx),
    assessments: new AssessmentRepository(ctx),
    attestations: new AttestationRepository(ctx),
    evidence: new EvidenceRepository(ctx),
    users: new UserRepository(ctx),
    audit: new AuditRepository(ctx),
    auth: new AuthRepository(ctx),
    scanJobs: new ScanJobRepository(ctx),
    serveLease: new ServeLeaseRepository(ctx),
  };
}

async function sqliteDialect(file: string, busyTimeoutMs: number): Promise<Dialect> {
  const { default: SQLite } = await import('better-sqlite3');
  const created = !existsSync(file);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StoreUnavailableError(`Cannot create the directory of the store ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let database: InstanceType<typeof SQLite>;
  try {
    database = new SQLite(file);
    // WAL: readers (the dashboard) never block the writer (a scan recording); foreign keys are off by default.
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    database.pragma('synchronous = NORMAL');
  } catch (err) {
    throw new StoreUnavailableError(`Cannot open the store ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  // The store holds evidence and findings about the accounts: readable by its owner only.
  if (created) chmodSync(file, 0o600);
  return new SqliteDialect({ database });
}

async function postgresDialect(url: string): Promise<{ dialect: Dialect; check: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const check = async () => {
    const client = await pool.connect();
    client.release();
  };
  return { dialect: new PostgresDialect({ pool }), check };
}

/** Opens (creating if needed) and migrates the store. Errors are StoreUnavailableError, never a password. */
export async function openStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<Store> {
  const description = describeLocation(location);
  let db: Kysely<Database>;
  if (location.engine === 'sqlite') {
    db = new Kysely<Database>({ dialect: await sqliteDialect(location.file, options.busyTimeoutMs ?? 5_000) });
  } else {
    const { dialect, check } = await postgresDialect(location.url);
    db = new Kysely<Database>({ dialect });
    try {
      await check();
    } catch (err) {
      await db.destroy().catch(() => undefined);
      const why = redactDbUrl(err instanceof Error ? err.message : String(err));
      throw new StoreUnavailableError(`Cannot connect to the PostgreSQL store ${description}: ${why}`);
    }
  }
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, location.engine);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    if (err instanceof StoreUnavailableError) throw err;
    throw new StoreUnavailableError(`Cannot use the store ${description}: ${redactDbUrl(err instanceof Error ? err.message : String(err))}`);
  }
  const now = options.now ?? (() => new Date().toISOString());
  const repositories = repositoriesFor({ db, now });
  let closed = false;
  return {
    ...repositories,
    engine: location.engine,
    location,
    description,
    transaction: (fn) => db.transaction().execute((trx) => fn(repositoriesFor({ db: trx, now }))),
    migrationStatus: async () =>
      (await migratorFor(db as unknown as Kysely<unknown>, location.engine).getMigrations()).map((m) => ({
        name: m.name,
        executedAt: m.executedAt?.toISOString() ?? null,
      })),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
