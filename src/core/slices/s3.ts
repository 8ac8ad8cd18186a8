/**
 * Snapshot slice for S3 (global): the account-level Block Public Access settings and every bucket of the
 * account with the settings the storage checks read. Each per-bucket read can fail on its own, so every
 * bucket field is an Observed value. Bucket policies are kept verbatim: they are configuration, not secrets.
 */
import type { Observed } from '../observed.js';

export interface S3Slice {
  /** s3control:GetPublicAccessBlock for the account; null = never configured (NoSuchPublicAccessBlockConfiguration). */
  readonly accountPublicAccessBlock: Observed<PublicAccessBlock | null>;
  /** s3:ListBuckets (buckets owned by this account, every region) with their per-bucket settings. */
  readonly buckets: Observed<readonly S3Bucket[]>;
}

/** The four Block Public Access switches (account or bucket level). A switch that AWS omits is false. */
export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

/** One ACL grant (s3:GetBucketAcl). Public grants have a `groupUri` ending in /AllUsers or /AuthenticatedUsers. */
export interface AclGrant {
  /** CanonicalUser | Group | AmazonCustomerByEmail */
  readonly granteeType: string;
  /** Group URI, e.g. http://acs.amazonaws.com/groups/global/AllUsers; null for user grants. */
  readonly groupUri: string | null;
  /** Canonical user id of a user grant; null for groups. */
  readonly canonicalId: string | null;
  /** READ | WRITE | READ_ACP | WRITE_ACP | FULL_CONTROL */
  readonly permission: string;
}

export interface BucketAcl {
  /** Canonical user id of the bucket owner. */
  readonly ownerCanonicalId: string | null;
  readonly grants: readonly AclGrant[];
}

/** s3:GetBucketVersioning. `status` null = versioning never enabled; `mfaDelete` null = not reported. */
export interface BucketVersioning {
  readonly status: 'Enabled' | 'Suspended' | null;
  readonly mfaDelete: 'Enabled' | 'Disabled' | null;
}

/** The first default-encryption rule of s3:GetBucketEncryption. */
export interface BucketEncryption {
  /** AES256 | aws:kms | aws:kms:dsse */
  readonly sseAlgorithm: string;
  readonly kmsMasterKeyId: string | null;
  readonly bucketKeyEnabled: boolean | null;
}

/** The bucket-level reads shared by the S3 slice and the CloudTrail log-bucket view. */
export interface BucketExposureReads {
  /** s3:GetPublicAccessBlock; null = no bucket-level configuration. */
  readonly publicAccessBlock: Observed<PublicAccessBlock | null>;
  /** s3:GetBucketPolicy, the policy document as JSON text; null = no bucket policy. */
  readonly policy: Observed<string | null>;
  /**
   * s3:GetBucketPolicyStatus `IsPublic`; null = no policy (NoSuchBucketPolicy) or the endpoint did not say
   * (moto answers `{}`): evaluate `policy` instead.
   */
  readonly policyIsPublic: Observed<boolean | null>;
  /** s3:GetBucketAcl */
  readonly acl: Observed<BucketAcl>;
  /** s3:GetBucketVersioning */
  readonly versioning: Observed<BucketVersioning>;
  /**
   * s3:GetBucketOwnershipControls ObjectOwnership (BucketOwnerEnforced = ACLs disabled); null = no ownership
   * controls (ACLs enabled). Optional: CloudTrail log buckets in snapshots written before it was read there.
   */
  readonly objectOwnership?: Observed<string | null>;
}

export interface S3Bucket extends BucketExposureReads {
  readonly name: string;
  readonly arn: string;
  /** ListBuckets CreationDate (ISO). */
  readonly createdAt: string | null;
  /** s3:GetBucketLocation, normalized (empty => us-east-1, EU => eu-west-1). */
  readonly region: Observed<string>;
  /** Whether the bucket's region is one the scan covers; null when the region is unknown. S3 buckets are collected either way. */
  readonly inScannedRegion: boolean | null;
  /** s3:GetBucketOwnershipControls ObjectOwnership (BucketOwnerEnforced = ACLs disabled); null = no ownership controls. */
  readonly objectOwnership: Observed<string | null>;
  /** s3:GetBucketEncryption; null = no default encryption configured. */
  readonly encryption: Observed<BucketEncryption | null>;
  /** s3:GetBucketTagging; null = no tags (NoSuchTagSet). */
  readonly tags: Observed<Readonly<Record<string, string>> | null>;
}
