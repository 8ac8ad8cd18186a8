/**
 * Live progress for long scans: accounts x regions x services, API calls and errors so far, shown as the
 * title of the listr2 "Collect" task.
 */
import type { ScanProgress } from '../collect/run-collection.js';

export function describeProgress(p: ScanProgress): string {
  const accounts = p.accountsTotal > 0 ? `accounts ${p.accountsReady}/${p.accountsTotal}` : 'accounts ?';
  return `${accounts} · tasks ${p.tasksDone}/${p.tasksTotal} · API calls ${p.apiCalls} · errors ${p.errors} · ${p.message}`;
}

/** Throttles title updates: a TTY redraws often, a log (CI, pipe) gets a line every few seconds. */
export function throttled(update: (line: string) => void, tty: boolean): (p: ScanProgress) => void {
  const interval = tty ? 150 : 5_000;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last >= interval || p.phase === 'done') {
      last = now;
      update(describeProgress(p));
    }
  };
}
