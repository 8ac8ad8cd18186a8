/**
 * How far V8 lets a heap grow past what was live after a full garbage collection, for the commands that
 * collect (`ftr scan`, `ftr worker`). A scan allocates fast (SDK clients, responses, parsed pages) and keeps
 * little: about 100-200 MB live per thread. V8's default factor for such a mutator is up to 4x, so each
 * thread's heap climbed to 2.5-3x its live data between full collections, and with two worker threads
 * plus the main thread the process passed 1 GB (docs/benchmarks.md, "Scan at Organization scale").
 * A fixed 1.5x keeps each heap near its live data for a few more full collections (mostly on V8's
 * background threads). Unlike a heap limit (worker `resourceLimits`), it can never fail a scan with an
 * out-of-memory error: a large account just gets a larger heap.
 *
 * V8 flags are per process and read at every full collection, so this applies to the main thread and to
 * every worker thread. Node started with its own `--heap-growing-percent` keeps it.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function boundHeapGrowth(): void {
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
