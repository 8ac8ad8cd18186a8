/** The log-bucket checks share this: find the bucket of a trail, or say why it cannot be judged. */
import { fail } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { Trail, TrailLogBucket } from '../../core/slices/cloudtrail.js';
import type { AccountSnapshot } from '../../core/snapshot.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { capitalize, noDetailsReason, trailLabel } from './trails.js';

/** The trail's log bucket, or the outcome to return instead (no bucket, home region not read, bucket missing). */
export function logBucketOf(trail: Trail, ref: ResourceRef, account: AccountSnapshot): TrailLogBucket | CheckOutcome {
  const label = trailLabel(trail, account);
  if (trail.s3BucketName === null) return fail(ref, `${capitalize(label)} delivers to no S3 bucket.`, { s3BucketName: null });
  if (!trail.details) return unknownBecause(ref, '', [noDetailsReason(trail)], { s3BucketName: trail.s3BucketName });
  const bucket = trail.details.logBucket;
  if (!bucket) return unknownBecause(ref, `The log bucket ${trail.s3BucketName} of ${label} was not read.`, []);
  if (bucket.owner.ok && bucket.owner.value === 'not-found') {
    return fail(ref, `${capitalize(label)} delivers to bucket ${bucket.name}, which does not exist: logs are lost and anyone could create that bucket name.`, {
      s3BucketName: bucket.name,
      bucketExists: false,
    });
  }
  return bucket;
}

export function isOutcome(value: TrailLogBucket | CheckOutcome): value is CheckOutcome {
  return 'status' in value;
}
