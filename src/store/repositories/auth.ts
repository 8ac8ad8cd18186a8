/**
 * Team mode's sign-in state: sessions (by the sha256 of their token) and failed sign-ins for the rate
 * limit. The policy (timeouts, limits, hashing, cookies) lives in src/serve/auth; this is only storage.
 * Times are ISO-8601 strings from the caller's clock (they compare as text because toISOString has one
 * fixed width).
 */
import type { Role } from './users.js';
import type { RepositoryContext } from './context.js';
import { toNumber } from './context.js';

export interface StoredSession {
  readonly idHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly method: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

/** A session with the current state of its user (role and disabled flag are read on every request). */
export interface SessionWithUser extends StoredSession {
  readonly user: { readonly id: number; readonly email: string; readonly displayName: string; readonly role: Role; readonly disabledAt: string | null };
}

export interface NewSession {
  readonly idHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly method: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly ip: string | null;
}

export class AuthRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async createSession(session: NewSession): Promise<void> {
    await this.ctx.db
      .insertInto('auth_sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        method: session.method,
        created_at: session.createdAt,
        last_seen_at: session.createdAt,
        expires_at: session.expiresAt,
        created_ip: session.ip,
      })
      .execute();
  }

  async findSession(idHash: string): Promise<SessionWithUser | null> {
    const row = await this.ctx.db
      .selectFrom('auth_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id_hash', 's.user_id', 's.csrf_token', 's.method', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.email', 'u.display_name', 'u.role', 'u.disabled_at'])
      .where('s.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      method: row.method,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      user: { id: row.user_id, email: row.email, displayName: row.display_name, role: row.role as Role, disabledAt: row.disabled_at },
    };
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    await this.ctx.db.updateTable('auth_sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.ctx.db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOfUser(userId: number): Promise<number> {
    const result = await this.ctx.db.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes sessions past their absolute expiry or idle since before `idleBefore`. */
  async deleteExpiredSessions(now: string, idleBefore: string): Promise<number> {
    const result = await this.ctx.db
      .deleteFrom('auth_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countSessions(): Promise<number> {
    const row = await this.ctx.db.selectFrom('auth_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return toNumber(row.n);
  }

  /** One failed sign-in under each key (`account:<email>`, `ip:<address>`). */
  async recordFailure(keys: readonly string[], at: string): Promise<void> {
    if (keys.length === 0) return;
    await this.ctx.db
      .insertInto('auth_attempts')
      .values(keys.map((key) => ({ key, at })))
      .execute();
  }

  /** Failures under `key` at or after `since`, and the oldest of them (when the window frees a slot). */
  async failuresSince(key: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const row = await this.ctx.db
      .selectFrom('auth_attempts')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('oldest')])
      .where('key', '=', key)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return { count: toNumber(row.n), oldest: row.oldest ?? null };
  }

  async clearFailures(key: string): Promise<void> {
    await this.ctx.db.deleteFrom('auth_attempts').where('key', '=', key).execute();
  }

  /** Forgets failures older than the rate-limit window (kept small; called on each failure). */
  async pruneFailures(before: string): Promise<void> {
    await this.ctx.db.deleteFrom('auth_attempts').where('at', '<', before).execute();
  }
}
