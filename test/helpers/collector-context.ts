/**
 * A CollectorContext for collector unit tests: fake credentials, no endpoint, the real `call` semantics.
 * Pair it with aws-sdk-client-mock (`mockClient(IAMClient)`) to replay recorded responses and errors.
 */
import { createClientFactory } from '../../src/collect/clients.js';
import { createCollectorContext } from '../../src/collect/collector-context.js';
import type { CollectorContext } from '../../src/collect/collector.js';
import { ScanRecorder } from '../../src/collect/scan-recorder.js';

export interface TestContext {
  readonly ctx: CollectorContext;
  readonly recorder: ScanRecorder;
  readonly abort: AbortController;
}

export function testCollectorContext(overrides: { accountId?: string; region?: string; scannedRegions?: string[] } = {}): TestContext {
  const accountId = overrides.accountId ?? '111111111111';
  const region = overrides.region ?? 'us-east-1';
  const recorder = new ScanRecorder();
  const abort = new AbortController();
  const clients = createClientFactory({
    accountId,
    defaultRegion: region,
    credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret' },
    settings: { endpoint: undefined, maxAttempts: 1, requestTimeoutMs: 5_000 },
    recorder,
    signal: abort.signal,
  });
  const ctx = createCollectorContext({
    accountId,
    region,
    partition: 'aws',
    scannedRegions: overrides.scannedRegions ?? [region],
    clients,
    recorder,
    signal: abort.signal,
  });
  return { ctx, recorder, abort };
}

/** An AWS-style service error, as the SDK would throw it. */
export function awsError(name: string, message = name, httpStatusCode = 400): Error {
  const err = new Error(message) as Error & { $metadata: { httpStatusCode: number }; $fault: string };
  err.name = name;
  err.$metadata = { httpStatusCode };
  err.$fault = 'client';
  return err;
}
