/** The concrete CollectorContext: client factory + `call`, which turns SDK outcomes into Observed values. */
import { observed, notObserved, type Observed } from '../core/observed.js';
import { errorCode, toCollectionError } from './aws-errors.js';
import { abortError, type ClientFactory } from './clients.js';
import type { CallOptions, ClientConstructor, CollectorContext, ScanOrganization } from './collector.js';
import type { RegionRead } from '../core/snapshot.js';
import type { ScanRecorder } from './scan-recorder.js';

export interface ContextOptions {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly scannedRegions: readonly string[];
  readonly clients: ClientFactory;
  readonly recorder: ScanRecorder;
  readonly signal: AbortSignal;
  readonly scanOrganization?: ScanOrganization;
  /** How the region is read (collect/region-signal.ts); for posture+resources collectors. */
  readonly regionRead?: RegionRead | undefined;
  /** Waits without holding the task's slot (the scheduler's); default a plain abortable sleep. */
  readonly pause?: ((ms: number) => Promise<void>) | undefined;
}

/** A timer that rejects as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createCollectorContext(options: ContextOptions): CollectorContext {
  const { accountId, recorder, signal } = options;

  async function call<T>(
    service: string,
    operation: string,
    fn: () => Promise<T>,
    callOptions: CallOptions = {},
  ): Promise<Observed<T | null>> {
    const site = { accountId, region: callOptions.region ?? options.region, service, operation };
    try {
      if (signal.aborted) throw abortError(signal);
      const value = await fn();
      recorder.recordSuccess(site, false);
      return observed(value);
    } catch (err) {
      if (callOptions.notFoundCodes?.includes(errorCode(err))) {
        recorder.recordSuccess(site, true);
        return observed(null);
      }
      const error = toCollectionError(signal.aborted ? abortError(signal) : err, site);
      recorder.recordError(error);
      return notObserved(error);
    }
  }

  return {
    accountId,
    region: options.region,
    partition: options.partition,
    scannedRegions: options.scannedRegions,
    signal,
    client: <C>(ctor: ClientConstructor<C>, region?: string) => options.clients(ctor, region ?? options.region),
    call,
    record: (error) => recorder.recordError(error),
    ...(options.scanOrganization ? { scanOrganization: options.scanOrganization } : {}),
    ...(options.regionRead ? { regionRead: options.regionRead } : {}),
    pause: options.pause ?? ((ms) => abortableSleep(ms, signal)),
  };
}
