/**
 * Requests in flight across the worker threads of one scan, in shared memory (two Int32 cells: now, peak),
 * so `stats.maxRequestsInFlight` of a threaded scan is the true peak of the whole scan, not the sum of the
 * threads' own peaks (they peak at different moments). Each thread's request limiter reports every slot it
 * grants and gives back; the coordinator reads the cells. One atomic add per request: nothing measurable.
 */
const NOW = 0;
const PEAK = 1;

export class SharedInFlight {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** A new counter, or the view of one another thread created (its `buffer` crosses by workerData). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer);
  }

  /** A request slot granted (+1) or given back (-1). */
  change(by: 1 | -1): void {
    const now = Atomics.add(this.cells, NOW, by) + by;
    if (by < 0) return;
    // Raise the peak unless another thread already raised it past `now`.
    let peak = Atomics.load(this.cells, PEAK);
    while (now > peak) {
      const seen = Atomics.compareExchange(this.cells, PEAK, peak, now);
      if (seen === peak) return;
      peak = seen;
    }
  }

  get now(): number {
    return Atomics.load(this.cells, NOW);
  }

  get peak(): number {
    return Atomics.load(this.cells, PEAK);
  }
}
