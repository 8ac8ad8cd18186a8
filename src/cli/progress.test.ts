/** Progress lines: content, pacing in a log (fake clock), ETA, and the CLI defaults matching the collector's. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_ACCOUNT_CONCURRENCY } from '../collect/scan-limits.js';
import { estimateRemainingMs, type ScanProgress } from '../collect/scan-progress.js';
import { DEFAULT_SCAN_CONCURRENCY, DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY } from './options.js';
import { describeProgress, formatDuration, progressReporter } from './progress.js';

const progress = (over: Partial<ScanProgress> = {}): ScanProgress => ({
  phase: 'collecting',
  accountsTotal: 100,
  accountsReady: 20,
  accountsDone: 12,
  tasksTotal: 2_000,
  tasksDone: 1_000,
  apiCalls: 40_000,
  retries: 120,
  throttles: 95,
  errors: 3,
  requestsInFlight: 64,
  elapsedMs: 65_000,
  etaMs: 125_000,
  message: '111111111111 eu-west-1 ec2',
  ...over,
});

describe('progress', () => {
  it('says accounts done, calls, retries, throttles, errors, in flight, elapsed and ETA', () => {
    expect(describeProgress(progress())).toBe(
      'accounts 12/100 done · tasks 1000/2000 · API calls 40000 · retries 120 · throttles 95 · errors 3 · in flight 64 · 1 min 05 s · ETA 2 min 05 s',
    );
    expect(describeProgress(progress({ etaMs: null, accountsTotal: 0 }))).not.toContain('ETA');
  });

  it('in a log, writes one line per interval and always the last one', () => {
    let now = 0;
    const lines: string[] = [];
    const report = progressReporter({ tty: false, setTitle: () => undefined, writeLine: (l) => lines.push(l), logIntervalMs: 5_000 }, () => now);
    for (now = 0; now < 12_000; now += 500) report(progress());
    report(progress({ phase: 'done', etaMs: 0 }));
    // t=0, 5 s, 10 s, then the final line.
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith('Collect: accounts'))).toBe(true);
  });

  it('on a terminal, redraws the title with the current task and writes no line', () => {
    const titles: string[] = [];
    const lines: string[] = [];
    progressReporter({ tty: true, setTitle: (t) => titles.push(t), writeLine: (l) => lines.push(l) }, () => 0)(progress());
    expect(titles[0]).toContain('111111111111 eu-west-1 ec2');
    expect(lines).toEqual([]);
  });

  it('estimates the time left from the share of work done, accounts not reached included', () => {
    // 20 of 100 accounts queued 2,000 tasks: about 10,000 expected; 1,000 done in 60 s -> 540 s left.
    expect(estimateRemainingMs({ accountsTotal: 100, accountsReady: 20, tasksTotal: 2_000, tasksDone: 1_000 }, 60_000)).toBe(540_000);
    expect(estimateRemainingMs({ accountsTotal: 100, accountsReady: 0, tasksTotal: 0, tasksDone: 0 }, 1_000)).toBeNull();
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
  });

  it('the CLI defaults are the collector defaults', () => {
    expect(DEFAULT_SCAN_CONCURRENCY).toBe(DEFAULT_CONCURRENCY);
    expect(DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY).toBe(DEFAULT_PER_ACCOUNT_CONCURRENCY);
  });
});
