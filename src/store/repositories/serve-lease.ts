/**
 * One `ftr serve` per store (migration 0007). A server that starts marks the jobs a previous server left
 * running as interrupted and assembles what their folders hold (src/serve/jobs.ts): right after a restart,
 * but a second server started while the first is alive would take over the first one's live jobs and
 * folders. So a server holds a lease, renewed while it runs; another server refuses to start while the lease
 * is held, and takes it over once it is stale (its holder stopped renewing: killed, machine gone) or, on the
 * same host, as soon as the holder's process is gone.
 *
 * Compare-and-swap on the row (insert; or update where the holder is still the one read), so two servers
 * starting at the same moment cannot both win, on SQLite and PostgreSQL alike.
 */
import { isUniqueViolation } from '../errors.js';
import type { RepositoryContext } from './context.js';

const LEASE_NAME = 'serve';

export interface ServeLeaseHolder {
  /** A random id of the server process. */
  readonly holder: string;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: string;
  readonly renewedAt: string;
}

export interface LeaseClaim {
  readonly holder: string;
  readonly host: string;
  readonly pid: number;
  /** A lease not renewed for this long belongs to a server that is gone. */
  readonly staleAfterMs: number;
  /** Whether a process of this machine is alive (a holder on another host is judged by its renewals only). */
  readonly isAlive: (pid: number) => boolean;
}

export type LeaseOutcome = { readonly acquired: true; readonly tookOverFrom: ServeLeaseHolder | null } | { readonly acquired: false; readonly heldBy: ServeLeaseHolder };

export class ServeLeaseRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** The current holder, if any. */
  async current(): Promise<ServeLeaseHolder | null> {
    const row = await this.ctx.db.selectFrom('serve_leases').selectAll().where('name', '=', LEASE_NAME).executeTakeFirst();
    return row ? { holder: row.holder, host: row.host, pid: row.pid, startedAt: row.started_at, renewedAt: row.renewed_at } : null;
  }

  /** Takes the lease if it is free, stale, or held by a dead process of this host; otherwise says who holds it. */
  async acquire(claim: LeaseClaim): Promise<LeaseOutcome> {
    // A competitor's insert or takeover between our read and our write means a fresh read (three at most).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = this.ctx.now();
      const held = await this.current();
      if (!held) {
        try {
          await this.ctx.db
            .insertInto('serve_leases')
            .values({ name: LEASE_NAME, holder: claim.holder, host: claim.host, pid: claim.pid, started_at: now, renewed_at: now })
            .execute();
          return { acquired: true, tookOverFrom: null };
        } catch (err) {
          if (isUniqueViolation(err)) continue;
          throw err;
        }
      }
      if (held.holder !== claim.holder && !this.gone(held, claim, now)) return { acquired: false, heldBy: held };
      const taken = await this.ctx.db
        .updateTable('serve_leases')
        .set({ holder: claim.holder, host: claim.host, pid: claim.pid, started_at: now, renewed_at: now })
        .where('name', '=', LEASE_NAME)
        .where('holder', '=', held.holder)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { acquired: true, tookOverFrom: held.holder === claim.holder ? null : held };
    }
    const held = await this.current();
    if (held) return { acquired: false, heldBy: held };
    throw new Error('The store\'s serve lease changed hands three times while this server started; start it again.');
  }

  /** Renews the holder's lease; false when it is no longer the holder (another server took it over). */
  async renew(holder: string): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('serve_leases')
      .set({ renewed_at: this.ctx.now() })
      .where('name', '=', LEASE_NAME)
      .where('holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives the lease back (only the holder's). */
  async release(holder: string): Promise<void> {
    await this.ctx.db.deleteFrom('serve_leases').where('name', '=', LEASE_NAME).where('holder', '=', holder).execute();
  }

  private gone(held: ServeLeaseHolder, claim: LeaseClaim, now: string): boolean {
    if (Date.parse(now) - Date.parse(held.renewedAt) > claim.staleAfterMs) return true;
    return held.host === claim.host && !claim.isAlive(held.pid);
  }
}
