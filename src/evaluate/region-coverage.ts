/**
 * Which regions a regional item's verdict rests on, said in its reason: every enabled region, only the ones
 * the user asked for (--regions) or a scope kept, or fewer because an account's regions could not be listed
 * (ec2:DescribeRegions failed; the regional checks then add an UNKNOWN for that account, see core/check.ts).
 */
import type { RegionCoverage } from '../core/assessment.js';
import type { CheckDefinition } from '../core/check.js';
import type { Snapshot } from '../core/snapshot.js';

/** IAM service prefixes whose reads cover every region at once (global services, S3's bucket listing). */
const GLOBAL_SERVICES = new Set(['iam', 'organizations', 's3', 'account', 'support', 'cloudfront', 'sts', 'ce', 'tag']);

/** True when a check reads regional data, so its verdict covers only the scanned regions. */
export function readsRegionalData(check: Pick<CheckDefinition, 'reads'>): boolean {
  return check.reads.some((action) => !GLOBAL_SERVICES.has(action.split(':')[0] ?? ''));
}

/** "a, b, c" or "a, b, c and 14 more". */
function list(regions: readonly string[], max = 6): string {
  return regions.length <= max ? regions.join(', ') : `${regions.slice(0, max).join(', ')} and ${regions.length - max} more`;
}

/**
 * The account-regions read posture-only (collect/region-signal.ts): their resources were not read because
 * AWS Config counts none there. One sentence, or "".
 */
export function postureOnlyNote(snapshot: Snapshot): string {
  const regions = new Set<string>();
  let pairs = 0;
  for (const account of snapshot.accounts) {
    for (const r of account.regional) {
      if (r.read?.mode !== 'posture-only') continue;
      pairs += 1;
      regions.add(r.region);
    }
  }
  if (pairs === 0) return '';
  return ` Resources of ${pairs} account-region${pairs === 1 ? '' : 's'} (${list([...regions].sort())}) were not read: AWS Config counts none there (posture-only; --deep-regions reads them).`;
}

export function regionCoverage(snapshot: Snapshot): RegionCoverage {
  const coverage = coverageOf(snapshot);
  const postureOnly = postureOnlyNote(snapshot);
  return postureOnly ? { ...coverage, note: `${coverage.note}${postureOnly}` } : coverage;
}

function coverageOf(snapshot: Snapshot): RegionCoverage {
  const scanned = new Set<string>();
  const notScanned = new Set<string>();
  const unlistedAccounts: string[] = [];
  for (const account of snapshot.accounts) {
    if (!account.access.ok) continue;
    for (const r of account.regional) scanned.add(r.region);
    if (!account.regions.ok) {
      unlistedAccounts.push(account.accountId);
      continue;
    }
    for (const r of account.regions.value) if (r.enabled && !r.scanned) notScanned.add(r.region);
  }
  for (const r of scanned) notScanned.delete(r);
  const scannedList = [...scanned].sort();
  const notScannedList = [...notScanned].sort();
  const unlisted =
    unlistedAccounts.length === 0
      ? ''
      : ` The regions of account${unlistedAccounts.length > 1 ? 's' : ''} ${list(unlistedAccounts, 3)} could not be listed (ec2:DescribeRegions failed): only ${list(scannedList)} ${scannedList.length === 1 ? 'was' : 'were'} scanned there and other regions count as UNKNOWN.`;
  if (snapshot.requestedRegions !== null || notScannedList.length > 0) {
    const whose = snapshot.requestedRegions !== null ? 'the regions you asked for' : 'the regions in scope';
    const left = notScannedList.length > 0 ? ` (${notScannedList.length} other enabled region${notScannedList.length === 1 ? '' : 's'} not scanned)` : '';
    return {
      kind: 'requested',
      scanned: scannedList,
      notScanned: notScannedList,
      unlistedAccounts,
      note: `Covers only ${whose}: ${list(scannedList)}${left}.${unlisted}`,
    };
  }
  if (unlistedAccounts.length > 0) {
    return { kind: 'unlisted', scanned: scannedList, notScanned: notScannedList, unlistedAccounts, note: unlisted.trim() };
  }
  const n = scannedList.length;
  return {
    kind: 'all-enabled',
    scanned: scannedList,
    notScanned: [],
    unlistedAccounts: [],
    note: `Covers every enabled region (${n <= 4 ? scannedList.join(', ') : n}).`,
  };
}
