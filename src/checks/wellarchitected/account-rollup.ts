/**
 * Helpers for account-level verdicts built from regional slices (a Well-Architected review or a restore
 * test in any region counts for the account), and the 12-month window measured from the snapshot's
 * finishedAt, never from the wall clock, so a saved snapshot always evaluates the same way.
 */
import { accountRef, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import { describeCollectionError, type CollectionError, type Observed } from '../../core/observed.js';
import type { RegionalServiceKey, RegionalValue } from '../../core/slices/index.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';

/** ISO time `months` calendar months before `iso` (UTC). */
export function monthsBefore(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Whether `date` (ISO) falls within the 12 months before the snapshot finished (future dates count too). */
export function withinTwelveMonths(date: string | null, snapshot: Snapshot): boolean {
  if (date === null) return false;
  return Date.parse(date) >= Date.parse(monthsBefore(snapshot.finishedAt, 12));
}

/** A region whose slice could not be read, with the reason. */
export interface RegionGap {
  readonly region: string;
  readonly reason: CollectionError | string;
}

export interface AccountRegionalView<K extends RegionalServiceKey> {
  readonly account: AccountSnapshot;
  readonly ref: ResourceRef;
  readonly slices: readonly { readonly region: string; readonly value: RegionalValue<K> }[];
  readonly gaps: readonly RegionGap[];
}

/**
 * Runs `rule` once per account with every readable regional slice of `service` and the regions that could
 * not be read. Accounts we could not enter yield UNKNOWN.
 */
export function forEachAccountAcrossRegions<K extends RegionalServiceKey>(
  snapshot: Snapshot,
  service: K,
  rule: (view: AccountRegionalView<K>) => readonly CheckOutcome[],
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const account of snapshot.accounts) {
    const ref = accountRef(account);
    if (!account.access.ok) {
      out.push(unknown(ref, account.access.error));
      continue;
    }
    if (!account.regions.ok && account.regional.length === 0) {
      out.push(unknown(ref, account.regions.error));
      continue;
    }
    const slices: { region: string; value: RegionalValue<K> }[] = [];
    const gaps: RegionGap[] = [];
    for (const regional of account.regional) {
      const slice = regional[service] as Observed<RegionalValue<K>> | undefined;
      if (!slice) gaps.push({ region: regional.region, reason: `The ${service} collector did not run for ${account.accountId}/${regional.region}.` });
      else if (!slice.ok) gaps.push({ region: regional.region, reason: slice.error });
      else slices.push({ region: regional.region, value: slice.value });
    }
    out.push(...rule({ account, ref, slices, gaps }));
  }
  return out;
}

/** UNKNOWN for an account because some reads failed; the message names the first reason and the count. */
export function unknownFromGaps(ref: ResourceRef, lead: string, gaps: readonly RegionGap[], evidence: Record<string, unknown> = {}): CheckOutcome {
  const first = gaps[0];
  const detail = first === undefined ? '' : typeof first.reason === 'string' ? first.reason : describeCollectionError(first.reason);
  const regions = [...new Set(gaps.map((g) => g.region))];
  return unknown(ref, `${lead} Could not read ${regions.join(', ')}: ${detail}`, {
    ...evidence,
    unreadable: gaps.map((g) => ({
      region: g.region,
      reason: typeof g.reason === 'string' ? g.reason : { kind: g.reason.kind, code: g.reason.code, operation: g.reason.operation },
    })),
  });
}
