import { describe, expect, it } from 'vitest';
import { ALL_OFF, ALL_ON, ALL_USERS, aBucket, publicReadPolicy } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { BucketAcl, PublicAccessBlock } from '../../core/slices/s3.js';
import { evaluateExposure, type AccountPab } from './public-exposure.js';

const publicAcl: BucketAcl = {
  ownerCanonicalId: 'owner',
  grants: [{ granteeType: 'Group', groupUri: ALL_USERS, canonicalId: null, permission: 'READ' }],
};
const only = (overrides: Partial<PublicAccessBlock>): PublicAccessBlock => ({ ...ALL_OFF, ...overrides });
const open = { publicAccessBlock: observed(null), objectOwnership: observed(null) };
/** No Block Public Access, ACLs disabled: only the policy decides. */
const policyOnly = { publicAccessBlock: observed(null), objectOwnership: observed('BucketOwnerEnforced') };

describe('evaluateExposure', () => {
  it.each<[string, Parameters<typeof aBucket>[1], AccountPab, string]>([
    ['private bucket', {}, observed(null), 'not-public'],
    ['public ACL, no PAB', { ...open, acl: observed(publicAcl) }, observed(null), 'public'],
    ['public ACL, IgnorePublicAcls on the bucket', { acl: observed(publicAcl), publicAccessBlock: observed(only({ ignorePublicAcls: true })) }, observed(null), 'not-public'],
    ['public ACL, IgnorePublicAcls on the account', { ...open, acl: observed(publicAcl) }, observed(only({ ignorePublicAcls: true })), 'not-public'],
    ['public ACL, only BlockPublicAcls (does not affect existing ACLs)', { ...open, acl: observed(publicAcl) }, observed(only({ blockPublicAcls: true })), 'public'],
    ['public ACL but ACLs disabled (BucketOwnerEnforced)', { acl: observed(publicAcl), publicAccessBlock: observed(null) }, observed(null), 'not-public'],
    ['public policy, no PAB', { ...open, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }, observed(null), 'public'],
    ['public policy, RestrictPublicBuckets on the account', { ...policyOnly, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }, observed(only({ restrictPublicBuckets: true })), 'not-public'],
    ['public policy, only BlockPublicPolicy (does not affect the existing policy)', { ...open, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }, observed(only({ blockPublicPolicy: true })), 'public'],
    ['AWS says IsPublic=true although our analysis would not', { ...open, policyIsPublic: observed(true) }, observed(null), 'public'],
    ['AWS says IsPublic=false for a policy we would flag', { ...policyOnly, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(false) }, observed(null), 'not-public'],
    ['policy restricted to a VPC endpoint', { ...policyOnly, policy: observed(publicReadPolicy('b', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } })), policyIsPublic: observed(null) }, observed(null), 'not-public'],
    ['ACL denied, ignore public ACLs on: ACL irrelevant', { acl: denied('s3', 'GetBucketAcl'), objectOwnership: observed(null) }, observed(ALL_ON), 'not-public'],
    ['ACL denied, nothing blocks', { ...open, acl: denied('s3', 'GetBucketAcl') }, observed(null), 'unknown'],
    ['policy denied, RestrictPublicBuckets on: policy irrelevant', { policy: denied('s3', 'GetBucketPolicy'), policyIsPublic: denied('s3', 'GetBucketPolicyStatus') }, observed(null), 'not-public'],
    ['public policy, account PAB unreadable', { ...open, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }, denied('s3control', 'GetPublicAccessBlock'), 'unknown'],
    ['public policy, owner account PAB unreadable', { ...open, policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }, { ok: 'unreadable', reason: 'other account' }, 'unknown'],
    ['public ACL wins over an unknown policy', { ...open, acl: observed(publicAcl), policy: denied('s3', 'GetBucketPolicy'), policyIsPublic: denied('s3', 'GetBucketPolicyStatus') }, observed(null), 'public'],
    // Object ACLs: with ACLs enabled and IgnorePublicAcls off, any object can carry its own public-read ACL.
    ['no public grant, no ownership controls (ACLs enabled), nothing blocks', { ...open }, observed(null), 'objects-unverified'],
    ['no public grant, BucketOwnerPreferred, bucket PAB without IgnorePublicAcls', { objectOwnership: observed('BucketOwnerPreferred'), publicAccessBlock: observed(only({ blockPublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true })) }, observed(null), 'objects-unverified'],
    ['no public grant, ObjectWriter, account IgnorePublicAcls on', { ...open, objectOwnership: observed('ObjectWriter') }, observed(only({ ignorePublicAcls: true })), 'not-public'],
    ['ownership unreadable, nothing ignores public ACLs', { ...open, objectOwnership: denied('s3', 'GetBucketOwnershipControls') }, observed(null), 'unknown'],
    ['ownership unreadable, IgnorePublicAcls on', { objectOwnership: denied('s3', 'GetBucketOwnershipControls') }, observed(null), 'not-public'],
    ['ACLs enabled, account PAB unreadable', { ...open }, denied('s3control', 'GetPublicAccessBlock'), 'unknown'],
    ['malformed policy', { ...open, policy: observed('{oops'), policyIsPublic: observed(null) }, observed(null), 'unknown'],
  ])('%s => %s', (_name, overrides, account, expected) => {
    expect(evaluateExposure(aBucket('b', overrides), account).status).toBe(expected);
  });

  it('says that object ACLs were not read when they could make objects public', () => {
    const verdict = evaluateExposure(aBucket('b', { ...open }), observed(null));
    expect(verdict.reasons.join(' ')).toContain('object ACL');
    expect(verdict.evidence).toMatchObject({ aclsDisabled: false, objectOwnership: null, effectiveIgnorePublicAcls: 'no' });
  });

  it('is unknown, not private, when Object Ownership was never collected (older log-bucket snapshots)', () => {
    const { objectOwnership: _dropped, ...rest } = aBucket('b', { ...open });
    const verdict = evaluateExposure(rest, observed(null));
    expect(verdict.status).toBe('unknown');
    expect(verdict.unknownReasons).toEqual([expect.stringContaining('Object Ownership')]);
  });

  it('names the reasons and the failed read', () => {
    const verdict = evaluateExposure(aBucket('b', { ...open, acl: denied('s3', 'GetBucketAcl') }), observed(null));
    expect(verdict.unknownReasons).toEqual([expect.objectContaining({ operation: 'GetBucketAcl' })]);
    const pub = evaluateExposure(aBucket('b', { ...open, acl: observed(publicAcl), policy: observed(publicReadPolicy('b')), policyIsPublic: observed(null) }), observed(null));
    expect(pub.reasons).toEqual(['its ACL grants READ to AllUsers', 'its bucket policy allows public access (statement PublicRead)']);
    expect(pub.evidence).toMatchObject({ publicAclGrants: ['READ to AllUsers'], publicPolicyStatements: ['PublicRead'], policySource: 'policy analysis' });
  });
});
