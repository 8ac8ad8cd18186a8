/**
 * Scans started from the dashboard: an in-process job runner whose jobs are rows of the store's
 * `scan_jobs` (migrations 0004, 0005): who started them, the options, the state, the last progress line,
 * how many accounts the scan set out to collect, the scan and assessment recorded.
 *
 * A job collects exactly like `ftr scan`: `scanToFile` (src/cli/scan-snapshot.ts) writes its sharded
 * snapshot into the job's own folder (`<folder>/<job id>/snapshot.json.gz`, folder from
 * `scanJobsFolder` in src/store/location.ts), every account a shard on disk the moment it finishes. When
 * the scan ends (complete, stopped, or the endpoint gone) the snapshot is recorded in the store, evaluated
 * with the stored attestations, and the folder is deleted (the store keeps the snapshot content-addressed).
 *
 * A server that crashed or was killed leaves its running jobs `running` and their folders on disk. The
 * next server marks them `interrupted` and, in the background, assembles what each folder holds: the
 * shards of the killed scan's file become a partial snapshot (`complete: false`, as the CLI writes for an
 * interrupted scan), recorded and evaluated as that job's result, then the folder is deleted. A job whose
 * snapshot is incomplete can be resumed with `ftr scan --resume`'s semantics: a new job copies the accounts
 * that have a complete shard (the list kept in `scan_jobs.complete_accounts`) and collects only the rest.
 * One server per store runs scan jobs. Progress is pushed to listeners (server-sent events).
 *
 * The external id of a job (`--external-id`) is treated as a secret: it is held in memory while the job
 * runs and never stored, audited, rendered or written into a progress line; a resume asks for it again.
 */
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { runScanToSink, type ScanOptions, type ScanProgress } from '../collect/run-collection.js';
import { recoverKilledScan, scanToFile, workerThreads, type ScanRunner } from '../cli/scan-snapshot.js';
import { UserError } from '../core/errors.js';
import { redact } from '../core/redact.js';
import type { DeliveryCategory } from '../core/framework.js';
import type { AccountShard, Snapshot } from '../core/snapshot.js';
import { getFramework } from '../frameworks/index.js';
import { readSnapshot } from '../io/snapshot-file.js';
import { writeOutputFile } from '../io/output-file.js';
import { readShardsForResume, writeShardedSnapshot } from '../io/snapshot-stream.js';
import type { Scope } from '../scope/types.js';
import { describeProgress } from '../cli/progress.js';
import type { Actor, Store } from '../store/db.js';
import type { StoredScanJob } from '../store/repositories/scan-jobs.js';
import { evaluateAndRecord } from './workspace.js';

export type { ScanRunner } from '../cli/scan-snapshot.js';

/**
 * The options of `ftr scan` a dashboard user can set, as the job stores and shows them (src/serve/scan-form.ts
 * says which flags stay out and why). Never the external id itself: only whether one was given.
 */
export interface ScanRequest {
  readonly org: boolean;
  readonly roleName: string;
  /** An external id was given (`--external-id`); its value is held in memory only while the job runs. */
  readonly externalIdGiven?: boolean | undefined;
  readonly profile?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly accounts?: readonly string[] | undefined;
  /** `--deep-regions`. */
  readonly deepRegions?: boolean | undefined;
  readonly frameworkId: string;
  readonly delivery: DeliveryCategory;
  readonly concurrency: number;
  /** `--per-account-concurrency` (absent in jobs stored before it was offered: the collector's default). */
  readonly perAccountConcurrency?: number | undefined;
  readonly maxAttempts: number;
  /** `--workers` (absent: one thread per core, as `ftr scan`). */
  readonly workers?: number | undefined;
  /**
   * `--scope` / `--scope-name`: the scope definitions to evaluate, one assessment each (absent: one unscoped
   * assessment). Kept whole, so recovery and a resume evaluate with the same scopes.
   */
  readonly scopes?: readonly Scope[] | undefined;
  /** Where the scopes came from, for the jobs list: "stored" or the uploaded file's name. */
  readonly scopeSource?: string | undefined;
  /** Set on a resume: the job whose incomplete snapshot this one completes (`ftr scan --resume`). */
  readonly resumeOf?: number | undefined;
}

export type JobState = 'running' | 'stopping' | 'done' | 'failed' | 'interrupted';

/** Written into a job a restart cut off (recovery then says what it kept). */
export const INTERRUPTED_BY_RESTART = 'the server stopped while this scan ran';
/** The interruption reason of a snapshot assembled from a killed job's shards. */
export const KILLED_SCAN_REASON = 'the server stopped while this scan ran (crash or kill)';
/** The last progress line is written to the store at most this often (every line reaches the live page). */
const PROGRESS_WRITE_MS = 2_000;
/** The snapshot file of a job folder, as `ftr scan` names it in --out. */
const SNAPSHOT_FILE = 'snapshot.json.gz';
/** A resume's copy of the incomplete snapshot, written before it is renamed to SNAPSHOT_FILE. */
const PRIOR_FILE = 'resume-from.json.gz';
/** `<host> <pid>` of the server process running the job: another server never takes a live job's folder. */
const OWNER_FILE = 'server';

/**
 * Whether the process that wrote a folder's owner file is alive on this host. (A second server on the same
 * store and machine must not record and delete a job folder the first one is still writing.)
 */
async function ownerAlive(folder: string): Promise<boolean> {
  const text = await readFile(join(folder, OWNER_FILE), 'utf8').catch(() => '');
  const [host, pidText] = text.trim().split(' ');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
  /** How many accounts the scan set out to collect (a resume counts the kept ones too), once known. */
  accountsTotal: number | null;
  /** The accounts with a complete shard in the recorded snapshot (what a resume keeps). */
  completeAccounts: readonly string[] | null;
}

type Listener = (event: JobEvent) => void;

/** A stored request; a job stored before external ids were kept out of the store loses its value here. */
function storedRequest(options: unknown): ScanRequest {
  const { externalId, ...request } = options as ScanRequest & { externalId?: unknown };
  return externalId !== undefined ? { ...request, externalIdGiven: true } : request;
}

function fromStore(row: StoredScanJob): ScanJob {
  return {
    id: row.id,
    request: storedRequest(row.options),
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    state: row.status,
    finishedAt: row.finishedAt,
    progress: row.progress,
    outcome: row.outcome,
    scanId: row.scanId,
    assessmentId: row.assessmentId,
    accountsTotal: row.accountsTotal,
    completeAccounts: row.completeAccounts,
  };
}

/** What a job folder holds, ready to record. */
export interface FolderSnapshot {
  readonly snapshot: Snapshot;
  /** Accounts with a complete shard, in file order. */
  readonly completeAccounts: readonly string[];
  /** True when assembled from the file of a scan that was killed (no trailer). */
  readonly killed: boolean;
}

const completeIds = (shards: Iterable<readonly [string, boolean]>): string[] => [...shards].filter(([, complete]) => complete).map(([id]) => id);

/**
 * The snapshot in a job folder. A killed scan's temp file (io/output-file.ts writes `snapshot.json.gz`
 * through one, renamed when the scan ends) is first turned into the snapshot file by `ftr scan --resume`'s
 * own recovery (`recoverKilledScan`: streamed shard by shard, up to a torn record, `complete: false`), so
 * the folder then holds a finished snapshot file either way. Only call it once the job's writer is gone.
 * Null when the folder holds no account.
 */
export async function snapshotInJobFolder(folder: string): Promise<FolderSnapshot | null> {
  const path = join(folder, SNAPSHOT_FILE);
  const recovered = await recoverKilledScan(path, { reason: KILLED_SCAN_REASON, writerGone: true });
  if (!(await stat(path).then((info) => info.isFile(), () => false))) return null;
  const snapshot = await readSnapshot(path);
  if (snapshot.accounts.length === 0) return null;
  const { accountIds } = await readShardsForResume(path);
  return { snapshot, completeAccounts: completeIds(accountIds), killed: recovered !== null };
}

/** `text` with every occurrence of the job's external id masked (an SDK or STS message could quote it). */
function withoutSecret(text: string, externalId: string | undefined): string {
  return externalId ? text.split(externalId).join('[external id]') : text;
}

/** A stored snapshot split back into account shards, each with its own failed reads and outcomes. */
function shardsFor(snapshot: Snapshot, complete: ReadonlySet<string>): AccountShard[] {
  return snapshot.accounts.map((account) => ({
    complete: complete.has(account.accountId),
    account,
    errors: snapshot.errors.filter((e) => e.accountId === account.accountId),
    operations: snapshot.operations.filter((o) => o.accountId === account.accountId),
  }));
}

export interface ScanJobsOptions {
  /** Where job folders are made (`scanJobsFolder(store.location)` for `ftr serve`). */
  readonly folder: string;
  /** How a job collects into the snapshot file's sink (default the real `runScanToSink`; tests inject a fake). */
  readonly runner?: ScanRunner | undefined;
}

export class ScanJobs {
  private readonly jobs = new Map<number, ScanJob>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly running = new Set<Promise<void>>();
  private readonly progressWrittenAt = new Map<number, number>();
  /** The external ids of this server's running jobs (never stored; see the module comment). */
  private readonly externalIds = new Map<number, string>();
  /** Each job's last pending store write (`persist` chains a job's writes so they land in order). */
  private readonly writes = new Map<number, Promise<void>>();
  /** Jobs a previous server left running are marked interrupted before this one lists or starts any. */
  private readonly interrupted: Promise<number[]>;
  /** Then their folders are recorded (in the background: evaluating a big snapshot takes a while). */
  private readonly recovery: Promise<void>;

  private readonly store: Store;
  private readonly runner: ScanRunner;
  private readonly folder: string;
  constructor(store: Store, options: ScanJobsOptions) {
    this.store = store;
    this.runner = options.runner ?? runScanToSink;
    this.folder = options.folder;
    this.interrupted = store.scanJobs.markInterrupted(INTERRUPTED_BY_RESTART).catch(() => []);
    this.recovery = this.interrupted.then((ids) => this.recoverFolders(ids));
  }

  /** Resolves when the folders a previous server left are recorded (tests; the pages do not wait). */
  recovered(): Promise<void> {
    return this.recovery;
  }

  /** The jobs of this server (live) and of earlier ones (from the store), newest first. */
  async list(limit = 50): Promise<ScanJob[]> {
    await this.interrupted;
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

  /** Starts a job; `externalId` (`--external-id`) is used by the scan and kept nowhere else. */
  async start(request: ScanRequest, actor: Actor, externalId?: string): Promise<ScanJob> {
    await this.interrupted;
    const { externalIdGiven: _given, ...rest } = request;
    const options: ScanRequest = externalId ? { ...rest, externalIdGiven: true } : rest;
    const job = fromStore(await this.store.scanJobs.create({ options, actor }));
    if (externalId) this.externalIds.set(job.id, externalId);
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

  /** Why a job's snapshot cannot be resumed, or null when it can. */
  async resumeRefusal(job: ScanJob): Promise<string | null> {
    if (job.state === 'running' || job.state === 'stopping') return `Scan job #${job.id} is still running.`;
    if (job.scanId === null) return `Scan job #${job.id} recorded no snapshot; start a new scan.`;
    const scan = await this.store.scans.get(job.scanId);
    if (!scan || scan.storage !== 'snapshot') return `The snapshot of scan job #${job.id} is no longer in the store; start a new scan.`;
    if (scan.complete) return `The snapshot of scan job #${job.id} is complete; there is nothing to resume.`;
    if (job.completeAccounts === null) return `Scan job #${job.id} was recorded before jobs kept which accounts were finished; start a new scan.`;
    return null;
  }

  /**
   * A new job that keeps the complete accounts of an incomplete job's snapshot and collects the rest, with
   * the same options. A job that used an external id needs it again (it was never stored).
   */
  async resume(id: number, actor: Actor, externalId?: string): Promise<ScanJob> {
    const prior = await this.get(id);
    if (!prior) throw new UserError(`There is no scan job #${id}.`);
    const refusal = await this.resumeRefusal(prior);
    if (refusal !== null) throw new UserError(refusal);
    if (prior.request.externalIdGiven === true && !externalId) {
      throw new UserError(`Scan job #${id} assumed its role with an external id, which the dashboard does not keep: enter it again to resume.`);
    }
    return this.start({ ...prior.request, resumeOf: prior.id }, actor, externalId);
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

  /** Stops every job and waits for them and for the recovery (server shutdown). */
  async close(): Promise<void> {
    for (const id of this.controllers.keys()) this.stop(id);
    await Promise.allSettled([...this.running, this.recovery]);
  }

  /** Resolves when every job started so far has finished (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** The folder of one job. */
  folderOf(id: number): string {
    return join(this.folder, String(id));
  }

  /**
   * Writes a job's change; a failed write does not fail the scan (the live page still shows it). A job's
   * writes land in the order they were made: some are not awaited (progress, "stopping"), and on PostgreSQL
   * two writes on two pool connections can commit out of order, so a late "stopping" could overwrite "done".
   */
  private persist(job: ScanJob, change: Parameters<Store['scanJobs']['update']>[1]): Promise<void> {
    const write = async (): Promise<void> => {
      try {
        await this.store.scanJobs.update(job.id, change);
      } catch (err) {
        process.stderr.write(`ftr serve: could not record the state of scan job ${job.id}: ${redact(err instanceof Error ? err.message : String(err))}\n`);
      }
    };
    const next = (this.writes.get(job.id) ?? Promise.resolve()).then(write);
    this.writes.set(job.id, next);
    void next.then(() => {
      if (this.writes.get(job.id) === next) this.writes.delete(job.id);
    });
    return next;
  }

  private emit(job: ScanJob, event: JobEvent): void {
    for (const listener of this.listeners.get(job.id) ?? []) listener(event);
  }

  /**
   * For a resume: the incomplete snapshot of the job being resumed, written back as a sharded file with
   * its complete accounts marked, where `scanToFile(..., resume)` expects it. Returns how many it keeps.
   */
  private async writePrior(resumeOf: number, folder: string): Promise<number> {
    const prior = await this.get(resumeOf);
    const refusal = prior ? await this.resumeRefusal(prior) : `There is no scan job #${resumeOf}.`;
    if (!prior || prior.scanId === null || refusal !== null) throw new UserError(refusal ?? `Scan job #${resumeOf} cannot be resumed.`);
    const snapshot = await this.store.scans.loadSnapshot(prior.scanId);
    const complete = new Set(prior.completeAccounts);
    // Written under another name first: a temp file of a half-written copy must not look like a killed scan.
    await writeShardedSnapshot(join(folder, PRIOR_FILE), snapshot, shardsFor(snapshot, complete));
    await rename(join(folder, PRIOR_FILE), join(folder, SNAPSHOT_FILE));
    return snapshot.accounts.filter((a) => complete.has(a.accountId)).length;
  }

  /**
   * Records a folder's snapshot as the job's scan, evaluates it once per scope (none: once, unscoped) and
   * records each assessment with its scope, as `ftr scan --scope [--scope-name] --db` does. The job points at
   * the first; with several scopes the returned note names them all (for the job's outcome).
   */
  private async recordSnapshot(job: ScanJob, found: FolderSnapshot, actor: Actor): Promise<string> {
    const framework = getFramework(job.request.frameworkId);
    const { scan } = await this.store.scans.record(found.snapshot, { source: 'web', actor });
    job.scanId = scan.id;
    job.completeAccounts = found.completeAccounts;
    await this.persist(job, { scanId: scan.id, completeAccounts: found.completeAccounts });
    const scopes: readonly (Scope | null)[] = job.request.scopes && job.request.scopes.length > 0 ? job.request.scopes : [null];
    this.emit(job, { type: 'progress', line: `snapshot recorded as scan #${scan.id}; evaluating ${framework.id}${scopes[0] ? ` for ${scopes.map((s) => s?.name ?? '').join(', ')}` : ''}` });
    const recorded: string[] = [];
    for (const scope of scopes) {
      const assessment = await evaluateAndRecord(this.store, { snapshot: found.snapshot, scanId: scan.id, framework, delivery: job.request.delivery, actor, source: 'web', scope });
      recorded.push(`#${assessment.id} (${scope?.name ?? 'unscoped'})`);
      if (recorded.length === 1) {
        job.assessmentId = assessment.id;
        await this.persist(job, { assessmentId: assessment.id });
      }
    }
    return recorded.length > 1 ? `; assessments ${recorded.join(', ')}` : '';
  }

  private async run(job: ScanJob, signal: AbortSignal, actor: Actor): Promise<void> {
    const r = job.request;
    const folder = this.folderOf(job.id);
    const externalId = this.externalIds.get(job.id);
    // Once the snapshot file is complete, a failure to record it leaves the folder for the next start to record.
    let written = false;
    try {
      getFramework(r.frameworkId);
      await writeOutputFile(join(folder, OWNER_FILE), `${hostname()} ${process.pid}\n`);
      const kept = r.resumeOf !== undefined ? await this.writePrior(r.resumeOf, folder) : 0;
      const options: ScanOptions = {
        org: r.org,
        roleName: r.roleName,
        externalId,
        profile: r.profile,
        regions: r.regions,
        accounts: r.accounts,
        deepRegions: r.deepRegions,
        concurrency: r.concurrency,
        perAccountConcurrency: r.perAccountConcurrency,
        maxAttempts: r.maxAttempts,
        signal,
        onProgress: (p: ScanProgress) => {
          job.progress = withoutSecret(describeProgress(p), externalId);
          this.emit(job, { type: 'progress', line: job.progress });
          const total = kept + p.accountsTotal;
          if (p.accountsTotal > 0 && job.accountsTotal !== total) {
            // Written at once: after a crash it is the M of "N of M accounts kept".
            job.accountsTotal = total;
            void this.persist(job, { accountsTotal: total });
          }
          const now = Date.now();
          if (now - (this.progressWrittenAt.get(job.id) ?? 0) >= PROGRESS_WRITE_MS) {
            this.progressWrittenAt.set(job.id, now);
            void this.persist(job, { progress: job.progress });
          }
        },
      };
      // The same collection into a sharded snapshot file as `ftr scan --out <folder>` (`--resume` for a resume),
      // spread over worker threads as `ftr scan --workers` spreads an --org scan.
      const distribute = await workerThreads(options, r.workers);
      const result = await scanToFile(join(folder, SNAPSHOT_FILE), { ...options, distribute }, this.runner, r.resumeOf !== undefined);
      written = true;
      const found = await snapshotInJobFolder(folder);
      if (!found) throw new Error('the scan ended without an account in its snapshot file');
      const assessmentsNote = await this.recordSnapshot(job, found, actor);
      const keptNote = result.resumed > 0 ? ` (${result.resumed} account(s) kept from job #${r.resumeOf ?? ''})` : '';
      const reason = withoutSecret(result.trailer.interruption?.reason ?? 'interrupted', externalId);
      job.outcome = `${result.trailer.complete ? 'complete' : `partial: ${reason}`}${keptNote}${assessmentsNote}`;
      job.state = 'done';
      await rm(folder, { recursive: true, force: true });
    } catch (err) {
      job.state = 'failed';
      job.outcome = withoutSecret(redact(err instanceof Error ? err.message : String(err)), externalId);
      if (!written) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
    job.finishedAt = new Date().toISOString();
    this.progressWrittenAt.delete(job.id);
    this.externalIds.delete(job.id);
    await this.persist(job, { status: job.state, outcome: job.outcome, progress: job.progress, finishedAt: job.finishedAt, scanId: job.scanId, assessmentId: job.assessmentId });
    this.emit(job, { type: 'state', line: `${job.state}: ${job.outcome}` });
    // A finished job is read from the store from now on.
    this.jobs.delete(job.id);
    this.listeners.delete(job.id);
  }

  /**
   * At start: every job folder a previous server left. A job cut off by the restart (or one whose snapshot
   * could not be recorded) gets what its folder holds recorded as its result; then the folder is deleted.
   * A folder that cannot be read or recorded is kept for the next start, with the reason on stderr.
   */
  private async recoverFolders(interrupted: readonly number[]): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const withFolder = new Set<number>();
    for (const name of names) {
      if (!/^\d{1,12}$/.test(name)) continue;
      const id = Number(name);
      withFolder.add(id);
      try {
        await this.recoverFolder(id);
      } catch (err) {
        process.stderr.write(`ftr serve: could not record what scan job ${id} collected (its folder ${this.folderOf(id)} is kept): ${redact(err instanceof Error ? err.message : String(err))}\n`);
      }
    }
    for (const id of interrupted) {
      if (!withFolder.has(id)) await this.store.scanJobs.update(id, { outcome: `${INTERRUPTED_BY_RESTART}; no account had finished, start the scan again` }).catch(() => undefined);
    }
  }

  private async recoverFolder(id: number): Promise<void> {
    const folder = this.folderOf(id);
    const row = await this.store.scanJobs.get(id);
    // A job this server started since (the folder list was read after the old jobs were marked).
    if (row && (row.status === 'running' || row.status === 'stopping')) return;
    // A job another live server on this machine still runs (one server per store is the rule; this keeps its data).
    if (await ownerAlive(folder)) return;
    const found = row && row.scanId === null ? await snapshotInJobFolder(folder) : null;
    if (row && found) {
      const job = fromStore(row);
      const assessmentsNote = await this.recordSnapshot(job, found, { userId: null, label: `${row.startedBy} (scan job #${id}, recorded when the server restarted)` });
      const kept = found.completeAccounts.length;
      const outcome = found.killed
        ? `partial snapshot of ${row.accountsTotal !== null ? `${kept} of ${row.accountsTotal}` : kept} accounts kept${assessmentsNote}`
        : `${row.outcome}; its snapshot was recorded when the server restarted${assessmentsNote}`;
      await this.store.scanJobs.update(id, { outcome });
    } else if (row && row.status === 'interrupted' && row.scanId === null) {
      await this.store.scanJobs.update(id, { outcome: `${INTERRUPTED_BY_RESTART}; no account had finished, start the scan again` });
    }
    // Recorded now or before, or nothing worth keeping: the store has what matters.
    await rm(folder, { recursive: true, force: true });
  }
}
