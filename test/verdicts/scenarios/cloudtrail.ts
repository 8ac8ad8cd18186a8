/** Legacy FTR CTL-001..004 and competency 1.13-1.15: CloudTrail and its log bucket. */
import { observed } from '../../../src/core/observed.js';
import type { Trail } from '../../../src/core/slices/cloudtrail.js';
import { aLogBucket, aTrail, ALL_OFF, publicReadPolicy, trailDetails } from '../../helpers/storage-fixtures.js';
import { accountWith, deniedRead, deny, global, regional } from '../mutations.js';
import { COMP, FTR, type Scenario } from '../scenario.js';
import { HOME } from '../well-run-account.js';
import { standard } from './standard.js';

/** Changes the organization trail as every region sees it (details live in its home region). */
function trail(fn: (t: Trail) => Trail) {
  return regional('cloudtrail', (c) => ({ ...c, trails: observed((c.trails.ok ? c.trails.value : []).map(fn)) }));
}
const details = (o: Parameters<typeof trailDetails>[0]) => trail((t) => (t.details ? { ...t, details: trailDetails({ ...t.details, ...o }) } : t));
const stopped = details({ status: observed({ isLogging: false, latestDeliveryTime: '2026-08-01T00:00:00.000Z', latestDeliveryError: null }) });
/** Issue 7 §2.3: logging, but the bucket policy no longer lets CloudTrail write. */
const deliveryFailing = details({ status: observed({ isLogging: true, latestDeliveryTime: '2026-09-01T00:00:00.000Z', latestDeliveryError: 'AccessDenied' }) });
const statusDenied = details({ status: deniedRead('cloudtrail', 'GetTrailStatus', HOME) });
/** The account's own trail writing to a bucket in this same account. */
const ownBucketTrail = [
  regional('cloudtrail', () => ({ trails: observed([aTrail('local', { s3BucketName: 'acme-app-artifacts', details: trailDetails({ logBucket: aLogBucket('acme-app-artifacts', { owner: observed('this-account' as const) }) }) })]) }), [HOME]),
  regional('cloudtrail', () => ({ trails: observed([{ ...aTrail('local', { s3BucketName: 'acme-app-artifacts' }), details: null }]) }), ['eu-west-1']),
];
const logBucket = (o: Parameters<typeof aLogBucket>[1]) => details({ logBucket: aLogBucket('org-trail-logs', o) });
const unversionedLogBucket = logBucket({ versioning: observed({ status: 'Suspended', mfaDelete: 'Disabled' }) });
/** The account's own log bucket, readable by anyone (no block at account or bucket level). */
const publicLogBucket = [
  regional('cloudtrail', () => ({ trails: observed([aTrail('local', { s3BucketName: 'acme-trail', details: trailDetails({ logBucket: aLogBucket('acme-trail', { owner: observed('this-account' as const), publicAccessBlock: observed(null), policy: observed(publicReadPolicy('acme-trail')), policyIsPublic: observed(true) }) }) })]) }), [HOME]),
  regional('cloudtrail', () => ({ trails: observed([{ ...aTrail('local', { s3BucketName: 'acme-trail' }), details: null }]) }), ['eu-west-1']),
  global('s3', (s3) => ({ ...s3, accountPublicAccessBlock: observed(null) })),
];
/** Another account's log bucket with a public policy: that account's own block is not visible from here. */
const foreignLogBucketPublicPolicy = logBucket({ publicAccessBlock: observed(ALL_OFF), policy: observed(publicReadPolicy('org-trail-logs')), policyIsPublic: observed(true) });
const noValidation = trail((t) => ({ ...t, logFileValidationEnabled: false }));
const unreadableLogBucket = logBucket({ versioning: deniedRead('s3', 'GetBucketVersioning'), owner: deniedRead('s3', 'GetBucketAcl') });

export const scenarios: Scenario[] = [
  ...standard(FTR, 'CTL-001'),
  { framework: FTR, item: 'CTL-001', kind: 'not-met', name: 'the organization trail stopped logging', mutations: [stopped], reason: 'cloudtrail_multi_region_enabled_logging' },
  { framework: FTR, item: 'CTL-001', kind: 'not-met', name: 'issue 7 §2.3: logging, but LatestDeliveryError (broken bucket policy)', mutations: [deliveryFailing], reason: 'cloudtrail_multi_region_enabled_logging' },
  { framework: FTR, item: 'CTL-001', kind: 'unknown', name: 'GetTrailStatus denied', mutations: [statusDenied] },
  { framework: FTR, item: 'CTL-001', kind: 'unknown', name: 'DescribeTrails denied in every region', mutations: [deny.regional('cloudtrail', 'DescribeTrails')] },
  {
    framework: FTR, item: 'CTL-001', kind: 'met',
    name: 'issue 7 §2.2: ec2:DescribeRegions failed; a logging multi-region trail still covers every region (the reason says what was scanned)',
    reason: 'could not be listed',
    mutations: [accountWith((a) => ({ ...a, regions: deniedRead('ec2', 'DescribeRegions'), regional: a.regional.filter((r) => r.region === HOME) }))],
  },

  ...standard(FTR, 'CTL-002'),
  { framework: FTR, item: 'CTL-002', kind: 'not-met', name: 'the only trail writes to a bucket of this same account', mutations: ownBucketTrail, reason: 'cloudtrail_logs_bucket_in_other_account' },
  { framework: FTR, item: 'CTL-002', kind: 'unknown', name: 'DescribeTrails denied', mutations: [deny.regional('cloudtrail', 'DescribeTrails')] },

  ...standard(FTR, 'CTL-003'),
  { framework: FTR, item: 'CTL-003', kind: 'not-met', name: 'log bucket versioning suspended, no MFA delete', mutations: [unversionedLogBucket], reason: 'cloudtrail_logs_bucket_versioning_or_mfa_delete' },
  { framework: FTR, item: 'CTL-003', kind: 'not-met', name: 'the account\'s own log bucket, readable by anyone', mutations: publicLogBucket, reason: 'cloudtrail_logs_bucket_not_public' },
  { framework: FTR, item: 'CTL-003', kind: 'unknown', name: 'the log-archive account\'s bucket has a public policy; that account\'s own block cannot be seen', mutations: [foreignLogBucketPublicPolicy] },
  { framework: FTR, item: 'CTL-003', kind: 'unknown', name: 'the log bucket (another account\'s) could not be read', mutations: [unreadableLogBucket] },

  ...standard(FTR, 'CTL-004'),
  { framework: FTR, item: 'CTL-004', kind: 'not-met', name: 'log file validation off', mutations: [noValidation], reason: 'cloudtrail_log_file_validation_enabled' },
  { framework: FTR, item: 'CTL-004', kind: 'not-met', name: 'trail not encrypted with KMS', mutations: [trail((t) => ({ ...t, kmsKeyId: null }))], reason: 'cloudtrail_kms_encryption_enabled' },
  { framework: FTR, item: 'CTL-004', kind: 'unknown', name: 'DescribeTrails denied', mutations: [deny.regional('cloudtrail', 'DescribeTrails')] },

  ...standard(COMP, '1.13'),
  { framework: COMP, item: '1.13', kind: 'not-met', name: 'issue 7 §2.3: logging, but LatestDeliveryError', mutations: [deliveryFailing] },
  { framework: COMP, item: '1.13', kind: 'unknown', name: 'GetTrailStatus denied', mutations: [statusDenied] },

  ...standard(COMP, '1.14'),
  { framework: COMP, item: '1.14', kind: 'not-met', name: 'logs in a bucket of this same account', mutations: ownBucketTrail },
  { framework: COMP, item: '1.14', kind: 'unknown', name: 'DescribeTrails denied', mutations: [deny.regional('cloudtrail', 'DescribeTrails')] },

  ...standard(COMP, '1.15'),
  { framework: COMP, item: '1.15', kind: 'not-met', name: 'log bucket versioning suspended', mutations: [unversionedLogBucket] },
  { framework: COMP, item: '1.15', kind: 'unknown', name: 'the log bucket\'s versioning could not be read', mutations: [unreadableLogBucket] },
];
