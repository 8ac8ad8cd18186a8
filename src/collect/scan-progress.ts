/**
 * Progress of a scan, for the CLI (live title on a TTY, a line every few seconds in a log): accounts done,
 * tasks, requests, retries, throttles, errors, requests in flight and an ETA from the work done so far.
 */
import type { ScanRecorder } from './scan-recorder.js';

export interface ScanProgress {
  readonly phase: 'identity' | 'organization' | 'accounts' | 'collecting' | 'done';
  readonly accountsTotal: number;
  /** Accounts whose access was settled (role assumed or refused). */
  readonly accountsReady: number;
  /** Accounts whose every task has finished. */
  readonly accountsDone: number;
  readonly tasksTotal: number;
  readonly tasksDone: number;
  /** Requests (pages), before retries. */
  readonly apiCalls: number;
  readonly retries: number;
  readonly throttles: number;
  readonly errors: number;
  readonly requestsInFlight: number;
  readonly elapsedMs: number;
  /** Estimated time left, from the share of work done; null until there is enough to estimate. */
  readonly etaMs: number | null;
  readonly message: string;
}

/** The recorder's counters (or, for a scan spread over workers, the sum of its parts'). */
export type ProgressCounters = Pick<ScanRecorder, 'apiCalls' | 'retries' | 'throttles' | 'errorCount'>;

export class ProgressTracker {
  accountsTotal = 0;
  accountsReady = 0;
  accountsDone = 0;
  tasksTotal = 0;
  tasksDone = 0;
  message = '';
  private phase: ScanProgress['phase'] = 'identity';
  private readonly recorder: ProgressCounters;
  private readonly listener: ((progress: ScanProgress) => void) | undefined;
  private readonly inFlight: () => number;
  private readonly startedAt: number;
  private readonly now: () => number;

  constructor(options: {
    recorder: ProgressCounters;
    listener: ((progress: ScanProgress) => void) | undefined;
    inFlight: () => number;
    now?: () => number;
  }) {
    this.recorder = options.recorder;
    this.listener = options.listener;
    this.inFlight = options.inFlight;
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  emit(phase?: ScanProgress['phase'], message?: string): void {
    if (phase) this.phase = phase;
    if (message !== undefined) this.message = message;
    if (!this.listener) return;
    const elapsedMs = this.now() - this.startedAt;
    this.listener({
      phase: this.phase,
      accountsTotal: this.accountsTotal,
      accountsReady: this.accountsReady,
      accountsDone: this.accountsDone,
      tasksTotal: this.tasksTotal,
      tasksDone: this.tasksDone,
      apiCalls: this.recorder.apiCalls,
      retries: this.recorder.retries,
      throttles: this.recorder.throttles,
      errors: this.recorder.errorCount,
      requestsInFlight: this.inFlight(),
      elapsedMs,
      etaMs: this.phase === 'done' ? 0 : estimateRemainingMs(this, elapsedMs),
      message: this.message,
    });
  }

  accountReady(): void {
    this.accountsReady += 1;
    this.emit('collecting');
  }

  accountDone(): void {
    this.accountsDone += 1;
    this.emit();
  }

  taskDone(): void {
    this.tasksDone += 1;
    this.emit();
  }
}

/**
 * Share of the work done: tasks of accounts already queued, plus, for accounts not reached yet, as many
 * tasks as the accounts reached so far have on average. Null before any account has queued its tasks.
 */
export function estimateRemainingMs(
  p: { readonly accountsTotal: number; readonly accountsReady: number; readonly tasksTotal: number; readonly tasksDone: number },
  elapsedMs: number,
): number | null {
  if (p.accountsReady === 0 || p.tasksTotal === 0 || p.tasksDone === 0) return null;
  const perAccount = p.tasksTotal / p.accountsReady;
  const expected = p.tasksTotal + Math.max(0, p.accountsTotal - p.accountsReady) * perAccount;
  const done = Math.min(1, p.tasksDone / expected);
  return Math.round((elapsedMs * (1 - done)) / done);
}
