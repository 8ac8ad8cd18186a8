/**
 * Admission of collector tasks (one collector for one account x region): a FairLimiter serves waiting
 * tasks round-robin over accounts, caps tasks per account, and lets a task give its slot back while it
 * waits (`pause`: polling an asynchronous AWS job). Requests are limited separately, per attempt
 * (clients.ts): a task waiting for a request slot or a retry's backoff holds no request slot, and the task
 * cap is twice the request cap so such tasks never starve the requests of others.
 */
import { FairLimiter, type Release } from './fair-limiter.js';

export interface TaskHandle {
  /** Waits `ms` without holding the task's slot; other tasks run meanwhile. */
  pause(ms: number): Promise<void>;
}

export interface TaskSchedulerOptions {
  readonly total: number;
  readonly perAccount: number;
  /** The wait behind `pause`; rejects when the scan is aborted. */
  readonly sleep: (ms: number) => Promise<void>;
}

export class TaskScheduler {
  private readonly limiter: FairLimiter;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: TaskSchedulerOptions) {
    this.limiter = new FairLimiter({ total: options.total, perAccount: options.perAccount });
    this.sleep = options.sleep;
  }

  get running(): number {
    return this.limiter.inFlight;
  }

  get maxRunning(): number {
    return this.limiter.maxInFlight;
  }

  /** Queues `fn` for `account`; resolves when it has run. */
  async run(account: string, fn: (task: TaskHandle) => Promise<void>): Promise<void> {
    // An object, not a let: TypeScript's flow analysis does not see writes made inside the closure.
    const slot: { release: Release | null } = { release: await this.limiter.acquire(account) };
    // A task may pause from several branches at once (Promise.all): the slot is given back when the first
    // branch pauses and taken again, ahead of new tasks, when the last one resumes.
    let pausing = 0;
    let resuming: Promise<void> | null = null;
    const pause = async (ms: number): Promise<void> => {
      pausing += 1;
      if (pausing === 1 && slot.release) {
        slot.release();
        slot.release = null;
      }
      try {
        await this.sleep(ms);
      } finally {
        pausing -= 1;
        if (pausing === 0 && !slot.release) {
          resuming ??= this.limiter.acquire(account, undefined, { resume: true }).then((r) => {
            slot.release = r;
            resuming = null;
          });
        }
        if (resuming) await resuming;
      }
    };
    try {
      await fn({ pause });
    } finally {
      slot.release?.();
    }
  }
}
