/** What every repository shares: the database handle (or the open transaction), the clock, the audit log. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Who makes a change: a signed-in user (team mode) or the command line's OS user. */
export interface Actor {
  readonly userId: number | null;
  /** A user's email, or `cli:<os user>`. Written into the audit log and version history. */
  readonly label: string;
}

export interface RepositoryContext {
  readonly db: Kysely<Database>;
  /** ISO-8601 time of "now" (injectable for tests). */
  readonly now: () => string;
}

/** Runs `fn` in a transaction, or in the caller's when one is already open (Kysely has no nesting). */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

export interface AuditEntry {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | number | null;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One line of the audit log; call it inside the transaction of the change it records. */
export async function appendAudit(db: Kysely<Database>, at: string, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_user_id: actor.userId,
      actor: actor.label,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId === null ? null : String(entry.targetId),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** Splits rows for multi-row inserts: both engines cap bound parameters per statement. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `count(*)` is a bigint: PostgreSQL returns it as a string, SQLite as a number. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
