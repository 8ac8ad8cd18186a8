/**
 * Live progress for long scans. On a terminal it is the title of the listr2 "Collect" task (redrawn often);
 * in a log (CI, a pipe: no TTY) it is one line every few seconds on stderr: accounts done / total, API calls,
 * retries, throttles, errors, requests in flight, elapsed and ETA.
 */
import type { ScanProgress } from '../collect/scan-progress.js';

/** `95 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function describeProgress(p: ScanProgress): string {
  const accounts = p.accountsTotal > 0 ? `accounts ${p.accountsDone}/${p.accountsTotal} done` : 'accounts ?';
  const eta = p.etaMs === null ? '' : ` · ETA ${formatDuration(p.etaMs)}`;
  return (
    `${accounts} · tasks ${p.tasksDone}/${p.tasksTotal} · API calls ${p.apiCalls} · retries ${p.retries} · throttles ${p.throttles} · ` +
    `errors ${p.errors} · in flight ${p.requestsInFlight} · ${formatDuration(p.elapsedMs)}${eta}`
  );
}

/**
 * Throttles updates: a TTY redraws the title often (with the current task), a log gets a line every
 * `logIntervalMs` and one at the end.
 */
export function progressReporter(
  options: { readonly tty: boolean; readonly setTitle: (line: string) => void; readonly writeLine: (line: string) => void; readonly logIntervalMs?: number },
  now: () => number = Date.now,
): (p: ScanProgress) => void {
  const interval = options.tty ? 150 : (options.logIntervalMs ?? 5_000);
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (t - last < interval && p.phase !== 'done') return;
    last = t;
    const line = describeProgress(p);
    if (options.tty) options.setTitle(`${line} · ${p.message}`);
    else options.writeLine(`Collect: ${line}`);
  };
}
