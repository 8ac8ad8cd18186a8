/**
 * Scans started from the dashboard: an in-process job runner (one Node process, jobs lost on restart; the
 * PostgreSQL-backed queue of the distributed scans is a separate step). A job collects with the same
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

export type JobState = 'running' | 'stopping' | 'done' | 'failed';

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

export class ScanJobs {
  private readonly jobs = new Map<number, ScanJob>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly running = new Set<Promise<void>>();
  private nextId = 1;

  private readonly store: Store;
  private readonly runner: ScanRunner;
  constructor(store: Store, runner: ScanRunner = runScan) {
    this.store = store;
    this.runner = runner;
  }

  list(): ScanJob[] {
    return [...this.jobs.values()].sort((a, b) => b.id - a.id);
  }

  get(id: number): ScanJob | undefined {
    return this.jobs.get(id);
  }

  start(request: ScanRequest, actor: Actor): ScanJob {
    const job: ScanJob = {
      id: this.nextId++,
      request,
      startedBy: actor.label,
      startedAt: new Date().toISOString(),
      state: 'running',
      finishedAt: null,
      progress: 'starting',
      outcome: '',
      scanId: null,
      assessmentId: null,
    };
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
        },
      });
      const { scan } = await this.store.scans.record(snapshot, { source: 'web', actor });
      job.scanId = scan.id;
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
    this.emit(job, { type: 'state', line: `${job.state}: ${job.outcome}` });
  }
}
