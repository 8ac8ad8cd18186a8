import { accountRef, defineCheck, fail, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { CollectionError } from '../../core/observed.js';
import type { Trail } from '../../core/slices/cloudtrail.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { accountTrails, capitalize, noDetailsReason, trailLabel } from './trails.js';

type TrailVerdict = { readonly ok: true } | { readonly ok: false; readonly why: string } | { readonly ok: 'unknown'; readonly why: CollectionError | string };

function judge(trail: Trail): TrailVerdict {
  if (!trail.details) return { ok: 'unknown', why: noDetailsReason(trail) };
  const { status, eventSelectors } = trail.details;
  if (status.ok && !status.value.isLogging) return { ok: false, why: `${trail.name} is not logging` };
  // Logging but not delivering (e.g. a bucket policy that no longer lets CloudTrail write): the events are
  // recorded nowhere, so the trail does not count. AWS reports the last S3 error in LatestDeliveryError.
  const deliveryError = status.ok ? status.value.latestDeliveryError?.trim() : undefined;
  if (deliveryError) {
    const lastGood = status.ok && status.value.latestDeliveryTime ? `last successful delivery ${status.value.latestDeliveryTime}` : 'no successful delivery reported';
    return { ok: false, why: `${trail.name} is logging but cannot deliver log files to its S3 bucket (LatestDeliveryError ${deliveryError}; ${lastGood})` };
  }
  if (eventSelectors.ok && eventSelectors.value.managementEvents !== 'All') {
    const partial = eventSelectors.value.partialSelectors ?? [];
    const what = eventSelectors.value.managementEvents === 'None' ? (partial.length > 0 ? 'only part of the' : 'no') : eventSelectors.value.managementEvents;
    return { ok: false, why: `${trail.name} records ${what} management events${partial.length > 0 ? ` (selectors limited to ${partial.join('; ')})` : ''}` };
  }
  if (!status.ok) return { ok: 'unknown', why: status.error };
  if (!eventSelectors.ok) return { ok: 'unknown', why: eventSelectors.error };
  return { ok: true };
}

/**
 * Legacy CTL-001 / IAM-002 (competency 1.13): CloudTrail records every region of the account. PASS when at
 * least one multi-region trail (the account's own, or an organization trail seen as a shadow trail) is
 * logging, delivers its log files (GetTrailStatus reports no LatestDeliveryError) and records read and
 * write management events. One outcome per account; trails are
 * deduplicated by ARN across regions. A multi-region trail shows up in every region, so one readable
 * region is enough to see it; its status is read in its home region (denied for an organization trail
 * from a member account => UNKNOWN, not FAIL).
 */
export const cloudtrailMultiRegionEnabledLogging = defineCheck({
  id: 'cloudtrail_multi_region_enabled_logging',
  title: 'A multi-region CloudTrail trail is logging and delivering management events',
  service: 'cloudtrail',
  resourceType: 'AWS::::Account',
  severity: 'high',
  reads: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  remediation: {
    summary:
      'Create a multi-region trail (ideally an organization trail from the management account) that records read and write management events, and start logging. If GetTrailStatus shows a LatestDeliveryError, fix the log bucket (bucket policy allowing cloudtrail.amazonaws.com s3:PutObject, KMS key policy) so CloudTrail can deliver again.',
    console: 'CloudTrail console > Trails > Create trail (applies to all regions; for Organizations choose "Enable for all accounts in my organization") > Management events: Read and Write.',
    cli: [
      'aws cloudtrail create-trail --name <trail> --s3-bucket-name <log-bucket> --is-multi-region-trail --enable-log-file-validation [--is-organization-trail]',
      'aws cloudtrail start-logging --name <trail>',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  },
  evaluate: (snapshot) => {
    const out: CheckOutcome[] = [];
    for (const account of snapshot.accounts) {
      const ref = accountRef(account);
      if (!account.access.ok) {
        out.push(unknown(ref, account.access.error));
        continue;
      }
      const { trails, failedRegions, anyRegionObserved } = accountTrails(account);
      if (!anyRegionObserved) {
        const reasons = failedRegions.map((f) => f.reason);
        out.push(
          reasons.length > 0
            ? unknownBecause(ref, `Could not list the CloudTrail trails of account ${account.accountId}.`, reasons.slice(0, 3))
            : unknown(ref, `No region of account ${account.accountId} was scanned for CloudTrail.`),
        );
        continue;
      }
      const multiRegion = trails.filter((t) => t.isMultiRegion);
      const verdicts = multiRegion.map((trail) => ({ trail, verdict: judge(trail) }));
      const evidence = {
        trails: trails.map((t) => ({
          arn: t.arn,
          multiRegion: t.isMultiRegion,
          organization: t.isOrganizationTrail,
          homeRegion: t.homeRegion,
          isLogging: t.details?.status.ok ? t.details.status.value.isLogging : null,
          latestDeliveryError: t.details?.status.ok ? t.details.status.value.latestDeliveryError : null,
          latestDeliveryTime: t.details?.status.ok ? t.details.status.value.latestDeliveryTime : null,
          managementEvents: t.details?.eventSelectors.ok ? t.details.eventSelectors.value.managementEvents : null,
          excludedManagementSources: t.details?.eventSelectors.ok ? t.details.eventSelectors.value.excludedManagementSources : [],
        })),
      };
      const good = verdicts.find((v) => v.verdict.ok === true);
      if (good) {
        out.push(
          pass(
            ref,
            `${capitalize(trailLabel(good.trail, account))} covers every region of account ${account.accountId}, is logging, delivers its log files and records all management events.`,
            { ...evidence, coveringTrail: good.trail.arn },
          ),
        );
        continue;
      }
      const unknowns = verdicts.flatMap((v) => (v.verdict.ok === 'unknown' ? [v.verdict.why] : []));
      const failures = verdicts.flatMap((v) => (v.verdict.ok === false ? [v.verdict.why] : []));
      if (unknowns.length > 0) {
        out.push(
          unknownBecause(
            ref,
            `Could not confirm that a multi-region trail is logging in account ${account.accountId}${failures.length > 0 ? ` (${failures.join('; ')})` : ''}.`,
            unknowns,
            evidence,
          ),
        );
        continue;
      }
      out.push(
        fail(
          ref,
          multiRegion.length === 0
            ? `Account ${account.accountId} has no multi-region CloudTrail trail${trails.length > 0 ? ` (only single-region trails: ${trails.map((t) => t.name).join(', ')})` : ''}.`
            : `No multi-region trail of account ${account.accountId} logging and delivering all management events: ${failures.join('; ')}.`,
          evidence,
        ),
      );
    }
    return out;
  },
});
