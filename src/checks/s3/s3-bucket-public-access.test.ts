import { describe, expect, it } from 'vitest';
import { ALL_USERS, aBucket, publicReadPolicy, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { PublicAccessBlock, S3Bucket } from '../../core/slices/s3.js';
import { s3BucketPublicAccess } from './s3-bucket-public-access.js';

const open = { publicAccessBlock: observed(null), objectOwnership: observed(null), policyIsPublic: observed(null) };
const publicAcl = observed({
  ownerCanonicalId: 'o',
  grants: [{ granteeType: 'Group', groupUri: ALL_USERS, canonicalId: null, permission: 'READ' }],
});

describe('s3_bucket_public_access', () => {
  it.each<[string, Partial<S3Bucket>, Observed<PublicAccessBlock | null>, string]>([
    ['private, blocked', {}, observed(null), 'PASS'],
    ['public-read ACL, nothing blocks', { ...open, acl: publicAcl }, observed(null), 'FAIL'],
    ['public policy, nothing blocks', { ...open, policy: observed(publicReadPolicy('web')) }, observed(null), 'FAIL'],
    ['public policy neutralized by account RestrictPublicBuckets', { ...open, objectOwnership: observed('BucketOwnerEnforced'), policy: observed(publicReadPolicy('web')) }, observed({ blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true }), 'PASS'],
    ['no public grant, but ACLs enabled and IgnorePublicAcls off (object ACLs)', { ...open }, observed(null), 'MANUAL'],
    ['no public grant, ACLs enabled, account IgnorePublicAcls on', { ...open }, observed({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false }), 'PASS'],
    ['ACL unreadable, nothing blocks', { ...open, acl: denied('s3', 'GetBucketAcl') }, observed(null), 'UNKNOWN'],
    ['public policy, account PAB unreadable', { ...open, policy: observed(publicReadPolicy('web')) }, denied('s3control', 'GetPublicAccessBlock'), 'UNKNOWN'],
  ])('%s => %s', (_name, overrides, accountPab, status) => {
    const outcomes = s3BucketPublicAccess.evaluate(s3Snapshot([aBucket('web', overrides)], accountPab));
    expect(outcomes).toEqual([expect.objectContaining({ status, resourceId: 'web' })]);
  });

  it('explains the MANUAL for object ACLs and how to settle it', () => {
    const [outcome] = s3BucketPublicAccess.evaluate(s3Snapshot([aBucket('legacy', { ...open, objectOwnership: observed('ObjectWriter') })], observed(null)));
    expect(outcome?.status).toBe('MANUAL');
    expect(outcome?.message).toContain('object ACL');
    expect(outcome?.message).toContain('BucketOwnerEnforced');
  });

  it('explains why a bucket is public and why it is UNKNOWN', () => {
    const [pub] = s3BucketPublicAccess.evaluate(s3Snapshot([aBucket('web', { ...open, policy: observed(publicReadPolicy('web')) })], observed(null)));
    expect(pub?.message).toBe('Bucket web is public: its bucket policy allows public access (statement PublicRead).');
    const [unk] = s3BucketPublicAccess.evaluate(s3Snapshot([aBucket('web', { ...open, acl: denied('s3', 'GetBucketAcl') })], observed(null)));
    expect(unk?.message).toContain('s3:GetBucketAcl');
    expect(unk?.evidence).toMatchObject({ collectionErrors: [{ operation: 'GetBucketAcl', kind: 'access_denied' }] });
  });
});
