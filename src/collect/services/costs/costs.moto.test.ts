/**
 * The costs collector against moto (the AWS emulator): moto serves the GetCostAndUsage results configured
 * through /moto-api/static/ce/cost-and-usage-results; it does not implement GetCostAndUsageWithResources,
 * which must then be an error value (unknown), never zero. Skips when moto is not installed.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFactory } from '../../clients.js';
import { createCollectorContext } from '../../collector-context.js';
import { ScanRecorder } from '../../scan-recorder.js';
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from '../../../../test/helpers/moto-server.js';
import { createCostsCollector } from './costs.collector.js';

const hasMoto = (() => {
  try {
    execFileSync(process.env.MOTO_PYTHON ?? 'python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasMoto) console.warn('SKIPPED costs collector moto test: python3 -m moto is not installed.');

const ACCOUNT = '123456789012';

describe.skipIf(!hasMoto)('costs collector against moto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto.stop();
  });

  it('reads the configured monthly costs per account and service', async () => {
    await moto.reset();
    const res = await fetch(`${moto.endpoint}/moto-api/static/ce/cost-and-usage-results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        account_id: ACCOUNT,
        results: [
          {
            ResultsByTime: [
              {
                TimePeriod: { Start: '2026-10-01', End: '2026-11-01' },
                Total: {},
                Groups: [
                  { Keys: [ACCOUNT, 'Amazon Simple Storage Service'], Metrics: { UnblendedCost: { Amount: '42.10', Unit: 'USD' } } },
                  { Keys: [ACCOUNT, 'Amazon Elastic Compute Cloud - Compute'], Metrics: { UnblendedCost: { Amount: '100', Unit: 'USD' } } },
                ],
                Estimated: false,
              },
            ],
          },
        ],
      }),
    });
    expect(res.ok).toBe(true);

    const recorder = new ScanRecorder();
    const abort = new AbortController();
    const clients = createClientFactory({
      accountId: ACCOUNT,
      defaultRegion: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
      settings: { endpoint: moto.endpoint, maxAttempts: 1, requestTimeoutMs: 10_000 },
      recorder,
      signal: abort.signal,
    });
    const ctx = createCollectorContext({ accountId: ACCOUNT, region: 'us-east-1', partition: 'aws', scannedRegions: ['us-east-1'], clients, recorder, signal: abort.signal });
    const slice = await createCostsCollector({ now: () => new Date('2026-11-15T00:00:00Z') }).collect(ctx);

    expect(slice.monthly).toEqual({
      ok: true,
      value: {
        period: { start: '2026-10-01', end: '2026-11-01' },
        lines: [
          { accountId: ACCOUNT, service: 'Amazon Elastic Compute Cloud - Compute', amount: 100, currency: 'USD' },
          { accountId: ACCOUNT, service: 'Amazon Simple Storage Service', amount: 42.1, currency: 'USD' },
        ],
      },
    });
    expect(slice.resources.ok).toBe(false);
  });
});
