/**
 * Small builders for hand-written snapshot fixtures in check tests:
 *   aSnapshot({ accounts: [anAccount({ global: { iam: observed(slice) } })] })
 *   anAccount({ regional: [aRegion('eu-west-1', { ec2: observed(slice) })] })
 *   denied('iam', 'GetCredentialReport') -> an Observed access-denied value
 */
import { notObserved, observed, type CollectionError, type CollectionErrorKind, type Observed } from '../../src/core/observed.js';
import type { GlobalSlices, RegionalSlices } from '../../src/core/slices/index.js';
import { SNAPSHOT_SCHEMA_VERSION, type AccountSnapshot, type RegionalSnapshot, type Snapshot } from '../../src/core/snapshot.js';

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';

export function collectionError(
  service: string,
  operation: string,
  kind: CollectionErrorKind = 'access_denied',
  where: { accountId?: string; region?: string } = {},
): CollectionError {
  const code = kind === 'access_denied' ? 'AccessDenied' : kind === 'not_subscribed' ? 'SubscriptionRequiredException' : kind;
  return {
    kind,
    accountId: where.accountId ?? ACCOUNT_A,
    region: where.region ?? 'global',
    service,
    operation,
    code,
    message: `${code} (fixture)`,
  };
}

/** An Observed value that could not be read (default: access denied). */
export function denied<T = never>(service: string, operation: string, kind: CollectionErrorKind = 'access_denied'): Observed<T> {
  return notObserved(collectionError(service, operation, kind));
}

export { observed };

export function aRegion(region: string, slices: RegionalSlices = {}): RegionalSnapshot {
  return { region, ...slices };
}

export function anAccount(
  overrides: {
    accountId?: string;
    name?: string | null;
    global?: GlobalSlices;
    regional?: RegionalSnapshot[];
    access?: AccountSnapshot['access'];
    regions?: AccountSnapshot['regions'];
  } = {},
): AccountSnapshot {
  const regional = overrides.regional ?? [];
  return {
    accountId: overrides.accountId ?? ACCOUNT_A,
    name: overrides.name ?? null,
    access: overrides.access ?? observed({ via: 'caller', roleArn: null }),
    regions:
      overrides.regions ??
      observed(regional.map((r) => ({ region: r.region, optInStatus: 'opt-in-not-required', enabled: true, scanned: true }))),
    homeRegion: 'us-east-1',
    global: overrides.global ?? {},
    regional,
  };
}

export function aSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const accounts = overrides.accounts ?? [anAccount()];
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'ftr-ready', version: '0.0.0-test' },
    startedAt: '2026-11-01T10:00:00.000Z',
    finishedAt: '2026-11-01T10:05:00.000Z',
    complete: true,
    interruption: null,
    principal: { arn: `arn:aws:iam::${accounts[0]?.accountId ?? ACCOUNT_A}:role/FtrReadOnly`, accountId: accounts[0]?.accountId ?? ACCOUNT_A },
    partition: 'aws',
    mode: 'account',
    requestedRegions: null,
    organization: observed(null),
    errors: [],
    operations: [],
    ...overrides,
    accounts,
  };
}
