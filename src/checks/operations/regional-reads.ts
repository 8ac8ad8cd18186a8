/**
 * Shared helpers for the operations checks: gather one regional slice across an account's scanned regions
 * (for account-level verdicts), and name a resource list briefly in messages.
 */
import { forEachAccountAcrossRegions, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { describeCollectionError, type Observed } from '../../core/observed.js';
import type { RegionalServiceKey, RegionalValue } from '../../core/slices/index.js';
import type { AccountSnapshot, RegionalSnapshot, Snapshot } from '../../core/snapshot.js';

export interface RegionRead<T> {
  readonly region: string;
  readonly value: T;
}

export interface Unseen {
  readonly region: string;
  readonly reason: string;
}

export interface AccountReads<T> {
  readonly seen: readonly RegionRead<T>[];
  readonly unseen: readonly Unseen[];
}

/** The slice of one regional snapshot, or why it is missing. */
export function regionalSlice<K extends RegionalServiceKey>(
  regional: RegionalSnapshot,
  service: K,
  accountId: string,
): { ok: true; value: RegionalValue<K> } | { ok: false; reason: string } {
  const slice = regional[service] as Observed<RegionalValue<K>> | undefined;
  if (!slice) return { ok: false, reason: `the ${service} collector did not run for ${accountId}/${regional.region}` };
  if (!slice.ok) return { ok: false, reason: describeCollectionError(slice.error) };
  return { ok: true, value: slice.value };
}

/**
 * Runs `rule` once per account with the service's slice of every scanned region (core's
 * forEachAccountAcrossRegions). Accounts we could not enter, or without any scanned region, yield one UNKNOWN.
 */
export function forEachAccountRegions<K extends RegionalServiceKey>(
  snapshot: Snapshot,
  service: K,
  rule: (account: AccountSnapshot, reads: AccountReads<RegionalValue<K>>) => readonly CheckOutcome[],
): CheckOutcome[] {
  return forEachAccountAcrossRegions(snapshot, service, ({ account, ref, slices, gaps }) => {
    if (account.regional.length === 0) {
      return [unknown(ref, account.regions.ok ? `No region of account ${account.accountId} was scanned.` : account.regions.error)];
    }
    const unseen = gaps.map((g) => ({ region: g.region, reason: typeof g.reason === 'string' ? g.reason : describeCollectionError(g.reason) }));
    return rule(account, { seen: slices, unseen });
  });
}

/** "a, b, c and 4 more". */
export function brief(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Sentence about regions that could not be read, or "". */
export function unseenNote(unseen: readonly Unseen[]): string {
  if (unseen.length === 0) return '';
  return ` Could not read ${brief(unseen.map((u) => u.region))}: ${unseen[0]?.reason ?? ''}`;
}

/** The account id inside an ARN (field 5), or null. */
export function arnAccount(arn: string): string | null {
  const parts = arn.split(':');
  return parts.length > 5 && /^\d{12}$/.test(parts[4] ?? '') ? (parts[4] ?? null) : null;
}
