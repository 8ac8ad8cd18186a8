/**
 * Shared by the bench scripts: start a private moto server, seed an Organization into it, and scan it
 * with the real scanner (runScan) using fake moto credentials. Never talks to real AWS: the endpoint is
 * always the local moto server (or the simulated-AWS proxy in front of it, bench/aws-proxy.ts).
 */
import { runScan, type ScanOptions } from '../src/collect/run-collection.js';
import { DEFAULT_CONCURRENCY } from '../src/collect/scan-limits.js';
import type { Snapshot } from '../src/core/snapshot.js';
import { MEMBER_ROLE_NAME, SEED_REGIONS, seedOrganization, type SeededOrganization } from '../test/e2e/seed-organization.js';
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from '../test/helpers/moto-server.js';

/** The CLI's default `--concurrency` (requests in flight). */
export const CLI_DEFAULT_CONCURRENCY = DEFAULT_CONCURRENCY;
/** moto answers unimplemented APIs with HTTP 500, which the SDK retries: keep retries low against moto. */
export const MOTO_MAX_ATTEMPTS = 2;
/** The seed used before seeding, so account ids are the same on every run. */
export const MOTO_SEED = 42;

export interface SeededMoto {
  readonly moto: MotoServer;
  readonly org: SeededOrganization;
}

export async function startSeededMoto(extraMembers: number): Promise<SeededMoto> {
  const moto = await startMoto();
  try {
    await moto.reset();
    await moto.seed(MOTO_SEED);
    const org = await seedOrganization({ endpoint: moto.endpoint, extraMembers });
    return { moto, org };
  } catch (err) {
    await moto.stop();
    throw err;
  }
}

export function scanMotoOrganization(endpoint: string, overrides: Partial<ScanOptions> = {}): Promise<Snapshot> {
  return runScan({
    org: true,
    roleName: MEMBER_ROLE_NAME,
    regions: [...SEED_REGIONS],
    concurrency: CLI_DEFAULT_CONCURRENCY,
    maxAttempts: MOTO_MAX_ATTEMPTS,
    endpoint,
    credentials: { ...MOTO_CREDENTIALS },
    ...overrides,
  });
}
