import type { CheckDefinition } from '../../core/check.js';
import { s3AccountLevelPublicAccessBlock } from './s3-account-level-public-access-block.js';
import { s3BucketAclProhibited } from './s3-bucket-acl-prohibited.js';
import { s3BucketDefaultEncryption } from './s3-bucket-default-encryption.js';
import { s3BucketLevelPublicAccessBlock } from './s3-bucket-level-public-access-block.js';
import { s3BucketPublicAccess } from './s3-bucket-public-access.js';
import { s3BucketSecureTransportPolicy } from './s3-bucket-secure-transport-policy.js';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.js';

/** The s3 checks. */
export const s3Checks: readonly CheckDefinition[] = [
  s3AccountLevelPublicAccessBlock,
  s3BucketLevelPublicAccessBlock,
  s3BucketPublicAccess,
  s3BucketAclProhibited,
  s3BucketDefaultEncryption,
  s3BucketSecureTransportPolicy,
  s3BucketVersioningEnabled,
];
