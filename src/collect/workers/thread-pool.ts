/**
 * `ftr scan --workers <n>`: the accounts of one scan spread over worker threads (node:worker_threads), so
 * a scan uses every core (the collection is CPU-bound from about 64 requests in flight: SDK middleware,
 * parsing, signing). This thread read the identity and the Organization and wrote the header; the scan
 * threads take accounts from one shared queue (AccountQueue), each with its share of the request caps, and
 * post every finished account back; this thread alone writes the snapshot (docs/decisions/0011).
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { SnapshotTrailer } from '../../core/snapshot.js';
import { redact } from '../../core/redact.js';
import type { AccountDistributor, DistributionPlan, DistributedResult, ScanOptions } from '../run-collection.js';
import { AccountQueue, mergePartTrailers, PartProgress, shareOfLimits } from './part-merge.js';
import { SharedInFlight } from './shared-in-flight.js';
import type { FromThread, ScanThreadData, ToThread } from './thread-protocol.js';

/** `--workers` default: one thread per core (a scan of one account runs in this thread anyway). */
export function defaultWorkerThreads(): number {
  return availableParallelism();
}

/**
 * The young generation of a scan thread (V8's nursery: two semi-spaces plus the new large-object space, 3x
 * the semi-space), in MB. A scan thread allocates fast and keeps little (a parsed answer lives for one
 * collector call), so most of its garbage collection is scavenging the nursery: 10-13% of its CPU with V8's
 * default 16 MB semi-space. 32 MB halves the scavenges for about 70 MB more RSS per process (docs/benchmarks.md,
 * "Where the scan's CPU goes"). A young-generation limit only sizes the nursery: it can never fail a thread
 * with an out-of-memory error (what survives is promoted to the old generation, whose growth
 * cli/heap-growth.ts bounds).
 */
export const SCAN_THREAD_YOUNG_GENERATION_MB = 96;

/**
 * A scan thread imports the AWS SDK's client packages, CommonJS files in packages whose package.json has no
 * "type". For each such file imported from an ES module, Node (20.19+, 22) first compiles it once more only to
 * detect whether it holds ES module syntax: about 0.8 s of CPU per thread, a third of its module loading
 * (docs/benchmarks.md, "Where the scan's CPU goes"). Everything a scan thread imports declares what it is
 * (our files: "type": "module"; the SDK: CommonJS), so the thread starts without that detection.
 */
export const NO_MODULE_SYNTAX_DETECTION = '--no-experimental-detect-module';

type WorkerConstructor = new (file: URL, options: WorkerOptions) => Worker;

/**
 * The compiled scan thread, without module-syntax detection. The thread inherits node's own flags
 * (`process.execArgv`); some a worker refuses (V8 flags such as `--max-semi-space-size`), and then the
 * thread starts without any (and so with detection), as it did before the flag was added.
 */
export function startCompiledThread(WorkerCtor: WorkerConstructor, file: URL, data: ScanThreadData): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: SCAN_THREAD_YOUNG_GENERATION_MB };
  try {
    return new WorkerCtor(file, { workerData: data, resourceLimits, execArgv: [...process.execArgv, NO_MODULE_SYNTAX_DETECTION] });
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    return new WorkerCtor(file, { workerData: data, resourceLimits });
  }
}

/**
 * How to start scan-thread: the compiled file next to this one, or, when this module runs from the
 * TypeScript sources (tests, `tsx src/cli/index.ts`), the .ts file through tsx's loader (a worker does
 * not inherit the parent's loader).
 */
function startScanThread(data: ScanThreadData): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: SCAN_THREAD_YOUNG_GENERATION_MB };
  if (!here.endsWith('.ts')) return startCompiledThread(Worker, new URL('./scan-thread.js', here), data);
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./scan-thread.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data, resourceLimits });
}

export interface ThreadDistributorOptions {
  readonly threads: number;
  /** The scan's options (what each thread needs of them is copied as plain data). */
  readonly scan: ScanOptions;
  /** Starts one scan thread; tests may replace it. */
  readonly start?: (data: ScanThreadData) => Worker;
}

export function threadDistributor(options: ThreadDistributorOptions): AccountDistributor {
  const start = options.start ?? startScanThread;
  return {
    // One account gains nothing from threads; provider-function credentials cannot cross a thread boundary.
    wants: (targets) => options.threads > 1 && targets.length > 1 && typeof options.scan.credentials !== 'function',
    run: (plan) => runOnThreads(Math.min(options.threads, plan.targets.length), options.scan, plan, start),
  };
}

async function runOnThreads(threads: number, scan: ScanOptions, plan: DistributionPlan, start: (data: ScanThreadData) => Worker): Promise<DistributedResult> {
  const queue = new AccountQueue(plan.targets);
  const progress = new PartProgress();
  const inFlight = new SharedInFlight();
  const trailers: SnapshotTrailer[] = [];
  const limits = shareOfLimits(threads, plan.concurrency, plan.perAccountConcurrency);
  // One writer: shards from every thread are written one after another, in arrival order.
  let writing: Promise<void> = Promise.resolve();
  const workers: Worker[] = [];
  let alive = 0;
  /** Requests for an account that wait: none is queued, but a dying thread could still hand some back. */
  let parked: { part: number; request: number; reply: (message: ToThread) => void }[] = [];
  const serveParked = () => {
    const still: typeof parked = [];
    for (const p of parked) {
      const target = queue.take(p.part);
      if (target === 'wait') still.push(p);
      else p.reply({ type: 'account', request: p.request, target });
    }
    parked = still;
  };
  const onAbort = () => {
    queue.close();
    serveParked();
    const reason: unknown = plan.signal.reason;
    for (const w of workers) w.postMessage({ type: 'abort', reason: typeof reason === 'string' ? reason : 'interrupted' } satisfies ToThread);
  };
  plan.signal.addEventListener('abort', onAbort, { once: true });

  const runThread = (part: number) =>
    new Promise<void>((resolve) => {
      const worker = start({
        part,
        identity: plan.identity,
        organization: plan.organization,
        roleName: scan.roleName,
        externalId: scan.externalId,
        profile: scan.profile,
        regions: scan.regions,
        services: scan.services,
        deepRegions: scan.deepRegions === true,
        endpoint: scan.endpoint,
        requestTimeoutMs: scan.requestTimeoutMs,
        maxAttempts: plan.maxAttempts,
        concurrency: limits.concurrency,
        perAccountConcurrency: limits.perAccountConcurrency,
        credentials: typeof scan.credentials === 'object' ? scan.credentials : undefined,
        inFlight: inFlight.buffer,
      });
      workers.push(worker);
      alive += 1;
      if (plan.signal.aborted) onAbortOne(worker);
      let finished = false;
      const finish = (failure: string | null) => {
        if (finished) return;
        finished = true;
        alive -= 1;
        progress.ended(part);
        // Its waiting requests die with it: an account handed to them would be held by no one.
        parked = parked.filter((p) => p.part !== part);
        if (failure !== null) died(part, redact(failure));
        serveParked();
        void worker.terminate();
        resolve();
      };
      const reply = (message: ToThread) => worker.postMessage(message);
      worker.on('message', (message: FromThread) => {
        switch (message.type) {
          case 'next': {
            const target = queue.take(part);
            if (target === 'wait') parked.push({ part, request: message.request, reply });
            else reply({ type: 'account', request: message.request, target });
            break;
          }
          case 'shard': {
            const shard = message.shard;
            // From here the account is this thread's no more: its shard is written even if the thread dies.
            queue.settled(shard.account.accountId);
            serveParked();
            writing = writing.then(() => plan.shard(shard));
            writing.then(
              () => reply({ type: 'written', request: message.request }),
              (err: unknown) => plan.stop(`the snapshot could not be written: ${err instanceof Error ? err.message : String(err)}`),
            );
            break;
          }
          case 'progress': {
            const { delta } = progress.report(part, message.progress);
            plan.progress(delta, inFlight.now);
            break;
          }
          case 'stopped':
            plan.stop(message.reason);
            break;
          case 'done':
            trailers.push(message.trailer);
            // The thread's shards were all acknowledged, so they are written: it can go.
            finish(null);
            break;
          case 'failed':
            finish(message.message);
            break;
        }
      });
      worker.on('error', (err) => finish(err.message));
      worker.on('exit', (code) => finish(code === 0 ? 'it exited before reporting' : `it exited with code ${code}`));
    });
  const onAbortOne = (worker: Worker) => worker.postMessage({ type: 'abort', reason: String(plan.signal.reason) } satisfies ToThread);

  /**
   * A thread died (a crash, out of memory): the accounts it held go to the other threads, once each; an
   * account held by a second thread that dies is recorded as not collected and the scan goes on (it ends
   * incomplete, and `--resume` tries it again). Its calls are missing from the stats (its trailer is lost).
   */
  const died = (part: number, failure: string) => {
    const { failed } = queue.reclaim(part);
    for (const target of failed) plan.failed(target.id, `two scan threads died while collecting it (the last: ${failure})`);
    if (alive > 0) return;
    // No thread is left to take what remains.
    for (const target of queue.drain()) plan.failed(target.id, `no scan thread was left to collect it (the last one died: ${failure})`);
  };

  try {
    await Promise.all(Array.from({ length: threads }, (_, part) => runThread(part)));
    await writing.catch(() => undefined);
    const merged = mergePartTrailers(threads, trailers);
    // The true peak across threads (the merge only knows each thread's own).
    return { ...merged, stats: { ...merged.stats, maxRequestsInFlight: Math.max(merged.stats.maxRequestsInFlight, inFlight.peak) } };
  } finally {
    plan.signal.removeEventListener('abort', onAbort);
  }
}
