/** FTR S3-001 (+ legacy S3-002, S3-003) and competency 1.17-1.19: public buckets and their monitoring. */
import { observed } from '../../../src/core/observed.js';
import type { Suppression } from '../../../src/attest/types.js';
import { ACCOUNT_A } from '../../helpers/snapshot-builder.js';
import { ALL_OFF, ALL_USERS, publicReadPolicy } from '../../helpers/storage-fixtures.js';
import { deniedRead, global, regional, snapshotWith } from '../mutations.js';
import { COMP, FTR, type Scenario } from '../scenario.js';
import { bucket } from '../fixtures.js';
import { standard } from './standard.js';

const accountBlockOff = global('s3', (s3) => ({ ...s3, accountPublicAccessBlock: observed(null) }));
const accountBlockDenied = global('s3', (s3) => ({ ...s3, accountPublicAccessBlock: deniedRead('s3control', 'GetPublicAccessBlock') }));
const publicWebsite = [accountBlockOff, bucket('acme-public-site', { publicAccessBlock: observed(null), policy: observed(publicReadPolicy('acme-public-site')), policyIsPublic: observed(true) })];
const publicAclBucket = [
  accountBlockOff,
  bucket('acme-exports', {
    publicAccessBlock: observed(null),
    objectOwnership: observed('ObjectWriter'),
    acl: observed({ ownerCanonicalId: 'owner', grants: [{ granteeType: 'Group', groupUri: ALL_USERS, canonicalId: null, permission: 'READ' }] }),
  }),
];
/** Issue 7 §2.8: ACLs enabled and IgnorePublicAcls off: objects may carry public ACLs that are not read. */
const objectAclsPossible = [accountBlockOff, bucket('acme-uploads', { publicAccessBlock: observed({ ...ALL_OFF, blockPublicPolicy: true, restrictPublicBuckets: true }), objectOwnership: observed('ObjectWriter') })];
const bucketPolicyDenied = [accountBlockOff, bucket('acme-exports', { publicAccessBlock: observed(null), policy: deniedRead('s3', 'GetBucketPolicy'), policyIsPublic: deniedRead('s3', 'GetBucketPolicyStatus') })];
const accountBlockOffBucketsBlocked = [accountBlockOff];
const bucketWithoutBlock = [accountBlockOff, bucket('acme-exports', { publicAccessBlock: observed(null) })];
const websiteSuppressed: Suppression = {
  checkId: 's3_bucket_public_access',
  accountId: ACCOUNT_A,
  resourceId: 'acme-public-site',
  resourceArn: null,
  region: null,
  justification: 'Static marketing site, public by design; no customer data.',
  owner: 'security@acme.example',
  expires: '2027-06-30',
};
const noAnalyzerStandalone = [
  snapshotWith((s) => ({ ...s, organization: observed(null) })),
  regional('accessanalyzer', () => ({ analyzers: observed([]) })),
];
const monitoringUnreadable = [
  regional('accessanalyzer', () => deniedRead('access-analyzer', 'ListAnalyzers')),
  regional('config', () => deniedRead('config', 'DescribeConfigRules')),
  regional('securityhub', () => deniedRead('securityhub', 'DescribeHub')),
];

export const scenarios: Scenario[] = [
  ...standard(FTR, 'S3-001'),
  { framework: FTR, item: 'S3-001', kind: 'not-met', name: 'a bucket readable by anyone through its policy', mutations: publicWebsite, reason: 's3_bucket_public_access' },
  { framework: FTR, item: 'S3-001', kind: 'not-met', name: 'a bucket ACL granting AllUsers READ', mutations: publicAclBucket, reason: 's3_bucket_public_access' },
  {
    framework: FTR, item: 'S3-001', kind: 'met', name: 'an intentionally public website bucket: suppressed with its justification and attested',
    mutations: publicWebsite, suppressions: [websiteSuppressed], reason: 'Accepted risk',
  },
  { framework: FTR, item: 'S3-001', kind: 'needs-evidence', attest: null, name: 'the public website bucket suppressed but not attested', mutations: publicWebsite, suppressions: [websiteSuppressed], reason: 'A suppression does not make an item met' },
  { framework: FTR, item: 'S3-001', kind: 'alternative', name: 'no account-level block; every bucket blocks on its own (attested)', mutations: accountBlockOffBucketsBlocked },
  { framework: FTR, item: 'S3-001', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.8: ACLs enabled and IgnorePublicAcls off: object ACLs are not read, so MANUAL, not "not public"', mutations: objectAclsPossible, reason: 's3_bucket_public_access needs a person' },
  { framework: FTR, item: 'S3-001', kind: 'unknown', name: 'bucket policy unreadable on a bucket without Block Public Access', mutations: bucketPolicyDenied },

  ...standard(FTR, 'S3-002'),
  { framework: FTR, item: 'S3-002', kind: 'not-met', name: 'neither the account nor a bucket blocks public access', mutations: bucketWithoutBlock, reason: 's3_bucket_level_public_access_block' },
  { framework: FTR, item: 'S3-002', kind: 'unknown', name: 'GetPublicAccessBlock (account) denied', mutations: [accountBlockDenied] },

  ...standard(FTR, 'S3-003'),
  { framework: FTR, item: 'S3-003', kind: 'alternative', name: 'a standalone account without Access Analyzer; a CSPM alerts on public buckets (attested)', mutations: noAnalyzerStandalone },
  { framework: FTR, item: 'S3-003', kind: 'unseen', name: 'Access Analyzer, Config and Security Hub unreadable', mutations: monitoringUnreadable, attest: null },

  ...standard(COMP, '1.17'),
  { framework: COMP, item: '1.17', kind: 'not-met', name: 'a bucket ACL granting AllUsers READ', mutations: publicAclBucket },
  { framework: COMP, item: '1.17', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.8: ACLs enabled and IgnorePublicAcls off', mutations: objectAclsPossible },
  { framework: COMP, item: '1.17', kind: 'unknown', name: 'bucket policy unreadable', mutations: bucketPolicyDenied },

  ...standard(COMP, '1.18'),
  { framework: COMP, item: '1.18', kind: 'not-met', name: 'a public bucket policy', mutations: publicWebsite },
  { framework: COMP, item: '1.18', kind: 'not-met', name: 'a bucket with no Block Public Access at any level', mutations: bucketWithoutBlock },
  { framework: COMP, item: '1.18', kind: 'unknown', name: 'a bucket without its own block, and the account-level block unreadable', mutations: [accountBlockDenied, bucket('acme-exports', { publicAccessBlock: observed(null) })] },

  ...standard(COMP, '1.19'),
  { framework: COMP, item: '1.19', kind: 'alternative', name: 'no Access Analyzer (standalone account); a CSPM alerts (attested)', mutations: noAnalyzerStandalone },
  { framework: COMP, item: '1.19', kind: 'unseen', name: 'monitoring services unreadable', mutations: monitoringUnreadable, attest: null },
];
