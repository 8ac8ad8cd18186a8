/** Errors of the workspace store. All are UserErrors (exit code 2): the message says what to do. */
import { UserError } from '../core/errors.js';

/** The database cannot be opened or reached, or its schema is newer than this ftr-ready. */
export class StoreUnavailableError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Optimistic concurrency: someone else changed the record since it was read. The second writer never
 * silently wins; it is told who changed it and when, and must reload and re-apply its change.
 */
export class ConflictError extends UserError {
  readonly currentVersion: number | null;
  constructor(what: string, expectedVersion: number, current: { version: number; updatedBy: string; updatedAt: string } | null) {
    super(
      current === null
        ? `${what} was changed by someone else (expected version ${expectedVersion}, but it no longer exists). Reload it and apply your change again.`
        : `${what} was changed by ${current.updatedBy} at ${current.updatedAt} (now version ${current.version}, you edited version ${expectedVersion}). Reload it and apply your change again.`,
    );
    this.name = 'ConflictError';
    this.currentVersion = current?.version ?? null;
  }
}

/** A stored id that does not exist (`ftr diff 12 99`). */
export class NotFoundError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** An evidence file over the size limit or of a type the store does not accept. */
export class EvidenceRejectedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceRejectedError';
  }
}

/** A unique-constraint violation, from either engine (SQLite SQLITE_CONSTRAINT_*, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
