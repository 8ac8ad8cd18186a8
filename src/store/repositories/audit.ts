/** Reading the audit log (writes happen inside each change's transaction: see appendAudit). */
import { appendAudit, type Actor, type AuditEntry, type RepositoryContext } from './context.js';

export interface AuditLogEntry {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actor: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export class AuditRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** Newest first; `beforeId` pages backwards. */
  async list(filter: { limit?: number; beforeId?: number; action?: string; targetType?: string; targetId?: string } = {}): Promise<AuditLogEntry[]> {
    let query = this.ctx.db.selectFrom('audit_log').selectAll();
    if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    const rows = await query.orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actor: r.actor,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  /**
   * One line for an event that is not a write of another repository (sign-in, sign-out, a refused
   * sign-in). Writes of the repositories log themselves in their own transaction.
   */
  async append(actor: Actor, entry: AuditEntry): Promise<void> {
    await appendAudit(this.ctx.db, this.ctx.now(), actor, entry);
  }

  async count(): Promise<number> {
    const row = await this.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
