/**
 * Helpers for account-level verdicts built from regional slices (a Well-Architected review or a restore
 * test in any region counts for the account), and the 12-month window measured from the snapshot's
 * finishedAt, never from the wall clock, so a saved snapshot always evaluates the same way.
 */
import { unknown, type RegionGap } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import { describeCollectionError } from '../../core/observed.js';
import type { Snapshot } from '../../core/snapshot.js';

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

// The account-wide view of a regional slice is a shared mechanism of core/check.ts.
export { forEachAccountAcrossRegions, type AccountRegionalView, type RegionGap } from '../../core/check.js';

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
