/**
 * Scans started from the dashboard: an in-process job runner whose jobs are rows of the store's
 * `scan_jobs` (migration 0004): who started them, the options, the state, the last progress line, the scan
 * and assessment recorded. The list therefore survives a restart; a job a restart cut off shows as
 * `interrupted` (marked when the next server starts). Stopping the server gracefully stops every job
 * first, so their partial snapshots are recorded; only a crash loses what a running job had collected in
 * memory. (The PostgreSQL-backed queue of the distributed scans is a separate step.) A job collects with the same
 * `runScan` as `ftr scan`, records the snapshot, evaluates it with the stored attestations and records the
 * assessment. Interrupting it (the Stop button, or the endpoint going away) keeps the partial snapshot,
 * marked incomplete, exactly as on the command line. Progress is pushed to listeners (server-sent events).
 */
import { runScan, type ScanOptions, type ScanProgress } from '../collect/run-collection.js';
import { redact } from '../core/redact.js';
import type { DeliveryCategory } from '../core/framework.js';
import type { Snapshot } from '../core/snapshot.js';
import { getFramework } from '../frameworks/index.js';
import { describeProgress } from '../cli/progress.js';
import type { Actor, Store } from '../store/db.js';
import type { StoredScanJob } from '../store/repositories/scan-jobs.js';
import { evaluateAndRecord } from './workspace.js';

/** The options of `ftr scan` a dashboard user can set. */
export interface ScanRequest {
  readonly org: boolean;
  readonly roleName: string;
  readonly externalId?: string | undefined;
  readonly profile?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly accounts?: readonly string[] | undefined;
  readonly frameworkId: string;
  readonly delivery: DeliveryCategory;
  readonly concurrency: number;
  readonly maxAttempts: number;
}

export type ScanRunner = (options: ScanOptions) => Promise<Snapshot>;

export type JobState = 'running' | 'stopping' | 'done' | 'failed' | 'interrupted';

/** Written into a job a restart cut off. */
export const INTERRUPTED_BY_RESTART = 'the server stopped while this scan ran; what it had collected in memory is lost, start the scan again';
/** The last progress line is written to the store at most this often (every line reaches the live page). */
const PROGRESS_WRITE_MS = 2_000;

export interface JobEvent {
  readonly type: 'progress' | 'state';
  readonly line: string;
}

export interface ScanJob {
  readonly id: number;
  readonly request: ScanRequest;
  readonly startedBy: string;
  readonly startedAt: string;
  state: JobState;
  finishedAt: string | null;
  progress: string;
  /** What happened, for the jobs list: "complete", "partial: <why>", or the error. */
  outcome: string;
  scanId: number | null;
  assessmentId: number | null;
}

type Listener = (event: JobEvent) => void;

function fromStore(row: StoredScanJob): ScanJob {
  return {
    id: row.id,
    request: row.options as ScanRequest,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    state: row.status,
    finishedAt: row.finishedAt,
    progress: row.progress,
    outcome: row.outcome,
    scanId: row.scanId,
    assessmentId: row.assessmentId,
  };
}

export class ScanJobs {
  private readonly jobs = new Map<number, ScanJob>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly running = new Set<Promise<void>>();
  private readonly progressWrittenAt = new Map<number, number>();
  /** Jobs a previous server left running are marked interrupted before this one lists or starts any. */
  private readonly recovered: Promise<unknown>;

  private readonly store: Store;
  private readonly runner: ScanRunner;
  constructor(store: Store, runner: ScanRunner = runScan) {
    this.store = store;
    this.runner = runner;
    this.recovered = store.scanJobs.markInterrupted(INTERRUPTED_BY_RESTART).catch(() => 0);
  }

  /** The jobs of this server (live) and of earlier ones (from the store), newest first. */
  async list(limit = 50): Promise<ScanJob[]> {
    await this.recovered;
    const stored = await this.store.scanJobs.list(limit);
    return stored.map((row) => this.jobs.get(row.id) ?? fromStore(row));
  }

  /** A job of this server (live), or of an earlier one (from the store). */
  async get(id: number): Promise<ScanJob | undefined> {
    const live = this.jobs.get(id);
    if (live) return live;
    const row = await this.store.scanJobs.get(id);
    return row ? fromStore(row) : undefined;
  }

  async start(request: ScanRequest, actor: Actor): Promise<ScanJob> {
    await this.recovered;
    const job = fromStore(await this.store.scanJobs.create({ options: request, actor }));
    const controller = new AbortController();
    this.jobs.set(job.id, job);
    this.controllers.set(job.id, controller);
    const run = this.run(job, controller.signal, actor).finally(() => {
      this.running.delete(run);
      this.controllers.delete(job.id);
    });
    this.running.add(run);
    return job;
  }

  /** Stops a running job; what was collected so far is recorded as a partial snapshot. */
  stop(id: number): boolean {
    const job = this.jobs.get(id);
    const controller = this.controllers.get(id);
    if (!job || !controller || job.state !== 'running') return false;
    job.state = 'stopping';
    void this.persist(job, { status: 'stopping' });
    this.emit(job, { type: 'state', line: 'stopping: writing what was collected' });
    controller.abort('stopped from the dashboard');
    return true;
  }

  subscribe(id: number, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  /** Stops every job and waits for them (server shutdown). */
  async close(): Promise<void> {
    for (const id of this.controllers.keys()) this.stop(id);
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when every job started so far has finished (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Writes a job's change; a failed write does not fail the scan (the live page still shows it). */
  private async persist(job: ScanJob, change: Parameters<Store['scanJobs']['update']>[1]): Promise<void> {
    try {
      await this.store.scanJobs.update(job.id, change);
    } catch (err) {
      process.stderr.write(`ftr serve: could not record the state of scan job ${job.id}: ${redact(err instanceof Error ? err.message : String(err))}\n`);
    }
  }

  private emit(job: ScanJob, event: JobEvent): void {
    for (const listener of this.listeners.get(job.id) ?? []) listener(event);
  }

  private async run(job: ScanJob, signal: AbortSignal, actor: Actor): Promise<void> {
    const r = job.request;
    try {
      const framework = getFramework(r.frameworkId);
      const snapshot = await this.runner({
        org: r.org,
        roleName: r.roleName,
        externalId: r.externalId,
        profile: r.profile,
        regions: r.regions,
        accounts: r.accounts,
        concurrency: r.concurrency,
        maxAttempts: r.maxAttempts,
        signal,
        onProgress: (p: ScanProgress) => {
          job.progress = describeProgress(p);
          this.emit(job, { type: 'progress', line: job.progress });
          const now = Date.now();
          if (now - (this.progressWrittenAt.get(job.id) ?? 0) >= PROGRESS_WRITE_MS) {
            this.progressWrittenAt.set(job.id, now);
            void this.persist(job, { progress: job.progress });
          }
        },
      });
      const { scan } = await this.store.scans.record(snapshot, { source: 'web', actor });
      job.scanId = scan.id;
      await this.persist(job, { scanId: scan.id });
      this.emit(job, { type: 'progress', line: `snapshot recorded as scan #${scan.id}; evaluating ${framework.id}` });
      const assessment = await evaluateAndRecord(this.store, { snapshot, scanId: scan.id, framework, delivery: r.delivery, actor, source: 'web' });
      job.assessmentId = assessment.id;
      job.outcome = snapshot.complete ? 'complete' : `partial: ${snapshot.interruption?.reason ?? 'interrupted'}`;
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      job.outcome = redact(err instanceof Error ? err.message : String(err));
    }
    job.finishedAt = new Date().toISOString();
    this.progressWrittenAt.delete(job.id);
    await this.persist(job, { status: job.state, outcome: job.outcome, progress: job.progress, finishedAt: job.finishedAt, scanId: job.scanId, assessmentId: job.assessmentId });
    this.emit(job, { type: 'state', line: `${job.state}: ${job.outcome}` });
    // A finished job is read from the store from now on.
    this.jobs.delete(job.id);
    this.listeners.delete(job.id);
  }
}
