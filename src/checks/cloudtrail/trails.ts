/**
 * Shared plumbing of the CloudTrail checks: the trails of one account, deduplicated by ARN across the
 * scanned regions (a multi-region or organization trail shows up in every region), each with the details
 * read in its home region.
 */
import { accountRef, notApplicable, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { CollectionError } from '../../core/observed.js';
import type { Trail } from '../../core/slices/cloudtrail.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';

export interface AccountTrails {
  /** Distinct trails, with `details` taken from whichever region read them. */
  readonly trails: readonly Trail[];
  /** Regions whose DescribeTrails failed or whose collector did not run. */
  readonly failedRegions: readonly { readonly region: string; readonly reason: CollectionError | string }[];
  /** Whether at least one region's trail list was read. */
  readonly anyRegionObserved: boolean;
}

export function accountTrails(account: AccountSnapshot): AccountTrails {
  const byArn = new Map<string, Trail>();
  const failedRegions: { region: string; reason: CollectionError | string }[] = [];
  let anyRegionObserved = false;
  for (const regional of account.regional) {
    const slice = regional.cloudtrail;
    if (!slice) {
      failedRegions.push({ region: regional.region, reason: `The cloudtrail collector did not run for ${account.accountId}/${regional.region}.` });
      continue;
    }
    if (!slice.ok) {
      failedRegions.push({ region: regional.region, reason: slice.error });
      continue;
    }
    if (!slice.value.trails.ok) {
      failedRegions.push({ region: regional.region, reason: slice.value.trails.error });
      continue;
    }
    anyRegionObserved = true;
    for (const trail of slice.value.trails.value) {
      const known = byArn.get(trail.arn);
      if (!known || (known.details === null && trail.details !== null)) byArn.set(trail.arn, trail);
    }
  }
  return { trails: [...byArn.values()], failedRegions, anyRegionObserved };
}

export function trailRef(account: AccountSnapshot, trail: Trail): ResourceRef {
  return {
    accountId: account.accountId,
    region: trail.homeRegion,
    resourceType: 'AWS::CloudTrail::Trail',
    resourceId: trail.name,
    resourceArn: trail.arn,
  };
}

/** "trail main" or "organization trail org-trail (owned by 999999999999)", for use inside a sentence. */
export function trailLabel(trail: Trail, account: AccountSnapshot): string {
  if (trail.isOrganizationTrail && trail.ownerAccountId && trail.ownerAccountId !== account.accountId) {
    return `organization trail ${trail.name} (owned by ${trail.ownerAccountId})`;
  }
  return `${trail.isOrganizationTrail ? 'organization trail' : 'trail'} ${trail.name}`;
}

/** Upper-cases the first letter, for a label that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a trail has no details: its home region was not read. */
export function noDetailsReason(trail: Trail): string {
  return `The home region ${trail.homeRegion} of trail ${trail.name} was not collected, so its status and log bucket are unknown.`;
}

/**
 * Runs `rule` once per distinct trail of every account. Accounts we could not enter or regions whose trail
 * list failed yield UNKNOWN; an account without any trail yields one NOT_APPLICABLE (whether CloudTrail is
 * on at all is cloudtrail_multi_region_enabled_logging's verdict).
 */
export function forEachTrail(
  snapshot: Snapshot,
  rule: (trail: Trail, ref: ResourceRef, account: AccountSnapshot) => CheckOutcome,
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const account of snapshot.accounts) {
    if (!account.access.ok) {
      out.push(unknown(accountRef(account), account.access.error));
      continue;
    }
    if (account.regional.length === 0) {
      out.push(
        account.regions.ok
          ? unknown(accountRef(account), `No region of account ${account.accountId} was scanned for CloudTrail.`)
          : unknown(accountRef(account), account.regions.error),
      );
      continue;
    }
    const { trails, failedRegions } = accountTrails(account);
    for (const failed of failedRegions) out.push(unknown(regionRef(account.accountId, failed.region), failed.reason));
    if (trails.length === 0 && failedRegions.length === 0) {
      out.push(notApplicable(accountRef(account), `Account ${account.accountId} has no CloudTrail trails.`));
    }
    for (const trail of trails) out.push(rule(trail, trailRef(account, trail), account));
  }
  return out;
}
