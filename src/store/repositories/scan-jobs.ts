/**
 * Scan jobs of the dashboard (migration 0004): the job list survives a restart, and a job a restart cut off
 * says so (`interrupted`) instead of vanishing. Starting a job is audited; its state changes are not
 * (they are the job's own record).
 */
import type { Selectable } from 'kysely';
import type { ScanJobTable } from '../schema.js';
import { appendAudit, inTransaction, type Actor, type RepositoryContext } from './context.js';

export type ScanJobStatus = 'running' | 'stopping' | 'done' | 'failed' | 'interrupted';

export interface StoredScanJob {
  readonly id: number;
  readonly startedAt: string;
  readonly startedBy: string;
  /** The scan options as they were submitted (JSON value). */
  readonly options: unknown;
  readonly status: ScanJobStatus;
  readonly progress: string;
  readonly outcome: string;
  readonly finishedAt: string | null;
  readonly scanId: number | null;
  readonly assessmentId: number | null;
  /** How many accounts the scan set out to collect, once known (migration 0005). */
  readonly accountsTotal: number | null;
  /** The accounts with a complete shard in the recorded snapshot (what a resume does not collect again). */
  readonly completeAccounts: readonly string[] | null;
}

export interface ScanJobUpdate {
  readonly status?: ScanJobStatus;
  readonly progress?: string;
  readonly outcome?: string;
  readonly finishedAt?: string | null;
  readonly scanId?: number | null;
  readonly assessmentId?: number | null;
  readonly accountsTotal?: number | null;
  readonly completeAccounts?: readonly string[] | null;
}

function accountList(json: string | null): readonly string[] | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

function toStored(row: Selectable<ScanJobTable>): StoredScanJob {
  return {
    id: row.id,
    startedAt: row.started_at,
    startedBy: row.started_by,
    options: JSON.parse(row.options) as unknown,
    status: row.status as ScanJobStatus,
    progress: row.progress,
    outcome: row.outcome,
    finishedAt: row.finished_at,
    scanId: row.scan_id,
    assessmentId: row.assessment_id,
    accountsTotal: row.accounts_total,
    completeAccounts: accountList(row.complete_accounts),
  };
}

export class ScanJobRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async create(input: { options: unknown; actor: Actor }): Promise<StoredScanJob> {
    return inTransaction(this.ctx.db, async (db) => {
      const now = this.ctx.now();
      const row = await db
        .insertInto('scan_jobs')
        .values({
          started_at: now,
          started_by: input.actor.label,
          actor_user_id: input.actor.userId,
          options: JSON.stringify(input.options),
          status: 'running',
          progress: 'starting',
          outcome: '',
          finished_at: null,
          scan_id: null,
          assessment_id: null,
          accounts_total: null,
          complete_accounts: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(db, now, input.actor, { action: 'scan_job.start', targetType: 'scan_job', targetId: row.id, detail: { options: input.options } });
      return toStored(row);
    });
  }

  async update(id: number, change: ScanJobUpdate): Promise<void> {
    const values: Partial<Selectable<ScanJobTable>> = {};
    if (change.status !== undefined) values.status = change.status;
    if (change.progress !== undefined) values.progress = change.progress;
    if (change.outcome !== undefined) values.outcome = change.outcome;
    if (change.finishedAt !== undefined) values.finished_at = change.finishedAt;
    if (change.scanId !== undefined) values.scan_id = change.scanId;
    if (change.assessmentId !== undefined) values.assessment_id = change.assessmentId;
    if (change.accountsTotal !== undefined) values.accounts_total = change.accountsTotal;
    if (change.completeAccounts !== undefined) values.complete_accounts = change.completeAccounts === null ? null : JSON.stringify(change.completeAccounts);
    if (Object.keys(values).length === 0) return;
    await this.ctx.db.updateTable('scan_jobs').set(values).where('id', '=', id).execute();
  }

  async get(id: number): Promise<StoredScanJob | null> {
    const row = await this.ctx.db.selectFrom('scan_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStored(row) : null;
  }

  /** Newest first. */
  async list(limit = 50): Promise<StoredScanJob[]> {
    const rows = await this.ctx.db.selectFrom('scan_jobs').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toStored);
  }

  /**
   * Jobs left `running` or `stopping` by a server that is gone become `interrupted` (called when a server
   * starts; one server per store runs scan jobs). Returns their ids.
   */
  async markInterrupted(reason: string): Promise<number[]> {
    const rows = await this.ctx.db
      .updateTable('scan_jobs')
      .set({ status: 'interrupted', outcome: reason, finished_at: this.ctx.now() })
      .where('status', 'in', ['running', 'stopping'])
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
}
