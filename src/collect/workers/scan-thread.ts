/**
 * A scan thread (started by thread-pool.ts): runs the collection as one part of the scan, taking accounts
 * from the coordinator one at a time and posting each finished account back as a shard. It writes nothing
 * itself: the coordinating thread is the snapshot's one writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScanToSink, type ScanTarget } from '../run-collection.js';
import type { ScanProgress } from '../scan-progress.js';
import { SharedInFlight } from './shared-in-flight.js';
import type { FromThread, ScanThreadData, ToThread } from './thread-protocol.js';

/** Progress is posted at most this often (plus once at the end): a message per task would be noise. */
const PROGRESS_INTERVAL_MS = 200;

const port = parentPort;
if (!port) throw new Error('scan-thread.ts runs only as a worker thread');
const data = workerData as ScanThreadData;
const post = (message: FromThread) => port.postMessage(message);
const inFlight = new SharedInFlight(data.inFlight);

const abort = new AbortController();
let nextRequest = 0;
const waiting = new Map<number, (value: ScanTarget | null) => void>();
port.on('message', (message: ToThread) => {
  if (message.type === 'abort') abort.abort(message.reason);
  else if (message.type === 'account' || message.type === 'written') {
    const resolve = waiting.get(message.request);
    waiting.delete(message.request);
    resolve?.(message.type === 'account' ? message.target : null);
  }
});
/** One request to the coordinator and its answer. */
const ask = (message: (request: number) => FromThread): Promise<ScanTarget | null> =>
  new Promise((resolve) => {
    const request = nextRequest++;
    waiting.set(request, resolve);
    post(message(request));
  });

let lastProgressAt = 0;
let latest: ScanProgress | null = null;
const onProgress = (progress: ScanProgress) => {
  latest = progress;
  const now = Date.now();
  if (now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
  lastProgressAt = now;
  post({ type: 'progress', progress });
};

try {
  const trailer = await runScanToSink(
    {
      org: true,
      roleName: data.roleName,
      externalId: data.externalId,
      profile: data.profile,
      regions: data.regions,
      services: data.services,
      deepRegions: data.deepRegions,
      endpoint: data.endpoint,
      requestTimeoutMs: data.requestTimeoutMs,
      maxAttempts: data.maxAttempts,
      concurrency: data.concurrency,
      perAccountConcurrency: data.perAccountConcurrency,
      credentials: data.credentials,
      signal: abort.signal,
      onProgress,
      part: {
        identity: data.identity,
        organization: data.organization,
        next: () => ask((request) => ({ type: 'next', request })),
        stopped: (reason) => post({ type: 'stopped', reason }),
        requestSlot: (change) => inFlight.change(change),
      },
    },
    {
      start: () => Promise.resolve(),
      // Waits until the coordinator has written it: shards never pile up in messages.
      account: async (shard) => {
        await ask((request) => ({ type: 'shard', request, shard }));
      },
    },
  );
  if (latest) post({ type: 'progress', progress: latest });
  post({ type: 'done', trailer });
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
// The port stays open (closing it could drop the last messages): the coordinator terminates this thread.
