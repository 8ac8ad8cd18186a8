/**
 * Per-scenario changes to the well-run snapshot. Each returns a new snapshot (the base is never changed):
 *   global('iam', (iam) => ({ ...iam, passwordPolicy: observed(null) }))
 *   regional('ec2', (ec2) => ({ ...ec2, instances: observed([]) }), WORKLOAD)
 *   deny.global('support', 'DescribeSeverityLevels')      -> the whole slice could not be read
 */
import { notObserved, observed, type Observed } from '../../src/core/observed.js';
import type { GlobalServiceKey, GlobalValue, RegionalServiceKey, RegionalSlices, RegionalValue } from '../../src/core/slices/index.js';
import type { AccountSnapshot, Snapshot } from '../../src/core/snapshot.js';
import { collectionError } from '../helpers/snapshot-builder.js';
import { REGIONS } from './well-run-account.js';

export type Mutation = (snapshot: Snapshot) => Snapshot;

function mapAccount(snapshot: Snapshot, fn: (a: AccountSnapshot) => AccountSnapshot): Snapshot {
  return { ...snapshot, accounts: snapshot.accounts.map(fn) };
}

function valueOf<T>(slice: Observed<T> | undefined, what: string): T {
  if (!slice?.ok) throw new Error(`mutation of ${what}: the slice is not observed in the base snapshot`);
  return slice.value;
}

/** Replaces a global slice's value (the function may return an Observed error to make it unreadable). */
export function global<K extends GlobalServiceKey>(key: K, fn: (value: GlobalValue<K>) => GlobalValue<K> | Observed<GlobalValue<K>>): Mutation {
  return (snapshot) =>
    mapAccount(snapshot, (a) => {
      const next = fn(valueOf(a.global[key] as Observed<GlobalValue<K>> | undefined, key));
      const wrapped = isObserved(next) ? next : observed(next);
      return { ...a, global: { ...a.global, [key]: wrapped } };
    });
}

/** Replaces a regional slice's value in `regions` (default: every scanned region). */
export function regional<K extends RegionalServiceKey>(
  key: K,
  fn: (value: RegionalValue<K>, region: string) => RegionalValue<K> | Observed<RegionalValue<K>>,
  regions: readonly string[] = REGIONS,
): Mutation {
  return (snapshot) =>
    mapAccount(snapshot, (a) => ({
      ...a,
      regional: a.regional.map((r) => {
        if (!regions.includes(r.region)) return r;
        const next = fn(valueOf((r as RegionalSlices)[key] as Observed<RegionalValue<K>> | undefined, `${key}/${r.region}`), r.region);
        return { ...r, [key]: isObserved(next) ? next : observed(next) };
      }),
    }));
}

function isObserved<T>(value: T | Observed<T>): value is Observed<T> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean' && ('value' in value || 'error' in value);
}

/** An access-denied read of `service:operation` (what the collectors store when IAM refuses). */
export function deniedRead(service: string, operation: string, region = 'global'): Observed<never> {
  return notObserved(collectionError(service, operation, 'access_denied', { region }));
}

/** Whole slices that could not be read at all. */
export const deny = {
  global: (key: GlobalServiceKey, operation: string): Mutation =>
    (snapshot) => mapAccount(snapshot, (a) => ({ ...a, global: { ...a.global, [key]: deniedRead(key, operation) } })),
  regional: (key: RegionalServiceKey, operation: string, regions: readonly string[] = REGIONS): Mutation =>
    (snapshot) =>
      mapAccount(snapshot, (a) => ({
        ...a,
        regional: a.regional.map((r) => (regions.includes(r.region) ? { ...r, [key]: deniedRead(key, operation, r.region) } : r)),
      })),
};

/** Any change to the snapshot itself (organization, regions, accounts). */
export function snapshotWith(fn: (s: Snapshot) => Snapshot): Mutation {
  return fn;
}

/** Any change to the one account (its regions list, access). */
export function accountWith(fn: (a: AccountSnapshot) => AccountSnapshot): Mutation {
  return (snapshot) => mapAccount(snapshot, fn);
}
